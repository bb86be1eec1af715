"""Counts of events over time and by phase (every event counted once, on its start date)."""

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
