"""Tests of the built book, in headless Chromium."""
