"""The real data: it validates against its schema, and its facts are traced to the sources."""

import datetime as dt

import pandas as pd
from frictionless import Package

from kharkiv import schema
from kharkiv.load import validate_and_load
from kharkiv.paths import DATAPACKAGE


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
    from kharkiv.evidence import EVIDENCE, normalise, source_texts

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


def test_event_dates_lie_within_the_period():
    period = schema.package()["x_period"]
    ev = validate_and_load(seeds=False)["events"]
    lo, hi = pd.Timestamp(period["start"]), pd.Timestamp(period["end"])
    assert ev["start_date"].between(lo, hi).all() and ev["end_date"].between(lo, hi).all()


def test_statement_values_are_non_negative_and_qualified_from_the_vocabulary():
    st = validate_and_load(seeds=False)["statements"]
    assert (st["value"].dropna() >= 0).all()
    assert st["qualifier"].notna().all()
    assert set(st["qualifier"].astype(str)) <= set(schema.enum("statements", "qualifier"))


def test_phases_cover_the_period_without_gaps():
    ph = validate_and_load(seeds=False)["phases"].sort_values("order")
    period = schema.package()["x_period"]
    assert len(ph) >= 4
    assert ph["start_date"].iloc[0] == pd.Timestamp(period["start"])
    assert ph["end_date"].iloc[-1] == pd.Timestamp(period["end"])
    gaps = ph["start_date"].iloc[1:].values - ph["end_date"].iloc[:-1].values
    assert (gaps == pd.Timedelta(days=1).to_timedelta64()).all()


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


NUMBER_WORDS = {
    0: ["no ", "none"],
    1: ["one", "a ", "an "],
    2: ["two", "both"],
    3: ["three"],
    4: ["four"],
    5: ["five"],
    6: ["six"],
    7: ["seven"],
    8: ["eight"],
    9: ["nine"],
    10: ["ten"],
    11: ["eleven"],
    12: ["twelve"],
    25: ["one-quarter", "quarter"],
    50: ["one-half", "half"],
    46: ["forty-six"],
}
# Figures the excerpt implies without writing a number, with the reason.
IMPLIED = {"n0047": "one named commander reported killed"}


def _figure_forms(v: float) -> list[str]:
    if not v.is_integer():
        return [f"{v:g}"]
    forms = [f"{v:,.0f}", f"{v:.0f}"]
    if v >= 1e6:
        forms.append(f"{v / 1e6:g} million")
    return forms


def test_every_statement_value_stands_in_its_evidence():
    # A figure is recorded as stated: the excerpt must carry it, as digits, in millions, or as a word.
    import re

    st = validate_and_load(seeds=False)["statements"]
    missing = []
    for r in st.itertuples():
        for v in (r.value, r.value_high):
            if pd.isna(v) or r.statement_id in IMPLIED:
                continue
            v, text = float(v), r.evidence.lower()
            digits = any(re.search(rf"(?<![\d,.]){re.escape(f)}(?!\d)", text) for f in _figure_forms(v))
            words = v.is_integer() and any(w in text for w in NUMBER_WORDS.get(int(v), []))
            if not (digits or words or (v == 1e6 and "one million" in text)):
                missing.append(f"{r.statement_id}: {v:g} not in {r.evidence[:80]!r}")
    assert not missing, "\n".join(missing)
