"""Broken files and broken CSV: every row is read exactly as written, or a DataError names the file and why."""

import csv
import json
import re

import pytest

from kharkiv.data.errors import DataError
from kharkiv.data.load import validate_and_load
from tests.data.test_bad_input import load_error


def test_an_unbalanced_quote_does_not_swallow_the_last_row(scratch):
    rows = scratch.rows("statements")
    scratch.set("statements", len(rows) - 1, "notes", "SENTINEL")
    path = scratch.root / "statements.csv"
    text = path.read_text(encoding="utf-8")
    assert text.count("SENTINEL\n") == 1
    path.write_text(text.replace("SENTINEL\n", '"an unclosed note\n'), encoding="utf-8")
    err = load_error(scratch)
    assert (err.file, err.rule) == ("data/statements.csv", "CSV quoting"), str(err)
    assert err.line == len(rows), str(err)  # the record of row N-1 starts on line N
    assert f"line {len(rows)}" in str(err)


def test_a_doubled_quote_missing_inside_a_quoted_cell(scratch):
    path = scratch.root / "claimants.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3] = lines[3].replace(",NGO,", ',"NGO "quoted" here",', 1)
    path.write_text("".join(lines), encoding="utf-8")
    err = load_error(scratch)
    assert (err.file, err.rule, err.line) == ("data/claimants.csv", "CSV quoting", 4), str(err)


@pytest.mark.parametrize(
    "text",
    [
        "first line\nsecond line of the summary",
        "first\r\nsecond line of the summary",
        "a\u2028b is one cell here",
    ],
    ids=["LF", "CRLF", "U+2028"],
)
def test_a_line_break_inside_a_quoted_cell_is_kept(scratch, text):
    scratch.set("events", 2, "summary", text)
    events = validate_and_load(scratch.root, seeds=False)["events"]
    assert len(events) == len(scratch.rows("events"))
    assert events["summary"].iloc[1] == text


def test_u0085_in_an_unquoted_cell_is_kept_and_does_not_split_the_row(scratch):
    scratch.set("events", 3, "notes", "before\x85after")
    path = scratch.root / "events.csv"
    assert '"before\x85after"' not in path.read_text(encoding="utf-8")  # written unquoted
    events = validate_and_load(scratch.root, seeds=False)["events"]
    assert len(events) == len(scratch.rows("events"))
    assert events["notes"].iloc[2] == "before\x85after"


def test_errors_after_a_multi_line_cell_name_the_real_line(scratch):
    scratch.set("events", 2, "summary", "first line\nsecond line of the summary")
    scratch.set("events", 5, "event_type", "Skirmish")
    err = load_error(scratch)
    assert (err.row, err.line, err.rule) == (5, 7, "enum"), str(err)
    assert "row 5 (line 7)" in str(err)


@pytest.mark.parametrize("table", ["events", "statements", "claimants", "phases"])
def test_a_header_only_table_is_named(scratch, table):
    path = scratch.root / f"{table}.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    err = load_error(scratch)
    assert (err.file, err.row, err.rule) == (f"data/{table}.csv", None, "not empty"), str(err)
    assert f"the table '{table}' has a header but no rows" in str(err)


def test_a_table_declared_as_allowed_empty_loads_empty(scratch):
    pkg = json.loads((scratch.root / "datapackage.json").read_text(encoding="utf-8"))
    next(r for r in pkg["resources"] if r["name"] == "statements")["x_allow_empty"] = True
    (scratch.root / "datapackage.json").write_text(json.dumps(pkg), encoding="utf-8")
    path = scratch.root / "statements.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    assert len(validate_and_load(scratch.root, seeds=False)["statements"]) == 0


def test_a_byte_order_mark_is_named(scratch):
    path = scratch.root / "events.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    err = load_error(scratch)
    assert (err.file, err.rule) == ("data/events.csv", "encoding utf-8"), str(err)
    assert "starts with a byte-order mark" in str(err)


@pytest.mark.parametrize("content", [b"", b"\n", b"  \r\n"], ids=["zero bytes", "newline", "blank"])
def test_an_empty_file_is_named(scratch, content):
    (scratch.root / "places.csv").write_bytes(content)
    err = load_error(scratch)
    assert (err.file, err.rule) == ("data/places.csv", "not empty"), str(err)
    assert "the file is empty" in str(err)


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_a_file_not_separated_by_commas_is_named(scratch, delimiter):
    rows = scratch.rows("claimants")
    with open(scratch.root / "claimants.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter=delimiter, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    err = load_error(scratch)
    assert (err.file, err.rule) == ("data/claimants.csv", "CSV header"), str(err)
    assert "no comma-separated header found" in str(err) and repr(delimiter) in str(err)


def test_invalid_utf8_names_its_line(scratch):
    path = scratch.root / "places.csv"
    lines = path.read_bytes().split(b"\n")
    lines[4] = lines[4] + b"\xff"
    path.write_bytes(b"\n".join(lines))
    err = load_error(scratch)
    assert (err.file, err.rule, err.line) == ("data/places.csv", "encoding utf-8", 5), str(err)


def test_a_cell_over_the_csv_field_limit_is_a_data_error(scratch):
    scratch.set("events", 3, "notes", "x" * (csv.field_size_limit() + 10))
    err = load_error(scratch)
    assert (err.file, err.rule, err.line) == ("data/events.csv", "field size", 4), str(err)


def test_a_missing_csv_file_is_named(scratch):
    (scratch.root / "phases.csv").unlink()
    err = load_error(scratch)
    assert (err.file, err.rule) == ("data/phases.csv", "file exists"), str(err)


def _package(scratch) -> dict:
    return json.loads((scratch.root / "datapackage.json").read_text(encoding="utf-8"))


def _write_package(scratch, pkg) -> None:
    (scratch.root / "datapackage.json").write_text(json.dumps(pkg, indent=1), encoding="utf-8")


def test_invalid_datapackage_json_names_the_file_and_line(scratch):
    path = scratch.root / "datapackage.json"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[9] = lines[9].rstrip("\n").rstrip(",") + "\n"  # drop one comma
    path.write_text("".join(lines), encoding="utf-8")
    err = load_error(scratch)
    assert (err.file, err.rule) == ("data/datapackage.json", "valid JSON"), str(err)
    assert err.line is not None and "line" in str(err) and "column" in str(err)


def test_a_duplicated_key_in_datapackage_json_is_refused(scratch):
    path = scratch.root / "datapackage.json"
    text = path.read_text(encoding="utf-8")
    version = re.search(r'"version": "[^"]*",', text)[0]
    path.write_text(text.replace(version, f'{version}\n "version": "9.9.9",', 1))
    err = load_error(scratch)
    assert (err.file, err.rule) == ("data/datapackage.json", "unique keys"), str(err)


def test_a_resource_removed_from_datapackage_json_is_named(scratch):
    pkg = _package(scratch)
    pkg["resources"] = [r for r in pkg["resources"] if r["name"] != "events"]
    _write_package(scratch, pkg)
    err = load_error(scratch)
    assert (err.file, err.rule) == ("data/datapackage.json", "required resource"), str(err)
    assert "'events'" in str(err)


@pytest.mark.parametrize("path", ["../events.csv", "/etc/passwd", "sub/events.csv"])
def test_a_resource_path_outside_data_is_refused(scratch, path):
    pkg = _package(scratch)
    pkg["resources"][4]["path"] = path
    _write_package(scratch, pkg)
    err = load_error(scratch)
    assert (err.file, err.rule) == ("data/datapackage.json", "package structure"), str(err)


def test_an_unknown_field_type_is_refused(scratch):
    pkg = _package(scratch)
    pkg["resources"][0]["schema"]["fields"][0]["type"] = "strng"
    _write_package(scratch, pkg)
    err = load_error(scratch)
    assert (err.file, err.rule) == ("data/datapackage.json", "package structure"), str(err)
    assert "'strng'" in str(err)


def test_every_load_error_is_a_data_error(scratch):
    # Whatever the package lacks, a reader gets a DataError naming datapackage.json, not a KeyError.
    pkg = _package(scratch)
    del pkg["x_period"]
    _write_package(scratch, pkg)
    with pytest.raises(DataError) as info:
        validate_and_load(scratch.root, seeds=False)
    assert info.value.file == "data/datapackage.json"
