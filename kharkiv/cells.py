"""Parse and check one CSV cell against its Table Schema field."""

import datetime as dt
import re

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class CellError(Exception):
    def __init__(self, rule: str, detail: str):
        super().__init__(detail)
        self.rule, self.detail = rule, detail


def parse(field: dict, raw: str):
    """Return the typed value of a non-empty cell, or raise CellError."""
    kind = field.get("type", "string")
    try:
        if kind == "date":
            if not ISO_DATE.fullmatch(raw):
                raise ValueError
            return dt.date.fromisoformat(raw)
        if kind == "integer":
            return int(raw)
        if kind == "number":
            return float(raw)
        if kind == "boolean":
            values = {v: True for v in field.get("trueValues", ["true"])}
            values.update({v: False for v in field.get("falseValues", ["false"])})
            return values[raw]
    except (ValueError, KeyError):
        expected = {
            "date": "an ISO date (YYYY-MM-DD)",
            "integer": "an integer",
            "number": "a number",
            "boolean": "one of "
            + ", ".join(field.get("trueValues", ["true"]) + field.get("falseValues", ["false"])),
        }
        raise CellError(f"type {kind}", f"{raw!r} is not {expected[kind]}") from None
    return raw


def check(field: dict, value, raw: str) -> None:
    """Apply the field's constraints (other than required and unique) to a parsed value."""
    c = field.get("constraints", {})
    if "enum" in c and value not in c["enum"]:
        allowed = ", ".join(map(str, c["enum"]))
        raise CellError("enum", f"{raw!r} is not one of the allowed values: {allowed}")
    for key, op, word in (("minimum", lambda a, b: a < b, "below"), ("maximum", lambda a, b: a > b, "above")):
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
