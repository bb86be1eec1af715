"""Reported death tolls of people other than soldiers: which statements count, and how to pick one without
merging reports (the book's headline toll is chapters.shared.headline_toll)."""

import pandas as pd

from kharkiv.data.ids import series_key
from kharkiv.model import comparable
from kharkiv.model.comparable import one_telling

CIVILIANS = ("civilians",)
# Everyone the source does not count as military: 'people' are those whose status it leaves unstated.
NOT_MILITARY = ("civilians", "residents", "foreign nationals", "people")


def killed(statements: pd.DataFrame, subjects: tuple = CIVILIANS) -> pd.DataFrame:
    """Statements of people killed with one of the subjects (refuted ones left out), with the days their period covers.

    Figures given only as a word ('dozens') are kept: they have no value but stand beside the numbers. A claim told
    twice (same_claim_as) is taken once.
    """
    statements = one_telling(statements)
    s = statements[
        (statements["measure"] == "killed")
        & statements["subject"].isin(subjects)
        & (statements["verification"] != "refuted")
    ]
    return s.assign(period_days=(s["period_end"] - s["period_start"]).dt.days + 1)


def _ranked(tolls: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    numeric = tolls[tolls["value"].notna()]
    return numeric.sort_values(
        [*keys, "statement_id"], ascending=[False] * len(keys) + [True], key=series_key
    )


def single_day_or_attack(tolls: pd.DataFrame, start, end) -> pd.DataFrame:
    """Tolls for one attack or one day that fall inside start..end."""
    short = (tolls["scope"] == "incident") | (tolls["period_days"] == 1)
    inside = (tolls["period_start"] >= pd.Timestamp(start)) & (tolls["period_end"] <= pd.Timestamp(end))
    return tolls[short & inside]


def _what(tolls: pd.DataFrame) -> pd.Series:
    """What a toll counts: its event for a report on one attack, '' for a report on a whole place and period."""
    incident = (tolls["scope"].astype(str) == "incident") & tolls["event_id"].notna()
    return tolls["event_id"].astype(str).where(incident, "")


def largest_with_rivals(tolls: pd.DataFrame) -> pd.DataFrame:
    """The largest numeric toll and every other report of the same thing, never merged.

    The same thing: same period and place, and the same attack if the toll is for one attack (so that separate
    attacks of one day are not set against each other). Rows: the largest first, then the rest by value
    (word-only figures last). Empty if no numeric toll.
    """
    ranked = _ranked(tolls, ["value"])
    if ranked.empty:
        return ranked
    top = ranked.iloc[0]
    what = _what(tolls)
    same = tolls[
        (tolls["period_start"] == top["period_start"])
        & (tolls["period_end"] == top["period_end"])
        & (tolls["place_id"].astype(str) == str(top["place_id"]))
        & (what == what.loc[top.name])
    ]
    return same.sort_values(
        ["value", "statement_id"], ascending=[False, True], na_position="last", key=series_key
    )


def deadliest_day(statements: pd.DataFrame, start, end) -> pd.DataFrame:
    """The reports the book states for the deadliest day of start..end: the largest civilian toll of one day or one
    attack in the window and every other report of the same count (largest_with_rivals), each claim once and totals
    only (comparable: no headline, named person or part of a toll). Every page that states them uses this set."""
    day = largest_with_rivals(single_day_or_attack(killed(statements), start, end))
    return comparable.comparable(day)


def also_said(statements: pd.DataFrame, reports: pd.DataFrame) -> pd.DataFrame:
    """Other totals the claimants of `reports` gave for the same measure, day and place, whoever they count ('dozens
    are dying' beside a governor's 11): one person's report stays one report, and a sentence says what else they
    said. Each claim once; rows of `reports` left out."""
    if reports.empty:
        return reports
    top = reports.iloc[0]
    st = comparable.comparable(one_telling(statements))
    same = (
        st["claimant_id"].isin(set(reports["claimant_id"]))
        & (st["measure"] == top["measure"])
        & (st["period_start"] == top["period_start"])
        & (st["period_end"] == top["period_end"])
        & (st["place_id"].astype(str) == str(top["place_id"]))
        & ~st["statement_id"].isin(set(reports["statement_id"]))
        & (st["verification"] != "refuted")
    )
    return st[same].sort_values(["claimant_id", "statement_id"], key=series_key)
