"""The assault chapter (notebooks/assault): its days, its events and the tolls of its deadliest day."""

import pandas as pd

from kharkiv.chapters import chronology
from kharkiv.model import periods, tolls, views
from kharkiv.model.territory import iso_day
from kharkiv.plots import maps
from kharkiv.text import attribution, dates, links, prose
from kharkiv.text.escaping import html_text, md_text

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
    return attribution.with_roles(tolls.largest_with_rivals(killed), t["claimants"])


def assault_facts(t: dict, events: pd.DataFrame, rivals: pd.DataFrame) -> dict:
    """The assault chapter's own facts, worded (the shared ones come from shared.shared_facts)."""

    start, end = periods.window(t["phases"], periods.ASSAULT)
    first = links.chronology_href(events["event_id"].iloc[0])
    return {
        "period": prose.capitalise(dates.period(start, end, "words")),
        "n_places": prose.count(events["place_id"].nunique(), "place", words=True),
        "feb28_reports": prose.attributed_reports(rivals),
        "first_event": prose.markdown(prose.link_md("the chronology", first)),
    }


def toll_view(rivals: pd.DataFrame) -> dict:
    """The explorer filters that hold a set of tolls: civilians killed, in the tolls' period."""
    return {
        "view": "figures",
        "measure": "killed",
        "subject": "civilians",
        "from": iso_day(rivals["period_start"].min()),
        "to": iso_day(rivals["period_end"].max()),
    }


# --- The fighting of the assault, place by place and unit by unit. ------------------------------------------

ARMED = "armed forces"
NOT_FIGHTING = {"Assessment or report", "Looting/property destruction"}  # commentary and sabotage, not combat
NO_PLACE_KINDS = {"oblast", "region"}  # a place that is a whole region locates nothing on a map


def fighting(events: pd.DataFrame) -> pd.DataFrame:
    """The assault's ground fighting and troop movements: events between armed forces (battles, moves,
    surrenders; not strikes, sabotage or commentary), and every event that names a unit, in date order."""

    armed = events["actor1"].fillna("").str.contains(ARMED)
    moves = events["event_type"].isin(["Battles", "Strategic developments"]) & ~events["sub_event_type"].isin(
        NOT_FIGHTING
    )
    named = events["units"].fillna("").str.strip() != ""
    out = events[(armed & moves) | named]
    return out.sort_values(["start_date", "event_id"]).reset_index(drop=True)


def units_named(events: pd.DataFrame) -> list[str]:
    """Every unit the events name (the units field holds several, separated by ';'), in order of first mention."""

    units = events.sort_values(["start_date", "event_id"])["units"].dropna().astype(str)
    return list(dict.fromkeys(u.strip() for us in units for u in us.split(";") if u.strip()))


def places_named(rows: pd.DataFrame) -> pd.DataFrame:
    """The distinct places of these events that are not whole regions: place, place_id, lat, lon, first date."""

    keep = rows[~rows["place_kind"].astype(str).isin(NO_PLACE_KINDS)]
    first = keep.sort_values(["start_date", "event_id"]).drop_duplicates("place_id")
    return first[["place_id", "place", "place_kind", "lat", "lon", "start_date"]].reset_index(drop=True)


def fighting_html(rows: pd.DataFrame, t: dict) -> str:
    """The fighting day by day: each day a heading, each event its place, what happened, who said so and its
    label; each links to its chronology entry. Data text is escaped."""

    cited = chronology.event_sources(t)[
        ["event_id", "cited_text"]
    ]  # the outlet a sentence naming no one cites
    roles = attribution.with_roles(rows, t["claimants"]).merge(cited, on="event_id", how="left")
    e = html_text
    parts = []
    for day, group in roles.groupby(roles["start_date"].dt.normalize(), sort=True):
        items = "".join(
            f"<li><strong>{e(r.place)}</strong>: {e(r.summary)} "
            f"<small>({e(_said_by(r))}; label: {e(r.verification)}; "
            f'<a href="{e(links.chronology_href(r.event_id))}">in the chronology</a>)</small></li>'
            for r in group.itertuples()
        )
        parts.append(f"<h4>{e(dates.day(day))}</h4><ul>{items}</ul>")
    return '<div class="kharkiv-dispatch">' + "".join(parts) + "</div>"


def _said_by(r) -> str:
    """Who reported it, as the chronology says it: the claimant, or the outlet the document cites."""
    cited = r.cited_text if isinstance(r.cited_text, str) else ""
    return attribution.reported_by(r.claimant, r.claimant_role, r.claimant_kind, r.claimant_side, cited)


def statement_of(t: dict, start, end, measure: str, subject: str) -> pd.Series | None:
    """The first statement (with roles) of a measure and subject in the window; None when there is none."""

    s = attribution.with_roles(views.statements(t), t["claimants"])
    hit = s[
        (s["measure"] == measure)
        & (s["subject"] == subject)
        & (s["period_start"] >= start)
        & (s["period_start"] <= end)
    ].sort_values("statement_id")
    return None if hit.empty else hit.iloc[0]


def fighting_facts(t: dict, events: pd.DataFrame) -> dict:
    """The fighting's facts, worded: units and places named, the vehicles Ukraine claimed destroyed (quoted),
    the surrender Russia claimed (with its label) and the governor's word on the last morning."""

    start, end = periods.window(t["phases"], periods.ASSAULT)
    rows = fighting(events)
    places = places_named(rows)
    facts = {
        "units_named": prose.listing(units_named(events)),
        "n_units": prose.count(len(units_named(events)), "unit", words=True),
        "fight_places": prose.listing(places["place"]),
        "unplaced_sentence": unplaced_sentence(places.loc[places["lat"].isna(), "place"]),
    }
    cars = statement_of(t, start, end, "share of strength lost", "russian military")
    if cars is not None:
        facts["vehicles_sentence"] = (
            f"{prose.capitalise(attribution.who(cars['claimant'], cars['claimant_role'], cars['claimant_kind']))} "
            f"claimed, in the words of the encyclopedia, \u201c{cars['evidence'].split('claimed that ', 1)[-1]}\u201d"
        )
    pows = statement_of(t, start, end, "captured", "ukrainian military")
    if pows is not None:
        fig = prose.figure(pows["value"], pows["value_high"], pows["qualifier"])
        said = (
            f"{prose.capitalise(attribution.according_to(pows['claimant'], pows['claimant_role'], pows['claimant_kind']))}, "
            f"the Ukrainian {pows['unit_name']} surrendered and {fig} Ukrainian soldiers were taken prisoner. "
            "Ukrainian officials denied it; the book labels the claim"
        )
        facts["surrender_md"] = prose.markdown(f"{md_text(said)} *{md_text(pows['verification'])}*.")
    return facts


def assault_map(ax, places: pd.DataFrame, named: pd.DataFrame) -> list[str]:
    """The city map with every place of the fighting that has a coordinate and lies inside it, labelled; returns
    the names that lie beyond the map's frame (the caller says so)."""

    maps.city_map(ax)
    cx, cy = maps.mark_city(ax, places)
    pts = maps.points_xy(named.dropna(subset=["lat", "lon"]))
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    inside = pts[(pts["x"].between(x0, x1)) & (pts["y"].between(y0, y1)) & (pts["place_kind"] != "city")]
    ax.scatter(inside["x"], inside["y"], s=60, color="#D55E00", edgecolor="white", linewidth=0.8, zorder=6)
    city = places.set_index("place_id").loc["kharkiv", "name"]
    maps.place_labels(ax, [cx, *inside["x"]], [cy, *inside["y"]], [f"{city} (centre)", *inside["place"]])
    return [p for p in pts["place"] if p not in set(inside["place"]) and p != city]


def unplaced_sentence(unplaced) -> str:
    """What the assault map leaves out: places beyond its frame, and any named place no gazetteer locates."""
    sentence = "Beyond the map's frame lie places the sources also name for these days"
    if len(unplaced):
        return f"{sentence}; {prose.listing(unplaced)} cannot be placed, because no open gazetteer gives its position."
    return sentence + "."
