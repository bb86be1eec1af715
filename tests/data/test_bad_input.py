"""Bad input fails loudly: one test per rule, each checking the error names file, row, column and rule."""

import datetime as dt
import os
import shutil
import subprocess
import sys

import pytest

from kharkiv.data.errors import DataError
from kharkiv.data.load import validate_and_load


def load_error(scratch, seeds=False) -> DataError:
    with pytest.raises(DataError) as info:
        validate_and_load(scratch.root, seeds=seeds)
    return info.value


def assert_names(err, file, row, column, rule):
    assert (err.file, err.row, err.column, err.rule) == (file, row, column, rule), str(err)
    text = str(err)
    assert file in text and column in text and (row is None or f"row {row}" in text)


def test_the_untouched_copy_loads(scratch):
    tables = validate_and_load(scratch.root, seeds=False)
    assert len(tables["events"]) == len(scratch.rows("events"))  # nothing dropped


@pytest.mark.parametrize("bad", ["2022-02-30", "28/02/2022", "2022-2-28", "yesterday"])
def test_malformed_date(scratch, bad):
    scratch.set("events", 2, "start_date", bad)
    assert_names(load_error(scratch), "data/events.csv", 2, "start_date", "type date")


def test_date_outside_the_period(scratch):
    scratch.set("events", 1, "start_date", "2021-12-31")
    assert_names(load_error(scratch), "data/events.csv", 1, "start_date", "minimum")


def test_unknown_place(scratch):
    scratch.set("events", 3, "place_id", "atlantis")
    err = load_error(scratch)
    assert_names(err, "data/events.csv", 3, "place_id", "foreign key")
    assert "atlantis" in str(err) and "data/places.csv" in str(err)


def test_unknown_source_in_evidence(scratch):
    scratch.set("event_sources", 1, "source_id", "s999")
    assert_names(load_error(scratch), "data/event_sources.csv", 1, "source_id", "foreign key")


def test_duplicated_id(scratch):
    rows = scratch.rows("events")
    rows[1]["event_id"] = rows[0]["event_id"]
    scratch.write("events", rows)
    err = load_error(scratch)
    assert_names(err, "data/events.csv", 2, "event_id", "unique")
    assert "duplicates row 1" in str(err)


def test_duplicated_composite_key(scratch):
    rows = scratch.rows("event_sources")
    scratch.write("event_sources", [*rows, dict(rows[0])])
    assert_names(load_error(scratch), "data/event_sources.csv", len(rows) + 1, "event_id+source_id", "unique")


def test_negative_count(scratch):
    scratch.set("statements", 1, "value", "-5")
    assert_names(load_error(scratch), "data/statements.csv", 1, "value", "minimum")


def test_missing_required_column(scratch):
    rows = scratch.rows("events")
    fields = [f for f in rows[0] if f != "summary"]
    scratch.write("events", [{k: r[k] for k in fields} for r in rows], fields)
    assert_names(load_error(scratch), "data/events.csv", None, "summary", "required column")


def test_unknown_column_is_not_ignored(scratch):
    rows = scratch.rows("places")
    scratch.write("places", [dict(r, population="1") for r in rows])
    assert_names(load_error(scratch), "data/places.csv", None, "population", "known column")


def test_missing_required_value(scratch):
    scratch.set("events", 4, "summary", "")
    assert_names(load_error(scratch), "data/events.csv", 4, "summary", "required")


def test_value_outside_its_enum(scratch):
    scratch.set("events", 1, "event_type", "Skirmish")
    err = load_error(scratch)
    assert_names(err, "data/events.csv", 1, "event_type", "enum")
    assert "Battles" in str(err)  # the message lists what is allowed


def test_qualifier_outside_its_vocabulary(scratch):
    scratch.set("statements", 2, "qualifier", "roughly")
    assert_names(load_error(scratch), "data/statements.csv", 2, "qualifier", "enum")


def test_empty_evidence(scratch):
    scratch.set("event_sources", 2, "evidence", "")
    assert_names(load_error(scratch), "data/event_sources.csv", 2, "evidence", "required")


def test_blank_evidence(scratch):
    scratch.set("statements", 2, "evidence", "    ")
    assert_names(load_error(scratch), "data/statements.csv", 2, "evidence", "minLength")


def test_evidence_not_in_its_source(scratch, seeds):
    scratch.set("event_sources", 1, "evidence", "Russian forces captured the moon on 24 February.")
    err = load_error(scratch, seeds=seeds)
    assert_names(err, "data/event_sources.csv", 1, "evidence", "evidence in source")


def test_evidence_attributed_to_the_wrong_source(scratch, seeds):
    rows = scratch.rows("event_sources")
    i = next(k for k, r in enumerate(rows, start=1) if r["source_id"] == "s000")
    scratch.set("event_sources", i, "source_id", "s004")  # the excerpt exists, but not in s004
    assert_names(
        load_error(scratch, seeds=seeds), "data/event_sources.csv", i, "evidence", "evidence in source"
    )


def test_word_qualifier_with_a_number(scratch):
    rows = scratch.rows("statements")
    i = next(k for k, r in enumerate(rows, start=1) if r["qualifier"] == "exact")
    scratch.set("statements", i, "qualifier", "dozens")
    assert_names(load_error(scratch), "data/statements.csv", i, "value", "word qualifier")


def test_end_before_start(scratch):
    rows = scratch.rows("events")
    i = next(k for k, r in enumerate(rows, start=1) if r["start_date"] > "2022-02-24")
    scratch.set("events", i, "end_date", "2022-02-24")
    err = load_error(scratch)
    assert err.row == i and err.column == "end_date" and err.rule in {"date order", "day precision"}


def test_ragged_row(scratch):
    path = scratch.root / "claimants.csv"
    path.write_text(path.read_text(encoding="utf-8") + "extra,Only two cells\n", encoding="utf-8")
    err = load_error(scratch)
    assert err.file == "data/claimants.csv" and err.rule == "row length"


# --- numbers: the Table Schema's canonical spellings only, and always finite (issue 9, items 3-4) ---
def _row(scratch, table, **match):
    return next(
        k for k, r in enumerate(scratch.rows(table), start=1) if all(r[c] == v for c, v in match.items())
    )


@pytest.mark.parametrize("bad", ["NaN", "nan", "inf", "-INF", "Infinity", "1e309"])
def test_a_value_that_is_not_a_finite_number(scratch, bad):
    i = _row(scratch, "statements", qualifier="exact")
    scratch.set("statements", i, "value", bad)
    err = load_error(scratch)
    assert_names(err, "data/statements.csv", i, "value", "type number")
    assert "finite number" in str(err)


def test_nan_as_the_upper_bound_of_a_range(scratch):
    i = _row(scratch, "statements", qualifier="range")
    scratch.set("statements", i, "value_high", "NaN")
    assert_names(load_error(scratch), "data/statements.csv", i, "value_high", "type number")


def test_nan_as_a_latitude(scratch):
    i = _row(scratch, "places", coord_precision="exact")
    scratch.set("places", i, "lat", "nan")
    assert_names(load_error(scratch), "data/places.csv", i, "lat", "type number")


@pytest.mark.parametrize(
    "bad", ["1_000", "1_0", "١٠", "１０", " 6", "6 ", "1,000", "0x10", "6.0.0", "e5", "6e"]
)
def test_a_number_in_a_non_canonical_spelling(scratch, bad):
    i = _row(scratch, "statements", qualifier="exact")
    scratch.set("statements", i, "value", bad)
    assert_names(load_error(scratch), "data/statements.csv", i, "value", "type number")


@pytest.mark.parametrize("bad", ["1_0", "٢", "+ 2", "2.0", "2e0"])
def test_an_integer_in_a_non_canonical_spelling(scratch, bad):
    scratch.set("phases", 2, "order", bad)
    assert_names(load_error(scratch), "data/phases.csv", 2, "order", "type integer")


def test_a_date_in_other_digits(scratch):
    scratch.set("events", 2, "start_date", "٢٠٢٢-٠٢-٢٤")
    assert_names(load_error(scratch), "data/events.csv", 2, "start_date", "type date")


@pytest.mark.parametrize("good", ["6", "+6", "6.", "6.0", "06", "6e0", "0.6E1", "60e-1"])
def test_canonical_number_spellings_are_read(scratch, good):
    i = next(k for k, r in enumerate(scratch.rows("statements"), start=1) if r["value"] == "6")
    scratch.set("statements", i, "value", good)
    assert validate_and_load(scratch.root, seeds=False)["statements"]["value"].iloc[i - 1] == 6


# --- blank values (item 15) ---
@pytest.mark.parametrize("blank", ["   ", "\t", "\u200b", " \u00a0 "])
def test_a_required_value_of_only_whitespace(scratch, blank):
    scratch.set("events", 3, "actor1", blank)
    assert_names(load_error(scratch), "data/events.csv", 3, "actor1", "not blank")


# --- names that are one name (item 15) ---
@pytest.mark.parametrize(
    "twin",
    ["kharkiv", "KHARKIV", " Kharkiv", "Kharkiv ", "Khar\u200bkiv", "Kharkіv", "Кharkiv", "Kharkiv\u00ad"],
)
def test_a_place_name_that_differs_only_in_case_spacing_or_look_alikes(scratch, twin):
    assert scratch.rows("places")[0]["name"] == "Kharkiv"
    scratch.set("places", 2, "name", twin)
    err = load_error(scratch)
    assert_names(err, "data/places.csv", 2, "name", "unique after folding")
    assert "row 1" in str(err)


def test_a_claimant_name_with_doubled_spaces(scratch):
    assert scratch.rows("claimants")[0]["name"] == "Amnesty International"
    scratch.set("claimants", 3, "name", "Amnesty  International")
    assert_names(load_error(scratch), "data/claimants.csv", 3, "name", "unique after folding")


# --- dates of statements (item 15) ---
@pytest.mark.parametrize(
    ("column", "bad", "rule"),
    [
        ("period_start", "1900-01-01", "minimum"),
        ("period_end", "2099-12-31", "maximum"),
        ("claim_date", "1900-01-01", "minimum"),
    ],
)
def test_a_statement_date_outside_its_window(scratch, column, bad, rule):
    scratch.set("statements", 2, column, bad)
    assert_names(load_error(scratch), "data/statements.csv", 2, column, rule)


def test_a_claim_dated_before_the_period_it_reports(scratch):
    rows = scratch.rows("statements")
    i = next(k for k, r in enumerate(rows, start=1) if r["claim_date"] and r["period_start"] >= "2022-03-01")
    day_before = (dt.date.fromisoformat(rows[i - 1]["period_start"]) - dt.timedelta(days=1)).isoformat()
    scratch.set("statements", i, "claim_date", day_before)
    err = load_error(scratch)
    assert_names(err, "data/statements.csv", i, "claim_date", "claim after its period")
    assert "starts" in str(err)


def test_a_claim_dated_before_the_period_it_reports_ends(scratch):
    rows = scratch.rows("statements")
    i = next(
        k for k, r in enumerate(rows, start=1) if r["claim_date"] and r["period_end"] > r["period_start"]
    )
    scratch.set("statements", i, "claim_date", rows[i - 1]["period_start"])
    assert_names(load_error(scratch), "data/statements.csv", i, "claim_date", "claim after its period")


def test_a_claim_dated_after_its_source(scratch):
    i = _row(scratch, "statements", source_id="s003", claim_date="2022-02-28")  # s003 is of 28 February
    scratch.set("statements", i, "claim_date", "2022-03-05")
    assert_names(load_error(scratch), "data/statements.csv", i, "claim_date", "claim before its source")


# --- month precision (item 15) ---
def test_month_precision_on_a_two_day_range(scratch):
    i = _row(scratch, "events", date_precision="month")
    scratch.set("events", i, "start_date", "2022-05-01")
    scratch.set("events", i, "end_date", "2022-05-02")
    assert_names(load_error(scratch), "data/events.csv", i, "date_precision", "month precision")


def test_month_precision_on_a_month_clipped_to_the_period_is_accepted(scratch):
    i = _row(scratch, "events", date_precision="month")
    scratch.set("events", i, "start_date", "2022-02-24")
    scratch.set("events", i, "end_date", "2022-02-28")
    validate_and_load(scratch.root, seeds=False)


# --- places (item 15) ---
def test_a_place_within_itself(scratch):
    scratch.set("places", 2, "within", scratch.rows("places")[1]["place_id"])
    assert_names(load_error(scratch), "data/places.csv", 2, "within", "within is not circular")


def test_a_cycle_of_places(scratch):
    rows = scratch.rows("places")
    i = _row(scratch, "places", place_id="saltivskyi-district")
    assert rows[i - 1]["within"] == "kharkiv" and rows[0]["place_id"] == "kharkiv"
    scratch.set("places", 1, "within", "saltivskyi-district")
    err = load_error(scratch)
    assert_names(err, "data/places.csv", 1, "within", "within is not circular")
    assert "kharkiv within saltivskyi-district within kharkiv" in str(err)


def test_coordinates_inside_the_box_but_far_from_the_oblast(scratch):
    i = _row(scratch, "places", place_id="tsyrkuny")  # a village of Kharkiv oblast, placed in Luhansk oblast
    scratch.set("places", i, "lat", "48.9")
    scratch.set("places", i, "lon", "38.4")
    err = load_error(scratch)
    assert_names(err, "data/places.csv", i, "lat+lon", "coordinates in oblast")
    assert "km outside Kharkiv" in str(err)


@pytest.mark.parametrize(("lat", "ok"), [("50.40", True), ("50.50", False)])
def test_coordinates_just_across_the_oblast_boundary(scratch, lat, ok):
    # Vovchansk lies near the Russian border: 50.40 N is ~7 km into Belgorod oblast (within the 15 km
    # tolerance for approximate points and generalised boundaries), 50.50 N is ~18 km (refused).
    i = _row(scratch, "places", place_id="vovchansk")
    scratch.set("places", i, "lat", lat)
    if ok:
        validate_and_load(scratch.root, seeds=False)
    else:
        assert_names(load_error(scratch), "data/places.csv", i, "lat+lon", "coordinates in oblast")


def test_an_oblast_without_a_boundary(scratch):
    i = _row(scratch, "places", place_id="tsyrkuny")
    scratch.set("places", i, "oblast", "Atlantis")
    assert_names(load_error(scratch), "data/places.csv", i, "oblast", "known oblast")


# --- statement figures and evidence (item 15) ---
def test_a_statement_value_that_is_not_in_its_evidence(scratch):
    i = _row(scratch, "statements", statement_id="n0002")
    assert "at least 6" in scratch.rows("statements")[i - 1]["evidence"]
    scratch.set("statements", i, "value", "7")
    err = load_error(scratch)
    assert_names(err, "data/statements.csv", i, "value", "figure in evidence")


def test_an_evidence_excerpt_too_short_to_prove_anything(scratch):
    scratch.set("statements", 2, "evidence", "at least 6 GAZ Tigr")  # 19 characters
    assert_names(load_error(scratch), "data/statements.csv", 2, "evidence", "minLength")


# --- sources (item 14) ---
@pytest.mark.parametrize(
    "bad", ["/etc/passwd", "../seeds/000_c121be9c419ef93c.txt", "sub/000.txt", "..", ".hidden", "a..txt"]
)
def test_a_source_file_that_is_not_a_plain_file_name(scratch, bad):
    scratch.set("sources", 1, "file", bad)
    assert_names(load_error(scratch), "data/sources.csv", 1, "file", "pattern")


def test_the_checksum_of_a_source_is_checked_with_the_evidence(scratch, seeds):
    scratch.set("sources", 2, "sha256", "0" * 64)
    assert_names(load_error(scratch, seeds=seeds), "data/sources.csv", 2, "sha256", "checksum")


def test_a_changed_source_document_fails_its_checksum(scratch, seeds, tmp_path):
    docs = tmp_path / "seeds"
    shutil.copytree(seeds, docs)
    name = scratch.rows("sources")[3]["file"]
    (docs / name).write_text((docs / name).read_text(encoding="utf-8") + " fabricated", encoding="utf-8")
    assert_names(load_error(scratch, seeds=docs), "data/sources.csv", 4, "sha256", "checksum")


def test_the_evidence_check_refuses_a_path_even_if_the_schema_allowed_it(seeds):
    from kharkiv.data.evidence import source_texts

    with pytest.raises(DataError) as info:
        source_texts([{"source_id": "s000", "file": "../seeds/x.txt", "sha256": "0" * 64}], seeds)
    assert info.value.rule == "plain file name"


# --- evidence must be checked where it can be (item 13) ---
def test_without_documents_in_ci_the_loader_fails(scratch, monkeypatch, tmp_path):
    monkeypatch.setenv("KHARKIV_SEEDS", str(tmp_path / "nowhere"))
    monkeypatch.setenv("KHARKIV_REQUIRE_SEEDS", "1")
    err = load_error(scratch, seeds=None)
    assert err.rule == "evidence checked" and "not found" in str(err)


@pytest.mark.parametrize(("ci", "rc"), [("", 0), ("1", 1)])
def test_the_data_check_warns_loudly_without_documents(tmp_path, ci, rc):
    env = {**os.environ, "KHARKIV_SEEDS": str(tmp_path / "nowhere"), "KHARKIV_REQUIRE_SEEDS": ci}
    run = subprocess.run([sys.executable, "-m", "kharkiv"], capture_output=True, text=True, env=env)
    assert run.returncode == rc, run.stderr
    assert "EVIDENCE NOT CHECKED" in run.stderr


def test_the_data_check_says_where_the_evidence_was_checked(seeds):
    env = {**os.environ, "KHARKIV_SEEDS": str(seeds), "KHARKIV_REQUIRE_SEEDS": "1"}
    run = subprocess.run([sys.executable, "-m", "kharkiv"], capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    assert f"evidence checked against {seeds}" in run.stdout and "NOT" not in run.stderr


# --- ids that grow (item 16) ---
def test_a_ten_thousandth_event_is_accepted(scratch):
    for table in ("events", "event_sources", "statements"):
        rows = scratch.rows(table)
        for r in rows:
            if r["event_id"] == "e0001":
                r["event_id"] = "e10000"
        scratch.write(table, rows)
    ev = validate_and_load(scratch.root, seeds=False)["events"]
    assert "e10000" in set(ev["event_id"])


@pytest.mark.parametrize(
    ("table", "column", "bad"), [("events", "event_id", "e123"), ("statements", "statement_id", "n12x4")]
)
def test_an_id_too_short_or_malformed_is_still_refused(scratch, table, column, bad):
    scratch.set(table, 1, column, bad)
    assert_names(load_error(scratch), f"data/{table}.csv", 1, column, "pattern")


def test_an_integer_too_large_for_the_table_is_a_data_error(scratch):
    scratch.set("phases", 2, "order", "99999999999999999999")
    assert_names(load_error(scratch), "data/phases.csv", 2, "order", "type integer")


def test_a_source_dated_before_the_invasion(scratch):
    scratch.set("sources", 1, "date", "0001-01-01")
    assert_names(load_error(scratch), "data/sources.csv", 1, "date", "minimum")


@pytest.mark.parametrize("bad", ["a\x00b", "bell\x07", "escape \x1b[31m red"])
def test_a_control_character_in_text(scratch, bad):
    scratch.set("events", 1, "notes", bad)
    assert_names(load_error(scratch), "data/events.csv", 1, "notes", "no control characters")
