"""Counts of events over time and by phase (every event counted once, on its start date)."""

import pandas as pd

from kharkiv.model import territory
from kharkiv.model.comparable import one_telling
from kharkiv.model.periods import (
    window,
)


def settlements_retaken(t: dict, phase_id: str, distances: bool = True, events=None) -> pd.DataFrame:
    """Settlements reported retaken in a phase: one row each, at its first recapture report in the phase.

    A recapture is an event of sub-type 'Government regains territory' at a named settlement (territory.retaken);
    a town only 'entered' is not coded so and is not counted.
    """

    start, end = window(t["phases"], phase_id)
    return territory.first_retaken(territory.retaken(t, start, end, distances=distances, events=events))


def claims(events: pd.DataFrame, statements: pd.DataFrame) -> pd.DataFrame:
    """One row per claim: an event, or a figure not told by an event of the same label.

    A claim and its figure are one claim: a figure whose event carries the same verification label is that
    event's claim; several figures of one event with one label are one claim; a claim told twice (same_claim_as)
    is one claim. Columns: key, verification.
    """
    statements = one_telling(statements)
    ev = pd.DataFrame(
        {"key": events["event_id"].astype(str), "verification": events["verification"].astype(str)}
    )
    st_key = statements["event_id"].astype("string").fillna(statements["statement_id"].astype("string"))
    st = pd.DataFrame({"key": st_key.astype(str), "verification": statements["verification"].astype(str)})
    return pd.concat([ev, st]).drop_duplicates().reset_index(drop=True)


def claims_by_label(events: pd.DataFrame, statements: pd.DataFrame) -> pd.Series:
    """Claims per verification label (claims() counted), every label of the schema present."""
    labels = list(events["verification"].cat.categories)
    return claims(events, statements)["verification"].value_counts().reindex(labels, fill_value=0)


def reports_of(statements: pd.DataFrame, measure: str, subjects, start, end) -> pd.DataFrame:
    """The figures of one measure for exactly the period start..end (refuted ones kept: callers show the label),
    each claim once (one_telling)."""
    statements = one_telling(statements)
    s = statements[
        (statements["measure"] == measure)
        & statements["subject"].isin(list(subjects))
        & (statements["period_start"] == pd.Timestamp(start))
        & (statements["period_end"] == pd.Timestamp(end))
    ]
    return s.sort_values(["value", "statement_id"], na_position="last").reset_index(drop=True)


REPORT_KEY = ["claimant_id", "value", "value_high", "qualifier", "period_start", "period_end"]


def distinct_reports(reports: pd.DataFrame) -> pd.DataFrame:
    """One row per distinct report (the same claimant, figure and period), in the order given, with `times`: how
    many reports it stands for. Nothing is averaged; a chart draws each distinct report once. A claim told again in
    another document (same_claim_as) is not a report of its own."""
    reports = one_telling(reports)
    key = pd.Series(list(zip(*(reports[c].map(str) for c in REPORT_KEY), strict=True)), index=reports.index)
    times = key.map(key.value_counts())
    keep = ~key.duplicated()
    return reports.assign(times=times.to_numpy())[keep.to_numpy()].reset_index(drop=True)


def spread_of(reports: pd.DataFrame) -> dict:
    """Lowest and highest number reported, and the reports given only in words ('dozens'): nothing averaged."""
    numbers = reports["value"].dropna().astype(float)
    return {
        "low": float(numbers.min()) if len(numbers) else float("nan"),
        "high": float(numbers.max()) if len(numbers) else float("nan"),
        "n_numbers": len(numbers),
        "in_words": reports[reports["value"].isna()].reset_index(drop=True),
    }
