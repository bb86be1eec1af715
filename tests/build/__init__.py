"""Tests of kharkiv.build."""
