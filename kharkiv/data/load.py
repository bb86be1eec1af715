"""Load the tables of data/ as typed DataFrames, validating every rule on the way in.

Nothing is dropped, merged or clipped: the first broken rule raises DataError naming file, row and column.
Tables are checked column by column, each distinct value once (fast at 100x today's rows); the error raised is
still the one a row-by-row check would meet first (tests/test_load_columns.py holds it to that reference).
Run `python -m kharkiv` to check data/ and hear loudly whether the evidence was checked.
"""

import os
import sys
import unicodedata
from functools import lru_cache
from pathlib import Path

import pandas as pd

from kharkiv.data import cells, ids, names, rules
from kharkiv.data import datapackage as schema
from kharkiv.data.csvfile import read_columns
from kharkiv.data.errors import DataError
from kharkiv.data.evidence import check_evidence
from kharkiv.data.paths import DATA, SEEDS_ENV, seeds_dir

DTYPES = {"integer": "Int64", "number": "Float64", "boolean": "boolean", "string": "string"}
REQUIRE_SEEDS_ENV = "KHARKIV_REQUIRE_SEEDS"


Columns = dict[str, list]


def _typed_columns(name: str, raw: Columns, resource: dict) -> Columns:
    """Every cell parsed and checked; the first bad cell in file order (row, then column) raises."""
    typed, first = {}, None
    for k, field in enumerate(schema.fields(resource)):
        typed[field["name"]], bad = cells.column(field, raw[field["name"]])
        if bad and (first is None or (bad[0], k) < first[:2]):
            first = (bad[0], k, field["name"], bad[1])
    if first:
        i, _, col, exc = first
        raise DataError(name, i + 1, col, exc.rule, exc.detail)
    return typed


def _keys(columns: Columns, key: list[str]) -> list:
    """The key of every row: a value for a one-column key, else a tuple (a table without rows has none)."""
    if not any(columns.values()):
        return []
    if len(key) == 1:
        return columns[key[0]]
    return list(zip(*(columns[k] for k in key), strict=True))


def _complete(values: list, key: list[str]) -> list:
    """The keys that have no empty part (empty keys are neither duplicates nor references)."""
    if len(key) == 1:
        return [v for v in values if v is not None]
    return [v for v in values if not any(x is None for x in v)]


def _check_unique(name: str, columns: Columns, resource: dict) -> None:
    keys = [[f["name"]] for f in schema.fields(resource) if f.get("constraints", {}).get("unique")]
    pk = resource["schema"].get("primaryKey")
    if pk:
        keys.append([pk] if isinstance(pk, str) else list(pk))
    for key in map(list, dict.fromkeys(map(tuple, keys))):  # a unique primary key is checked once
        values = _complete(_keys(columns, key), key)
        if len(set(values)) < len(values):  # only then look for the first duplicate, row by row
            _first_duplicate(name, _keys(columns, key), key)


def _first_duplicate(name: str, values: list, key: list[str]) -> None:
    seen = {}
    for i, value in enumerate(values, start=1):
        value = value if len(key) > 1 else (value,)
        if any(v is None for v in value):
            continue
        if value in seen:
            shown = ", ".join(map(str, value))
            raise DataError(name, i, "+".join(key), "unique", f"{shown!r} duplicates row {seen[value]}")
        seen[value] = i


# Field flags for uniqueness after a fold: (fold, rule, what the fold ignores).
FOLDS = {
    "x_unique_folded": (
        names.fold,
        "unique after folding",
        "case, spacing, Unicode normalisation, zero-width characters and Cyrillic/Greek look-alikes",
    ),
    "x_unique_by_number": (ids.sort_key, "unique by number", "leading zeros: an id is its letter and number"),
}


def _check_unique_folded(name: str, columns: Columns, resource: dict) -> None:
    """Names that differ only in case, spacing, normalisation or look-alikes are one name; ids one number."""
    for f in schema.fields(resource):
        for flag, (fold, rule, ignoring) in FOLDS.items():
            if not f.get(flag):
                continue
            values = columns[f["name"]]
            keys = [None if v is None else fold(v) for v in values]
            present = [k for k in keys if k is not None]
            if len(set(present)) < len(present):  # only then name the first duplicate, row by row
                _first_folded_duplicate(name, f["name"], values, keys, rule, ignoring)


def _first_folded_duplicate(name: str, col: str, values: list, keys: list, rule: str, ignoring: str) -> None:
    seen = {}
    for i, key in enumerate(keys, start=1):
        if key is None:
            continue
        if key in seen:
            j = seen[key]
            a, b = values[i - 1], values[j - 1]
            # Two spellings that look identical on screen are shown with their code points.
            show = ascii if unicodedata.normalize("NFC", a) == unicodedata.normalize("NFC", b) else repr
            raise DataError(
                name, i, col, rule, f"{show(a)} is the same as {show(b)} in row {j} (ignoring {ignoring})"
            )
        seen[key] = i


def _check_foreign_keys(typed: dict[str, Columns], resources: dict) -> None:
    for res_name, resource in resources.items():
        for fk in resource["schema"].get("foreignKeys", []):
            cols, ref = fk["fields"], fk["reference"]
            cols = [cols] if isinstance(cols, str) else cols
            ref_cols = [ref["fields"]] if isinstance(ref["fields"], str) else ref["fields"]
            target = ref["resource"] or res_name
            values = _keys(typed[res_name], cols)
            missing = set(_complete(values, cols)).difference(_keys(typed[target], ref_cols))
            if missing:  # only then find the first row that refers to nothing, row by row
                i, value = next((i, v) for i, v in enumerate(values, start=1) if v in missing)
                value = value if len(cols) > 1 else (value,)
                raise DataError(
                    f"data/{resource['path']}",
                    i,
                    "+".join(cols),
                    "foreign key",
                    f"{', '.join(map(str, value))!r} is not a {'+'.join(ref_cols)} in data/{target}.csv",
                )


def _frame(columns: Columns, resource: dict) -> pd.DataFrame:
    """The table with each column built straight in its final dtype (no object column inferred first)."""
    return pd.DataFrame(
        {f["name"]: _series(f, columns[f["name"]]) for f in schema.fields(resource)},
        columns=[f["name"] for f in schema.fields(resource)],
    )


def _series(field: dict, values: list):
    kind, c = field.get("type", "string"), field.get("constraints", {})
    if "enum" in c:
        return _categorical(values, c["enum"])
    if kind == "date":
        return pd.to_datetime(pd.Series(values, dtype=object)).array
    return pd.array(values, dtype=DTYPES[kind])


def _categorical(values: list, categories: list) -> pd.Categorical:
    """Codes looked up once per value (every value was checked to be allowed), not hashed again by pandas."""
    code = {c: i for i, c in enumerate(categories)}
    code[None] = -1
    try:
        codes = [code[v] for v in values]
    except (KeyError, TypeError):  # a value equal to a category but not hashed alike: let pandas match it
        return pd.Categorical(pd.Series(values, dtype=object), categories=categories)
    return pd.Categorical.from_codes(codes, categories=categories)


def _with_line(err: DataError, lines: dict[str, list[int]]) -> DataError:
    """The same error with the file line the row really starts on (a quoted cell may span lines)."""
    starts = lines.get(err.file)
    if err.row is None or not starts or err.row > len(starts) or starts[err.row - 1] == err.row + 1:
        return err
    return DataError(err.file, err.row, err.column, err.rule, err.detail, line=starts[err.row - 1])


def _read_table(data_dir: Path, name: str, resource: dict) -> tuple[Columns, list[int]]:
    label = f"data/{resource['path']}"
    raw, lines = read_columns(
        data_dir / resource["path"], label, [f["name"] for f in schema.fields(resource)]
    )
    if not lines and not resource.get("x_allow_empty", False):
        raise DataError(
            label,
            None,
            None,
            "not empty",
            f"the table {name!r} has a header but no rows, and may not be empty",
        )
    try:
        typed = _typed_columns(label, raw, resource)
        _check_unique(label, typed, resource)
        _check_unique_folded(label, typed, resource)
    except DataError as err:
        raise _with_line(err, {label: lines}) from None
    return typed, lines


def _evidence_folder(seeds: Path | bool | None) -> Path | None:
    folder = seeds_dir() if seeds is None else seeds
    if not folder and seeds is None and os.environ.get(REQUIRE_SEEDS_ENV):
        raise DataError(
            "data/sources.csv",
            None,
            "file",
            "evidence checked",
            f"the source documents were not found ({REQUIRE_SEEDS_ENV} is set): set {SEEDS_ENV} "
            "or provide ../shared/seeds",
        )
    return Path(folder) if folder else None


def validate_and_load(data_dir: Path = DATA, seeds: Path | bool | None = None) -> dict[str, pd.DataFrame]:
    """Validate every table of the package in data_dir and return them as typed DataFrames.

    seeds: folder of source documents for the evidence check; None means the default
    (see paths.seeds_dir; required when KHARKIV_REQUIRE_SEEDS is set), False skips the check.
    """
    data_dir = Path(data_dir)
    pkg = schema.package(data_dir / "datapackage.json")
    resources = schema.resources(data_dir / "datapackage.json")
    typed, lines = {}, {}
    for name, resource in resources.items():
        typed[name], lines[f"data/{resource['path']}"] = _read_table(data_dir, name, resource)
    try:
        _check_foreign_keys(typed, resources)
        rules.check_all(typed, pkg, data_dir)
        folder = _evidence_folder(seeds)
        if folder:
            check_evidence(typed, folder)
    except DataError as err:
        raise _with_line(err, lines) from None
    except KeyError as exc:
        raise DataError(
            "data/datapackage.json",
            None,
            None,
            "fields the checks need",
            f"the field or rule setting {exc} is not described",
        ) from None
    return {name: _frame(typed[name], res) for name, res in resources.items()}


@lru_cache(maxsize=1)
def load_tables() -> dict[str, pd.DataFrame]:
    """All tables of data/, validated (cached for the life of the kernel)."""
    return validate_and_load()


def load_table(name: str) -> pd.DataFrame:
    """One validated table of data/ as a typed DataFrame (a copy, safe to modify)."""
    return load_tables()[name].copy()


BANNER = "!" * 78


def main() -> int:
    """Validate data/; say loudly when the evidence could not be checked (and fail in CI)."""
    folder = seeds_dir()
    if folder is None:
        print(
            f"{BANNER}\nWARNING: EVIDENCE NOT CHECKED. The source documents were not found (set {SEEDS_ENV} "
            f"or provide ../shared/seeds),\nso no excerpt was compared with its document and no checksum was "
            f"verified.\n{BANNER}",
            file=sys.stderr,
        )
    try:
        tables = validate_and_load()
    except DataError as err:
        print(f"kharkiv: data/ is invalid: {err}", file=sys.stderr)
        return 1
    rows = sum(len(t) for t in tables.values())
    print(
        f"kharkiv: data/ is valid ({rows} rows in {len(tables)} tables)"
        + (f"; evidence checked against {folder}" if folder else "; evidence NOT checked")
    )
    return 0
