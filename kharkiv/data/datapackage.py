"""Read data/datapackage.json: the single source of truth for tables, types and rules.

A package that is not valid JSON, or lacks what the loader relies on, raises DataError naming the file.
"""

import datetime as dt
import json
import re
from functools import lru_cache
from pathlib import Path

from kharkiv.data.errors import DataError
from kharkiv.data.paths import DATAPACKAGE

# The tables the book is built from, parents before children.
REQUIRED_RESOURCES = ("sources", "claimants", "places", "phases", "events", "event_sources", "statements")
TYPES = {"string", "integer", "number", "boolean", "date"}
PLAIN_NAME = re.compile(r"[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*")
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Fields the cross-field rules compare or compute with (kharkiv/rules.py), and the types that allows: another
# type would make the rules compare a date with a text, so it is refused here, naming the package.
NEEDED_TYPES = {
    "sources": {"date": {"date"}},
    "places": {"lat": {"number"}, "lon": {"number"}},
    "phases": {"order": {"integer", "number"}, "start_date": {"date"}, "end_date": {"date"}},
    "events": {"start_date": {"date"}, "end_date": {"date"}},
    "statements": {
        "claim_date": {"date"},
        "period_start": {"date"},
        "period_end": {"date"},
        "value": {"number", "integer"},
        "value_high": {"number", "integer"},
    },
}


def _no_duplicate_keys(label: str):
    def hook(pairs):
        keys = [k for k, _ in pairs]
        for k in keys:
            if keys.count(k) > 1:
                raise DataError(
                    label, None, None, "unique keys", f"the key {k!r} appears twice in one object"
                )
        return dict(pairs)

    return hook


def _fail(label: str, detail: str, rule: str = "package structure"):
    raise DataError(label, None, None, rule, detail)


def _check_resource(label: str, r, names: set) -> None:
    if not isinstance(r, dict) or not isinstance(r.get("name"), str):
        _fail(label, f"a resource without a name: {str(r)[:60]!r}")
    where = f"resource {r['name']!r}"
    if not isinstance(r.get("path"), str) or not PLAIN_NAME.fullmatch(r["path"]):
        _fail(label, f"{where}: path must be a plain file name in data/, not {r.get('path')!r}")
    fields = r.get("schema", {}).get("fields") if isinstance(r.get("schema"), dict) else None
    if not isinstance(fields, list) or not fields:
        _fail(label, f"{where}: schema.fields must be a non-empty list")
    for f in fields:
        if not isinstance(f, dict) or not isinstance(f.get("name"), str):
            _fail(label, f"{where}: a field without a name: {str(f)[:60]!r}")
        if f.get("type", "string") not in TYPES:
            _fail(label, f"{where}, field {f['name']!r}: unknown type {f.get('type')!r}")
    names_ = {f["name"] for f in fields}
    pk = r["schema"].get("primaryKey", [])
    for col in [pk] if isinstance(pk, str) else pk:
        if col not in names_:
            _fail(label, f"{where}: the primary key names {col!r}, which is not one of its fields")
    for f in fields:
        needed = NEEDED_TYPES.get(r["name"], {}).get(f["name"])
        if needed and f.get("type", "string") not in needed:
            _fail(
                label,
                f"{where}, field {f['name']!r}: type {f.get('type', 'string')!r}, but the checks compare it as "
                f"{' or '.join(map(repr, sorted(needed)))}",
                "field type",
            )
    for f in fields:
        _check_constraints(label, f"{where}, field {f['name']!r}", f)
    for fk in r["schema"].get("foreignKeys", []):
        target = fk.get("reference", {}).get("resource")
        if target and target not in names:
            _fail(label, f"{where}: a foreign key refers to the unknown resource {target!r}")


def _check_constraints(label: str, where: str, f: dict) -> None:
    """Constraints of the shape the cell checks read (a malformed one would fail as a bare Python error)."""
    c, kind = f.get("constraints", {}), f.get("type", "string")
    if not isinstance(c, dict):
        _fail(label, f"{where}: constraints must be an object, not {c!r}")
    if "enum" in c and not isinstance(c["enum"], list):
        _fail(label, f"{where}: constraints.enum must be a list, not {c['enum']!r}")
    for v in c.get("enum", []) if kind != "boolean" else []:
        if not _bound_ok(kind, v):
            _fail(
                label,
                f"{where}: constraints.enum holds {v!r}, which is not {_EXPECTED.get(kind, 'a number')} "
                f"as the field's type {kind!r} needs",
            )
    if "pattern" in c:
        try:
            re.compile(c["pattern"])
        except (re.error, TypeError) as exc:
            _fail(label, f"{where}: constraints.pattern {c['pattern']!r} is not a regular expression ({exc})")
    if "minLength" in c and (not isinstance(c["minLength"], int) or isinstance(c["minLength"], bool)):
        _fail(label, f"{where}: constraints.minLength must be a whole number, not {c['minLength']!r}")
    for key in ("minimum", "maximum"):
        if key in c and not _bound_ok(kind, c[key]):
            _fail(label, f"{where}: constraints.{key} {c[key]!r} is not {_EXPECTED.get(kind, 'a number')}")
    for key in ("trueValues", "falseValues"):
        if key in f and not (isinstance(f[key], list) and all(isinstance(v, str) for v in f[key])):
            _fail(label, f"{where}: {key} must be a list of texts, not {f[key]!r}")


_EXPECTED = {"date": "a real ISO date (YYYY-MM-DD)", "string": "a text"}


def _bound_ok(kind: str, bound) -> bool:
    """Is a bound (or an allowed value) of the field's type?"""
    if kind == "string":
        return isinstance(bound, str)
    if kind != "date":
        return isinstance(bound, int | float) and not isinstance(bound, bool)
    try:
        return (
            isinstance(bound, str) and bool(ISO_DATE.fullmatch(bound)) and bool(dt.date.fromisoformat(bound))
        )
    except ValueError:
        return False


def check_package(label: str, pkg) -> None:
    """The structure the loader relies on; Table Schema itself is checked by frictionless in the tests."""
    if not isinstance(pkg, dict) or not isinstance(pkg.get("resources"), list):
        _fail(label, "the package must be an object with a list of resources")
    names = {r.get("name") for r in pkg["resources"] if isinstance(r, dict)}
    for name in REQUIRED_RESOURCES:
        if name not in names:
            _fail(
                label,
                f"the resource {name!r} is missing (the book needs {', '.join(REQUIRED_RESOURCES)})",
                "required resource",
            )
    for r in pkg["resources"]:
        _check_resource(label, r, names)
    _check_period(label, pkg.get("x_period"))


def _check_period(label: str, period) -> None:
    """The package's own period: two real dates, the end not before the start."""
    if not isinstance(period, dict) or not all(
        isinstance(period.get(k), str) and ISO_DATE.fullmatch(period[k]) for k in ("start", "end")
    ):
        _fail(label, f"x_period must give start and end as ISO dates (YYYY-MM-DD), not {period!r}")
    dates = {}
    for k in ("start", "end"):
        try:
            dates[k] = dt.date.fromisoformat(period[k])
        except ValueError as exc:
            _fail(label, f"x_period.{k} is {period[k]!r}, which is not a real date ({exc})", "x_period")
    if dates["end"] < dates["start"]:
        _fail(label, f"x_period ends on {period['end']}, before it starts on {period['start']}", "x_period")


@lru_cache(maxsize=4)
def _read(path: str) -> dict:
    p = Path(path)
    label = f"data/{p.name}"
    if not p.is_file():
        _fail(label, "the file is missing", "file exists")
    try:
        text = p.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        _fail(label, f"not valid UTF-8 ({exc.reason} at byte {exc.start})", "encoding utf-8")
    try:
        pkg = json.loads(text, object_pairs_hook=_no_duplicate_keys(label))
    except json.JSONDecodeError as exc:
        raise DataError(
            label,
            None,
            None,
            "valid JSON",
            f"not valid JSON: {exc.msg} (column {exc.colno})",
            line=exc.lineno,
        ) from None
    check_package(label, pkg)
    return pkg


def package(path: Path = DATAPACKAGE) -> dict:
    return _read(str(path))


def resources(path: Path = DATAPACKAGE) -> dict[str, dict]:
    """Resource descriptors by name, in package order (parents before children)."""
    return {r["name"]: r for r in package(path)["resources"]}


def fields(resource: dict) -> list[dict]:
    return resource["schema"]["fields"]


def enum(table: str, field: str, path: Path = DATAPACKAGE) -> list:
    """Allowed values of a field, in the order the schema lists them."""
    for f in fields(resources(path)[table]):
        if f["name"] == field:
            return list(f.get("constraints", {}).get("enum", []))
    raise KeyError(f"{table}.{field}")
