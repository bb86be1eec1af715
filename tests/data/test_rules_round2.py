"""Round 2 of bad input (issue 23, items 4 and 5): rules that tie claimant, side and verification together,
number words as whole words, names and ids that are one after folding, and load errors that name their cause."""

import json
import unicodedata

import pytest

from kharkiv.data import datapackage as schema
from kharkiv.data import figure_evidence as figures
from kharkiv.data import names
from kharkiv.data.load import validate_and_load
from kharkiv.data.paths import DATAPACKAGE
from tests.data.test_bad_input import assert_names, load_error


def _row(scratch, table: str, column: str, value: str) -> int:
    """The row number (from 1) of the first row whose column holds value."""
    return next(i for i, r in enumerate(scratch.rows(table), start=1) if r[column] == value)


def _edit_package(scratch, edit) -> None:
    path = scratch.root / "datapackage.json"
    pkg = json.loads(path.read_text(encoding="utf-8"))
    edit(pkg)
    path.write_text(json.dumps(pkg, indent=1), encoding="utf-8")


def _field(pkg: dict, table: str, name: str) -> dict:
    resource = next(r for r in pkg["resources"] if r["name"] == table)
    return next(f for f in resource["schema"]["fields"] if f["name"] == name)


# --- item 4: a claimant's side agrees with its kind; verification agrees with side ---


def test_a_named_official_is_never_unattributed(scratch):
    row = _row(scratch, "claimants", "claimant_id", "oleh-synyehubov")
    scratch.set("claimants", row, "side", "unattributed")
    err = load_error(scratch)
    assert_names(err, "data/claimants.csv", row, "side", "side agrees with kind")
    assert "'Oleh Synyehubov' is a named person" in str(err)


def test_the_unattributed_claimant_has_no_side(scratch):
    row = _row(scratch, "claimants", "claimant_id", "unattributed")
    scratch.set("claimants", row, "side", "Russian")
    err = load_error(scratch)
    assert_names(err, "data/claimants.csv", row, "side", "side agrees with kind")
    assert "not 'Russian'" in str(err)


def test_a_partys_own_claim_is_not_corroborated_by_itself(scratch):
    row = _row(scratch, "events", "claimant_id", "russia-mod")
    scratch.set("events", row, "verification", "corroborated")
    err = load_error(scratch)
    assert_names(err, "data/events.csv", row, "verification", "corroborated by another source")
    assert "told by s000 alone" in str(err)


def test_a_partys_claim_told_by_a_second_document_may_be_corroborated(scratch):
    # e0020 (Synyehubov; videos verified by The Washington Post in another document) loads as it is, and so
    # does a figure of the same event given the same label.
    row = _row(scratch, "statements", "statement_id", "n0007")
    assert scratch.rows("statements")[row - 1]["event_id"] == "e0020"
    scratch.set("statements", row, "verification", "corroborated")
    validate_and_load(scratch.root, seeds=False)


@pytest.mark.parametrize(
    ("table", "claimant", "label"),
    [("events", "unattributed", "claimed"), ("statements", "ukraine-mod", "reported")],
    ids=["unattributed claimed", "party reported"],
)
def test_verification_agrees_with_side(scratch, table, claimant, label):
    row = _row(scratch, table, "claimant_id", claimant)
    scratch.set(table, row, "verification", label)
    err = load_error(scratch)
    assert_names(err, f"data/{table}.csv", row, "verification", "verification agrees with side")
    assert f"{label!r} does not fit claimant {claimant!r}" in str(err)


def test_a_misspelt_side_in_the_rule_is_named_in_the_package(scratch):
    def edit(pkg):
        allowed = pkg["x_verification_by_side"]["allowed"]
        allowed["Ukranian"] = allowed.pop("Ukrainian")

    _edit_package(scratch, edit)
    err = load_error(scratch)
    assert (err.file, err.rule) == ("data/datapackage.json", "rule settings"), str(err)
    assert "'Ukranian'" in str(err)


def test_the_package_declares_the_claim_and_uniqueness_rules():
    pkg = json.loads(DATAPACKAGE.read_text(encoding="utf-8"))
    claimants = next(r for r in pkg["resources"] if r["name"] == "claimants")
    assert claimants["x_unattributed"] == {
        **claimants["x_unattributed"],
        "kind": "unattributed",
        "side": "unattributed",
    }
    assert set(pkg["x_verification_by_side"]["allowed"]) == set(schema.enum("claimants", "side"))
    for table in ("claimants", "places", "phases"):
        assert _field(pkg, table, "name").get("x_unique_folded"), table
    for table, col in (("sources", "source_id"), ("events", "event_id"), ("statements", "statement_id")):
        assert _field(pkg, table, col).get("x_unique_by_number"), table


# --- item 4: "a" and "an" are one only as whole words ---


def test_a_figure_changed_to_one_is_refused(scratch):
    row = _row(
        scratch, "statements", "statement_id", "n0002"
    )  # "... at least 6 GAZ Tigr-Ms", by Ukrainian officials
    scratch.set("statements", row, "value", "1")
    assert_names(load_error(scratch), "data/statements.csv", row, "value", "figure in evidence")


@pytest.mark.parametrize(
    ("value", "text", "ok"),
    [
        (1, "Ukrainian forces retook the village", False),
        (1, "Russian troops shelled the city", False),
        (1, "someone was wounded", False),
        (1, "killed an officer", True),
        (1, "A soldier was killed", True),
        (1, "one of them", True),
        (1, "a-series", False),
        (0, "no casualties", True),
        (0, "nothing was hit", False),
        (0, "the piano hall", False),
        (6, "forty-six people", False),
        (46, "forty-six people", True),
        (10, "often", False),
        (10, "ten soldiers", True),
        (4, "fourteen", False),
    ],
)
def test_number_words_count_only_as_whole_words(value, text, ok):
    assert figures.stands_in(value, text) is ok


def test_at_least_zero_is_refused(scratch):
    row = _row(scratch, "statements", "qualifier", "at least")
    scratch.set("statements", row, "value", "0")
    err = load_error(scratch)
    assert_names(err, "data/statements.csv", row, "value", "at least 0")


# --- item 4: names one after Unicode normalisation, ids one by number ---


def test_two_phase_names_that_differ_only_in_normalisation(scratch):
    scratch.set("phases", 1, "name", unicodedata.normalize("NFC", "Siège of the city"))
    scratch.set("phases", 2, "name", unicodedata.normalize("NFD", "Siège of the city"))
    err = load_error(scratch)
    assert_names(err, "data/phases.csv", 2, "name", "unique after folding")
    assert "'Sie\\u0300ge of the city' is the same as 'Si\\xe8ge of the city' in row 1" in str(err)
    assert "Unicode normalisation" in str(err)


@pytest.mark.parametrize("form", ["NFC", "NFD", "NFKC", "NFKD"])
def test_the_name_fold_is_the_same_in_every_normalisation(form):
    for name in ("Chuhuïv", "Čuhujiv", "Харків", "İzium", "ǰ"):
        assert names.fold(unicodedata.normalize(form, name)) == names.fold(name), (form, name)


def test_ids_that_differ_only_by_leading_zeros_are_one_id(scratch):
    row = _row(scratch, "events", "event_id", "e0029")
    assert _row(scratch, "events", "event_id", "e0028") < row
    scratch.set("events", row, "event_id", "e00028")
    err = load_error(scratch)
    assert_names(err, "data/events.csv", row, "event_id", "unique by number")
    assert "'e00028' is the same as 'e0028'" in str(err)


# --- item 5: every load error is a DataError naming the file and the real cause ---


def test_an_impossible_date_in_the_period(scratch):
    _edit_package(scratch, lambda pkg: pkg["x_period"].update(end="2022-02-30"))
    err = load_error(scratch)
    assert (err.file, err.row, err.rule) == ("data/datapackage.json", None, "x_period"), str(err)
    assert "x_period.end is '2022-02-30', which is not a real date" in str(err)


def test_a_period_that_ends_before_it_starts_is_blamed_on_the_package(scratch):
    _edit_package(scratch, lambda pkg: pkg["x_period"].update(end="2022-02-01"))
    err = load_error(scratch)
    assert (err.file, err.row, err.rule) == ("data/datapackage.json", None, "x_period"), str(err)
    assert "ends on 2022-02-01, before it starts on 2022-02-24" in str(err)


@pytest.mark.parametrize(
    ("table", "name"),
    [
        ("events", "start_date"),
        ("statements", "value"),
        ("places", "lat"),
        ("phases", "order"),
        ("sources", "date"),
    ],
)
def test_a_field_type_changed_to_string_is_named_in_the_package(scratch, table, name):
    _edit_package(scratch, lambda pkg: _field(pkg, table, name).update(type="string"))
    err = load_error(scratch)
    assert (err.file, err.rule) == ("data/datapackage.json", "field type"), str(err)
    assert f"resource {table!r}, field {name!r}: type 'string'" in str(err)


@pytest.mark.parametrize(
    ("key", "bad", "says"),
    [
        ("minimum", "2022-02-30", "constraints.minimum '2022-02-30' is not a real ISO date"),
        ("pattern", "e[0-9", "constraints.pattern 'e[0-9' is not a regular expression"),
        ("enum", "reported", "constraints.enum must be a list"),
        ("minLength", "10", "constraints.minLength must be a whole number"),
    ],
)
def test_a_malformed_constraint_is_named_in_the_package(scratch, key, bad, says):
    field = {"minimum": "start_date", "pattern": "event_id", "enum": "verification", "minLength": "summary"}[
        key
    ]
    _edit_package(scratch, lambda pkg: _field(pkg, "events", field)["constraints"].update({key: bad}))
    err = load_error(scratch)
    assert (err.file, err.rule) == ("data/datapackage.json", "package structure"), str(err)
    assert f"resource 'events', field {field!r}: {says}" in str(err)


def test_an_excerpt_saved_in_nfd_says_so(scratch, seeds):
    rows = scratch.rows("statements")
    row = next(
        i for i, r in enumerate(rows, start=1) if unicodedata.normalize("NFD", r["evidence"]) != r["evidence"]
    )
    scratch.set("statements", row, "evidence", unicodedata.normalize("NFD", rows[row - 1]["evidence"]))
    err = load_error(scratch, seeds)
    assert_names(err, "data/statements.csv", row, "evidence", "evidence in source")
    assert "in a different Unicode normalisation (the excerpt is saved in NFD, the document in NFC" in str(
        err
    )


def test_a_header_with_a_space_after_each_comma_shows_the_space(scratch):
    path = scratch.root / "sources.csv"
    header, rest = path.read_text(encoding="utf-8").split("\n", 1)
    path.write_text(header.replace(",", ", ") + "\n" + rest, encoding="utf-8")
    err = load_error(scratch)
    assert (err.file, err.line, err.column, err.rule) == ("data/sources.csv", 1, "file", "CSV header"), str(
        err
    )
    assert "' file'" in str(err)
