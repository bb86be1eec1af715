"""Counts of events over time and by phase (every event counted once, on its start date)."""

import pandas as pd

from . import territory

DAYS_PER_WEEK = 7


def types(events: pd.DataFrame) -> list[str]:
    """Event types in the schema's order (the categories of the column), present or not."""
    return list(events["event_type"].cat.categories)


def weekly(events: pd.DataFrame, start, end) -> pd.DataFrame:
    """Events per week (weeks begin on Monday) and event type, from the week of start to the week of end."""
    weeks = pd.date_range(
        pd.Timestamp(start).to_period("W-SUN").start_time,
        pd.Timestamp(end).to_period("W-SUN").start_time,
        freq="7D",
    )
    week = events["start_date"].dt.to_period("W-SUN").dt.start_time
    table = pd.crosstab(week, events["event_type"], dropna=False)
    return table.reindex(index=weeks, columns=types(events), fill_value=0).fillna(0).astype(int)


def by_phase(events: pd.DataFrame, phases: pd.DataFrame) -> pd.DataFrame:
    """One row per phase in order: days, events, events per week, places, most common type and its share."""
    rows = []
    for p in phases.sort_values("order").itertuples():
        inside = events[events["phase_id"] == p.phase_id]
        days = (p.end_date - p.start_date).days + 1
        counts = inside["event_type"].value_counts().reindex(types(events), fill_value=0)
        top = counts.idxmax() if len(inside) else None
        rows.append(
            {
                "phase_id": p.phase_id,
                "order": int(p.order),
                "name": p.name,
                "start_date": p.start_date,
                "end_date": p.end_date,
                "days": days,
                "events": len(inside),
                "per_week": len(inside) / days * DAYS_PER_WEEK,
                "places": inside["place_id"].nunique(),
                "top_type": top,
                "top_share": counts.max() / len(inside) if len(inside) else float("nan"),
            }
        )
    return pd.DataFrame(rows)


def type_shares(events: pd.DataFrame, phases: pd.DataFrame) -> pd.DataFrame:
    """Share of each event type among a phase's events (rows: phase_id in order; zeros for empty phases)."""
    order = phases.sort_values("order")["phase_id"].tolist()
    table = pd.crosstab(events["phase_id"], events["event_type"], dropna=False)
    table = table.reindex(index=order, columns=types(events), fill_value=0).fillna(0)
    totals = table.sum(axis=1).replace(0, 1)
    return table.div(totals, axis=0)


# --- Shared periods and counts: every page that gives one of these numbers calls the function here. ---------
# The periods are phases of data/phases.csv, named by their phase_id; nothing else defines them.
ASSAULT = "assault-on-the-city"
SIEGE = "bombardment-and-siege"
MAY = "may-counteroffensive"
SEPTEMBER = "september-counteroffensive"
COUNTEROFFENSIVES = (MAY, SEPTEMBER)


def window(phases: pd.DataFrame, phase_id: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """First and last day of a phase (both included)."""
    row = phases.set_index("phase_id").loc[phase_id]
    return pd.Timestamp(row["start_date"]), pd.Timestamp(row["end_date"])


def phase_events(events: pd.DataFrame, phase_id: str) -> pd.DataFrame:
    """The events of one phase: those whose first day falls in it (views.events sets phase_id)."""
    return events[events["phase_id"] == phase_id]


def assault_events(events: pd.DataFrame) -> pd.DataFrame:
    """Events of the assault on the city (the first phase), counted as everywhere in the book."""
    return phase_events(events, ASSAULT)


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
    event's claim; several figures of one event with one label are one claim. Columns: key, verification.
    """
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
    """The figures of one measure for exactly the period start..end (refuted ones kept: callers show the label)."""
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
    many reports it stands for. Nothing is averaged; a chart draws each distinct report once."""
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


def shared_facts(t: dict, events=None, statements=None) -> dict[str, str]:
    """The counts and periods that several pages give, worded once. A page that gives one of them glues it under
    this key (prose.glue_facts(counts.shared_facts(t))), so every page prints the same words; the reader-page tests
    check that every notebook glueing one of these keys glues exactly this value. events, statements:
    views.events(t) and views.statements(t), when the caller has them already (they are slow to build at scale)."""
    from . import prose, views  # prose and views are light; imported here to keep this module's top small

    events = views.events(t) if events is None else events
    statements = views.statements(t) if statements is None else statements
    facts = {"n_sources": prose.count(len(t["sources"]), "source document", words=True)}
    for key, phase_id in (("assault", ASSAULT), ("may", MAY), ("sept", SEPTEMBER)):
        start, end = window(t["phases"], phase_id)
        facts[f"{key}_period"] = prose.when(start, end)
        facts[f"{key}_n_days"] = prose.count((end - start).days + 1, "day", words=True)
    facts["assault_n_events"] = prose.count(len(assault_events(events)), "event")
    for key, phase_id in (("may", MAY), ("sept", SEPTEMBER)):
        facts[f"{key}_n_settlements"] = prose.count(
            len(settlements_retaken(t, phase_id, distances=False, events=events)), "settlement", words=True
        )
    by_label = claims_by_label(events, statements)
    nouns = {
        "refuted": "refuted claim",
        "disputed": "disputed claim",
        "corroborated": "corroborated claim",
        "claimed": "one-sided claim",
    }
    for label, noun in nouns.items():
        facts[f"n_{label}_claims"] = prose.count(int(by_label[label]), noun, words=True)
    return facts
