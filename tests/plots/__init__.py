"""Tests of kharkiv.plots."""
