"""The phases of the battle as periods: their ids and windows, which phase a date falls in, and events counted by phase."""

import pandas as pd

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


def phase_of(dates: pd.Series, phases: pd.DataFrame) -> pd.Series:
    """The phase_id each date falls in (NA outside every phase)."""
    out = pd.Series(pd.NA, index=dates.index, dtype="string")
    for p in phases.itertuples():
        out[(dates >= p.start_date) & (dates <= p.end_date)] = p.phase_id
    return out


def daily_counts(events: pd.DataFrame, start, end) -> pd.DataFrame:
    """Events per day (first day) and type, every day of start..end present, types in schema order."""
    days = pd.date_range(start, end, freq="D")
    table = pd.crosstab(events["start_date"], events["event_type"], dropna=False)
    kinds = list(events["event_type"].cat.categories)
    return table.reindex(index=days, columns=kinds, fill_value=0).fillna(0).astype(int)


def phase_label(p) -> str:
    return f"{p.order}. {p.name}"


# --- The phases chapter. ------------------------------------------------------------------------------------


def busiest_and_quietest(stats: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """The phases with the most and the fewest events a week (ties: the earlier phase)."""
    busiest = stats.sort_values(["per_week", "order"], ascending=[False, True]).iloc[0]
    quietest = stats.sort_values(["per_week", "order"], ascending=[True, True]).iloc[0]
    return busiest, quietest


def overall_rate(events: pd.DataFrame, stats: pd.DataFrame) -> float:
    """Events a week over all the phases' days."""

    return len(events) / stats["days"].sum() * DAYS_PER_WEEK
