"""Chart builders for the harm, losses and claims chapters. Each takes prepared tables (kharkiv.model.harm and
kharkiv.model.tolls for the tolls and strikes, the rows of disagreement from kharkiv.text.harm_text and
kharkiv.text.claims_text) and returns the figure; its title states what the chart shows about the battle, computed
from the data.

Colour encodes at most style.MAX_CATEGORIES categories (the rest grouped as 'other'); every axis has one unit.
"""

import textwrap
from functools import partial

import matplotlib.ticker as mticker
import pandas as pd
import seaborn as sns
from matplotlib.lines import Line2D
from matplotlib.transforms import blended_transform_factory

from kharkiv.plots import style, time_axis
from kharkiv.plots.style import plain

OTHER = "other"
HOLLOW_FACE = "none"


def top_categories(values: pd.Series, n: int = style.MAX_CATEGORIES) -> pd.Series:
    """Values with all but the n-1 most frequent grouped as 'other' (all kept when there are at most n)."""
    values = values.astype(str)
    counts = values.value_counts().sort_index().sort_values(ascending=False, kind="stable")
    if len(counts) <= n:
        return values
    keep = set(counts.index[: n - 1])
    return values.where(values.isin(keep), OTHER)


def palette(names: list[str]) -> dict[str, str]:
    """One Okabe-Ito colour per name, in order ('other' grey)."""
    colours = [c for c in style.OKABE_ITO if c != "#F0E442"]  # yellow is too light on white
    out, k = {}, 0
    for n in names:
        if n == OTHER:
            out[n] = style.GREY
        else:
            out[n] = colours[k % len(colours)]
            k += 1
    return out


def legend_below(fig, handles, ncol: int = 2) -> None:
    """A legend under the axes, inside the figure (the figure grows downwards in the saved image)."""
    fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.0, 0.0), ncol=ncol, frameon=False)


SIDE_LABELS = {
    "Ukrainian": "Ukrainian official or body",
    "Russian": "Russian official or body",
    "third party": "outlet, monitor or group outside the war",
    "unattributed": "a source naming no one",
}


def _side_handles(sides) -> list[Line2D]:
    return [
        Line2D([], [], marker="o", ls="none", color=style.SIDE_COLOURS[s], label=SIDE_LABELS[s])
        for s in style.SIDE_COLOURS
        if s in set(sides)
    ]


def tolls_over_time(tolls: pd.DataFrame, phases: pd.DataFrame, title: str):
    """Two panels (killed, wounded): each report of people killed or wounded in the city at the end of the period
    it covers. Colour: the side of who reported it; hollow: the source does not say the people were civilians;
    square and dashed line: a running total since the first day of the war; triangle on the bottom edge: a
    figure given only in words. Linear scale, one unit (people)."""
    fig, axes = style.figure(2, 1, sharex=True, figsize=(style.WIDTH, 6.2))
    xlim = (
        phases["start_date"].min() - pd.Timedelta(days=3),
        phases["end_date"].max() + pd.Timedelta(days=3),
    )
    for ax, measure in zip(axes, ["killed", "wounded"], strict=True):
        rows = tolls[tolls["measure"] == measure]
        time_axis.shade_phases(ax, phases, label=ax is axes[0])
        for r in rows[rows["value"].notna()].itertuples():
            colour = style.SIDE_COLOURS[str(r.claimant_side)]
            if r.period_end > r.period_start:
                ax.plot(
                    [r.period_start, r.period_end],
                    [r.low, r.low],
                    color=colour,
                    lw=1.1,
                    ls="--" if r.cumulative else "-",
                    zorder=2,
                )
            if r.high > r.low:
                ax.plot([r.period_end, r.period_end], [r.low, r.high], color=colour, lw=1.3, zorder=2)
            ax.plot(
                r.period_end,
                r.low,
                marker="s" if r.cumulative else "o",
                ms=6.5,
                ls="none",
                zorder=3,
                mfc=colour if r.status == "civilians" else "white",
                mec=colour,
                mew=1.4,
            )
        edge = blended_transform_factory(ax.transData, ax.transAxes)
        for r in rows[rows["value"].isna()].itertuples():
            ax.plot(
                r.period_end,
                0.03,
                marker="^",
                ms=7,
                ls="none",
                transform=edge,
                clip_on=False,
                zorder=3,
                color=style.SIDE_COLOURS[str(r.claimant_side)],
            )
        # a linear scale (issue 24): a reader compares the tolls as counts of people, not as orders of magnitude
        ax.yaxis.set_major_formatter(mticker.StrMethodFormatter("{x:,.0f}"))
        if rows["value"].notna().any():
            ax.set_ylim(0, float(rows["high"].max()) * 1.15)
        ax.set_ylabel(f"People {measure}")
        ax.set_xlim(*xlim)
    time_axis.month_axis(axes[1])
    axes[1].tick_params(axis="x", labelsize=8.5)
    style.title(axes[0], title, pad=34)  # above the two rows of phase names
    handles = [
        *_side_handles(tolls["claimant_side"].astype(str)),
        Line2D(
            [],
            [],
            marker="o",
            ls="none",
            mfc="white",
            mec="#555555",
            label="people, civilian status not stated",
        ),
        Line2D([], [], marker="s", ls="--", color="#555555", label="running total since 24 February"),
        Line2D([], [], marker="^", ls="none", color="#555555", label="given only in words (“dozens”)"),
    ]
    fig.subplots_adjust(hspace=0.12, bottom=0.16)
    fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.07, 0.085), ncol=3, fontsize=8)
    return fig


def disagreement(groups: list[dict], title: str, unit: str = "People"):
    """One row per day or attack with reports from several officials: each numeric report a dot in its
    official's colour, the span from lowest to highest behind them, and the reports given only in words written
    in the row, so that no report is left out. groups: dicts with label, numbers (DataFrame with who, low,
    high, civilians), words (list of 'figure (who)')."""
    names = sorted({w for g in groups for w in g["numbers"]["who"].astype(str)})
    grouped = dict(zip(names, top_categories(pd.Series(names)), strict=True))
    if len(set(grouped.values())) < len(names):  # more officials than colours: the rarest share 'other'
        counts = pd.Series([w for g in groups for w in g["numbers"]["who"].astype(str)]).value_counts()
        keep = set(
            counts.sort_index().sort_values(ascending=False, kind="stable").index[: style.MAX_CATEGORIES - 1]
        )
        grouped = {n: n if n in keep else OTHER for n in names}
    colours = {n: c for n, c in palette([*sorted(set(grouped.values()) - {OTHER}), OTHER]).items()}
    colours = {n: colours[grouped[n]] for n in names} | {OTHER: style.GREY}
    fig, ax = style.figure(figsize=(style.WIDTH, 1.6 + 0.85 * max(len(groups), 1)))
    fig.subplots_adjust(left=0.3)  # room for the row labels inside the chart's width
    top = max([float(g["numbers"]["high"].max()) for g in groups if len(g["numbers"])] + [1.0])
    for y, g in enumerate(groups):
        nums = g["numbers"]
        if len(nums):
            ax.plot(
                [nums["low"].min(), nums["high"].max()],
                [y, y],
                color="#CCCCCC",
                lw=9,
                solid_capstyle="round",
                zorder=1,
            )
        for k, r in enumerate(nums.itertuples()):
            dy = (k - (len(nums) - 1) / 2) * 0.12
            c = colours[str(r.who)]
            if r.high > r.low:
                ax.plot([r.low, r.high], [y + dy] * 2, color=c, lw=1.6, zorder=2)
            ax.plot(
                r.low,
                y + dy,
                marker="o",
                ms=8,
                ls="none",
                zorder=3,
                mec=c,
                mew=1.6,
                mfc=c if r.civilians else "white",
            )
        if g["words"]:
            note = ax.annotate(
                textwrap.fill(plain("in words: " + "; ".join(g["words"])), 80),
                (0, y),
                xytext=(3, -13),
                textcoords="offset points",
                fontsize=8,
                ha="left",
                va="top",
                color="#333333",
            )
            note._kharkiv_keep = True  # every report is shown: a phone rewraps the note, never cuts it
    ax.set_yticks(range(len(groups)), [plain(g["label"]) for g in groups])
    ax._kharkiv_narrow = partial(
        disagreement_narrow,
        labels=[plain(g["label"]) for g in groups],
        reports=[len(g["numbers"]) for g in groups],
    )
    # room under the last row for its 'in words' note, so the note never prints over the x-axis
    last = groups[-1]["words"] if groups else []
    lines = len(textwrap.fill(plain("in words: " + "; ".join(last)), 80).splitlines()) if last else 0
    ax.set_ylim(len(groups) - 0.4 + 0.3 * lines, -0.6)
    ax.set_xlim(0, top * 1.1)
    ax.set_xlabel(f"{unit} (count)")
    style.title(ax, title)
    shown = sorted(set(grouped.values()) - {OTHER}) + ([OTHER] if OTHER in grouped.values() else [])
    handles = [Line2D([], [], marker="o", ls="none", color=colours[n], label=plain(n)) for n in shown]
    handles.append(
        Line2D(
            [],
            [],
            marker="o",
            ls="none",
            mfc="white",
            mec="#555555",
            label="hollow: the source says people, not civilians",
        )
    )
    fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.0, 0.02), ncol=2, fontsize=8)
    return fig


def disagreement_narrow(ax, min_pt: float, labels: list[str], reports: list[int]) -> None:
    """disagreement() for a phone's column: each row's name above its dots, the axes the column's full width, the
    'in words' notes rewrapped whole under their dots, and each row as tall as its name and note need."""
    fig = ax.get_figure()
    n = len(labels)
    ax.set_yticks(range(n), [""] * n)
    ax.tick_params(axis="y", length=0)
    chars = int((style.NARROW_WIDTH * 72 - 24) / (min_pt * 0.6))
    names = [textwrap.fill(lab, chars) for lab in labels]
    notes = {round(t.xy[1]): t for t in ax.texts if getattr(t, "_kharkiv_keep", False)}
    for t in notes.values():
        t.set_text(textwrap.fill(" ".join(t.get_text().split()), chars))
        t.set_fontsize(min_pt)
    line = min_pt * 1.25
    name_lines = max((len(x.splitlines()) for x in names), default=1)
    note_lines = max((len(t.get_text().splitlines()) for t in notes.values()), default=0)
    spread = max(reports, default=1) - 1
    pitch = 40.0  # points between rows; the dots of a row spread over 0.12 of it each
    for _ in range(4):
        reach = 0.06 * spread * pitch + 5  # from a row's centre to the edge of its outermost dot
        above = reach + 4 + name_lines * line + 2
        below = reach + 3 + note_lines * line + 8
        pitch = max(pitch, above + below)
    for y, name in enumerate(names):
        ax.annotate(
            name,
            (0, y),
            xycoords=("axes fraction", "data"),
            xytext=(0, reach + 4),
            textcoords="offset points",
            fontsize=min_pt,
            fontweight="bold",
            ha="left",
            va="bottom",
        )
        if y in notes:
            notes[y].xyann = (3, -(reach + 3))
    ax.set_ylim(n - 1 + below / pitch, -above / pitch)
    ax._kharkiv_min_height = ((n - 1) * pitch + above + below) / 72
    fig.set_size_inches(fig.get_figwidth(), ax._kharkiv_min_height + 2.2)  # style grows it if short


def _counts(ax, t: pd.DataFrame, fontsize: float) -> None:
    """The cells of a count heatmap: each count written in it ('1,300', as the prose writes it), zeros blank."""
    sns.heatmap(
        t,
        annot=t.astype(int).map(lambda v: f"{v:,}").to_numpy(),
        fmt="",
        cmap=sns.light_palette("#0072B2", as_cmap=True),
        cbar=False,
        linewidths=0.6,
        linecolor="white",
        ax=ax,
        annot_kws={"fontsize": fontsize},
        mask=t.to_numpy() == 0,
    )


def count_heatmap(table: pd.DataFrame, title: str, xlabel: str, ylabel: str, row_height: float = 0.34):
    """Heatmap of counts (rows x columns) with the count in each cell; rows and columns with no count are left out
    (they would be empty), zero cells are blank."""
    t = table.loc[table.sum(axis=1) > 0, table.sum(axis=0) > 0]
    fig, ax = style.figure(figsize=(style.WIDTH, 1.8 + row_height * max(len(t), 1)))
    if t.empty:
        ax.set_axis_off()
    else:
        _counts(ax, t, 8.5)
        ax.set_xticklabels(
            [plain(c) for c in t.columns],
            rotation=35 if t.shape[1] > 4 else 0,
            ha="right" if t.shape[1] > 4 else "center",
        )
        ax.set_yticklabels([plain(i) for i in t.index], rotation=0)
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        ax.tick_params(length=0)
        if t.shape[1] > 4:  # a phone turns it a quarter: the many columns become rows
            ax._kharkiv_narrow = partial(heatmap_narrow, table=t)
    style.title(ax, title)
    return fig


def heatmap_narrow(ax, min_pt: float, table: pd.DataFrame) -> None:
    """count_heatmap for a phone's column, transposed: one row per former column, the few former rows across,
    their names wrapped and upright-turned at the top."""
    titles = {loc: ax.get_title(loc) for loc in ("left", "center", "right")}
    xlabel, ylabel = ax.get_xlabel(), ax.get_ylabel()
    ax.cla()
    t = table.T
    _counts(ax, t, min_pt)
    ax.xaxis.tick_top()
    ax.xaxis.set_label_position("top")
    ax.set_xticklabels([plain(c) for c in t.columns], rotation=90, ha="center", va="bottom")
    ax.set_yticklabels([textwrap.fill(plain(i), 16) for i in t.index], rotation=0)
    ax.set_xlabel(ylabel, fontsize=min_pt)
    ax.set_ylabel(xlabel, fontsize=min_pt)
    ax.tick_params(length=0, labelsize=min_pt)
    fig = ax.get_figure()
    fig.set_size_inches(fig.get_figwidth(), 3.2 + 0.3 * len(t))
    for loc, text in titles.items():  # the title starts where the axes do, right of the row names
        if text:
            ax.set_title(textwrap.fill(" ".join(text.split()), 24), loc=loc)


# Plain groups for the weapons the sources name at different levels of detail (a Kalibr is a missile; a Grad is a
# multiple rocket launcher): a row for each would count one kind of weapon twice over.
WEAPON_GROUPS = {
    "missile (cruise or ballistic)": ("missile", "kalibr", "iskander"),
    "multiple rocket launcher": ("multiple rocket launcher", "grad", "smerch", "uragan", "mlrs"),
}


def weapon_group(name: str) -> str:
    low = str(name).lower()
    for group, words in WEAPON_GROUPS.items():
        if any(w in low for w in words):
            return group
    return str(name)


def group_weapons(table: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """The weapon-by-target counts with the weapons grouped (WEAPON_GROUPS), first-seen order kept, and a note
    saying which names each group holds ('' when nothing was grouped)."""
    groups = pd.Series([weapon_group(w) for w in table.index], index=table.index)
    grouped = table.groupby(groups.to_numpy(), sort=False).sum()
    merged = {
        g: list(groups.index[groups == g])
        for g in grouped.index
        if (groups == g).sum() > 1 or g not in groups.index
    }
    note = "; ".join(f"{g}: " + ", ".join(f"“{plain(n)}”" for n in names) for g, names in merged.items())
    return grouped, (f"Grouped, as the sources name them: {note}" if note else "")


def weapon_target(table: pd.DataFrame, title: str):
    """Strikes by weapon (rows, the sources' names grouped into plain categories, said in a note) and target."""
    grouped, note = group_weapons(table)
    fig = count_heatmap(grouped, title, "What was hit (as the source says)", "Weapon")
    if note:  # under the chart, above the source line (which goes below everything)
        fig.draw_without_rendering()
        box = fig.get_tightbbox(fig._get_renderer())
        y = (box.y0 - 0.04) / fig.get_figheight()
        fig.text(
            box.x0 / fig.get_figwidth(), y, textwrap.fill(note, 110), fontsize=8, color="#333333", va="top"
        )
    return fig
