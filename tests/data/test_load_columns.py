"""The loader checks tables column by column, each distinct value once; these tests hold it to the plain way.

Each reference below is the row-by-row code the loader used before (every cell parsed and checked on its own,
keys and references looked up row by row, frames built from row dicts). On small synthetic tables, good and bad,
the fast code must give the same values, the same frames and the same first error, word for word.
"""

import itertools
import re
import string
import unicodedata

import pandas as pd
import pytest

from kharkiv.data import cells, csvfile, evidence, load
from kharkiv.data import figure_evidence as figures
from kharkiv.data.errors import DataError

FIELDS = [
    {"name": "id", "constraints": {"required": True, "unique": True, "pattern": "e[0-9]{4,}"}},
    {"name": "kind", "constraints": {"required": True, "enum": ["a", "b"]}},
    {"name": "text", "constraints": {"minLength": 5}},
    {"name": "note"},
    {"name": "n", "type": "integer", "constraints": {"minimum": 0, "maximum": 9}},
    {"name": "level", "type": "integer", "constraints": {"enum": [1, 2, 3]}},
    {"name": "x", "type": "number", "constraints": {"minimum": 0}},
    {"name": "flag", "type": "boolean", "constraints": {"required": True}},
    {"name": "day", "type": "date", "constraints": {"minimum": "2022-02-24", "maximum": "2022-09-11"}},
]
RESOURCE = {"path": "t.csv", "schema": {"fields": FIELDS, "primaryKey": ["id"]}}
GOOD = {
    "id": "e0001",
    "kind": "a",
    "text": "a long text",
    "note": "",
    "n": "3",
    "level": "2",
    "x": "1.5",
    "flag": "true",
    "day": "2022-05-01",
}
BAD = {
    "id": ["", "x1", "e01", " e0001"],
    "kind": ["", "c", "A"],
    "text": ["abc", "  ab  ", " ", "\u200b", "tab\x01here"],
    "note": [" ", "bell\x07", "\t\u2060"],
    "n": ["-1", "10", "1.0", "1_0", " 5", "x"],
    "level": ["4", "two"],
    "x": ["-0.5", "nan", "1e999", "1,5", "inf"],
    "flag": ["", "TRUE", "1"],
    "day": ["2022-02-23", "2022-09-12", "2022-02-30", "1/5/2022"],
}


def reference_typed(name: str, rows: list[dict], resource: dict) -> list[dict]:
    """The row-by-row typing the loader did before: the first bad cell in row, then column, order raises."""
    out = []
    for i, raw_row in enumerate(rows, start=1):
        row = {}
        for field in resource["schema"]["fields"]:
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


def reference_frame(rows: list[dict], resource: dict) -> pd.DataFrame:
    """The frame built from row dicts, each column converted after pandas inferred it."""
    fields = resource["schema"]["fields"]
    df = pd.DataFrame(rows, columns=[f["name"] for f in fields])
    for f in fields:
        col, kind = f["name"], f.get("type", "string")
        if "enum" in f.get("constraints", {}):
            df[col] = pd.Categorical(df[col], categories=f["constraints"]["enum"])
        elif kind == "date":
            df[col] = pd.to_datetime(df[col])
        else:
            df[col] = df[col].astype(load.DTYPES[kind])
    return df


def columns_of(rows: list[dict]) -> dict[str, tuple]:
    return {f["name"]: tuple(r[f["name"]] for r in rows) for f in FIELDS}


def outcome(fn, *args):
    try:
        return fn(*args)
    except DataError as err:
        return str(err)


def table(n: int = 6) -> list[dict]:
    """n good rows with some repetition and some empty optional cells."""
    rows = []
    for i in range(n):
        r = dict(GOOD, id=f"e{i + 1:04d}", kind="ab"[i % 2], n=str(i % 3), note=["", "x", "y"][i % 3])
        r["x"] = "" if i % 4 == 3 else r["x"]
        rows.append(r)
    return rows


def check_same(rows: list[dict]) -> None:
    want = outcome(reference_typed, "data/t.csv", rows, RESOURCE)
    got = outcome(load._typed_columns, "data/t.csv", columns_of(rows), RESOURCE)
    if isinstance(want, str) or isinstance(got, str):
        assert got == want
        return
    assert got == {f["name"]: [r[f["name"]] for r in want] for f in FIELDS}
    pd.testing.assert_frame_equal(
        load._frame(got, RESOURCE), reference_frame(want, RESOURCE), check_exact=True
    )


CASES = [(col, bad) for col, values in BAD.items() for bad in values]


@pytest.mark.parametrize(("col", "bad"), CASES)
@pytest.mark.parametrize("row", [0, 4])
def test_one_bad_cell_gives_the_same_error_as_the_row_by_row_check(col, bad, row):
    rows = table()
    rows[row][col] = bad
    check_same(rows)


def test_the_first_bad_cell_in_file_order_is_named_whatever_the_columns():
    # Two bad cells: the one in the earlier row wins, and within a row the one in the earlier column.
    for (c1, b1), (c2, b2) in itertools.combinations(CASES[::3], 2):
        for r1, r2 in ((1, 1), (1, 3), (3, 1)):
            rows = table()
            rows[r1][c1], rows[r2][c2] = b1, b2
            check_same(rows)


def test_good_tables_give_the_same_values_and_frames():
    check_same(table())
    check_same(table(1))
    rows = table()
    for r in rows:  # every optional cell empty
        r.update(text="", note="", n="", level="", x="", day="")
    check_same(rows)
    empty = load._typed_columns("data/t.csv", {f["name"]: () for f in FIELDS}, RESOURCE)
    pd.testing.assert_frame_equal(load._frame(empty, RESOURCE), reference_frame([], RESOURCE))


def reference_unique(name: str, rows: list[dict], key: list[str]) -> None:
    seen = {}
    for i, row in enumerate(rows, start=1):
        value = tuple(row[k] for k in key)
        if any(v is None for v in value):
            continue
        if value in seen:
            raise DataError(
                name,
                i,
                "+".join(key),
                "unique",
                f"{', '.join(map(str, value))!r} duplicates row {seen[value]}",
            )
        seen[value] = i


@pytest.mark.parametrize(
    "ids",
    [["a", "b", "b", "a"], ["a", None, None, "b"], ["a", "b", "c", "a", "b"], ["x", "y", "z"], []],
)
@pytest.mark.parametrize("key", [["id"], ["id", "other"]])
def test_duplicate_keys_are_named_at_the_same_row_as_row_by_row(ids, key):
    other = [1, 1, 1, 2, 1][: len(ids)]
    rows = [{"id": i, "other": o} for i, o in zip(ids, other, strict=True)]
    resource = {"schema": {"fields": [{"name": "id"}, {"name": "other"}], "primaryKey": key}}
    cols = {"id": [r["id"] for r in rows], "other": [r["other"] for r in rows]}
    want = outcome(reference_unique, "data/t.csv", rows, key)
    assert outcome(load._check_unique, "data/t.csv", cols, resource) == want


def shown(a: str, b: str) -> str:
    """A name as an error shows it: with its code points when it looks exactly like the other."""
    return ascii(a) if unicodedata.normalize("NFC", a) == unicodedata.normalize("NFC", b) else repr(a)


def reference_unique_folded(name: str, values: list, flag: str) -> None:
    """Row by row: the first value whose fold was seen before is named, with the row it repeats."""
    fold, rule, ignoring = load.FOLDS[flag]
    seen = {}
    for i, value in enumerate(values, start=1):
        if value is None:
            continue
        if fold(value) in seen:
            j = seen[fold(value)]
            raise DataError(
                name,
                i,
                "id",
                rule,
                f"{shown(value, values[j - 1])} is the same as {shown(values[j - 1], value)} in row {j} "
                f"(ignoring {ignoring})",
            )
        seen[fold(value)] = i


@pytest.mark.parametrize(
    ("flag", "values"),
    [
        ("x_unique_by_number", ["e0001", "e0002", "e00001", "e0002"]),
        ("x_unique_by_number", ["e0001", None, "e10000", None, "e010000"]),
        ("x_unique_by_number", ["e0001", "e0002", "n0001"]),
        ("x_unique_folded", ["Kharkiv", "Izium", "Kharkіv", "kharkiv"]),
        ("x_unique_folded", ["Sie\u0300ge", "Siège", None]),
        ("x_unique_folded", ["a", "b"]),
    ],
)
def test_folded_duplicates_are_named_at_the_same_row_as_row_by_row(flag, values):
    resource = {"schema": {"fields": [{"name": "id", flag: True}]}}
    want = outcome(reference_unique_folded, "data/t.csv", values, flag)
    assert outcome(load._check_unique_folded, "data/t.csv", {"id": values}, resource) == want


def reference_foreign_keys(typed: dict[str, list[dict]], resources: dict) -> None:
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


@pytest.mark.parametrize(
    "refs",
    [["p1", "p2", None], ["p1", "zz", "yy", "zz"], ["p2", "p1", "p3"], ["p1", None, "p1"], []],
)
def test_foreign_keys_are_named_at_the_same_row_as_row_by_row(refs):
    places = [{"place_id": p, "within": w} for p, w in (("p1", None), ("p2", "p1"), ("p3", "p9"))]
    events = [{"event_id": f"e{i}", "place_id": p} for i, p in enumerate(refs)]
    resources = {
        "places": {
            "path": "places.csv",
            "schema": {
                "foreignKeys": [{"fields": "within", "reference": {"resource": "", "fields": "place_id"}}]
            },
        },
        "events": {
            "path": "events.csv",
            "schema": {
                "foreignKeys": [
                    {"fields": ["place_id"], "reference": {"resource": "places", "fields": ["place_id"]}}
                ]
            },
        },
    }
    for table in (places[:2], places):
        rows = {"places": table, "events": events}
        cols = {
            "places": {c: [r[c] for r in table] for c in ("place_id", "within")},
            "events": {c: [r[c] for r in events] for c in ("event_id", "place_id")},
        }
        want = outcome(reference_foreign_keys, rows, resources)
        assert outcome(load._check_foreign_keys, cols, resources) == want


def reference_stands_in(value: float, text: str) -> bool:
    v, text = float(value), text.lower()
    digits = any(re.search(rf"(?<![\d,.]){re.escape(f)}(?!\d)", text) for f in figures.figure_forms(v))
    words = v.is_integer() and any(
        re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text) for w in figures.NUMBER_WORDS.get(int(v), [])
    )
    return digits or words or (v == 1e6 and "one million" in text)


def test_a_figure_stands_in_its_evidence_exactly_when_it_did_form_by_form():
    values = [0, 1, 2, 5, 6, 10, 12, 46, 100, 1000, 1200, 1234.5, 2.5, 1e6, 1.5e6, 3e6, 10000]
    texts = [
        "1,000 troops",
        "1000 troops",
        "11000",
        "about 1.5 million",
        "3 million people",
        "1,234.5 km",
        "1234.5",
        "2.5 km",
        "12.5",
        "forty-six",
        "one million",
        "no losses",
        "10,000 and 100",
        "1,2000",
        "a 12-year-old",
        "Ukrainian and Russian forces",
        "an officer",
        "someone, often",
        "no-one; none",
        "both",
        "sixty-six",
        "5,",
        ",5",
        ".5",
    ]
    for v, t in itertools.product(values, texts):
        assert figures.stands_in(v, t) is reference_stands_in(v, t), (v, t)


def test_normalising_whitespace_equals_the_pattern_it_replaces():
    spaces = [c for c in map(chr, range(0x3001)) if re.fullmatch(r"\s", c)]
    samples = ["", " a ", "a\u2028b", "\u200bx\u200b", "a\u00a0\u00a0b", "\x1c\x1f", *spaces]
    samples += ["".join(p) for p in itertools.product(["a", " ", "\n", "\u3000", "\u0085", "b"], repeat=3)]
    samples += [string.printable, "  ".join(spaces) + "x"]
    for s in samples:
        assert evidence.normalise(s) == re.sub(r"\s+", " ", s).strip(), repr(s)


def test_a_missing_excerpt_is_named_at_its_first_row_though_each_is_searched_once(scratch, seeds):
    missing = "This sentence is in none of the source documents at all."
    rows = scratch.rows("event_sources")
    rows[6]["evidence"] = rows[2]["evidence"] = missing
    rows[9]["evidence"] = missing.upper()
    scratch.write("event_sources", rows)
    with pytest.raises(DataError) as info:
        load.validate_and_load(scratch.root, seeds=seeds)
    assert (info.value.file, info.value.row, info.value.column) == ("data/event_sources.csv", 3, "evidence")
    assert info.value.rule == "evidence in source"


def test_columns_read_are_the_records_transposed(scratch):
    path = scratch.root / "events.csv"
    recs = csvfile.records("data/events.csv", path.read_text(encoding="utf-8"))
    columns, lines = csvfile.read_columns(path, "data/events.csv", recs[0][1])
    assert lines == [line for line, _ in recs[1:]]
    assert list(columns) == recs[0][1]
    assert [list(r) for r in zip(*columns.values(), strict=True)] == [cells for _, cells in recs[1:]]
