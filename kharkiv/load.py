"""Load the tables of data/ as typed DataFrames, validating every rule on the way in.

Nothing is dropped, merged or clipped: the first broken rule raises DataError naming file, row and column.
"""

import csv
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import cells, rules, schema
from .errors import DataError
from .evidence import check_evidence
from .paths import DATA, seeds_dir

DTYPES = {"integer": "Int64", "number": "Float64", "boolean": "boolean", "string": "string"}


def _read_rows(path: Path, resource: dict) -> list[dict]:
    name = f"data/{path.name}"
    if not path.exists():
        raise DataError(name, None, None, "file exists", "the file is missing")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(name, None, None, "encoding utf-8", f"not valid UTF-8 ({exc})") from None
    reader = csv.reader(text.splitlines())
    header = next(reader, None) or []
    expected = [f["name"] for f in schema.fields(resource)]
    for col, n in Counter(header).items():
        if n > 1:
            raise DataError(name, None, col, "unique column names", "the column appears more than once")
    for col in expected:
        if col not in header:
            raise DataError(name, None, col, "required column", "the column is missing from the header")
    for col in header:
        if col not in expected:
            raise DataError(
                name, None, col, "known column", "the column is not described in datapackage.json"
            )
    rows = []
    for i, cells_ in enumerate(reader, start=1):
        if len(cells_) != len(header):
            raise DataError(
                name, i, None, "row length", f"{len(cells_)} cells where the header has {len(header)}"
            )
        rows.append(dict(zip(header, cells_, strict=False)))
    return rows


def _typed_rows(name: str, rows: list[dict], resource: dict) -> list[dict]:
    out = []
    for i, raw_row in enumerate(rows, start=1):
        row = {}
        for field in schema.fields(resource):
            col, raw = field["name"], raw_row[field["name"]]
            if raw == "":
                if field.get("constraints", {}).get("required"):
                    raise DataError(name, i, col, "required", "the value is empty")
                row[col] = None
                continue
            try:
                row[col] = cells.parse(field, raw)
                cells.check(field, row[col], raw)
            except cells.CellError as exc:
                raise DataError(name, i, col, exc.rule, exc.detail) from None
        out.append(row)
    return out


def _check_unique(name: str, rows: list[dict], resource: dict) -> None:
    keys = [[f["name"]] for f in schema.fields(resource) if f.get("constraints", {}).get("unique")]
    pk = resource["schema"].get("primaryKey")
    if pk:
        keys.append([pk] if isinstance(pk, str) else list(pk))
    for key in keys:
        seen = {}
        for i, row in enumerate(rows, start=1):
            value = tuple(row[k] for k in key)
            if any(v is None for v in value):
                continue
            if value in seen:
                shown = ", ".join(map(str, value))
                raise DataError(name, i, "+".join(key), "unique", f"{shown!r} duplicates row {seen[value]}")
            seen[value] = i


def _check_foreign_keys(typed: dict[str, list[dict]], resources: dict) -> None:
    for res_name, resource in resources.items():
        for fk in resource["schema"].get("foreignKeys", []):
            cols, ref = fk["fields"], fk["reference"]
            cols = [cols] if isinstance(cols, str) else cols
            ref_cols = [ref["fields"]] if isinstance(ref["fields"], str) else ref["fields"]
            target = ref["resource"] or res_name
            known = {tuple(r[c] for c in ref_cols) for r in typed[target]}
            for i, row in enumerate(typed[res_name], start=1):
                value = tuple(row[c] for c in cols)
                if all(v is not None for v in value) and value not in known:
                    raise DataError(
                        f"data/{resource['path']}",
                        i,
                        "+".join(cols),
                        "foreign key",
                        f"{', '.join(map(str, value))!r} is not a {'+'.join(ref_cols)} in data/{target}.csv",
                    )


def _frame(rows: list[dict], resource: dict) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=[f["name"] for f in schema.fields(resource)])
    for f in schema.fields(resource):
        col, kind = f["name"], f.get("type", "string")
        if "enum" in f.get("constraints", {}):
            df[col] = pd.Categorical(df[col], categories=f["constraints"]["enum"])
        elif kind == "date":
            df[col] = pd.to_datetime(df[col])
        else:
            df[col] = df[col].astype(DTYPES[kind])
    return df


def validate_and_load(data_dir: Path = DATA, seeds: Path | bool | None = None) -> dict[str, pd.DataFrame]:
    """Validate every table of the package in data_dir and return them as typed DataFrames.

    seeds: folder of source documents for the evidence check; None means the default
    (see paths.seeds_dir), False skips the check.
    """
    data_dir = Path(data_dir)
    resources = schema.resources(data_dir / "datapackage.json")
    typed = {}
    for name, resource in resources.items():
        rows = _read_rows(data_dir / resource["path"], resource)
        typed[name] = _typed_rows(f"data/{resource['path']}", rows, resource)
        _check_unique(f"data/{resource['path']}", typed[name], resource)
    _check_foreign_keys(typed, resources)
    rules.check_all(typed)
    folder = seeds_dir() if seeds is None else seeds
    if folder:
        check_evidence(typed, Path(folder))
    return {name: _frame(typed[name], res) for name, res in resources.items()}


@lru_cache(maxsize=1)
def load_tables() -> dict[str, pd.DataFrame]:
    """All tables of data/, validated (cached for the life of the kernel)."""
    return validate_and_load()


def load_table(name: str) -> pd.DataFrame:
    """One validated table of data/ as a typed DataFrame (a copy, safe to modify)."""
    return load_tables()[name].copy()
