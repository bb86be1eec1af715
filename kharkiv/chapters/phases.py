"""The phases chapter (notebooks/phases): each phase worded, its boundaries and its figures."""

import pandas as pd

from kharkiv.model.periods import busiest_and_quietest, overall_rate, phase_label
from kharkiv.text import dates, prose
from kharkiv.text.escaping import html_text


def phase_facts(
    phases: pd.DataFrame, events: pd.DataFrame, stats: pd.DataFrame, shares: pd.DataFrame
) -> dict:
    """The phases chapter's own facts, worded: its span, busiest and quietest phase, and where strikes and
    battles take their largest share."""

    busiest, quietest = busiest_and_quietest(stats)
    name = stats.set_index("phase_id")["name"]
    remote, battles = shares["Explosions/Remote violence"], shares["Battles"]
    first, last = phases["start_date"].min(), phases["end_date"].max()
    return {
        "n_phases": prose.in_words(len(phases)),
        "first_day": dates.day(first),
        "last_day": dates.day(last),
        "busiest_phase": busiest["name"],
        "busiest_per_week": f"{busiest['per_week']:.1f}",
        "quietest_phase": quietest["name"],
        "quietest_per_week": f"{quietest['per_week']:.1f}",
        "overall_per_week": f"{overall_rate(events, stats):.1f}",
        "remote_high_phase": name[remote.idxmax()],
        "remote_high_share": f"{remote.max():.0%}",
        "battles_high_phase": name[battles.idxmax()],
        "battles_high_share": f"{battles.max():.0%}",
    }


def boundary_table(phases: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Each phase's two boundaries: the date and the source's sentence, word for word."""
    names = dict(zip(sources["source_id"], sources["title"], strict=True))
    rows = [
        {
            "phase": phase_label(p),
            "boundary": b,
            "date": getattr(p, f"{b}_date"),
            "source": names[getattr(p, f"{b}_source_id")],
            "the sentence (verbatim)": getattr(p, f"{b}_evidence"),
        }
        for p in phases.sort_values("order").itertuples()
        for b in ("start", "end")
    ]
    return pd.DataFrame(rows)


def glance_table(stats: pd.DataFrame) -> pd.DataFrame:
    """The phases in figures (periods.by_phase), with reader-facing headings."""
    out = stats.assign(phase=[phase_label(p) for p in stats.itertuples()])
    out = out.rename(columns={"start_date": "first day", "end_date": "last day", "per_week": "events a week"})
    out["events a week"] = out["events a week"].round(1)
    return out[["phase", "first day", "last day", "days", "events", "events a week", "places"]]


def phase_stories_html(phases: pd.DataFrame, sources: pd.DataFrame) -> str:
    """Each phase told: its dates, what happened in it (the phase's summary), and the two dated sentences that
    open and close it, word for word, with their source. Data text is escaped."""

    names = dict(zip(sources["source_id"], sources["title"], strict=True))
    e = html_text
    parts = []
    for p in phases.sort_values("order").itertuples():
        parts.append(
            f"<h3>{e(phase_label(p))}, {e(dates.period(p.start_date, p.end_date))}</h3>"
            f"<p>{e(p.summary)}</p>"
            f'<p class="kharkiv-boundary"><small>How it began: \u201c{e(p.start_evidence)}\u201d<br>'
            f"How it ended: \u201c{e(p.end_evidence)}\u201d<br>"
            f"({e(names[p.start_source_id])}"
            + ("" if p.end_source_id == p.start_source_id else f"; {e(names[p.end_source_id])}")
            + ")</small></p>"
        )
    return '<div class="kharkiv-phases">' + "".join(parts) + "</div>"
