"""Claims side by side: how a figure reads, who gives it, where counts of the same thing diverge, and which
outlets a source document cites. Pure functions of the joined views (kharkiv.views); nothing is averaged."""

import re
import textwrap

import pandas as pd
from matplotlib.lines import Line2D

from . import counts, measures, schema, style
from .ids import series_key, sorted_ids
from .wording import figure_text, who  # who and figure_text are also the chapters' (claims.who)

SIDES = schema.enum("claimants", "side")
VERIFICATION = schema.enum("statements", "verification")
# Okabe–Ito colours; side colours stay reserved for sides.
VERIFICATION_COLOURS = {
    "reported": "#56B4E9",
    "claimed": "#E69F00",
    "corroborated": "#009E73",
    "disputed": "#CC79A7",
    "refuted": "#000000",
}
NO_ONE = "a source naming no one"
# Who a figure counts, as a reader names them (the data's subject codes are lower case).
SUBJECT_NAMES = {"russian military": "Russian forces", "ukrainian military": "Ukrainian forces"}
SIDE_LABELS = {"unattributed": "a source naming no one"}
MILITARY = list(measures.MILITARY)
# What counts the same thing: a figure is compared only with figures that share all of these.
SAME_THING = ["measure", "subject", "unit", "place_id", "unit_name", "period_start", "period_end"]
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "h", "<", ">", "p", "*"]


def period_text(start: pd.Timestamp, end: pd.Timestamp) -> str:
    """'28 Feb 2022' or '24 Feb – 31 May 2022'."""
    if start == end:
        return f"{start:%-d %b %Y}"
    return (
        f"{start:%-d %b} – {end:%-d %b %Y}"
        if start.year == end.year
        else f"{start:%-d %b %Y} – {end:%-d %b %Y}"
    )


def with_figures(st: pd.DataFrame) -> pd.DataFrame:
    """Statements (views.statements) plus figure (text), who (claimant and side), low and high (numbers)."""
    out = st.copy()
    out["figure"] = [
        figure_text(v, h, q)
        for v, h, q in zip(out["value"], out["value_high"], out["qualifier"], strict=False)
    ]
    out["who"] = [
        NO_ONE if str(s) == "unattributed" else who(c, s)
        for c, s in zip(out["claimant"], out["claimant_side"], strict=False)
    ]
    out["low"] = out["value"].astype("Float64")
    out["high"] = out["value_high"].fillna(out["value"]).astype("Float64")
    out["period"] = [period_text(a, b) for a, b in zip(out["period_start"], out["period_end"], strict=False)]
    return out


def spread(st: pd.DataFrame, keys: list[str] = SAME_THING, min_claimants: int = 2) -> pd.DataFrame:
    """Groups of statements counting the same thing (keys) that come from at least min_claimants claimants.

    One row per group: the reports (each claimant's figure, with its side), the lowest and highest number
    given, and the ratio high / low (NA unless at least two reports give a number and low > 0). Word
    quantities ('dozens') are listed among the reports but take no part in low, high or ratio.
    """
    f = st if {"figure", "who", "low", "high"} <= set(st.columns) else with_figures(st)  # not twice at scale
    f = f.assign(**{k: f[k].astype("object").where(f[k].notna(), "") for k in keys})
    rows = []
    for key, g in f.groupby(keys, sort=True, observed=True, dropna=False):
        if g["claimant_id"].nunique() < min_claimants:
            continue
        g = g.sort_values(["high", "claimant", "statement_id"], na_position="first", key=series_key)
        low, high = g["low"].min(), g["high"].max()
        compared = g["low"].notna().sum() >= 2
        ratio = high / low if compared and pd.notna(low) and low > 0 else pd.NA
        rows.append(
            {
                **dict(zip(keys, key, strict=False)),
                "reports": len(g),
                "claimants": g["claimant_id"].nunique(),
                "figures": reports_text(g["who"], g["figure"]),
                "low": low,
                "high": high,
                "ratio": ratio,
                "statement_ids": "; ".join(sorted_ids(g["statement_id"])),
            }
        )
    cols = [*keys, "reports", "claimants", "figures", "low", "high", "ratio", "statement_ids"]
    out = pd.DataFrame(rows, columns=cols)
    for k in ("period_start", "period_end"):
        if k in out:
            out[k] = pd.to_datetime(out[k])
    return out.sort_values(["ratio", "reports"], ascending=False, na_position="last").reset_index(drop=True)


def reports_text(whos, figures) -> str:
    """'A: 11; B: 12' in the order given; a report repeated word for word (the same official, the same figure)
    is written once with how many times it was given ('A: 11 (3 reports)'), so a line stays short at scale."""
    from . import prose

    pairs = pd.Series([f"{w}: {x}" for w, x in zip(whos, figures, strict=False)], dtype="object")
    times = pairs.value_counts(sort=False)
    return "; ".join(
        p if times[p] == 1 else f"{p} ({prose.count(times[p], 'report')})" for p in pairs.unique()
    )


def split_citations(text) -> list[str]:
    """Split a cited_outlet cell into entries at '; ' outside brackets and quotes.

    'Reuters, 13 June 2022; CNN (Voitovych, "...; ...")' -> ['Reuters, 13 June 2022', 'CNN (Voitovych, "...; ...")']
    """
    if text is None or pd.isna(text):
        return []
    parts, depth, quoted, cur = [], 0, False, ""
    for i, ch in enumerate(text):
        depth += (ch == "(") - (ch == ")") if not quoted else 0
        quoted ^= ch == '"'
        if ch == ";" and depth == 0 and not quoted and text[i + 1 : i + 2] in (" ", ""):
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    return [p.strip() for p in parts if p.strip()]


_DATE = re.compile(r",\s*((?:\d{1,2}\s+)?[A-Z][a-z]+\s+\d{4}|undated)$")


def outlet_and_date(entry: str) -> tuple[str, str]:
    """Outlet and date of one citation; bracketed remarks are dropped.

    'CNN, 21 May 2022 (Voitovych, "...")' -> ('CNN', '21 May 2022'); 'Forbes (Axe, ..., undated)' -> ('Forbes', '')
    """
    depth, head = 0, ""
    for ch in entry:  # keep only the text outside brackets
        depth += (ch == "(") - (ch == ")")
        head += ch if depth == 0 and ch != ")" else ""
    head = re.sub(r"\s+", " ", head).strip(" ,")
    m = _DATE.search(head)
    return (head[: m.start()].strip(), m.group(1)) if m else (head, "")


def _date_key(text: str) -> tuple:
    """Sort key for cited dates: real dates in time order, then anything else ('undated') by text."""
    ts = pd.to_datetime(text, format="mixed", errors="coerce")
    return (pd.isna(ts), ts if pd.notna(ts) else pd.Timestamp.min, text)


def cited_outlets(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Distinct outlets in the cited_outlet column of the given tables, with the dates cited and rows citing each.

    tables: {"event_sources": df, "statements": df, ...}; a row citing an outlet twice counts once.
    """
    rows = []
    for name, df in tables.items():
        for rid, text in enumerate(df["cited_outlet"]):
            for outlet, date in {outlet_and_date(e) for e in split_citations(text)}:
                rows.append({"outlet": outlet, "date": date, "table": name, "row": rid})
    cols = ["outlet", "dates cited"] + [f"rows in {n}" for n in tables] + ["rows"]
    if not rows:
        return pd.DataFrame(columns=cols)
    long = pd.DataFrame(rows)
    per_row = long.drop_duplicates(["outlet", "table", "row"])
    counts = per_row.pivot_table(index="outlet", columns="table", values="row", aggfunc="size", fill_value=0)
    counts = counts.reindex(columns=list(tables), fill_value=0).add_prefix("rows in ")
    counts["rows"] = counts.sum(axis=1)
    dates = (
        long[long["date"] != ""]
        .groupby("outlet")["date"]
        .agg(lambda s: "; ".join(sorted(set(s), key=_date_key)))
    )
    out = counts.join(dates.rename("dates cited")).reset_index()
    out["dates cited"] = out["dates cited"].fillna("")
    return out[cols].sort_values(["rows", "outlet"], ascending=[False, True]).reset_index(drop=True)


def plain(text) -> str:
    """Data text for a chart label, shown as it is (mathtext is off in the book's style: style.plain)."""
    return style.plain(text)


def claimant_styles(df: pd.DataFrame) -> dict[str, dict]:
    """Colour (the claimant's side) and marker (one per claimant) for every 'who' in df, ordered by side then name."""
    people = df[["who", "claimant", "claimant_side"]].drop_duplicates("who").astype(str)
    people["order"] = people["claimant_side"].map({s: i for i, s in enumerate(SIDES)})
    people = people.sort_values(["order", "claimant"])
    return {
        w: {"color": style.SIDE_COLOURS[s], "marker": MARKERS[i % len(MARKERS)]}
        for i, (w, s) in enumerate(zip(people["who"], people["claimant_side"], strict=False))
    }


def claimant_handles(styles: dict[str, dict], size: float = 7) -> list[Line2D]:
    """Legend entries 'Claimant (side)' with the marker and colour used in the chart."""
    return [
        Line2D([], [], linestyle="", marker=s["marker"], color=s["color"], markersize=size, label=plain(w))
        for w, s in styles.items()
    ]


def pack(starts: list, ends: list) -> list[int]:
    """Greedy interval packing (inputs sorted by start): each interval goes on the lowest row that is free by then."""
    last, rows = [], []
    for start, end in zip(starts, ends, strict=False):
        row = next((i for i, e in enumerate(last) if e < start), len(last))
        last[row : row + 1] = [end]
        rows.append(row)
    return rows


def plot_lanes(
    ax,
    df: pd.DataFrame,
    styles: dict[str, dict],
    categories: list[str],
    hollow: tuple = (),
    days_per_char: float = 1.7,
) -> float:
    """One lane per category (df['measure']): each figure (with_figures rows) is a line over the period it covers,
    a marker at its end and its figure as text. Figures that would overlap take separate rows of their lane.
    Rows whose subject is in hollow get hollow markers. Returns the height used, in rows."""
    day, y, ticks = pd.Timedelta(days=1), 0.0, []
    for cat in categories:
        d = df[df["measure"] == cat].sort_values(
            ["period_start", "period_end", "statement_id"], key=series_key
        )
        if d.empty:
            continue
        ends = d["period_end"] + day
        reach = ends + pd.to_timedelta(d["figure"].str.len() * days_per_char + 4, unit="D")
        rows = pack(list(d["period_start"]), list(reach))
        for r, row, end in zip(d.itertuples(), rows, ends, strict=False):
            s, yy = styles[r.who], y + row
            ax.plot(
                [r.period_start, end], [yy, yy], color=s["color"], lw=2, alpha=0.55, solid_capstyle="butt"
            )
            ax.plot(
                [end],
                [yy],
                linestyle="",
                marker=s["marker"],
                markersize=6.5,
                markeredgewidth=1.3,
                zorder=3,
                markerfacecolor="white" if r.subject in hollow else s["color"],
                markeredgecolor=s["color"],
            )
            ax.annotate(
                plain(r.figure),
                (end, yy),
                xytext=(6, 0),
                textcoords="offset points",
                va="center",
                fontsize=7.5,
            )
        ticks.append((y + max(rows) / 2, cat))
        y += max(rows) + 1.8
        ax.axhline(y - 0.9, color="#DDDDDD", lw=0.6, zorder=0)
    ax.set_yticks([p for p, _ in ticks], [plain(c) for _, c in ticks])
    ax.set_ylim(max(y - 0.9, 1), -0.9)
    ax.tick_params(axis="y", length=0)
    return y


def legend_below(fig, handles: list, ncol: int = 2, title: str | None = None) -> None:
    """A legend under the plot and above the source line; the bottom margin grows to hold it.
    Call after the figure has its final height and before style.source_line."""
    h = fig.get_figheight()
    rows = -(-len(handles) // ncol) + (1 if title else 0)
    fig.subplots_adjust(bottom=(0.95 + 0.19 * rows) / h)
    fig.legend(
        handles=handles,
        loc="lower left",
        bbox_to_anchor=(0.01, 0.28 / h),
        ncol=ncol,
        fontsize=8,
        title=title,
        title_fontsize=8,
        alignment="left",
    )


def one_per_claim(events: pd.DataFrame, statements: pd.DataFrame) -> pd.DataFrame:
    """One row per claim, counted by the book's one rule (kharkiv.counts.claims: a claim and its figure are one
    claim), with kind ('event' or 'figure') and claimant_side added: the event's where the claim is an event's,
    else its first figure's. Columns: key (event or figure id), verification, kind, claimant_side."""
    key = statements["event_id"].astype("string").fillna(statements["statement_id"].astype("string"))
    info = pd.concat(
        [
            events.assign(key=events["event_id"], kind="event"),
            statements.assign(key=key, kind="figure"),
        ]
    )[["key", "verification", "kind", "claimant_side"]].astype(str)
    info = info.drop_duplicates(["key", "verification"])  # the first telling names the side
    return counts.claims(events, statements).merge(
        info, on=["key", "verification"], how="left", validate="1:1"
    )


def spread_groups(spread_: pd.DataFrame, st: pd.DataFrame, place_names: dict) -> list[dict]:
    """Rows of spread() as the rows of charts.disagreement: label, numeric reports, and every report of the same
    measure, place and period given only in words (whoever it counts: a word has no place on the scale, but it
    must not be left out)."""
    out = []
    by_id = st.set_index("statement_id", drop=False)
    for r in spread_.itertuples():
        members = (
            by_id.loc[r.statement_ids.split("; ")]
            .reset_index(drop=True)
            .sort_values(["claimant", "statement_id"], key=series_key)
        )
        nums = members[members["low"].notna()]
        same = (
            (st["measure"] == r.measure)
            & (st["place_id"].astype(str) == str(r.place_id))
            & (st["period_start"] == r.period_start)
            & (st["period_end"] == r.period_end)
            & st["low"].isna()
        )
        words = st[same].sort_values(["claimant", "statement_id"], key=series_key)
        out.append(
            {
                "label": textwrap.fill(
                    f"{subject_name(r.subject)} {r.measure}, {place_names.get(r.place_id, r.place_id)}", 30
                )
                + f"\n{period_text(r.period_start, r.period_end)}",
                # one dot per distinct number of each official: a report repeated word for word adds no dot
                "numbers": pd.DataFrame(
                    {
                        "who": _names(nums),
                        "low": nums["low"].astype(float).to_numpy(),
                        "high": nums["high"].astype(float).to_numpy(),
                        "civilians": (nums["subject"].astype(str) != "people").to_numpy(),
                    }
                )
                .drop_duplicates()
                .reset_index(drop=True),
                "words": list(
                    dict.fromkeys(
                        f"{f} of {s} ({w})"
                        for f, s, w in zip(
                            words["figure"], words["subject"].astype(str), _names(words), strict=False
                        )
                    )
                ),
            }
        )
    return out


def _names(df: pd.DataFrame) -> list[str]:
    return [
        NO_ONE if str(s) == "unattributed" else str(c)
        for c, s in zip(df["claimant"], df["claimant_side"], strict=False)
    ]


def subject_name(subject) -> str:
    """'russian military' -> 'Russian forces'; other subjects ('civilians') as they are."""
    return SUBJECT_NAMES.get(str(subject), str(subject))
