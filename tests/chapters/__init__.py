"""Tests of kharkiv.chapters."""
