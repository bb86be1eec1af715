"""The landing page's facts: the key events and the battle in a few numbers."""

from pathlib import Path

import pandas as pd
import yaml

from kharkiv.chapters import shared
from kharkiv.chapters.chronology import (
    OPEN_TARGET,
)
from kharkiv.data import paths
from kharkiv.model import views
from kharkiv.plots import maps, style
from kharkiv.text import dates, links, prose
from kharkiv.text.escaping import html_text

KEYS_PER_BOUNDARY = (
    2  # a boundary sentence tells one or two events; more (a long or repeated list) are not keys
)


def key_events(t: dict, events: pd.DataFrame) -> pd.DataFrame:
    """The events that open or close a phase: those whose evidence is part of a phase's boundary sentence, the
    first KEYS_PER_BOUNDARY of each sentence in date order, so that the list stays short as the data grow; an
    event recorded twice (same day, same words) is one key."""
    es = t["event_sources"][["event_id", "evidence"]].astype(str)
    es = es[es["event_id"].isin(set(events["event_id"].astype(str)))]
    order = events[["event_id", "start_date"]].assign(event_id=lambda d: d["event_id"].astype(str))
    es = es.merge(order, on="event_id").sort_values(["start_date", "event_id"])
    bounds = dict.fromkeys(
        str(x) for x in pd.concat([t["phases"]["start_evidence"], t["phases"]["end_evidence"]])
    )
    hit = set()
    told = events[["event_id", "start_date", "summary"]].astype(str)
    once = set(told.drop_duplicates(["start_date", "summary"])["event_id"])  # an event told twice is one key
    for b in bounds:
        inside = es[[ev in b for ev in es["evidence"]]]["event_id"].drop_duplicates()
        hit |= set(inside[inside.isin(once)].head(KEYS_PER_BOUNDARY))
    return (
        events[events["event_id"].astype(str).isin(hit)]
        .sort_values(["start_date", "event_id"])
        .reset_index(drop=True)
    )


def key_list_html(keys: pd.DataFrame, on_chronology: bool = True) -> str:
    """The key events as a numbered list: each one's date (a link to its entry) and what happened.

    On the chronology the links are to the page itself (and the script that opens folds comes with them);
    elsewhere they are links to the chronology (links.chronology_href)."""

    def href(event_id) -> str:
        return f"#{links.event_anchor(event_id)}" if on_chronology else links.chronology_href(event_id)

    items = "".join(
        f'<li><a href="{html_text(href(r.event_id))}">'
        f"{html_text(dates.period(r.start_date, r.end_date, precision=r.date_precision))}</a>: "
        f"{html_text(r.summary)}</li>"
        for r in keys.itertuples()
    )
    return f'<ol class="kharkiv-key-events">{items}</ol>' + (OPEN_TARGET if on_chronology else "")


def landing_facts(t: dict, phases: pd.DataFrame, may: pd.DataFrame, sept: pd.DataFrame, km: float) -> dict:
    """The few numbers of the landing page, each as the words it is printed in."""

    facts = {"centre_to_border_km": f"{km:.0f}", "key_dates": key_dates(phases)} | citation_facts()
    for p in phases.itertuples():
        facts[f"phase{p.order}_dates"] = dates.period(p.start_date, p.end_date)
        facts[f"phase{p.order}_start"] = dates.day(p.start_date)
        facts[f"phase{p.order}_end"] = dates.day(p.end_date)
    for name, frame in (("may", may), ("sept", sept)):
        facts[f"{name}_names"] = prose.listing(frame["place"]) if len(frame) else "no settlement by name"
    top = shared.headline_toll(shared.city_tolls(t, views.statements(t)))
    if top is not None:  # the civilian-harm chapter's opening figure, in its words
        facts["civ_toll_sentence"] = (
            f"The largest running total of civilians killed in the city that the sources give is {top['figure']}, "
            f"for {top['period']}, {top['who']}."
        )
    return facts


def citation_meta(path=None) -> dict[str, str]:
    """The book's title, authors, version and release date as CITATION.cff gives them (the citation machinery
    reads the same file, so the landing page and the citation can never disagree)."""

    path = paths.ROOT / "CITATION.cff" if path is None else path
    cff = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    authors = [
        a.get("name") or " ".join(x for x in (a.get("given-names"), a.get("family-names")) if x)
        for a in cff["authors"]
    ]
    return {
        "title": str(cff["title"]),
        "authors": prose.listing(authors),
        "version": str(cff["version"]),
        "released": dates.day(pd.Timestamp(str(cff["date-released"]))),
    }


def citation_facts(path=None) -> dict[str, str]:
    """The landing page's version line and how-to-cite line, worded."""

    m = citation_meta(path)
    return {
        "book_version": f"version {m['version']}, released {m['released']}",
        "cite_line": f"{m['authors']} ({pd.Timestamp(m['released']).year}). {m['title']}. Version {m['version']}.",
    }


def key_dates(phases: pd.DataFrame) -> str:
    """The battle at a glance: each phase's dates and name, in order ('24–28 February 2022: Assault on the city · …')."""

    return " \u00b7 ".join(
        f"{dates.period(p.start_date, p.end_date)}: {p.name}"
        for p in phases.sort_values("order").itertuples()
    )


def overview_map(t: dict, may: pd.DataFrame, sept: pd.DataFrame, km: float):
    """The landing page's map (glued from the chronology): Kharkiv, the border km away, and the settlements the
    sources report retaken in May and in September; its title states the distance, its alt text what it shows."""
    fig, ax = style.figure(figsize=(9, 8.2))
    handles = maps.settlements_map(
        ax, t["places"], [("Retaken in May", may, "#0072B2"), ("Retaken in September", sept, "#D55E00")]
    )
    ax.legend(handles=handles, loc="lower right", fontsize=9, frameon=True)
    ax.set_title(f"Kharkiv lies {km:.0f} km from Russia, and the sources name the ground retaken around it")
    style.source_line(
        fig,
        "Map: Natural Earth (public domain); places: the book's gazetteer. Dashed line: Russia–Ukraine border",
    )
    fig.subplots_adjust(left=0.02, right=0.98, top=0.94, bottom=0.06)
    style.describe(
        fig,
        f"Map of the Kharkiv region: the city of Kharkiv {km:.0f} km from the Russian border (dashed), the "
        "Siverskyi Donets and Oskil rivers, built-up areas, and the settlements the sources report retaken in May "
        "and in September, each named; an inset locates the region in Ukraine.",
    )
    return fig
