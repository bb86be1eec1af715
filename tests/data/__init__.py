"""Tests of kharkiv.data."""
