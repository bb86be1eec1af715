"""The real data: it validates against its schema, and its facts are traced to the sources."""

import datetime as dt

import pandas as pd
import pytest
from frictionless import Package

from kharkiv.data import datapackage as schema
from kharkiv.data import figure_evidence as figures
from kharkiv.data.load import validate_and_load
from kharkiv.data.paths import DATAPACKAGE
from tests.data.test_bad_input import assert_names, load_error


def test_datapackage_validates_with_frictionless():
    report = Package(str(DATAPACKAGE)).validate()
    errors = [f"{t.name}: {e.message}" for t in report.tasks for e in t.errors]
    assert report.valid, "\n".join(errors[:20])


def test_loader_accepts_the_data_and_types_it(seeds):
    tables = validate_and_load(seeds=seeds)
    assert set(tables) == set(schema.resources())
    ev = tables["events"]
    assert len(ev) > 0 and len(tables["statements"]) > 0
    assert pd.api.types.is_datetime64_any_dtype(ev["start_date"])
    assert isinstance(ev["event_type"].dtype, pd.CategoricalDtype)


def test_every_evidence_excerpt_is_in_its_source(seeds):
    # validate_and_load raises DataError on the first excerpt not found; this names them all.
    from kharkiv.data.evidence import EVIDENCE, normalise, source_texts

    tables = validate_and_load(seeds=False)
    sources = tables["sources"].to_dict("records")
    texts = source_texts(sources, seeds)
    missing = [
        f"{table} {row[src]}: {row[col][:60]!r}"
        for table, col, src in EVIDENCE
        for row in tables[table].to_dict("records")
        if normalise(row[col]) not in texts[row[src]]
    ]
    assert not missing, "\n".join(missing)


def test_source_checksums_match_the_documents(seeds):
    import hashlib

    for s in validate_and_load(seeds=False)["sources"].itertuples():
        assert hashlib.sha256((seeds / s.file).read_bytes()).hexdigest() == s.sha256, s.file


# Rules the loader enforces (every test above loads the real data through it) are tested on bad input, here or
# in test_bad_input.py; the real data is checked below only for what no loader rule says.


def test_the_date_bounds_of_events_and_phases_are_the_period():
    # The loader bounds dates by the fields' minimum and maximum (test_bad_input.py::test_date_outside_the_period,
    # and the end date below); they must be the package's period.
    period = schema.package()["x_period"]
    for table in ("events", "phases"):
        for field in ("start_date", "end_date"):
            (f,) = [f for f in schema.fields(schema.resources()[table]) if f["name"] == field]
            c = f["constraints"]
            assert (c.get("minimum"), c.get("maximum")) == (period["start"], period["end"]), (table, field)


def test_an_end_date_after_the_period_is_refused(scratch):
    scratch.set("events", 1, "end_date", "2022-09-12")
    assert_names(load_error(scratch), "data/events.csv", 1, "end_date", "maximum")


@pytest.mark.parametrize("column", ["value", "value_high"])
def test_a_negative_figure_is_refused(scratch, column):
    rows = scratch.rows("statements")
    i = next(k for k, r in enumerate(rows, start=1) if r["qualifier"] == "range" and r["value_high"])
    scratch.set("statements", i, column, "-5")
    assert_names(load_error(scratch), "data/statements.csv", i, column, "minimum")


def test_a_figure_without_a_qualifier_is_refused(scratch):
    scratch.set("statements", 1, "qualifier", "")
    assert_names(load_error(scratch), "data/statements.csv", 1, "qualifier", "required")


@pytest.mark.parametrize("shift, what", [(1, "gap"), (-1, "overlap")])
def test_phases_that_leave_a_gap_or_overlap_are_refused(scratch, shift, what):
    rows = sorted(scratch.rows("phases"), key=lambda r: int(r["order"]))
    i = next(k for k, r in enumerate(scratch.rows("phases"), start=1) if r["phase_id"] == rows[1]["phase_id"])
    start = dt.date.fromisoformat(rows[1]["start_date"]) + dt.timedelta(days=shift)
    scratch.set("phases", i, "start_date", start.isoformat())
    assert_names(load_error(scratch), "data/phases.csv", i, "start_date", "phases tile")


def test_phases_run_from_the_first_day_of_the_period_to_the_last():
    # The loader checks that phases follow each other without gap or overlap, not that they span the period.
    ph = validate_and_load(seeds=False)["phases"].sort_values("order")
    period = schema.package()["x_period"]
    assert len(ph) >= 4
    assert ph["start_date"].iloc[0] == pd.Timestamp(period["start"])
    assert ph["end_date"].iloc[-1] == pd.Timestamp(period["end"])


def test_conflicting_reports_are_kept_apart():
    # 28 February: the sources give several officials' civilian death tolls; none may be merged away.
    st = validate_and_load(seeds=False)["statements"]
    day = st[
        (st["measure"] == "killed")
        & (st["subject"] == "civilians")
        & (st["period_start"] == dt.datetime(2022, 2, 28))
        & (st["period_end"] == dt.datetime(2022, 2, 28))
    ]
    assert day["claimant_id"].nunique() >= 3


# Figures the excerpt implies without writing a number (or writes in another language), with the reason:
# listed in datapackage.json (statements, x_implied_values), the list the loader also reads.
IMPLIED = next(r for r in schema.package()["resources"] if r["name"] == "statements")["x_implied_values"]


def test_every_statement_value_stands_in_its_evidence():
    # A figure is recorded as stated: the excerpt must carry it, as digits, in millions, or as a word
    # (kharkiv.data.figure_evidence, the rule the loader applies too).
    st = validate_and_load(seeds=False)["statements"]
    missing = [
        f"{r.statement_id}: {v:g} not in {r.evidence[:80]!r}"
        for r in st.itertuples()
        for v in (r.value, r.value_high)
        if not pd.isna(v) and r.statement_id not in IMPLIED and not figures.stands_in(v, r.evidence)
    ]
    assert not missing, "\n".join(missing)


# One event per day, place and type (ACLED; curation/README.md). Two events that share the day, the place, the event
# type and the sub-event type stand apart only when a field tells them apart: each such pair is listed here with that
# field and the reason (curation/notes/second_pass.md). Pairs whose sub-event types differ are told apart by it.
SAME_DAY_PLACE_TYPE = {
    ("e0018", "e0025"): ("actor1", "28 Feb: a Russian company's break-out and a Ukrainian curfew"),
    ("e0024", "e0026"): ("actor1", "28 Feb: HRW's cluster-munition finding, a US official's view"),
    ("e0024", "e0027"): ("actor1", "28 Feb: HRW's finding and the Conflict Intelligence Team's"),
    ("e0026", "e0027"): ("actor1", "28 Feb: a US official's and the Conflict Intelligence Team's"),
    ("e0029", "e0030"): ("actor2", "1 Mar: two victims told apart, an Indian student and an OSCE monitor"),
    ("e0033", "e0035"): ("target", "2 Mar: shelling of a military academy and missiles on residential areas"),
    ("e0052", "e0053"): ("target", "10 Mar: the SES toll, and a mall destroyed (two tellers)"),
    ("e0070", "e0072"): ("weapon", "31 Mar: the city's shelling; a claimed Iskander strike on a base"),
}
# Ids merged into another row in the second and third passes: they are never used again.
RETIRED = {
    "e0061",
    "e0063",
    "e0601",
    "e0602",
    "e0603",
    "n0628",
    "e0016",
    "e0324",
    "e0339",
    "e0616",
    "n0644",
    "n0651",
}


def _differ(a, b) -> bool:
    return (None if pd.isna(a) else str(a)) != (None if pd.isna(b) else str(b))


def test_one_event_per_day_place_and_type():
    from itertools import combinations

    ev = validate_and_load(seeds=False)["events"]
    pairs = set()
    for _, g in ev.groupby(["start_date", "end_date", "place_id", "event_type"], observed=True):
        for a, b in combinations(g.sort_values("event_id").itertuples(), 2):
            if a.sub_event_type == b.sub_event_type:
                pairs.add((a.event_id, b.event_id))
    assert pairs - set(SAME_DAY_PLACE_TYPE) == set(), "merge them, or tell them apart and list them"
    assert set(SAME_DAY_PLACE_TYPE) - pairs == set(), "stale exceptions"
    rows = ev.set_index("event_id")
    same = [p for p, (field, _) in SAME_DAY_PLACE_TYPE.items() if not _differ(*rows.loc[list(p), field])]
    assert not same, f"the listed field does not tell them apart: {same}"


# The fields that define what a figure says. Two statements equal in all of them count one figure twice.
DEFINING = [
    "event_id", "claim_date", "period_start", "period_end", "place_id", "scope", "unit_name",
    "measure", "subject", "value", "value_high", "unit", "qualifier", "claimant_id", "source_id",
]  # fmt: skip
SAME_FIGURE = {}  # statement-id pairs allowed to share every defining field, with the reason (none today)


def test_no_figure_is_coded_twice():
    st = validate_and_load(seeds=False)["statements"]
    keys = st[DEFINING].astype("string").fillna("").apply(tuple, axis=1)
    twice = [tuple(sorted(g)) for g in st.groupby(keys)["statement_id"].apply(list) if len(g) > 1]
    assert [p for p in twice if p not in SAME_FIGURE] == []


def test_retired_ids_are_not_reused():
    t = validate_and_load(seeds=False)
    used = set(t["events"]["event_id"]) | set(t["statements"]["statement_id"])
    assert used & RETIRED == set()
    assert set(t["statements"]["event_id"].dropna()) & RETIRED == set()


def test_tellings_quoted_in_notes_are_verbatim(seeds):
    # A second telling in a document that already gives an event its evidence row is quoted in the event's notes
    # ("Also told in s000: «...»"): the key (event_id, source_id) allows one excerpt per document.
    import re

    from kharkiv.data.evidence import normalise, source_texts

    t = validate_and_load(seeds=False)
    texts = source_texts(t["sources"].to_dict("records"), seeds)
    quoted = [
        (r.event_id, m.group(1), m.group(2))
        for r in t["events"].itertuples()
        for m in re.finditer(r"Also told in (s\d{3}): «(.+?)»", "" if pd.isna(r.notes) else r.notes)
    ]
    assert quoted, "the merged events quote their other tellings"
    assert [q for q in quoted if normalise(q[2]) not in texts[q[1]]] == []


REFERENCE_LIST_START = "Media related to Battle of Kharkiv at Wikimedia Commons"


def test_reference_titles_are_flagged_and_cited(seeds):
    # Evidence from s000's reference list carries reference_part and the outlet it cites; text evidence does not.
    from kharkiv.data.evidence import normalise, source_texts

    t = validate_and_load(seeds=False)
    s000 = source_texts(t["sources"].to_dict("records"), seeds)["s000"]
    cut = s000.index(normalise(REFERENCE_LIST_START))
    text, refs = s000[:cut], s000[cut:]
    wrong = []
    for table in ("event_sources", "statements"):
        for r in t[table][t[table]["source_id"] == "s000"].itertuples():
            ev = normalise(r.evidence)
            if pd.isna(r.reference_part):
                if ev not in text:
                    wrong.append(f"{table} {r.evidence[:50]!r}: in the reference list, not flagged")
            elif ev not in refs or (r.reference_part == "title" and pd.isna(r.cited_outlet)):
                wrong.append(f"{table} {r.evidence[:50]!r}: flagged, but not a cited reference-list entry")
    assert not wrong, "\n".join(wrong)


def test_verification_follows_the_claimant_side():
    # claimed: asserted by a party to the war; a third party or an unattributed narration reports (methodology).
    t = validate_and_load(seeds=False)
    side = t["claimants"].set_index("claimant_id")["side"].astype(str)
    bad = []
    for table, key in (("events", "event_id"), ("statements", "statement_id")):
        df = t[table]
        s = df["claimant_id"].map(side)
        v = df["verification"].astype(str)
        party = s.isin(["Ukrainian", "Russian"])
        bad += list(df.loc[(party & (v == "reported")) | (~party & (v == "claimed")), key])
    assert bad == []


def test_a_part_belongs_to_the_same_claim_and_is_not_larger_than_its_whole():
    st = validate_and_load(seeds=False)["statements"].set_index("statement_id")
    parts = st[st["part_of"].notna()]
    assert len(parts) > 0
    bad = []
    for sid, r in parts.iterrows():
        whole = st.loc[r["part_of"]]
        if r["part_of"] == sid or (pd.notna(whole["part_of"]) and whole["part_of"] == sid):
            bad.append(f"{sid}: circular")
        if (r["source_id"], r["claimant_id"]) != (whole["source_id"], whole["claimant_id"]):
            bad.append(f"{sid}: not the same claim as {r['part_of']}")
        same_unit = r["unit"] == whole["unit"]
        if same_unit and pd.notna(r["value"]) and pd.notna(whole["value"]) and r["value"] > whole["value"]:
            bad.append(f"{sid}: {r['value']} is more than its whole {r['part_of']} ({whole['value']})")
    assert not bad, "\n".join(bad)
