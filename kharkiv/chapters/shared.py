"""The facts several pages state, worded once, so every page prints the same words."""

import pandas as pd

from kharkiv.chapters.military_losses.facts import sept_losses
from kharkiv.model import harm, tolls, views
from kharkiv.model.counts import claims_by_label, settlements_retaken
from kharkiv.model.periods import ASSAULT, MAY, SEPTEMBER, assault_events, window
from kharkiv.text import attribution, dates, harm_text, prose


def strikes_and_attacks(n: int) -> str:
    """'49 strikes and attacks', '1 strike or attack': the one noun for harm.strikes() on every page."""
    return f"{n:,} strike or attack" if n == 1 else f"{n:,} strikes and attacks"


def city_strike_facts(t: dict, events) -> dict[str, str]:
    """The strikes and attacks on the city (harm.strikes) and how many a map can place (harm.city_strikes): the
    chronology's and the civilian-harm chapter's maps and sentences."""
    parts = harm.city_strikes(harm.strikes(events, t["places"]))
    return {
        "n_city_strikes": strikes_and_attacks(sum(len(v) for v in parts.values())),
        **{f"n_{k}": prose.in_words(len(v)) for k, v in parts.items()},
    }


def toll_day_facts(t: dict, statements) -> dict[str, str]:
    """The officials' reports of civilians killed on the assault's deadliest day (tolls.deadliest_day): the day,
    how many reports give a figure and how many only a word, and what else one of them said that day. The landing,
    the assault and the civilian-harm pages state them with these words."""
    day = tolls.deadliest_day(statements, *window(t["phases"], ASSAULT))
    if day.empty:
        return {}
    d = day["period_start"].iloc[0]
    also = tolls.also_said(statements, day)
    return {
        "toll_day": dates.period(d),
        "feb28_spread": harm_text.day_reports_text(day),
        "feb28_also": harm_text.also_said_text(also, day, harm_text.source_names(t["sources"])),
    }


def shared_facts(t: dict, events=None, statements=None) -> dict[str, str]:
    """The counts and periods that several pages give, worded once. A page that gives one of them glues it under
    this key (prose.glue_facts(counts.shared_facts(t))), so every page prints the same words; the reader-page tests
    check that every notebook glueing one of these keys glues exactly this value. events, statements:
    views.events(t) and views.statements(t), when the caller has them already (they are slow to build at scale)."""

    events = views.events(t) if events is None else events
    statements = views.statements(t) if statements is None else statements
    facts = {"n_sources": prose.count(len(t["sources"]), "source document", words=True)}
    for key, phase_id in (("assault", ASSAULT), ("may", MAY), ("sept", SEPTEMBER)):
        start, end = window(t["phases"], phase_id)
        facts[f"{key}_period"] = dates.period(start, end)
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
    return facts | city_strike_facts(t, events) | toll_day_facts(t, statements) | sept_losses(t, statements)


def harm_facts(t: dict, events, statements) -> dict[str, str]:
    """The shared facts the civilian-harm chapter glues: its strikes and the reports of the assault's deadliest day
    (the same words as the chronology's and the assault's)."""
    return city_strike_facts(t, events) | toll_day_facts(t, statements)


def city_tolls(t: dict, statements) -> pd.DataFrame:
    """The reports of people killed or wounded in the city (harm_text.tolls) with each claimant's role."""
    start = t["phases"]["start_date"].min()
    return attribution.with_roles(harm_text.tolls(statements, t["places"], start), t["claimants"])


def headline_toll(tolls_: pd.DataFrame) -> dict[str, str] | None:
    """The largest running total of civilians killed in the city (harm_text.largest_cumulative) in the words the
    landing page and the civilian-harm chapter print it: figure, period, who gave it, statement_id."""
    top = harm_text.largest_cumulative(tolls_)
    if top is None:
        return None
    return {
        "figure": str(top["figure"]),
        "period": dates.period(top["period_start"], top["period_end"]),
        "who": attribution.according_to(
            top["claimant"], top.get("claimant_role"), top.get("claimant_kind"), top["claimant_side"]
        ),
        "statement_id": str(top["statement_id"]),
        "evidence": str(top["evidence"]),
    }
