"""The chronology page: every event as one HTML entry, anchored by its event id, grouped by phase.

Each entry says who reported the event as far as the documents tell (attribution.reported_by): the claimant, or,
where the sentence names no one but its reference names the outlet, that outlet. All text from the data is
HTML-escaped here (escaping.html_text); nothing from the data is ever read as Markdown.
"""

import pandas as pd

from kharkiv.model import claims
from kharkiv.text import attribution, dates, links, prose
from kharkiv.text.escaping import html_text

# What location_precision says about the place, in words (see the glossary).
WHERE = {1: "{}", 2: "near {}", 3: "{} (the source names only this wider area)"}
PRECISION_NOTE = {
    "day": "",
    "range": " (the source gives a span of days)",
    "month": " (the source gives only the month)",
}
VERIFICATION = "kharkiv-label"


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


def short_source_names(sources: pd.DataFrame) -> dict[str, str]:
    """Each source document in a word or two, for the short entries of a long chronology: 'Wikipedia',
    'The Washington Post', 'a UK news outlet'."""
    out = {}
    for s in sources.itertuples():
        publisher = str(s.publisher).split(" (")[0]
        if str(s.kind) == "encyclopedia article":
            out[s.source_id] = "Wikipedia"
        elif "not named" in str(s.publisher):
            out[s.source_id] = f"a {publisher}"
        else:
            out[s.source_id] = publisher
    return out


def event_sources(t: dict, short: bool = False) -> pd.DataFrame:
    """Per event: sources_text, its source documents as readers know them with the outlets the encyclopedia cites
    for it; documents_text, the documents alone; cited_text, who reported it as the references tell
    ('Reuters, 28 February 2022, as cited by the Wikipedia article …', attribution.as_cited; '' where no
    reference names an outlet).

    short=True names each document in a word or two (short_source_names), for the short entries."""
    names = (short_source_names if short else source_names)(t["sources"])
    outlets = claims.canonical_outlets(t["outlets"])
    es = t["event_sources"]

    def given(column) -> list:  # the column's text, None where it is empty
        return [v if isinstance(v, str) and v else None for v in es[column].astype(object)]

    weak = [None] * len(es) if short else given("weak_sourcing")
    docs = [names.get(s, s) for s in es["source_id"].astype(str)]
    cited = [attribution.outlets_text(c, outlets) for c in given("cited_outlet")]
    marked = [f" (marked \u201c{w}\u201d there)" if w else "" for w in weak]
    df = pd.DataFrame(
        {
            "event_id": es["event_id"].to_numpy(),
            "sources_text": [
                d + (f", which cites {c}" if c else "") + m
                for d, c, m in zip(docs, cited, marked, strict=True)
            ],
            "documents_text": [d + m for d, m in zip(docs, marked, strict=True)],
            "cited_text": [f"{c}, as cited by {d}" if c else "" for d, c in zip(docs, cited, strict=True)],
        }
    )
    joined = lambda s: "; ".join(x for x in s if x)  # noqa: E731
    return (
        df.groupby("event_id")
        .agg(
            sources_text=("sources_text", "; ".join),
            documents_text=("documents_text", "; ".join),
            cited_text=("cited_text", joined),
        )
        .reset_index()
    )


def place_text(place, precision) -> str:
    return WHERE.get(int(precision), "{}").format(place)


def entry(ev) -> str:
    """One event as an HTML entry whose id is the event id; its date is a permalink to itself.

    Who reported it: the claimant with role and side, or, for a sentence that names no one, the outlets its
    references name (then the source line gives the documents alone, not the outlets twice). A person's other
    spellings follow the name, as searchable text."""
    anchor = links.event_anchor(ev.event_id)
    when = (
        dates.period(ev.start_date, ev.end_date, precision=ev.date_precision)
        + PRECISION_NOTE[str(ev.date_precision)]
    )
    e = html_text
    by_outlet = attribution.unnamed(ev.claimant, ev.claimant_kind, ev.claimant_side) and bool(ev.cited_text)
    who = prose.capitalise(
        attribution.reported_by(
            ev.claimant, ev.claimant_role, ev.claimant_kind, ev.claimant_side, ev.cited_text
        )
    )
    spelled = attribution.variants_text(ev.claimant_variants, ev.claimant_kind)
    spelled = f' <span class="kharkiv-variants">({e(spelled)})</span>' if spelled else ""
    sources = ev.documents_text if by_outlet else ev.sources_text
    return (
        f'<div class="kharkiv-event" id="{e(anchor)}"><p>'
        f'<a class="kharkiv-permalink" href="#{e(anchor)}" title="Link to this event"><strong>{e(when)}</strong></a>'
        f" \u00b7 {e(place_text(ev.place, ev.location_precision))}<br>{e(ev.summary)}<br>"
        f'<small>{e(who)}{spelled}; label: <span class="{VERIFICATION}">{e(ev.verification)}</span>. '
        f"Source: {e(sources)}. {links.event_link_html(ev.event_id, 'Open in the explorer')}</small></p></div>"
    )


# Short entries: a chronology of more events than this lists each in short form, so that the page stays light
# (every event keeps its entry and anchor; who reported it, with role, and the source's words are on its card).
SHORT_ABOVE = 2000
SHORT_PLACE = {1: "{}", 2: "near {}", 3: "somewhere in {}"}
SOURCE_KEY = "src"  # the short entries' numbered sources: ids src1, src2, ... in the list at the end


def short_form(events: pd.DataFrame) -> bool:
    """Whether a chronology of these events lists them in short form (more than SHORT_ABOVE)."""
    return len(events) > SHORT_ABOVE


def source_numbers(events: pd.DataFrame) -> dict[str, int]:
    """Each distinct sources text of the events, numbered 1, 2, ... in the order the events first give it."""
    return {text: i for i, text in enumerate(dict.fromkeys(events["sources_text"].astype(str)), start=1)}


def _text(value) -> str:
    """Data text escaped for an HTML text node (quotes need no escaping there)."""
    return html_text(value, quote=False)


def short_entry(ev, numbers: dict[str, int]) -> str:
    """One event in short form, under its date: place, what happened, its label (a link to its explorer card),
    who reported it and its sources as a number of the list at the end (numbers: source_numbers())."""
    anchor = html_text(links.event_anchor(ev.event_id))
    where = SHORT_PLACE.get(int(ev.location_precision), "{}").format(ev.place)
    who = "" if str(ev.claimant_side) == "unattributed" else f" \u00b7 {_text(ev.claimant)}"
    n = numbers[str(ev.sources_text)]
    return (
        f'<p id="{anchor}">{_text(where)} \u00b7 {_text(ev.summary)} <small><a href="'
        f'{html_text(links.explorer_href(ev.event_id))}">{_text(ev.verification)}</a>{who} \u00b7 '
        f'<a href="#{SOURCE_KEY}{n}">[{n}]</a></small></p>'
    )


def short_entries(rows: pd.DataFrame, numbers: dict[str, int]) -> str:
    """Short entries in date order, each date given once above its events (a span or a month as such)."""
    out, last = [], None
    for r in rows.itertuples():
        when = dates.period(r.start_date, r.end_date, precision=r.date_precision)
        if when != last:
            out.append(f"<h4>{_text(when)}</h4>")
            last = when
        out.append(short_entry(r, numbers))
    return "".join(out)


SHORT_NOTE = (
    "<p><em>Listed in short form: under each date, the place and what happened, then the label (a link to the "
    "event\u2019s card in the explorer, with who reported it, in what role, and the source\u2019s own words), who "
    "reported it, and its source as a number of the list at the end of the chronology.</em></p>"
)


def source_key_html(numbers: dict[str, int]) -> str:
    """The numbered sources of the short entries, folded."""
    items = "".join(f'<li id="{SOURCE_KEY}{n}">{_text(text)}</li>' for text, n in numbers.items())
    return prose.folded("The sources of the entries, by number", f"<ol>{items}</ol>")


def entries(t: dict, events: pd.DataFrame, short: bool = False) -> pd.DataFrame:
    """views.events() rows with the claimant's role, kind and other spellings (attribution.with_roles) and the
    sources' text (event_sources) added.

    short: name sources in a word or two (short_source_names)."""
    out = attribution.with_roles(events, t["claimants"])
    out = out.merge(event_sources(t, short), on="event_id", how="left", validate="one_to_one")
    return out.sort_values(["start_date", "event_id"]).reset_index(drop=True)


def phase_html(rows: pd.DataFrame, summary: str | None = None, numbers: dict | None = None) -> str:
    """Every event of one phase, in date order; folded under summary (plain text) when one is given.
    numbers: list each event in short form, its sources numbered so (source_numbers()), for a long chronology.

    A link to an entry opens its fold: browsers reveal a <details> holding the fragment's target (Chromium does so
    itself; OPEN_TARGET does it where a browser does not)."""
    if rows.empty:
        return ""
    if numbers is None:
        body = "".join(entry(r) for r in rows.itertuples())
    else:
        body = SHORT_NOTE + short_entries(rows, numbers)
    body = f'<div class="kharkiv-chronology">{body}</div>'
    return body if summary is None else prose.folded(summary, body)


def phase_listing(events: pd.DataFrame, phase_id, short: bool | None = None) -> str:
    """The folded list of one phase's events (phase_id None: the events outside every phase, then, in short
    form, the numbered sources), with a summary that counts them. short: default short_form(events)."""
    short = short_form(events) if short is None else short
    numbers = source_numbers(events) if short else None
    if phase_id is None:
        rows = events[events["phase_id"].isna()]
        summary = f"{prose.capitalise(prose.count(len(rows), 'event'))} outside the phases"
        return phase_html(rows, summary, numbers) + (source_key_html(numbers) if short else "")
    rows = events[events["phase_id"] == phase_id]
    summary = f"The {prose.count(len(rows), 'event')} of this phase, with who reported them and their sources"
    return phase_html(rows, summary, numbers)


# The project's own few lines: open the fold that holds the entry a link points to (on load and on each new #id).
OPEN_TARGET = (
    "<script>(function(){function o(){var h=decodeURIComponent(location.hash.slice(1));"
    "var e=h&&document.getElementById(h);for(var d=e;d;d=d.parentElement){if(d.tagName==='DETAILS')d.open=true;}"
    "if(e)e.scrollIntoView();}window.addEventListener('hashchange',o);"
    "document.addEventListener('DOMContentLoaded',o);})();</script>"
)
