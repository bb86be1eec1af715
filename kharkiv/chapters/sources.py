"""The source documents as the data part of the book describes them: how much of the data rests on each, how
precisely they date and place events, and which outlets the encyclopedia article cites (notebooks/sources)."""

import re
import textwrap

import pandas as pd

from kharkiv.data import datapackage as schema
from kharkiv.data.ids import series_key
from kharkiv.model import claims
from kharkiv.plots import claim_lanes, style
from kharkiv.text import dates, prose
from kharkiv.text.escaping import html_text

TOP_OUTLETS = 15  # the outlets chart draws at most this many; the table lists them all


def per_document(sources: pd.DataFrame, es: pd.DataFrame, st: pd.DataFrame, ev: pd.DataFrame) -> pd.DataFrame:
    """The sources table with, per document, the events it tells, those told by it alone, and its figures."""
    sid = sources["source_id"].astype(str)
    only = ev[ev["n_sources"] == 1].groupby("source_ids").size()
    return sources.assign(
        source_id=sid,
        events=sid.map(es.groupby(es["source_id"].astype(str)).size()).fillna(0).astype(int),
        only_here=sid.map(only).fillna(0).astype(int),
        figures=sid.map(st.groupby(st["source_id"].astype(str)).size()).fillna(0).astype(int),
    )


def top_document(per_doc: pd.DataFrame) -> pd.Series:
    """The document that tells the most events (the first by id on a tie)."""
    order = per_doc.sort_values(["events", "source_id"], ascending=[False, True], key=series_key)
    return order.iloc[0]


def _share(part: int, whole: int) -> str:
    return f"{part / max(whole, 1):.0%}"


def document_facts(t: dict, ev: pd.DataFrame, per_doc: pd.DataFrame, names: dict) -> dict:
    """The page's opening facts: the documents, what they give, and the document most of it rests on."""
    period = schema.package()["x_period"]
    top = top_document(per_doc)
    n_events, n_statements = len(ev), len(t["statements"])
    return {
        "n_documents": prose.in_words(len(per_doc)),
        "n_events": f"{n_events:,}",
        "n_statements": f"{n_statements:,}",
        "n_event_sources": f"{len(t['event_sources']):,}",
        "n_claimants": f"{len(t['claimants']):,}",
        "n_places": f"{len(t['places']):,}",
        "period_start": dates.day(period["start"]),
        "period_end": dates.day(period["end"]),
        "n_kinds": prose.in_words(per_doc["kind"].nunique()),
        "top_source": f"{names.get(top['source_id'], top['title'])} ({top['source_id']})",
        "top_source_share_events": _share(top["events"], n_events),
        "top_source_share_figures": _share(top["figures"], n_statements),
    }


def documents_chart(per_doc: pd.DataFrame, names: dict, n_events: int, n_statements: int):
    """Events told (and told only here) and figures given, one bar per document."""
    d = per_doc.sort_values("source_id", ascending=False, key=series_key)
    labels = [
        textwrap.fill(f"{names[s]}, {dates.day(p, short=True)}", 30)
        for s, p in zip(d["source_id"], d["date"], strict=False)
    ]
    fig, axes = style.figure(1, 2, figsize=(style.WIDTH, 1.9 + 0.5 * len(d)), sharey=True)
    axes[0].barh(labels, d["events"], color="#0072B2", height=0.6, label="events told")
    axes[0].barh(labels, d["only_here"], color="#56B4E9", height=0.28, label="of which told only here")
    axes[1].barh(labels, d["figures"], color="#E69F00", height=0.6)
    axes[0].set_xlabel("Events (count)")
    axes[1].set_xlabel("Figures (count)")
    for ax in axes:
        ax.xaxis.get_major_locator().set_params(integer=True)
    axes[0].legend(loc="lower right")
    top = top_document(per_doc)
    style.suptitle(
        fig,
        f"{names[top['source_id']]} tells {_share(top['events'], n_events)} of the events and gives "
        f"{_share(top['figures'], n_statements)} of the figures",
    )
    fig.subplots_adjust(top=0.8)
    style.source_line(fig)
    return fig


def _tally(series: pd.Series, values) -> dict:
    return {v: int((series == v).sum()) for v in values}


def precision(t: dict, ev: pd.DataFrame, st: pd.DataFrame) -> tuple[dict, pd.DataFrame]:
    """How precisely events are dated and placed and places located: the facts for the prose and the same counts
    as a table (table, field, value, rows), every allowed value listed, used or not."""
    tallies = [
        (
            "events",
            "date_precision",
            "n_date",
            _tally(ev["date_precision"], schema.enum("events", "date_precision")),
        ),
        (
            "events",
            "location_precision",
            "n_loc",
            _tally(ev["location_precision"], schema.enum("events", "location_precision")),
        ),
        (
            "places",
            "coord_precision",
            "n_coord",
            _tally(t["places"]["coord_precision"], schema.enum("places", "coord_precision")),
        ),
    ]
    inferred = int(ev["date_inferred"].fillna(False).sum())
    facts = {f"{prefix}_{k}": v for _, _, prefix, tally in tallies for k, v in tally.items()}
    facts |= {
        "n_date_inferred": inferred,
        "n_claim_date_inferred": int(st["claim_date_inferred"].fillna(False).sum()),
        "n_claim_date_missing": int(st["claim_date"].isna().sum()),
    }
    facts = {k: f"{v:,}" for k, v in facts.items()}  # '12,200', as every other count in the prose
    rows = [
        {"table": table, "field": field, "value": str(k), "rows": v}
        for table, field, _, tally in tallies
        for k, v in tally.items()
    ]
    rows.insert(
        len(tallies[0][3]), {"table": "events", "field": "date_inferred", "value": "true", "rows": inferred}
    )
    return facts, pd.DataFrame(rows)


def outlet_facts(outlets: pd.DataFrame, es: pd.DataFrame, st: pd.DataFrame) -> dict:
    """How many excerpts and figures name a cited outlet, how many outlets, and the most cited."""
    cited_es, cited_st = int(es["cited_outlet"].notna().sum()), int(st["cited_outlet"].notna().sum())
    top = outlets.iloc[0] if len(outlets) else None
    return {
        "n_outlets": f"{len(outlets):,}",
        "n_cited_es": f"{cited_es:,}",
        "n_cited_st": f"{cited_st:,}",
        "share_cited": _share(cited_es + cited_st, len(es) + len(st)),
        "top_outlet": prose.listing(most_cited(outlets)) if top is not None else "none",
        "top_outlet_rows": (
            prose.count(int(top["rows"]), "row") + (" each" if len(most_cited(outlets)) > 1 else "")
            if top is not None
            else "no rows"
        ),
    }


def most_cited(outlets: pd.DataFrame) -> list[str]:
    """The outlets cited for the most rows (several on a tie), in the table's order."""
    if not len(outlets):
        return []
    return outlets.loc[outlets["rows"] == outlets.iloc[0]["rows"], "outlet"].tolist()


def outlets_title(outlets: pd.DataFrame) -> str:
    if not len(outlets):
        return "No cited outlets are recorded"
    top = most_cited(outlets)
    rows = prose.count(int(outlets.iloc[0]["rows"]), "row")
    if len(top) == 1:
        return f"{top[0]} is cited for {rows}, more than any other outlet"
    if len(top) <= 3:
        return f"{prose.listing(top)} are each cited for {rows}, more than any other outlet"
    return f"{top[0]} and {len(top) - 1} others are each cited for {rows}"


def outlets_chart(outlets: pd.DataFrame, top: int = TOP_OUTLETS):
    """The most cited outlets (cited_outlets() rows), each bar split into event excerpts and figures."""
    top_n = outlets.head(top).iloc[::-1]
    fig, ax = style.figure(figsize=(style.WIDTH, 1.9 + 0.32 * max(len(top_n), 1)))
    labels = [textwrap.fill(claim_lanes.plain(o), 40) for o in top_n["outlet"]]
    if len(top_n):
        excerpts, figures = top_n["rows in event_sources"], top_n["rows in statements"]
        ax.barh(labels, excerpts, color="#0072B2", label="event excerpts", height=0.65)
        ax.barh(labels, figures, left=excerpts, color="#E69F00", label="figures", height=0.65)
        ax.legend(loc="lower right")
    else:
        ax.text(0.5, 0.5, "No cited outlets recorded", ha="center", va="center", transform=ax.transAxes)
    style.title(ax, outlets_title(outlets))
    ax.set_xlabel("Rows citing the outlet (count)")
    ax.xaxis.get_major_locator().set_params(integer=True)
    style.source_line(fig)
    return fig


# --- where each document can be read: its public address and how it was established -------------------------


def revision(revision_date) -> str:
    """'a revision of 13 January 2024 or later' for the encyclopedia article (its revision_date is the earliest the
    text can be: no permanent revision link is known); '' when the document has no revision date."""
    if revision_date is None or pd.isna(revision_date):
        return ""
    return f"a revision of {dates.day(revision_date)} or later"


NO_ADDRESS = "No public address could be established for this document."


def addresses(sources: pd.DataFrame, names: dict) -> pd.DataFrame:
    """One row per document: source_id, name, title, outlet (as identified from a public reference, else as the
    text tells), revision, url ('' when none was established) and basis (how it was established, or why not)."""
    rows = []
    for r in sources.sort_values("source_id", key=series_key).itertuples():
        identified = r.publisher_identified if isinstance(r.publisher_identified, str) else ""
        rows.append(
            {
                "source_id": str(r.source_id),
                "name": names.get(str(r.source_id), r.title),
                "title": r.title,
                "outlet": identified or (r.publisher if isinstance(r.publisher, str) else ""),
                "revision": revision(r.revision_date),
                "url": r.url if isinstance(r.url, str) else "",
                "basis": r.url_basis,
            }
        )
    return pd.DataFrame(rows, columns=["source_id", "name", "title", "outlet", "revision", "url", "basis"])


def addresses_html(table: pd.DataFrame) -> str:
    """The documents as a list (legible on a phone): title and outlet, the address as a link (or plainly that none
    was established) and how it was established. Every value is escaped text."""
    items = []
    for r in table.itertuples():
        what = f"“{html_text(r.title)}”, {html_text(r.outlet)}" if r.outlet else f"“{html_text(r.title)}”"
        if r.revision:
            what += f", {html_text(r.revision)}"
        where = (
            f'<a class="reference external" href="{html_text(r.url)}">{html_text(r.url)}</a>'
            if r.url
            else f"<strong>{NO_ADDRESS}</strong>"
        )
        items.append(
            f'<li id="source-{html_text(r.source_id)}"><p>{what} ({html_text(r.source_id)})<br>'
            f'<span class="kharkiv-address">{where}</span></p>'
            f"<p><em>How it was established:</em> {html_text(str(r.basis))}</p></li>"
        )
    return (
        "<style>.kharkiv-sources li{margin-bottom:1rem}.kharkiv-address a{overflow-wrap:anywhere}</style>"
        f'<ul class="kharkiv-sources">{"".join(items)}</ul>'
    )


def address_facts(table: pd.DataFrame) -> dict:
    """How many documents have an address, how many not, and the article's revision in words."""
    with_url = int((table["url"] != "").sum())
    revisions = [r for r in table["revision"] if r]
    return {
        "n_with_address": prose.in_words(with_url),
        "n_without_address": prose.in_words(len(table) - with_url),
        "article_revision": revisions[0] if revisions else "an unknown revision",
    }


# --- one name per outlet ---------------------------------------------------------------------------------------

UNNAMED = "Outlet not named in the reference list"
_UNNAMED_AS_CODED = "unnamed outlet"  # the curators' words for the same case
_NOTED = re.compile(r",?\s*\b(?:archived|dated|retrieved)\s+", re.IGNORECASE)
_IN_LIST = re.compile(r"\s+in the list$")
_QUOTES = "'\"‘’“”"
_TITLE_AFTER = re.compile(r",\s*['\"‘“].*$")


def _fold(s: str) -> str:
    return re.sub(r"[^a-z0-9а-яіїєґ]", "", s.lower().removeprefix("the "))


def outlet_of(citation: str, names: dict) -> tuple[str, str]:
    """(outlet under its one name, date) of one citation: archive and list remarks dropped, a headline cited
    without an outlet filed under UNNAMED, a headline after the outlet dropped, variants mapped through names
    (bibliography.canonical_names of data/outlets.csv)."""
    outlet, date = claims.outlet_and_date(_IN_LIST.sub("", _NOTED.sub(", ", citation)))
    if outlet[:1] in _QUOTES or outlet == _UNNAMED_AS_CODED:
        return UNNAMED, date
    outlet = _TITLE_AFTER.sub("", outlet)
    return names.get(_fold(outlet), outlet), date


def named_citations(df: pd.DataFrame, names: dict) -> pd.DataFrame:
    """df with each cited_outlet rewritten as 'Outlet, date; ...' under the outlets' one names."""

    def rewrite(value):
        if value is None or pd.isna(value):
            return value
        parts = [outlet_of(p, names) for p in claims.split_citations(value)]
        return "; ".join(f"{o}, {d}" if d else o for o, d in parts)

    return df.assign(cited_outlet=df["cited_outlet"].map(rewrite))


def cited_outlets(es: pd.DataFrame, st: pd.DataFrame, outlets: pd.DataFrame) -> pd.DataFrame:
    """claims.cited_outlets under one name per outlet: variants of data/outlets.csv folded into their canonical
    name, spellings that differ only in spaces, case or punctuation counted as one (the most cited spelling
    shown), headlines never listed as outlets."""
    names = {_fold(v): c for v, c in zip(outlets["variant"], outlets["canonical"], strict=True)}
    tables = {"event_sources": named_citations(es, names), "statements": named_citations(st, names)}
    first = claims.cited_outlets(tables)  # spellings differing only in spaces or case are one outlet
    shown = {}
    for o in first["outlet"]:  # sorted by rows: the first spelling of a folded name is the most cited
        shown.setdefault(_fold(o), o)
    names |= {_fold(o): shown[_fold(o)] for o in first["outlet"]}
    tables = {k: named_citations(v, names) for k, v in tables.items()}
    return claims.cited_outlets(tables)
