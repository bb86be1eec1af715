"""Claims drawn in lanes: one style per claimant, lanes packed without overlap, a legend below."""

import pandas as pd
from matplotlib.lines import Line2D

from kharkiv.data.ids import series_key
from kharkiv.model.claims import SIDES
from kharkiv.plots import style

# Okabe–Ito colours; side colours stay reserved for sides.
VERIFICATION_COLOURS = {
    "reported": "#56B4E9",
    "claimed": "#E69F00",
    "corroborated": "#009E73",
    "disputed": "#CC79A7",
    "refuted": "#000000",
}
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "h", "<", ">", "p", "*"]


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
