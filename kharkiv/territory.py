"""Settlements retaken by Ukrainian forces, with their dates and distances from Kharkiv and from the border."""

import pandas as pd

from . import geo, views

REGAINS = "Government regains territory"
SETTLEMENT_KINDS = ("city", "town", "village")
CENTRE_ID = "kharkiv"


def centre(t: dict, place_id: str = CENTRE_ID) -> tuple[float, float]:
    """(lat, lon) of a place of places.csv; by default Kharkiv's centre."""
    row = t["places"].set_index("place_id").loc[place_id]
    return float(row["lat"]), float(row["lon"])


def retaken(t: dict, start: str, end: str, centre_id: str = CENTRE_ID) -> pd.DataFrame:
    """'Government regains territory' events starting start..end at a named settlement other than the centre.

    One row per event (views.events columns) plus km_from_centre and km_to_border; both are NaN where the
    place has no coordinate. Events placed at the centre itself or at an area (oblast, region) are left out:
    see unplaced().
    """
    ev = views.in_period(views.events(t), start, end)
    keep = (
        (ev["sub_event_type"] == REGAINS)
        & ev["place_kind"].isin(SETTLEMENT_KINDS)
        & (ev["place_id"] != centre_id)
    )
    return geo.add_distances(ev[keep], centre(t, centre_id)).reset_index(drop=True)


def unplaced(t: dict, start: str, end: str, centre_id: str = CENTRE_ID) -> pd.DataFrame:
    """The recapture events of start..end that retaken() leaves out: no named settlement other than the centre."""
    ev = views.in_period(views.events(t), start, end)
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
