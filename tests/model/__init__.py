"""Tests of kharkiv.model."""
