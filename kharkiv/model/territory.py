"""Settlements retaken by Ukrainian forces, with their dates and distances from Kharkiv and from the border."""

import pandas as pd

from kharkiv.model import geo, measures, views
from kharkiv.model.comparable import one_telling
from kharkiv.model.periods import MAY, SEPTEMBER

REGAINS = "Government regains territory"
SETTLEMENT_KINDS = ("city", "town", "village")
CENTRE_ID = "kharkiv"


def centre(t: dict, place_id: str = CENTRE_ID) -> tuple[float, float]:
    """(lat, lon) of a place of places.csv; by default Kharkiv's centre."""
    row = t["places"].set_index("place_id").loc[place_id]
    return float(row["lat"]), float(row["lon"])


def retaken(
    t: dict, start: str, end: str, centre_id: str = CENTRE_ID, distances: bool = True, events=None
) -> pd.DataFrame:
    """'Government regains territory' events starting start..end at a named settlement other than the centre.

    One row per event (views.events columns) plus km_from_centre and km_to_border; both are NaN where the
    place has no coordinate. Events placed at the centre itself or at an area (oblast, region) are left out:
    see unplaced(). events: views.events(t), when the caller has it already (it is slow to build at scale).
    """
    ev = views.in_period(views.events(t) if events is None else events, start, end)
    keep = (
        (ev["sub_event_type"] == REGAINS)
        & ev["place_kind"].isin(SETTLEMENT_KINDS)
        & (ev["place_id"] != centre_id)
    )
    if not distances:  # counting needs no geodata
        return ev[keep].reset_index(drop=True)
    return geo.add_distances(ev[keep], centre(t, centre_id)).reset_index(drop=True)


def unplaced(t: dict, start: str, end: str, centre_id: str = CENTRE_ID, events=None) -> pd.DataFrame:
    """The recapture events of start..end that retaken() leaves out: no named settlement other than the centre."""
    ev = views.in_period(views.events(t) if events is None else events, start, end)
    ev = ev[ev["sub_event_type"] == REGAINS]
    named = ev["place_kind"].isin(SETTLEMENT_KINDS) & (ev["place_id"] != centre_id)
    return ev[~named].reset_index(drop=True)


def first_retaken(events: pd.DataFrame) -> pd.DataFrame:
    """One row per settlement: the earliest of its recapture events (ties broken by event_id)."""
    return events.sort_values(["start_date", "event_id"]).drop_duplicates("place_id").reset_index(drop=True)


def pace(settlements: pd.DataFrame) -> dict:
    """Settlements, first and last recapture date, days spanned (both ends counted) and settlements per week."""
    if settlements.empty:
        return {"n": 0, "first": pd.NaT, "last": pd.NaT, "days": 0, "per_week": float("nan")}
    first, last = settlements["start_date"].min(), settlements["start_date"].max()
    days = (last - first).days + 1
    return {
        "n": len(settlements),
        "first": first,
        "last": last,
        "days": days,
        "per_week": len(settlements) / days * 7,
    }


def retaken_by(t: dict, dates, start=None, events=None) -> list[pd.DataFrame]:
    """For each date, the settlements first reported retaken on or before it (from start, by default the first
    day of the data): what the sources name, not a front line."""
    phases = t["phases"]
    start = start or phases["start_date"].min()
    every = first_retaken(retaken(t, start, phases["end_date"].max(), events=events))
    return [every[every["start_date"] <= pd.Timestamp(d)] for d in dates]


LOSS_MEASURES = measures.LOSSES
MILITARY = measures.MILITARY


def figures_within(statements: pd.DataFrame, start, end, measures, subjects=None) -> pd.DataFrame:
    """Figures of the given measures whose period lies wholly within start..end, each claim once (one_telling: a
    claim told again in another document is not counted twice)."""
    statements = one_telling(statements)
    s = statements[
        (statements["period_start"] >= pd.Timestamp(start))
        & (statements["period_end"] <= pd.Timestamp(end))
        & statements["measure"].isin(list(measures))
    ]
    return s if subjects is None else s[s["subject"].isin(list(subjects))]


def farthest(settlements: pd.DataFrame, column: str = "km_from_centre"):
    """The settlement farthest by column (None if no settlement has a distance)."""
    s = settlements.dropna(subset=[column])
    return None if s.empty else s.loc[s[column].idxmax()]


# --- The counteroffensives chapter. ---------------------------------------------------------------------------

PERIODS = {"may": MAY, "sept": SEPTEMBER}  # the two counteroffensives, by the phase ids of model.periods


def iso_day(d) -> str:
    """'2022-09-06': a day as the explorer's address reads it."""
    return pd.Timestamp(d).strftime("%Y-%m-%d")


AREA_KINDS = ("oblast", "region")  # a place that is a whole region names no place on the ground


def named_places(events: pd.DataFrame, start, end) -> pd.DataFrame:
    """Every event of start..end at a named place (not a whole oblast or region), with the earlier recapture
    reports of the same places (a village retaken days before the window and fought over inside it is told
    with it), in date order."""

    inside = views.in_period(events, start, end)
    inside = inside[~inside["place_kind"].astype(str).isin(AREA_KINDS)]
    before = events[
        (events["start_date"] < pd.Timestamp(start))
        & (events["sub_event_type"] == REGAINS)
        & events["place_id"].isin(set(inside["place_id"]))
        & (events["place_id"] != CENTRE_ID)
    ]
    both = pd.concat([before, inside]).drop_duplicates("event_id")
    return both.sort_values(["start_date", "event_id"]).reset_index(drop=True)
