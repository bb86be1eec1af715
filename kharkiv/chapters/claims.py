"""The claims chapter's facts, charts and tables, so notebooks/claims.ipynb reads as finding, chart, caveat.

Built on kharkiv.model.claims, which holds what several chapters share (how a figure reads, who gives it, where counts
of the same thing diverge)."""

import pandas as pd
from matplotlib.lines import Line2D

from kharkiv.data.ids import series_key
from kharkiv.model.claims import SIDES, VERIFICATION
from kharkiv.model.comparable import one_telling
from kharkiv.plots import style
from kharkiv.plots.claim_lanes import VERIFICATION_COLOURS
from kharkiv.text import attribution, dates, event_types, links, prose
from kharkiv.text.claims_text import subject_name
from kharkiv.text.harm_text import named_sources
from kharkiv.text.wording import number

PARTIES = ["Ukrainian", "Russian"]
FLAGGED = ["refuted", "disputed"]


def side_label(side) -> str:
    """A side as a chart or table names it: 'Ukrainian', 'third party', and attribution.NO_ONE for 'unattributed'."""
    return attribution.NO_ONE if attribution.unnamed(side=side) else str(side)


def _share(mask: pd.Series) -> str:
    return f"{mask.mean():.0%}"


def party_share_claimed(one: pd.DataFrame) -> str | None:
    """The share of the warring sides' claims (one_per_claim rows) that no one else confirmed ('97%'), or None."""
    party = one[one["claimant_side"].isin(PARTIES)]
    return _share(party["verification"] == "claimed") if len(party) else None


def _linked(text: str, ids, view: dict | None = None):
    """A number as Markdown that links to the rows behind it, for prose.glue_facts."""

    return links.rows_link(text, ids, view)


def _were(n: int) -> str:
    return "was" if n <= 1 else "were"


def _claims(n: int) -> str:
    """'one claim', 'six claims'; none is 'no claim' (a writer does not write 'zero claims were refuted')."""

    return "no claim" if n == 0 else prose.count(n, "claim", words=True)


def label_facts(one: pd.DataFrame) -> dict:
    """The opening's facts: the share of the sides' claims unconfirmed, and the corroborated, refuted and disputed
    claims (one_per_claim rows), each worded with its verb; the refuted and disputed ones link to their rows."""

    labels = one["verification"].value_counts()
    n = {label: int(labels.get(label, 0)) for label in VERIFICATION}
    facts = {
        "share_party_claimed": party_share_claimed(one) or "none",
        "n_corroborated_text": prose.capitalise(f"{_claims(n['corroborated'])} {_were(n['corroborated'])}"),
        "n_claims": f"{len(one):,}",
    }
    for label in FLAGGED:
        keys = one.loc[one["verification"] == label, "key"]
        facts[f"n_{label}_claims_link"] = _linked(_claims(n[label]), keys, {"verif": label})
        facts[f"n_{label}_verb"] = _were(n[label])
    return facts


def verification_chart(one: pd.DataFrame):
    """Claims (one_per_claim rows) by the side of who made them, stacked by verification label."""
    sides = [s for s in SIDES if s in set(one["claimant_side"])]
    table = pd.crosstab(one["claimant_side"], one["verification"])
    table = table.reindex(index=sides, columns=VERIFICATION).fillna(0)
    fig, ax = style.figure(figsize=(style.WIDTH, 1.6 + 0.45 * max(len(sides), 1)))
    left = pd.Series(0.0, index=sides)
    for label in VERIFICATION:
        names = [side_label(s) for s in sides]
        ax.barh(names, table[label], left=left, color=VERIFICATION_COLOURS[label], label=label, height=0.6)
        left += table[label]
    ax.set_ylim(len(sides) - 0.5, -0.5)
    ax.set_xlabel("Claims (count; an event and its figure are one claim)")
    ax.xaxis.get_major_locator().set_params(integer=True)
    share = party_share_claimed(one)
    style.title(
        ax,
        f"{share} of the warring sides' claims were confirmed by no one else"
        if share
        else "No claims from the warring sides are recorded",
    )
    handles = [Line2D([], [], color=VERIFICATION_COLOURS[v], lw=8, label=v) for v in VERIFICATION]
    fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.0, 0.0), ncol=5)
    style.source_line(fig)
    return fig


def by_claimant(ev: pd.DataFrame, st: pd.DataFrame) -> pd.DataFrame:
    """Events and figures by who gave them (with their side) and by label, the busiest first."""
    cols = ["claimant", "claimant_side", "verification"]
    both = pd.concat([ev[cols], one_telling(st)[cols]]).astype(str)
    table = pd.crosstab([both["claimant"], both["claimant_side"]], both["verification"])
    table = table.reindex(columns=VERIFICATION, fill_value=0)
    table["events and figures"] = table.sum(axis=1)
    table = table.reset_index().rename(columns={"claimant": "who", "claimant_side": "side"})
    table["side"] = table["side"].map(side_label)
    return table.sort_values(["events and figures", "who"], ascending=[False, True]).reset_index(drop=True)


def evidence_of(es: pd.DataFrame, event_ids, names: dict) -> pd.Series:
    """Each event's excerpts, one per document, as 'Document: excerpt' joined by ' | ' (indexed by event id)."""
    rows = es[es["event_id"].isin(set(event_ids))].astype({"source_id": str})
    rows = rows.sort_values(["event_id", "source_id"], key=series_key)
    if rows.empty:
        return pd.Series(dtype="object")
    text = [f"{names.get(s, s)}: {e}" for s, e in zip(rows["source_id"], rows["evidence"], strict=False)]
    return pd.Series(text, index=rows["event_id"].to_numpy()).groupby(level=0, sort=False).agg(" | ".join)


def _who(df: pd.DataFrame) -> list[str]:
    return [attribution.labelled(c, s) for c, s in zip(df["claimant"], df["claimant_side"], strict=True)]


def figure_what(st: pd.DataFrame) -> list[str]:
    """'11 killed (civilians), 28 Feb 2022' for each figure (with_figures rows)."""
    return [
        f"{f} {m} ({subject_name(s)}), {p}"
        for f, m, s, p in zip(st["figure"], st["measure"], st["subject"], st["period"], strict=False)
    ]


def _listing(events: dict, figures: dict) -> pd.DataFrame:
    """Events and figures as the rows of one table, in date order (columns given per kind)."""
    parts = [pd.DataFrame({"kind": "event", **events}), pd.DataFrame({"kind": "figure", **figures})]
    out = pd.concat([p for p in parts if len(p)] or [parts[0]], ignore_index=True)
    front = ["date", "kind", "what"]
    out = out[[*front, *[c for c in out.columns if c not in front]]]
    return out.sort_values(front, kind="stable").reset_index(drop=True)


def contested(ev: pd.DataFrame, st: pd.DataFrame, es: pd.DataFrame, names: dict) -> pd.DataFrame:
    """The refuted and disputed events and figures (st: with_figures rows), with who said it, the documents and
    their excerpts; an event and the figure told with it are both listed."""
    bad_ev = ev[ev["verification"].isin(FLAGGED)]
    st = one_telling(st)
    bad_st = st[st["verification"].isin(FLAGGED)]

    events = {
        "date": bad_ev["start_date"],
        "what": bad_ev["summary"],
        "claimed by (side)": _who(bad_ev),
        "verification": bad_ev["verification"].astype(str),
        "source": [named_sources(i, names) for i in bad_ev["source_ids"]],
        "evidence": bad_ev["event_id"].map(evidence_of(es, bad_ev["event_id"], names)),
        "id": bad_ev["event_id"],
    }
    figures = {
        "date": bad_st["claim_date"].fillna(bad_st["period_end"]),
        "what": figure_what(bad_st),
        "claimed by (side)": bad_st["who"],
        "verification": bad_st["verification"].astype(str),
        "source": [names.get(str(i), str(i)) for i in bad_st["source_id"]],
        "evidence": attribution.excerpts(bad_st),
        "id": bad_st["statement_id"],
    }
    return _listing(events, figures)


def flagged(ev: pd.DataFrame, st: pd.DataFrame, es: pd.DataFrame, names: dict) -> pd.DataFrame:
    """Events and figures resting on a sentence the encyclopedia marks ('citation needed'): one row per flagged
    excerpt of an event and per flagged figure, with the marker."""
    info = ["event_id", "start_date", "summary", "claimant", "claimant_side", "verification"]
    weak_es = es[es["weak_sourcing"].notna()].merge(ev[info], on="event_id", how="left", validate="m:1")
    weak_st = one_telling(st)
    weak_st = weak_st[weak_st["weak_sourcing"].notna()]
    events = {
        "date": weak_es["start_date"],
        "what": weak_es["summary"],
        "claimed by (side)": _who(weak_es),
        "verification": weak_es["verification"].astype(str),
        "marker": weak_es["weak_sourcing"],
        "source": [names.get(str(i), str(i)) for i in weak_es["source_id"]],
        "evidence": weak_es["evidence"],
        "id": weak_es["event_id"],
    }
    figures = {
        "date": weak_st["claim_date"].fillna(weak_st["period_end"]),
        "what": figure_what(weak_st),
        "claimed by (side)": weak_st["who"],
        "verification": weak_st["verification"].astype(str),
        "marker": weak_st["weak_sourcing"],
        "source": [names.get(str(i), str(i)) for i in weak_st["source_id"]],
        "evidence": attribution.excerpts(weak_st),
        "id": weak_st["statement_id"],
    }
    return _listing(events, figures)


def flagged_facts(weak: pd.DataFrame) -> dict:
    """How many events and figures rest on a flagged sentence (flagged() rows), and how many carry each marker."""

    n_ev = weak.loc[weak["kind"] == "event", "id"].nunique()
    n_st = int((weak["kind"] == "figure").sum())
    parts = [prose.count(n, noun, words=True) for n, noun in ((n_ev, "event"), (n_st, "figure")) if n]
    return {
        "n_weak_events": number(n_ev),
        "n_weak_statements": number(n_st),
        "n_weak_citation": number((weak["marker"] == "citation needed").sum()),
        "n_weak_unreliable": number((weak["marker"] == "unreliable source").sum()),
        "n_weak_text": prose.listing(parts) if parts else "no fact",
    }


def contested_facts(contested_: pd.DataFrame) -> dict:
    """Refuted and disputed entries of contested(), in all and as events."""
    v, events = contested_["verification"], contested_["kind"] == "event"
    return {
        "n_refuted": number((v == "refuted").sum()),
        "n_disputed": number((v == "disputed").sum()),
        "n_refuted_events": number((events & (v == "refuted")).sum()),
        "n_disputed_events": number((events & (v == "disputed")).sum()),
    }


def spread_facts(spread_: pd.DataFrame, place_names: dict | None = None) -> dict:
    """The widest gap between counts of the same thing (spread() rows, widest first), how many counts agree, and
    what the officials disagree on (disagreements)."""

    numeric = spread_.dropna(subset=["ratio"])
    facts = {
        "disagreements": disagreements(spread_, place_names or {}),
        "n_groups": number(len(spread_)),
        "n_groups_differ": number((numeric["ratio"] > 1).sum()),
        "n_groups_agree": number((numeric["ratio"] == 1).sum()),
    }
    if not len(numeric):
        return facts | {"max_ratio": "none", "max_ratio_what": "no such count", "max_ratio_figures": "none"}
    top = numeric.iloc[0]
    return facts | {
        "max_ratio": number(round(top["ratio"], 1)),
        "max_ratio_figures": top["figures"],
        "max_ratio_period": dates.period(top["period_start"], top["period_end"], style="short"),
        "max_ratio_what": f"{subject_name(top['subject'])} {top['measure']} on "
        f"{dates.period(top['period_start'], top['period_end'])}",
    }


def _differ(spread_: pd.DataFrame) -> pd.DataFrame:
    """The counts whose reports differ: two numbers apart, or a number beside a word (spread() rows, by date)."""
    words = spread_["figures"].astype(str).str.contains(r": (?:dozens|hundreds|several|numerous)\b")
    apart = (spread_["high"] > spread_["low"]).fillna(False).astype(bool) | words
    return spread_[apart].sort_values(["period_start", "measure"], kind="stable")


def _range(r) -> str:
    lo, hi = r.low, r.high
    if pd.isna(lo):
        return "only words"
    return number(lo) if lo == hi else f"{number(lo)} to {number(hi)}"


def disagreements(spread_: pd.DataFrame, place_names: dict) -> str:
    """What the officials disagree on, in words: 'two counts, civilians killed in Kharkiv on 28 February 2022
    (from 9 to 11 in numbers, and “dozens”) and civilians wounded in Kharkiv on 28 February 2022 (…)'."""
    d = _differ(spread_)
    if d.empty:
        return "no count"
    items = []
    for r in d.itertuples():
        said = [w for w in ("dozens", "hundreds", "several", "numerous") if f": {w}" in str(r.figures)]
        words = f", and {prose.listing(f'“{w}”' for w in said)}" if said else ""
        items.append(
            f"{subject_name(r.subject)} {r.measure} in {place_names.get(r.place_id, r.place_id)} on "
            f"{dates.period(r.period_start, r.period_end)} ({_range(r)}{words})"
        )
    return f"{prose.count(len(d), 'count', words=True)}: {prose.listing(items)}"


def spread_title(spread_: pd.DataFrame) -> str:
    """The disagreement chart's title: which counts of the same thing differ, with their ranges."""
    d = _differ(spread_)
    if d.empty:
        return "No two officials give different figures for the same count"
    days = list(
        dict.fromkeys(dates.period(a, b) for a, b in zip(d["period_start"], d["period_end"], strict=False))
    )
    one_day = len(days) == 1
    items = [
        f"{subject_name(r.subject)} {r.measure}{'' if one_day else ', ' + dates.period(r.period_start, r.period_end)}"
        f" ({_range(r)})"
        for r in d.itertuples()
    ]
    head = f"Officials differ on {prose.count(len(d), 'count', words=True)}" + (
        f" of {days[0]}" if one_day else ""
    )
    return f"{head}: {prose.listing(items)}"


def spread_table(spread_: pd.DataFrame, place_names: dict) -> pd.DataFrame:
    """spread() rows as a reader's table: the count, its period, who gave which figure (linked by statement_ids)."""
    where = [place_names.get(p, p) for p in spread_["place_id"]]
    return pd.DataFrame(
        {
            "count": [
                f"{m} ({subject_name(s)}), {p}" + (f", {u}" if u else "")
                for m, s, p, u in zip(
                    spread_["measure"], spread_["subject"], where, spread_["unit_name"], strict=False
                )
            ],
            "period": [
                dates.period(a, b, style="short")
                for a, b in zip(spread_["period_start"], spread_["period_end"], strict=False)
            ],
            "who gave which figure": spread_["figures"],
            "statement_ids": spread_["statement_ids"],
            "low": spread_["low"],
            "high": spread_["high"],
            "high / low": spread_["ratio"].map(lambda x: f"{x:.2f}" if pd.notna(x) else ""),
        }
    )


def documents_per_event(ev: pd.DataFrame) -> pd.Series:
    """How many source documents tell each event (0 where none is recorded)."""
    return ev["n_sources"].fillna(0).astype(int)


def single_source_facts(ev: pd.DataFrame) -> dict:
    """How many events rest on one document, how many on several, and the most documents behind one event."""

    n = documents_per_event(ev)
    return {
        "n_single": number((n == 1).sum()),
        "share_single": _share(n == 1) if len(ev) else "none",
        "n_multi": number((n > 1).sum()),
        "n_multi_text": f"{prose.in_words(int((n > 1).sum()))} {'is' if (n > 1).sum() == 1 else 'are'}",
        "max_sources": prose.in_words(int(n.max()) if len(ev) else 0),
    }


def documents_chart(ev: pd.DataFrame):
    """Events by the number of documents that tell them, stacked by type of event."""
    n = documents_per_event(ev)
    table = (
        ev.assign(n=n).groupby(["n", "event_type"], observed=True).size().unstack("event_type", fill_value=0)
    )
    fig, ax = style.figure(figsize=(style.WIDTH, 4.2))
    bottom = pd.Series(0, index=table.index)
    for kind in table.columns:
        ax.bar(
            table.index.astype(str),
            table[kind],
            bottom=bottom,
            color=style.EVENT_TYPE_COLOURS[kind],
            label=kind,
            width=0.6,
        )
        bottom += table[kind]
    ax.set_xlabel("Documents telling the event (count)")
    ax.set_ylabel("Events (count)")
    ax.yaxis.get_major_locator().set_params(integer=True)
    style.title(
        ax, f"{_share(n == 1)} of the events rest on a single document" if len(ev) else "No events recorded"
    )
    ax.legend(loc="upper right")
    style.source_line(fig)
    return fig


def multi_source_events(ev: pd.DataFrame, names: dict) -> pd.DataFrame:
    """The events told by more than one document, with the documents named."""

    multi = ev[documents_per_event(ev) > 1]
    cols = [
        "start_date",
        "place",
        "event_type",
        "summary",
        "claimant",
        "verification",
        "source_ids",
        "event_id",
    ]
    return (
        multi.assign(
            source_ids=[named_sources(i, names) for i in multi["source_ids"]],
            event_type=[event_types.plain(k) for k in multi["event_type"]],
        )[cols]
        .rename(
            columns={
                "start_date": "date",
                "event_type": "type",
                "claimant": "reported by",
                "source_ids": "sources",
            }
        )
        .reset_index(drop=True)
    )
