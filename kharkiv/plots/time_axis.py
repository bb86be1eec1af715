"""Time-axis helpers shared by chapters."""

import textwrap
from functools import partial

import matplotlib.dates as mdates
import matplotlib.ticker as mticker
import numpy as np
import pandas as pd

from kharkiv.model.periods import phase_label
from kharkiv.text import event_types, prose

PHASE_SHADES = ["#F2F2F2", "#FFFFFF"]


def shade_phases(ax, phases: pd.DataFrame, label: bool = True) -> None:
    """Shade alternate phases on a date x-axis and name each phase at the top, by name, not number: odd and even
    phases on two rows so that short phases' names do not meet; the first and last kept inside the axes."""
    ordered = phases.sort_values("order")
    for k, p in enumerate(ordered.itertuples()):
        start, end = p.start_date, p.end_date + pd.Timedelta(days=1)
        ax.axvspan(start, end, color=PHASE_SHADES[k % 2], zorder=0, lw=0)
        ax.axvline(start, color="#BBBBBB", lw=0.6, zorder=0)
        if label:
            first, last = k == 0, k == len(ordered) - 1
            ax.text(
                start if first else end if last else start + (end - start) / 2,
                1.01 + 0.07 * (k % 2),
                p.name,
                transform=ax.get_xaxis_transform(),
                ha="left" if first else "right" if last else "center",
                va="bottom",
                fontsize=8,
                color="#444444",
                gid=PHASE_NAME,
            )
        # on a phone the names cannot all fit above the bands: the phone copy leaves them to the full-size chart
        if getattr(ax, "_kharkiv_narrow", None) is None:
            ax._kharkiv_narrow = _without_phase_names


PHASE_NAME = "kharkiv-phase-name"  # the gid of a phase's name above a chart


def _without_phase_names(ax, min_pt: float) -> None:
    """A phone's copy of a chart with named phase bands: the bands stay, their names (which would overprint each
    other and the title at a phone's text size) are left to the full-size chart the image opens."""
    for text in [t for t in ax.texts if t.get_gid() == PHASE_NAME]:
        text.remove()


def month_axis(ax) -> None:
    ax.xaxis.set_major_locator(mdates.MonthLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))


def key_event_chart(
    ax, events: pd.DataFrame, keys: pd.DataFrame, phases: pd.DataFrame, colours: dict
) -> None:
    """Every event as a tick on its first day, one row per event type, phases shaded and named; the key events
    numbered (1, 2, ...) above the rows, in date order, so the text below the chart can name them."""
    kinds = list(events["event_type"].cat.categories)
    shade_phases(ax, phases, label=False)
    for y, kind in enumerate(reversed(kinds)):
        rows = events[events["event_type"] == kind]
        ax.scatter(
            rows["start_date"], [y] * len(rows), marker="|", s=160, lw=1.4, color=colours[kind], zorder=3
        )
    top = len(kinds) - 0.2
    numbered = keys.assign(n=range(1, len(keys) + 1)).groupby("start_date")["n"]
    for k, (day, ns) in enumerate(numbered):
        ax.annotate(
            ",".join(map(str, ns)),
            (day, top),
            xytext=(0, 6 + 12 * (k % 2)),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=9,
            fontweight="bold",
            arrowprops={"arrowstyle": "-", "color": "#444444", "lw": 0.8},
            zorder=5,
        )
    ordered = phases.sort_values("order")
    for k, p in enumerate(
        ordered.itertuples()
    ):  # phase names on two rows, the first and last inside the axes
        end = p.end_date + pd.Timedelta(days=1)
        first, last = k == 0, k == len(ordered) - 1
        x = p.start_date if first else end if last else p.start_date + (end - p.start_date) / 2
        ha = "left" if first else "right" if last else "center"
        ax.text(x, -0.75 - 0.55 * (k % 2), p.name, ha=ha, va="top", fontsize=9, color="#444444")
    ax.set_yticks(range(len(kinds)), list(reversed(kinds)), fontsize=9)
    ax.set_ylim(-1.9, len(kinds) + 1.2)
    ax.set_xlim(phases["start_date"].min(), phases["end_date"].max() + pd.Timedelta(days=1))
    month_axis(ax)
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0)
    # a phone draws this chart again in its own layout (style.narrow_figure calls it on the copy)
    ax._kharkiv_narrow = partial(
        key_event_chart_narrow, events=events, keys=keys, phases=phases, colours=colours
    )


NEAR_DAYS = 12  # key events closer than this share one label on a phone (about 16 px apart at 330 px)


def _key_groups(keys: pd.DataFrame) -> list[tuple[pd.Timestamp, pd.Timestamp, str]]:
    """The key events in date order, numbered 1, 2, ... and grouped while each is within NEAR_DAYS of the one
    before: (first day, last day, "1–4" or "5, 6" or "7")."""
    days = list(keys["start_date"].reset_index(drop=True))
    groups, start = [], 0
    for i in range(1, len(days) + 1):
        if i == len(days) or (days[i] - days[i - 1]).days >= NEAR_DAYS:
            first, last = start + 1, i
            label = (
                str(first)
                if first == last
                else f"{first}, {last}"
                if last == first + 1
                else f"{first}–{last}"
            )
            groups.append((days[start], days[i - 1], label))
            start = i
    return groups


def key_event_chart_narrow(ax, min_pt: float, events, keys, phases, colours) -> None:
    """key_event_chart for a phone's column: each row named above its ticks (the time axis gets the whole
    width), nearby key events under one label ("1–4"), the phases named one a line below the axis, each beside a
    bar spanning its days, and a tick every other month."""
    titles, xlabel = {loc: ax.get_title(loc) for loc in ("left", "center", "right")}, ax.get_xlabel()
    ax.cla()
    kinds = list(events["event_type"].cat.categories)
    lo, hi = phases["start_date"].min(), phases["end_date"].max() + pd.Timedelta(days=1)
    span = hi - lo
    shade_phases(ax, phases, label=False)
    row = 1.6  # a row's ticks and its name above them
    for k, kind in enumerate(reversed(kinds)):
        y = k * row
        rows = events[events["event_type"] == kind]
        ax.scatter(
            rows["start_date"], [y] * len(rows), marker="|", s=110, lw=1.2, color=colours[kind], zorder=3
        )
        ax.text(lo, y + 0.42, str(kind), fontsize=min_pt, va="bottom", ha="left", color="#222222", zorder=4)
    top = len(kinds) * row - 0.2
    for first, last, label in _key_groups(keys):
        for day in keys["start_date"][(keys["start_date"] >= first) & (keys["start_date"] <= last)].unique():
            ax.plot([day, day], [top - 0.35, top + 0.15], color="#444444", lw=0.9, zorder=5)
        mid = first + (last - first) / 2
        ha = "left" if mid - lo < span * 0.06 else "right" if hi - mid < span * 0.06 else "center"
        x = first if ha == "left" else last if ha == "right" else mid
        ax.text(x, top + 0.25, label, ha=ha, va="bottom", fontsize=min_pt + 0.75, fontweight="bold", zorder=5)
    ordered = phases.sort_values("order")
    for k, p in enumerate(ordered.itertuples()):  # one phase a line, its name beside or above its bar
        y = -1.3 - 1.05 * k
        end = p.end_date + pd.Timedelta(days=1)
        ax.plot([p.start_date, end], [y, y], color="#444444", lw=3, solid_capstyle="butt", zorder=3)
        left = (p.start_date - lo) < span * 0.5
        x = p.start_date if left else end
        ax.text(
            x, y + 0.22, p.name, ha="left" if left else "right", va="bottom", fontsize=min_pt, color="#222222"
        )
    ax.set_ylim(-1.3 - 1.05 * len(ordered) + 0.4, top + 1.3)
    ax.set_xlim(lo, hi)
    ax.set_yticks([])
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(3, 5, 7, 9)))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b"))
    ax.tick_params(axis="x", labelsize=min_pt)
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    ax.set_xlabel(xlabel, fontsize=min_pt)
    fig = ax.get_figure()
    fig.set_size_inches(fig.get_figwidth(), 5.2)
    for loc, text in titles.items():
        if text:
            ax.set_title(text, loc=loc, pad=6)


def stacked_days(ax, daily: pd.DataFrame, colours: dict) -> None:
    """Stacked bars of daily_counts(), one colour per event type present."""
    bottom = pd.Series(0, index=daily.index)
    for kind in daily.columns[daily.sum() > 0]:
        ax.bar(daily.index, daily[kind], bottom=bottom, width=0.8, label=kind, color=colours[kind], zorder=2)
        bottom += daily[kind]
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%-d %b"))
    ax.xaxis.set_major_locator(mdates.DayLocator())
    ax.yaxis.get_major_locator().set_params(integer=True)


def phase_mix_chart(ax, stats: pd.DataFrame, shares: pd.DataFrame, colours: dict, count) -> None:
    """One horizontal bar per phase, divided by the share of each event type; shares of 7% or more printed.

    count(n, noun) words the phase's number of events (prose.count)."""

    y = np.arange(len(stats))[::-1]
    left = np.zeros(len(stats))
    on_dark = {"#D55E00", "#0072B2"}
    for kind in shares.columns:
        values = shares[kind].to_numpy()
        ax.barh(y, values, left=left, height=0.62, color=colours[kind], label=event_types.plain(kind))
        for yi, x0, v in zip(y, left, values, strict=False):
            if v >= 0.07:
                colour = "white" if colours[kind] in on_dark else "black"
                ax.text(x0 + v / 2, yi, f"{v:.0%}", ha="center", va="center", fontsize=9, color=colour)
        left += values
    ax.set_yticks(
        y, [f"{phase_label(p)}\n({count(p.events, 'event')})" for p in stats.itertuples()], fontsize=9
    )
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(mticker.PercentFormatter(1.0, decimals=0))
    ax.set_xlabel("Share of the phase's events")
    ax.legend(ncol=1, loc="upper center", bbox_to_anchor=(0.4, -0.22), fontsize=9)


def phase_rate_chart(ax, stats: pd.DataFrame, overall: float, count) -> None:
    """Events per week in each phase, with the whole period's rate as a dashed line."""

    x = range(len(stats))
    ax.bar(x, stats["per_week"], width=0.62, color="#666666", zorder=2)
    top = stats["per_week"].max() * 1.3
    for xi, p in zip(x, stats.itertuples(), strict=False):
        # a label whose two lines would cross the dashed whole-period line sits just above it instead
        crosses = p.per_week < overall < p.per_week + 0.16 * top
        ax.text(
            xi,
            overall + 0.01 * top if crosses else p.per_week,
            f"{p.per_week:.1f} a week\n{count(p.events, 'event')} in {count(p.days, 'day')}",
            ha="center",
            va="bottom",
            fontsize=9,
            zorder=4,
        )
    ax.axhline(overall, color="#000000", lw=1, ls="--", zorder=3, label=f"Whole period: {overall:.1f} a week")
    ax.legend(loc="upper right", fontsize=9)
    ax.set_xticks(list(x), [textwrap.fill(phase_label(p), 16) for p in stats.itertuples()], fontsize=9)
    ax.set_ylim(0, top)
    ax.set_ylabel("Events recorded per week")


REPEATED = "Identical reports (the same figure, from the same person, for the same period) are drawn once"


def repeats_note(ax, shown: pd.DataFrame) -> None:
    """Say under a chart of distinct reports (counts.distinct_reports) how many each bar stands for, if more
    than one: at scale the same report can recur many times, and a bar each would make the chart unreadable."""
    most = int(shown["times"].max()) if len(shown) else 1
    if most > 1:
        ax.annotate(
            prose.wrap(f"{REPEATED}; a bar stands for up to {most:,} reports.", 90),
            (0, 0),
            xycoords="axes fraction",
            xytext=(0, -34),
            textcoords="offset points",
            fontsize=8,
            va="top",
        )
