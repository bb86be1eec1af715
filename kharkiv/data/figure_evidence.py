"""Does a statement's figure stand in its evidence excerpt? (A figure is recorded as stated.)

The excerpt must carry the value as digits (with or without thousands separators), in millions, or as a
number word. A number word counts only as a whole word: "an" is inside "Ukrainian", "one" inside "someone",
"ten" inside "often", "six" inside "forty-six". Shared by the loader and tests/test_data.py.
"""

import re
from functools import lru_cache

NUMBER_WORDS = {
    0: ["no", "none"],
    1: ["one", "a", "an"],
    2: ["two", "both"],
    3: ["three"],
    4: ["four"],
    5: ["five"],
    6: ["six"],
    7: ["seven"],
    8: ["eight"],
    9: ["nine"],
    10: ["ten"],
    11: ["eleven"],
    12: ["twelve"],
    25: ["one-quarter", "quarter"],
    50: ["one-half", "half"],
    46: ["forty-six"],
}


def figure_forms(v: float) -> list[str]:
    if not v.is_integer():
        return [f"{v:g}"]
    forms = [f"{v:,.0f}", f"{v:.0f}"]
    if v >= 1e6:
        forms.append(f"{v / 1e6:g} million")
    return forms


@lru_cache(maxsize=4096)
def _digits(v: float) -> re.Pattern:
    """One pattern for all digit forms of a value (compiled once per value: a table repeats its figures)."""
    return re.compile(rf"(?<![\d,.])(?:{'|'.join(map(re.escape, figure_forms(v)))})(?!\d)")


@lru_cache(maxsize=64)
def _words(n: int) -> re.Pattern | None:
    """The number words of n as whole words (not inside a longer word or a hyphenated compound)."""
    words = NUMBER_WORDS.get(n)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, words))})(?![\w-])") if words else None


def stands_in(value: float, evidence: str) -> bool:
    """True if the excerpt writes the value as digits, in millions, or as a whole number word."""
    v, text = float(value), evidence.lower()
    digits = _digits(v).search(text) is not None
    words = v.is_integer() and (p := _words(int(v))) is not None and p.search(text) is not None
    return digits or words or (v == 1e6 and "one million" in text)
