"""Ids such as e0028 and n0017: a letter and a number that may grow past four digits.

Sorting ids as strings puts e10000 before e9999; sort with these keys instead.
"""

import re

import pandas as pd

ID = re.compile(r"([a-z]+)([0-9]+)")
WIDTH = 12  # digits the number is padded to for sorting; far beyond any realistic table


def sort_key(value: str) -> str:
    """A string that sorts like the id's number: sort_key('e10000') > sort_key('e9999').

    Values that are not letter+number ids are returned unchanged, so the key works on mixed columns.
    """
    m = ID.fullmatch(value) if isinstance(value, str) else None
    return f"{m[1]}{int(m[2]):0{WIDTH}d}" if m else value


def sorted_ids(values) -> list[str]:
    return sorted(values, key=sort_key)


def series_key(s: pd.Series) -> pd.Series:
    """For DataFrame.sort_values(..., key=series_key): id columns sort by number, other columns as they are."""
    if s.dtype == object or pd.api.types.is_string_dtype(s):
        return s.map(sort_key, na_action="ignore")
    return s
