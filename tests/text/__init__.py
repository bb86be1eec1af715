"""Tests of kharkiv.text."""
