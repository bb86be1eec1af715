"""Parse and check one CSV cell against its Table Schema field.

Only the canonical lexical forms of the Table Schema are read (ASCII digits, '.' as decimal mark, no group
separator): Python's own spellings such as '1_000', ' 5' or Arabic-Indic digits are refused, not converted.
"""

import datetime as dt
import math
import re

ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
INTEGER = re.compile(r"[+-]?[0-9]+")
# XML Schema decimal with an optional exponent, as the Table Schema defines `number`.
NUMBER = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?")
# The Table Schema also allows NaN and INF; a figure here is always finite (empty when unknown).
SPECIAL = re.compile(r"[+-]?(nan|inf|infinity)", re.IGNORECASE)
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
BLANK = re.compile(rf"[\s{ZERO_WIDTH}]*")
# C0 control characters and DEL other than tab and line breaks: never text, usually a corrupted file.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

EXPECTED = {
    "date": "an ISO date (YYYY-MM-DD)",
    "integer": "an integer (ASCII digits with an optional sign; no '_', spaces or separators)",
    "number": "a number (ASCII digits, '.' as decimal mark, optional sign and exponent; no '_', spaces or separators)",
}


BOUNDS = (("minimum", lambda a, b: a < b, "below"), ("maximum", lambda a, b: a > b, "above"))


class CellError(Exception):
    def __init__(self, rule: str, detail: str):
        super().__init__(detail)
        self.rule, self.detail = rule, detail


def is_blank(raw: str) -> bool:
    """True for a cell of only whitespace or zero-width characters (which reads as empty but is not)."""
    return BLANK.fullmatch(raw) is not None


def _number(raw: str) -> float:
    if SPECIAL.fullmatch(raw):
        raise CellError("type number", f"{raw!r} is not a finite number: leave the cell empty when unknown")
    if not NUMBER.fullmatch(raw):
        raise ValueError
    value = float(raw)
    if not math.isfinite(value):
        raise CellError("type number", f"{raw!r} is too large to be a finite number")
    return value


def _boolean(field: dict, raw: str) -> bool:
    values = {v: True for v in field.get("trueValues", ["true"])}
    values.update({v: False for v in field.get("falseValues", ["false"])})
    return values[raw]


def parse(field: dict, raw: str):
    """Return the typed value of a non-empty cell, or raise CellError."""
    kind = field.get("type", "string")
    try:
        if kind == "date":
            if not ISO_DATE.fullmatch(raw):
                raise ValueError
            return dt.date.fromisoformat(raw)
        if kind == "integer":
            if not INTEGER.fullmatch(raw) or len(raw.lstrip("+-0")) > 18:  # beyond a 64-bit integer
                raise ValueError
            return int(raw)
        if kind == "number":
            return _number(raw)
        if kind == "boolean":
            return _boolean(field, raw)
    except (ValueError, KeyError):
        expected = EXPECTED.get(kind) or "one of " + ", ".join(
            field.get("trueValues", ["true"]) + field.get("falseValues", ["false"])
        )
        raise CellError(f"type {kind}", f"{raw!r} is not {expected}") from None
    return raw


def check(field: dict, value, raw: str) -> None:
    """Apply the field's constraints (other than required and unique) to a parsed value."""
    c = field.get("constraints")
    if c:
        _constraints(c, value, raw)
    if isinstance(value, str) and is_blank(raw):
        raise CellError("not blank", f"{raw!r} is only whitespace: write the value, or leave the cell empty")
    if isinstance(value, str) and (m := CONTROL.search(raw)):
        raise CellError("no control characters", f"{raw[:60]!r} contains the control character {m[0]!r}")


def _constraints(c: dict, value, raw: str) -> None:
    if "enum" in c and value not in c["enum"]:
        allowed = ", ".join(map(str, c["enum"]))
        raise CellError("enum", f"{raw!r} is not one of the allowed values: {allowed}")
    for key, op, word in BOUNDS:
        if key in c:
            bound = c[key]
            if isinstance(value, dt.date):
                bound = dt.date.fromisoformat(bound)
            if op(value, bound):
                raise CellError(key, f"{raw!r} is {word} the {key} {c[key]}")
    if "pattern" in c and not re.fullmatch(c["pattern"], raw):
        raise CellError("pattern", f"{raw!r} does not match the pattern {c['pattern']}")
    if "minLength" in c and len(raw.strip()) < c["minLength"]:
        raise CellError("minLength", f"{raw!r} is shorter than {c['minLength']} characters")


def column(field: dict, raws: list[str]) -> tuple[list, tuple[int, CellError] | None]:
    """Typed values of one column, and its first bad cell as (row index from 0, error), or None.

    A cell's value and error depend on its text only, so each distinct text is parsed and checked once:
    every cell still meets every rule, at a fraction of the cost (most columns repeat a few values).
    A text column is first screened as a whole; only a column that fails the screen is checked cell by cell,
    which also finds and words the error exactly as for a single cell.
    """
    distinct = set(raws)
    if field.get("type", "string") == "string" and _texts_pass(field.get("constraints", {}), distinct - {""}):
        return _texts(field, raws, "" in distinct)
    return _memoised(field, raws)


def _texts_pass(c: dict, texts: set[str]) -> bool:
    """True only if no text breaks a rule of check() (False means: look at each one)."""
    if not texts:
        return True
    if "minimum" in c or "maximum" in c:  # bounds on text are unusual: leave them to check()
        return False
    if "enum" in c and not all(t in c["enum"] for t in texts):
        return False
    if "pattern" in c and not all(map(re.compile(c["pattern"]).fullmatch, texts)):
        return False
    if "minLength" in c and min(map(len, map(str.strip, texts))) < c["minLength"]:
        return False
    # A line break is not a control character here, so one search of the joined texts finds any of them.
    return not CONTROL.search("\n".join(texts)) and not any(map(BLANK.fullmatch, texts))


def _texts(field: dict, raws: list[str], has_empty: bool) -> tuple[list, tuple[int, CellError] | None]:
    """A text column whose texts all pass: the values are the texts, an empty cell None (or an error)."""
    if not has_empty:
        return list(raws), None
    values = [raw or None for raw in raws]
    if field.get("constraints", {}).get("required"):
        return values, (raws.index(""), CellError("required", "the value is empty"))
    return values, None


def _memoised(field: dict, raws: list[str]) -> tuple[list, tuple[int, CellError] | None]:
    required = field.get("constraints", {}).get("required")
    memo = {raw: _cell(field, raw, required) for raw in dict.fromkeys(raws)}
    values = list(map(memo.__getitem__, raws))
    bad = {raw for raw, v in memo.items() if isinstance(v, CellError)}
    if not bad:
        return values, None
    i = next(i for i, raw in enumerate(raws) if raw in bad)
    return values, (i, memo[raws[i]])


def _cell(field: dict, raw: str, required: bool):
    """The typed value of one cell (None when empty), or the CellError it raises."""
    if raw == "":
        return CellError("required", "the value is empty") if required else None
    try:
        value = parse(field, raw)
        check(field, value, raw)
    except CellError as exc:
        return exc
    return value
