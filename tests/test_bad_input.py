"""Bad input fails loudly: one test per rule, each checking the error names file, row, column and rule."""

import pytest

from kharkiv.errors import DataError
from kharkiv.load import validate_and_load


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
