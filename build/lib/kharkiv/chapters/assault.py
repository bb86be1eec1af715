"""The assault chapter (notebooks/assault): its days, its events and the tolls of its deadliest day."""

import pandas as pd

from kharkiv.model import counts, periods, tolls, views
from kharkiv.text import links, prose, wording

# --- The assault chapter: its days, its events and the officials' tolls of its deadliest day. ----------------


def top_type(events: pd.DataFrame) -> tuple[str, float]:
    """The most common event type and its share of the events (ties: the first in schema order)."""
    counts = events["event_type"].value_counts(sort=False)
    kind = counts.idxmax()
    return str(kind), float(counts[kind] / counts.sum())


def assault_tolls(t: dict) -> pd.DataFrame:
    """The largest civilian toll of one day or one attack in the assault, with every other report of the same
    thing (tolls.largest_with_rivals), with the claimants' roles."""

    start, end = periods.window(t["phases"], periods.ASSAULT)
    killed = tolls.single_day_or_attack(tolls.killed(views.statements(t)), start, end)
    return prose.with_roles(tolls.largest_with_rivals(killed), t["claimants"])


def assault_facts(t: dict, events: pd.DataFrame, rivals: pd.DataFrame) -> dict:
    """The assault chapter's own facts, worded (the shared ones come from shared.shared_facts)."""

    start, end = periods.window(t["phases"], periods.ASSAULT)
    day = rivals["period_start"].iloc[0]
    first = links.chronology_href(events["event_id"].iloc[0])
    return {
        "period": prose.capitalise(wording.period_words(start, end)),
        "n_places": prose.count(events["place_id"].nunique(), "place", words=True),
        "toll_day": prose.when(day, day),
        "feb28_spread": prose.spread_text(counts.spread_of(rivals), "civilian", "killed"),
        "feb28_reports": prose.attributed_reports(rivals),
        "first_event": prose.markdown(prose.link_md("the chronology", first)),
    }


def toll_view(rivals: pd.DataFrame) -> dict:
    """The explorer filters that hold a set of tolls: civilians killed, in the tolls' period."""
    day = lambda d: pd.Timestamp(d).strftime("%Y-%m-%d")  # noqa: E731
    return {
        "view": "figures",
        "measure": "killed",
        "subject": "civilians",
        "from": day(rivals["period_start"].min()),
        "to": day(rivals["period_end"].max()),
    }
