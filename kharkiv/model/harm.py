"""Civilian harm: which reports and events count, where they happened, and how reports of one day line up.

Pure functions of the joined views (kharkiv.model.views.events / views.statements). Nothing is summed across
claimants and nothing is averaged: every row stays one report by one claimant.
"""

import re

import pandas as pd

from kharkiv.data.ids import series_key
from kharkiv.model import measures
from kharkiv.model.comparable import one_telling

CITY = "kharkiv"
CIVILIAN = ("civilians", "residents", "foreign nationals")  # the source says these people were civilians
UNSTATED = ("people",)  # the source counts people without saying whether they were civilians
TOLL_MEASURES = ("killed", "wounded")
DAMAGE_MEASURES = (
    "buildings damaged",
    "buildings destroyed",
    "buildings damaged or destroyed",
    "homes damaged",
)
DISPLACEMENT_MEASURES = ("evacuated", "residents left", "population")
STRIKE_COUNT_MEASURES = ("shelling incidents", "locations struck")
STRIKE_TYPES = ("Explosions/Remote violence", "Violence against civilians")
MILITARY = measures.MILITARY
RIGHTS_GROUPS = ("Human Rights Watch", "Amnesty International")
NOT_STATED = "not stated"
WORD_QUALIFIERS = ("dozens", "hundreds", "several", "numerous")
# Words by which a summary singles out one person: an age, or what the person was.
_PERSON = re.compile(
    r"\b\d+-year-old\b|\b(?:a|an|one)\s+(?:\w+\s+){0,3}(?:student|volunteer|survivor|boy|girl|"
    r"pensioner|monitor|member|journalist|doctor|priest|teacher)\b",
    re.IGNORECASE,
)


def city_place_ids(places: pd.DataFrame, city: str = CITY) -> list[str]:
    """The city and every place within it at any depth (its districts, squares and the landmarks on them), sorted:
    a building on a square on which the city lies is in the city."""
    parent = dict(zip(places["place_id"].astype(str), places["within"].astype("string"), strict=True))
    inside = {city}
    for place in parent:
        seen, p = set(), place
        while p is not None and not pd.isna(p) and p not in seen:  # the loader refuses cycles; guard anyway
            if p == city:
                inside.add(place)
                break
            seen.add(p)
            p = parent.get(p)
    return sorted(inside)


def in_city(df: pd.DataFrame, places: pd.DataFrame, city: str = CITY) -> pd.DataFrame:
    """Rows whose place_id is the city or a place within it."""
    return df[df["place_id"].astype("string").isin(city_place_ids(places, city)).fillna(False).astype(bool)]


def is_cumulative(st: pd.DataFrame, war_start) -> pd.Series:
    """A running total: the period starts on the first day of the war and lasts more than one day."""
    start = pd.Timestamp(war_start)
    return (st["period_start"] == start) & (st["period_end"] > start)


def status(subjects: pd.Series) -> pd.Series:
    """'civilians' where the source says so, 'status not stated' for counts of people."""
    return pd.Series(
        ["civilians" if s in CIVILIAN else "status not stated" for s in subjects.astype(str)],
        index=subjects.index,
        dtype="string",
    )


def strike_key(st: pd.DataFrame) -> pd.Series:
    """What a toll is about: its event (one strike or one day's shelling), '' where no event is linked."""
    return st["event_id"].astype("string").fillna("")


CONFLICT_KEYS = ["measure", "period_start", "period_end", "strike"]


def strikes(events: pd.DataFrame, places: pd.DataFrame, city: str = CITY) -> pd.DataFrame:
    """Strikes and attacks (STRIKE_TYPES) in the city."""
    return in_city(events[events["event_type"].isin(STRIKE_TYPES)], places, city)


def weapon_reports(events: pd.DataFrame, places: pd.DataFrame, city: str = CITY) -> pd.DataFrame:
    """Assessments or reports (by monitors, rights groups, officials) that name a weapon used in the city."""
    report = (events["sub_event_type"] == "Assessment or report") & events["weapon"].notna()
    return in_city(events[report], places, city)


def _ordered(values: pd.Series) -> list[str]:
    """Categories in the schema's order as far as present, 'not stated' last."""
    present = set(values.astype("object").dropna())
    order = [str(c) for c in values.cat.categories if c in present]
    return order + ([NOT_STATED] if values.isna().any() else [])


def weapon_target(strikes_: pd.DataFrame) -> pd.DataFrame:
    """Counts of strikes by weapon (rows) and target (columns), 'not stated' where the field is empty."""
    w = strikes_["weapon"].astype("object").fillna(NOT_STATED).rename("weapon")
    t = strikes_["target"].astype("object").fillna(NOT_STATED).rename("target")
    table = pd.crosstab(w, t) if len(strikes_) else pd.DataFrame()
    return table.reindex(
        index=_ordered(strikes_["weapon"]), columns=_ordered(strikes_["target"]), fill_value=0
    )


def by_place(strikes_: pd.DataFrame, city: str = CITY) -> pd.DataFrame:
    """Strikes per district or landmark of the city (the city itself left out: it has no one point)."""
    inside = strikes_[strikes_["place_id"].astype(str) != city]
    cols = ["place_id", "place", "place_kind", "lat", "lon", "coord_precision"]
    g = inside.groupby(cols, observed=True, dropna=False).size().rename("strikes").reset_index()
    return g.sort_values(["strikes", "place"], ascending=[False, True]).reset_index(drop=True)


def victims(events: pd.DataFrame, statements: pd.DataFrame) -> pd.DataFrame:
    """Strike and attack events that single out victims: a deliberate attack on civilians, a toll of exactly one
    civilian (every number given for the event is one), or a summary that describes a person (an age, a student,
    a volunteer ...). Events whose only dead are soldiers are left out."""
    statements = one_telling(statements)
    killed = statements[(statements["measure"] == "killed") & statements["event_id"].notna()]
    military = killed["subject"].isin(MILITARY)
    numeric = killed[~military & killed["value"].notna()]
    alone = numeric.groupby("event_id")["value"].agg(lambda v: bool((v == 1).all()))
    civilian = set(numeric.loc[numeric["subject"].isin(CIVILIAN), "event_id"])
    one = {e for e, ok in alone.items() if ok and e in civilian}
    military_only = set(killed.loc[military, "event_id"]) - set(killed.loc[~military, "event_id"])
    ev = events[events["event_type"].isin(STRIKE_TYPES)]
    person = ev["summary"].astype(str).str.contains(_PERSON)
    rule = (ev["sub_event_type"] == "Attack") | ev["event_id"].isin(one) | person
    return ev[rule & ~ev["event_id"].isin(military_only)]


def rights_group_ids(claimants: pd.DataFrame, names=RIGHTS_GROUPS) -> list[str]:
    """Claimants that are the named rights groups or speak for them (name, variants or role mention one)."""
    text = (
        claimants["name"].astype(str)
        + " "
        + claimants["variants"].fillna("").astype(str)
        + " "
        + claimants["role"].fillna("").astype(str)
    )
    hit = text.apply(lambda s: any(n.lower() in s.lower() for n in names))
    return sorted(claimants.loc[hit, "claimant_id"].astype(str))


def group_members(tolls_: pd.DataFrame, conflict: pd.Series) -> pd.DataFrame:
    """The toll reports behind one row of conflicts()."""
    ids = str(conflict["statement_ids"]).split("; ")
    return tolls_[tolls_["statement_id"].isin(ids)].sort_values(["claimant", "statement_id"], key=series_key)


def city_strikes(strikes_: pd.DataFrame, city: str = CITY) -> dict[str, pd.DataFrame]:
    """The strikes and attacks on the city (strikes()) split into those a map can place (a district or landmark with
    a coordinate), those at a landmark no open gazetteer locates, and those the source places only in the city as a
    whole. Every strike or attack is in exactly one part; every page and map that counts them uses this split."""
    whole_city = strikes_["place_id"].astype(str) == city
    located = ~whole_city & strikes_["lat"].notna()
    return {
        "placed": strikes_[located],
        "no_coordinate": strikes_[~whole_city & ~located],
        "city_only": strikes_[whole_city],
    }
