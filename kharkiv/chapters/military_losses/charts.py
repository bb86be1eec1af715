"""The military-losses chapter's charts. Each draws a bounded number of marks at any size of the data, and its
title states what it shows; the figures they draw come from kharkiv.model.losses."""

import textwrap

import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from kharkiv.chapters.military_losses.facts import crosstab, figure_with_unit, share_text
from kharkiv.model.losses import (
    COMPUTED,
    FORCES,
    TOP,
    TOP_UNITS,
    charted_units,
    phase_groups,
    ua_on_ru,
)
from kharkiv.plots import charts, claim_lanes, style
from kharkiv.text import prose, wording


def crosstab_chart(losses_: pd.DataFrame):
    """The heatmap of crosstab(); its title gives the share of Ukrainian claims about Russian losses."""
    share = len(ua_on_ru(losses_)) / max(len(losses_), 1)
    fig = charts.count_heatmap(
        crosstab(losses_),
        f"{share:.0%} of the figures for military losses are Ukrainian claims about Russian losses",
        "Who speaks of whose losses",
        "What was counted",
        row_height=0.27,
    )
    style.source_line(fig)
    return fig


def _distinct(df: pd.DataFrame, cols: list[str]) -> pd.DataFrame:
    """One row per distinct value (many reports of the same share draw one mark)."""
    return df.drop_duplicates(cols)


def _range_marks(ax, y: float, lows, highs, color: str, marker: str, **kw) -> None:
    lo, hi = min(lows), max(highs)
    if hi > lo:
        ax.plot([lo, hi], [y, y], color=color, lw=6, alpha=0.45, solid_capstyle="butt")
    xs = sorted(set(lows) | set(highs))
    ax.plot(xs, [y] * len(xs), linestyle="", marker=marker, color=color, zorder=3, **kw)


def _label(ax, x: float, y: float, text: str, **kw) -> None:
    ax.annotate(
        style.plain(text), (x, y), xytext=(6, 0), textcoords="offset points", va="center", fontsize=8.5, **kw
    )


def _many(texts: list[str], low: float, high: float, noun: str) -> str:
    """The label of a unit's marks: the figure itself, or 'n figures, lo–hi%' when there are several."""
    if len(texts) == 1:
        return texts[0]
    return f"{prose.count(len(texts), noun, words=True)}, {share_text(low, high)}"


def _stated_handles(stated: pd.DataFrame) -> list:
    handles = []
    for side, d in stated.groupby("claimant_side", sort=True, observed=True):
        whos = list(dict.fromkeys(d["who"]))
        label = (
            f"share stated by {whos[0]}"
            if len(whos) == 1
            else f"share stated by {len(whos):,} {side} sources"
        )
        handles.append(
            Line2D(
                [],
                [],
                linestyle="",
                marker="<",
                color=style.SIDE_COLOURS[str(side)],
                markersize=7,
                label=label,
            )
        )
    return handles


def unit_chart(stated: pd.DataFrame, computed: pd.DataFrame, top: int = TOP_UNITS):
    """Per unit, the stated shares of strength lost (coloured by the side that states them) and the shares computed
    from a stated loss and a stated strength (grey). Each distinct value draws one mark, so repeated reports do not
    pile up; at most `top` units (those with the highest shares) are drawn, and the title says so."""
    units = charted_units(stated, computed)
    peak = pd.concat([stated[["unit_name", "high"]], computed[["unit_name", "high"]]]).groupby("unit_name")[
        "high"
    ]
    shown = units
    if len(units) > top:
        best = peak.max().astype(float).sort_values(ascending=False, kind="stable").index[:top]
        shown = [u for u in units if u in set(best)]
    fig, ax = style.figure(figsize=(style.WIDTH, 2.6 + 0.75 * max(len(shown), 1)))
    y = {u: i for i, u in enumerate(shown)}
    for unit, d in stated[stated["unit_name"].isin(shown)].groupby("unit_name", sort=True):
        d = _distinct(d, ["low", "high", "figure", "claimant_side"])
        for side, s in d.groupby("claimant_side", sort=True, observed=True):
            _range_marks(
                ax,
                y[unit] - 0.15,
                list(s["low"]),
                list(s["high"]),
                style.SIDE_COLOURS[str(side)],
                "<",
                markersize=7,
            )
        texts = [f + "%" if pd.notna(v) else f for f, v in zip(d["figure"], d["value"], strict=True)]
        _label(ax, d["high"].max(), y[unit] - 0.15, _many(texts, d["low"].min(), d["high"].max(), "figure"))
    for unit, d in computed[computed["unit_name"].isin(shown)].groupby("unit_name", sort=True):
        d = _distinct(d, ["low", "high", "lost", "strength"])
        _range_marks(
            ax,
            y[unit] + 0.2,
            list(d["low"]),
            list(d["high"]),
            COMPUTED,
            "|",
            markersize=11,
            markeredgewidth=2.5,
        )
        texts = [f"{share_text(r.low, r.high)} ({r.lost} of {r.strength})" for r in d.itertuples()]
        _label(
            ax,
            d["high"].max(),
            y[unit] + 0.2,
            _many(texts, d["low"].min(), d["high"].max(), "computation"),
            color="#333333",
        )
    high = max([105.0, *computed["high"], *stated["high"].astype(float)])
    ax.set_xlim(0, high * 1.85)
    step = 25 * -(
        -int(high) // 125
    )  # 0, 25, … 100 at most shares; fewer, wider steps if a share is far larger
    ax.set_xticks(list(range(0, int(high) + 1, step)))
    ax.set_yticks(range(len(shown)), [style.plain(textwrap.fill(u, 30)) for u in shown])
    ax.set_ylim(len(shown) - 0.4, -0.6)
    cut = (
        f" (the {len(shown)} of {len(units):,} units with the highest shares)"
        if len(shown) < len(units)
        else ""
    )
    ax.set_xlabel(f"Share of the unit's strength lost (%){cut}")
    style.title(
        ax,
        f"Captured documents put Russian units' losses at {stated['low'].min():.0f}% to "
        f"{stated['high'].max():.0f}% of their strength",
    )
    computed_handle = Line2D(
        [],
        [],
        linestyle="",
        marker="|",
        color=COMPUTED,
        markersize=11,
        markeredgewidth=2.5,
        label="computed here: losses ÷ strength, both as claimed",
    )
    claim_lanes.legend_below(fig, [*_stated_handles(stated), computed_handle], ncol=1)
    style.source_line(fig)
    return fig


def _number_tick(v: float, _pos) -> str:
    """A tick as the prose writes the number; a module-level function, so that the figure can be copied
    (pickled) for its phone rendering, which a lambda would prevent."""
    return wording.number(v)


def _bars(ax, d: pd.DataFrame) -> None:
    ypos = list(range(len(d)))
    colours = [style.SIDE_COLOURS[str(s)] for s in d["claimant_side"]]
    low, high = d["low"].fillna(0).astype(float), d["high"].astype(float)
    ax.barh(ypos, low, color=colours, height=0.6)
    ranged = (high > low).fillna(False).to_numpy()
    if ranged.any():
        ax.barh(
            [p for p, r in zip(ypos, ranged, strict=True) if r],
            (high - low)[ranged],
            left=low[ranged],
            color="white",
            edgecolor=[c for c, r in zip(colours, ranged, strict=True) if r],
            hatch="///",
            height=0.6,
        )
    for p, r in zip(ypos, d.itertuples(), strict=True):
        x = 0 if pd.isna(r.high) else float(r.high)
        _label(ax, x, p, figure_with_unit(r.value, r.value_high, r.qualifier, r.unit))
    labels = [
        f"{m}{'' if s == 'russian military' else ' (' + FORCES[s] + ')'}: {c} ({v})"
        for m, s, c, v in zip(d["measure"], d["subject"], d["claimant"], d["verification"], strict=True)
    ]
    ax.set_yticks(ypos, [style.plain(lab) for lab in labels], fontsize=8.5)
    top = high.max() if high.notna().any() else 1
    ax.set_xlim(0, max(float(top), 1) * 1.3)
    ax.xaxis.set_major_locator(MaxNLocator(4))
    ax.xaxis.set_major_formatter(_number_tick)


def phase_chart(d: pd.DataFrame, top: int = TOP):
    """One bar per figure, in panels by what is counted (people, equipment, other units), the `top` largest per
    panel; a panel that leaves figures out says how many it shows. The title gives the largest toll of people."""
    groups = phase_groups(d, top)
    if not groups:
        raise ValueError("phase_chart: no figures in the phase; leave the chart out")
    heights = [len(g) for _, g, _ in groups]
    row = 0.42  # inches per bar
    fig, axes = style.figure(
        len(groups),
        1,
        figsize=(style.WIDTH, 2.2 + row * sum(heights) + 0.85 * (len(groups) - 1)),
        # hspace is a share of the mean panel height: about 0.85 in between panels, for the axis and its label
        gridspec_kw={"height_ratios": heights, "hspace": 0.85 / (row * sum(heights) / len(groups))},
        squeeze=False,
    )
    fig.subplots_adjust(left=0.42)
    for ax, (name, g, n) in zip(axes[:, 0], groups, strict=True):
        _bars(ax, g)
        unit = "count, as claimed" if name in ("People", "Equipment") else "as claimed"
        shown = f"; the {len(g)} largest of {n:,} figures" if len(g) < n else ""
        ax.set_xlabel(style.plain(f"{name} ({unit}{shown})"))
    first = groups[0][1]
    best = first.dropna(subset=["high"]).iloc[-1] if first["high"].notna().any() else first.iloc[-1]
    style.title(
        axes[0, 0],
        f"{best['who']} claimed {best['figure']} {best['measure']} among {FORCES[best['subject']]} "
        "in the first days of the counteroffensive",
    )
    sides = set(d["claimant_side"].astype(str))
    handles = [
        Patch(color=c, label=charts.SIDE_LABELS[s]) for s, c in style.SIDE_COLOURS.items() if s in sides
    ]
    claim_lanes.legend_below(fig, handles, ncol=2)
    style.source_line(fig)
    return fig
