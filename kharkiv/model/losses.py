"""Military losses as claimed: the figures, facts and tables of the military-losses chapter (its charts are in
kharkiv.chapters.military_losses.charts).

Every figure stays a claim attributed to whoever made it; nothing here adds figures of different claimants,
categories or periods.
"""

import pandas as pd

from kharkiv.data import ids
from kharkiv.model import measures
from kharkiv.model.comparable import one_telling

PERSONNEL = list(measures.PERSONNEL)
EQUIPMENT = list(measures.EQUIPMENT)
LOSSES = PERSONNEL + EQUIPMENT
OTHER_SIDE = ("ukrainian military", "foreign fighters")  # the forces Russian claims speak of
FORCES = {
    "russian military": "Russian forces",
    "ukrainian military": "Ukrainian forces",
    "foreign fighters": "foreign fighters",
}
# The losses a unit's strength (in its unit) can be compared with.
LOSS_FOR = {
    "tanks": ["tanks lost"],
    "people": ["killed"],
    "vehicles": ["vehicles lost", "armoured vehicles lost"],
    "artillery systems": ["artillery lost"],
    "equipment items": ["equipment lost"],
}
# The word in a claimant's name that already says its side ("Ministry of Defence of Russia").
SIDE_WORDS = {"Ukrainian": "Ukrain", "Russian": "Russia"}
NOT_COUNTS = ("US dollars", "percent", "km", "km2", "miles")  # units that are no count of people or equipment
TOP = 10  # figures drawn per panel of the September chart
TOP_UNITS = 12  # units drawn in the unit-strength chart
NAMED = 5  # claimants named in a sentence before the rest are counted
COMPUTED = "#555555"


def losses(military: pd.DataFrame) -> pd.DataFrame:
    """The figures that count losses of people or equipment (not unit strength, shares or other counts), each claim
    once (one_telling)."""
    military = one_telling(military)
    return military[military["measure"].isin(LOSSES)]


def ua_on_ru(losses_: pd.DataFrame) -> pd.DataFrame:
    """Ukrainian claims about Russian losses."""
    return losses_[(losses_["claimant_side"] == "Ukrainian") & (losses_["subject"] == "russian military")]


def ru_on_ua(losses_: pd.DataFrame) -> pd.DataFrame:
    """Russian claims about the losses of Ukrainian forces or of the foreign fighters with them."""
    return losses_[(losses_["claimant_side"] == "Russian") & losses_["subject"].isin(OTHER_SIDE)]


def by_unit(df: pd.DataFrame) -> pd.DataFrame:
    """Unit figures by unit, then measure, then id (the order of the unit table)."""
    return df.sort_values(["unit_name", "measure", "statement_id"], key=ids.series_key)


def by_time(df: pd.DataFrame) -> pd.DataFrame:
    """Figures in the order of the periods they cover, then by id (the order of the full tables)."""
    return df.sort_values(["period_end", "period_start", "statement_id"], key=ids.series_key)


def largest(df: pd.DataFrame, measure: str):
    """The figure of this measure with the highest number (ties: the last id), or None."""
    d = df[(df["measure"] == measure) & df["high"].notna()]
    if d.empty:
        return None
    return d.sort_values(["high", "statement_id"], key=ids.series_key).iloc[-1]


# --- losses against unit strength ---------------------------------------------------------------------------


def unit_figures(military: pd.DataFrame) -> pd.DataFrame:
    """Figures for named units for which a strength or a share of strength lost is given."""
    rows = military[military["scope"] == "unit"]
    sized = rows["measure"].isin(["unit strength", "share of strength lost"])
    return rows[rows["unit_name"].isin(set(rows.loc[sized, "unit_name"].dropna()))]


def stated_shares(units: pd.DataFrame) -> pd.DataFrame:
    """The shares of strength lost that the sources state."""
    return units[units["measure"] == "share of strength lost"]


COMPUTED_COLUMNS = ["unit_name", "low", "high", "lost by", "strength by", "lost", "strength"]


def computed_shares(units: pd.DataFrame) -> pd.DataFrame:
    """Losses as a share of strength (%), where one claimant's losses for a unit and a stated strength count the
    same thing (LOSS_FOR), in the same unit and period. One row per strength and per claim of losses: figures are
    summed only within one claim (one claimant, source, event and parent figure: '65 + 6 tanks'). The
    low share divides the lowest loss by the highest strength, the high one the reverse."""
    strength = units[units["measure"] == "unit strength"]
    pairs = pd.DataFrame(
        [(u, m) for u, ms in LOSS_FOR.items() for m in ms], columns=["unit", "measure"], dtype=object
    )
    lost = units[units["low"].notna()].merge(pairs, on=["unit", "measure"])
    keys = ["unit_name", "unit", "period_start", "period_end"]
    both = strength.merge(lost, on=keys, suffixes=("", "_lost"))
    if both.empty:
        return pd.DataFrame(columns=COMPUTED_COLUMNS)
    both = both.sort_values(["statement_id", "statement_id_lost"], key=ids.series_key)
    # one claim: the same claimant, source, event and parent figure ('65 + 6 tanks' are two parts of one figure)
    claim = ["statement_id", "claimant_id_lost", "source_id_lost", "event_id_lost", "part_of_lost"]
    g = both.groupby(claim, sort=False, dropna=False)
    out = g.agg(
        unit_name=("unit_name", "first"),
        lost_low=("low_lost", "sum"),
        lost_high=("high_lost", "sum"),
        s_low=("low", "first"),
        s_high=("high", "first"),
        lost=("figure_lost", " + ".join),
        unit=("unit", "first"),
        s_figure=("figure", "first"),
        s_who=("who", "first"),
        who_lost=("who_lost", "first"),
    ).reset_index()
    return pd.DataFrame(
        {
            "unit_name": out["unit_name"],
            "low": (100 * out["lost_low"] / out["s_high"]).astype(float),
            "high": (100 * out["lost_high"] / out["s_low"]).astype(float),
            "lost by": out["who_lost"],
            "strength by": out["s_who"],
            "lost": out["lost"] + " " + out["unit"],
            "strength": out["s_figure"] + " " + out["unit"],
        },
        columns=COMPUTED_COLUMNS,
    )


def charted_units(stated: pd.DataFrame, computed: pd.DataFrame) -> list[str]:
    """The units with a stated or a computed share, by name."""
    return sorted(set(stated["unit_name"]) | set(computed["unit_name"]))


# --- the September counteroffensive -------------------------------------------------------------------------


def in_phase(military: pd.DataFrame, phase: pd.Series) -> pd.DataFrame:
    """The loss figures whose period lies within the phase."""
    inside = (military["period_start"] >= phase["start_date"]) & (military["period_end"] <= phase["end_date"])
    return losses(military[inside])


def unit_group(unit) -> str:
    """The panel a figure is drawn in: people, equipment, or a unit that is no count (e.g. US dollars)."""
    if str(unit) == "people":
        return "People"
    if str(unit) in NOT_COUNTS:
        return str(unit)
    return "Equipment"


def phase_groups(d: pd.DataFrame, top: int = TOP) -> list[tuple[str, pd.DataFrame, int]]:
    """(panel name, its `top` largest figures, smallest last drawn at the bottom, and how many figures it has):
    people first, then equipment, then any unit that is no count."""
    group = d["unit"].map(unit_group)
    names = [
        n for n in ["People", "Equipment", *sorted(set(group) - {"People", "Equipment"})] if n in set(group)
    ]
    out = []
    for name in names:
        g = d[group == name].sort_values(["high", "statement_id"], na_position="first", key=ids.series_key)
        out.append((name, g.iloc[-top:], len(g)))
    return out
