"""Helpers for the Battle of Kharkiv book: load the curated data, check it, and draw it consistently."""

from kharkiv.data.errors import DataError
from kharkiv.data.load import load_table, load_tables

__all__ = ["DataError", "load_table", "load_tables"]
