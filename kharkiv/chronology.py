"""The chronology page: every event as one HTML entry, anchored by its event id, grouped by phase.

All text from the data is HTML-escaped here (prose.escape); nothing from the data is ever read as Markdown.
"""

import pandas as pd

from . import links, prose, wording

# What location_precision says about the place, in words (see the glossary).
WHERE = {1: "{}", 2: "near {}", 3: "{} (the source names only this wider area)"}
PRECISION_NOTE = {
    "day": "",
    "range": " (the source gives a span of days)",
    "month": " (the source gives only the month)",
}
VERIFICATION = "kharkiv-label"
SIDE_WORDS = {"Ukrainian": "Ukrainian side", "Russian": "Russian side", "third party": "a third party"}


def source_names(sources: pd.DataFrame) -> dict[str, str]:
    """Each source document as readers know it: the Wikipedia article by its title, a newspaper by its name,
    and, where the copy does not name its outlet, what kind of outlet it is, said plainly."""
    out = {}
    for s in sources.itertuples():
        publisher = str(s.publisher)
        if str(s.kind) == "encyclopedia article":
            out[s.source_id] = f"the Wikipedia article \u201c{s.title}\u201d"
        elif "not named" in publisher:
            kind = publisher.split(" (")[0]
            out[s.source_id] = f"a {kind} report, \u201c{s.title}\u201d (outlet not named in the text)"
        else:
            out[s.source_id] = publisher.split(" (")[0]
    return out


def event_sources(t: dict) -> pd.DataFrame:
    """Per event: its source documents as readers know them, with the outlets the encyclopedia cites for it."""
    names = source_names(t["sources"])
    es = t["event_sources"].assign(source_id=lambda d: d["source_id"].astype(str))
    parts = []
    for r in es.itertuples():
        text = names.get(r.source_id, r.source_id)
        if isinstance(r.cited_outlet, str) and r.cited_outlet:
            text += f", which cites {r.cited_outlet}"
        if isinstance(r.weak_sourcing, str) and r.weak_sourcing:
            text += f" (marked \u201c{r.weak_sourcing}\u201d there)"
        parts.append((r.event_id, text))
    df = pd.DataFrame(parts, columns=["event_id", "text"])
    return df.groupby("event_id")["text"].agg("; ".join).rename("sources_text").reset_index()


def place_text(place, precision) -> str:
    return WHERE.get(int(precision), "{}").format(place)


def reporter_text(name, role, kind, side) -> str:
    """'reported by Oleh Synyehubov, head of … (Ukrainian)'; an unattributed report says so."""
    if str(side) == "unattributed":
        return "no one is named as reporting it"
    return f"reported by {prose.who(name, role, kind)}, {SIDE_WORDS.get(str(side), str(side))}"


def entry(ev) -> str:
    """One event as an HTML entry whose id is the event id; its date is a permalink to itself."""
    anchor = links.event_anchor(ev.event_id)
    when = prose.when(ev.start_date, ev.end_date, ev.date_precision) + PRECISION_NOTE[str(ev.date_precision)]
    e = prose.escape
    who = prose.capitalise(reporter_text(ev.claimant, ev.role, ev.claimant_kind, ev.claimant_side))
    return (
        f'<div class="kharkiv-event" id="{e(anchor)}"><p>'
        f'<a class="kharkiv-permalink" href="#{e(anchor)}" title="Link to this event"><strong>{e(when)}</strong></a>'
        f" \u00b7 {e(place_text(ev.place, ev.location_precision))}<br>{e(ev.summary)}<br>"
        f'<small>{e(who)}; label: <span class="{VERIFICATION}">{e(ev.verification)}</span>. '
        f"Source: {e(ev.sources_text)}. {links.event_link_html(ev.event_id, 'Open in the explorer')}</small></p></div>"
    )


def entries(t: dict, events: pd.DataFrame) -> pd.DataFrame:
    """views.events() rows with the claimant's role and kind and the sources' text added."""
    cl = t["claimants"][["claimant_id", "role", "kind"]].rename(columns={"kind": "claimant_kind"})
    out = events.merge(cl, on="claimant_id", how="left", validate="many_to_one")
    out = out.merge(event_sources(t), on="event_id", how="left", validate="one_to_one")
    return out.sort_values(["start_date", "event_id"]).reset_index(drop=True)


def phase_html(rows: pd.DataFrame, summary: str | None = None) -> str:
    """Every event of one phase, in date order; folded under summary (plain text) when one is given.

    A link to an entry opens its fold: browsers reveal a <details> holding the fragment's target (Chromium does so
    itself; OPEN_TARGET does it where a browser does not)."""
    body = '<div class="kharkiv-chronology">' + "".join(entry(r) for r in rows.itertuples()) + "</div>"
    if summary is None or rows.empty:
        return body if not rows.empty else ""
    return prose.folded(summary, body)


# The project's own few lines: open the fold that holds the entry a link points to (on load and on each new #id).
OPEN_TARGET = (
    "<script>(function(){function o(){var h=decodeURIComponent(location.hash.slice(1));"
    "var e=h&&document.getElementById(h);for(var d=e;d;d=d.parentElement){if(d.tagName==='DETAILS')d.open=true;}"
    "if(e)e.scrollIntoView();}window.addEventListener('hashchange',o);"
    "document.addEventListener('DOMContentLoaded',o);})();</script>"
)


def key_events(t: dict, events: pd.DataFrame) -> pd.DataFrame:
    """The events that open or close a phase: those whose evidence is part of a phase's boundary sentence."""
    es = t["event_sources"]
    bounds = [str(x) for x in pd.concat([t["phases"]["start_evidence"], t["phases"]["end_evidence"]])]
    hit = es[[any(str(ev) in b for b in bounds) for ev in es["evidence"]]]["event_id"]
    return (
        events[events["event_id"].isin(set(hit))]
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
        f'<li><a href="{prose.escape(href(r.event_id))}">'
        f"{prose.escape(prose.when(r.start_date, r.end_date, r.date_precision))}</a>: {prose.escape(r.summary)}</li>"
        for r in keys.itertuples()
    )
    return f'<ol class="kharkiv-key-events">{items}</ol>' + (OPEN_TARGET if on_chronology else "")


def landing_facts(t: dict, phases: pd.DataFrame, may: pd.DataFrame, sept: pd.DataFrame, km: float) -> dict:
    """The few numbers of the landing page, each as the words it is printed in."""
    from . import tolls, views

    facts = {"centre_to_border_km": f"{km:.0f}"}
    for p in phases.itertuples():
        facts[f"phase{p.order}_dates"] = prose.when(p.start_date, p.end_date)
        facts[f"phase{p.order}_start"] = prose.when(p.start_date, p.start_date)
        facts[f"phase{p.order}_end"] = prose.when(p.end_date, p.end_date)
    for name, frame in (("may", may), ("sept", sept)):
        facts[f"{name}_names"] = prose.listing(frame["place"]) if len(frame) else "no settlement by name"
    top = tolls.widest(tolls.killed(views.statements(t)))
    if top is not None:
        row = prose.with_roles(top.to_frame().T, t["claimants"]).iloc[0]
        fig = prose.figure(row["value"], row["value_high"], row["qualifier"])
        period = wording.period_words(row["period_start"], row["period_end"])
        if str(row["claimant_side"]) == "unattributed":
            source = source_names(t["sources"])[str(row["source_id"])]
            who = f"a figure that {source} gives without naming who counted it"
        else:
            who = prose.according_to(row["claimant"], row["claimant_role"], row["claimant_kind"])
        facts["civ_toll_sentence"] = (
            f"The count that covers the longest period is {fig} civilians killed {period}, {who}."
        )
    return facts
