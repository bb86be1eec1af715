"""Time-axis helpers shared by chapters."""

import matplotlib.dates as mdates
import pandas as pd

from . import prose

PHASE_SHADES = ["#F2F2F2", "#FFFFFF"]


def shade_phases(ax, phases: pd.DataFrame, label: bool = True) -> None:
    """Shade alternate phases on a date x-axis and name each phase at the top."""
    for k, p in enumerate(phases.sort_values("order").itertuples()):
        start, end = p.start_date, p.end_date + pd.Timedelta(days=1)
        ax.axvspan(start, end, color=PHASE_SHADES[k % 2], zorder=0, lw=0)
        ax.axvline(start, color="#BBBBBB", lw=0.6, zorder=0)
        if label:
            ax.text(
                start + (end - start) / 2,
                1.0,
                str(p.order),
                transform=ax.get_xaxis_transform(),
                ha="center",
                va="bottom",
                fontsize=8,
                color="#555555",
            )


def month_axis(ax) -> None:
    ax.xaxis.set_major_locator(mdates.MonthLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))


def phase_of(dates: pd.Series, phases: pd.DataFrame) -> pd.Series:
    """The phase_id each date falls in (NA outside every phase)."""
    out = pd.Series(pd.NA, index=dates.index, dtype="string")
    for p in phases.itertuples():
        out[(dates >= p.start_date) & (dates <= p.end_date)] = p.phase_id
    return out


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
    for p in phases.sort_values("order").itertuples():
        mid = p.start_date + (p.end_date + pd.Timedelta(days=1) - p.start_date) / 2
        ax.text(mid, -0.9, str(p.order), ha="center", va="top", fontsize=9, color="#555555")
    ax.set_yticks(range(len(kinds)), list(reversed(kinds)), fontsize=9)
    ax.set_ylim(-1.3, len(kinds) + 1.2)
    ax.set_xlim(phases["start_date"].min(), phases["end_date"].max() + pd.Timedelta(days=1))
    month_axis(ax)
    ax.spines["left"].set_visible(False)
    ax.tick_params(axis="y", length=0)


def daily_counts(events: pd.DataFrame, start, end) -> pd.DataFrame:
    """Events per day (first day) and type, every day of start..end present, types in schema order."""
    days = pd.date_range(start, end, freq="D")
    table = pd.crosstab(events["start_date"], events["event_type"], dropna=False)
    kinds = list(events["event_type"].cat.categories)
    return table.reindex(index=days, columns=kinds, fill_value=0).fillna(0).astype(int)


def stacked_days(ax, daily: pd.DataFrame, colours: dict) -> None:
    """Stacked bars of daily_counts(), one colour per event type present."""
    bottom = pd.Series(0, index=daily.index)
    for kind in daily.columns[daily.sum() > 0]:
        ax.bar(daily.index, daily[kind], bottom=bottom, width=0.8, label=kind, color=colours[kind], zorder=2)
        bottom += daily[kind]
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%-d %b"))
    ax.xaxis.set_major_locator(mdates.DayLocator())
    ax.yaxis.get_major_locator().set_params(integer=True)


def phase_label(p) -> str:
    return f"{p.order}. {p.name}"


def phase_mix_chart(ax, stats: pd.DataFrame, shares: pd.DataFrame, colours: dict, count) -> None:
    """One horizontal bar per phase, divided by the share of each event type; shares of 7% or more printed.

    count(n, noun) words the phase's number of events (prose.count)."""
    import numpy as np

    y = np.arange(len(stats))[::-1]
    left = np.zeros(len(stats))
    on_dark = {"#D55E00", "#0072B2"}
    for kind in shares.columns:
        values = shares[kind].to_numpy()
        ax.barh(y, values, left=left, height=0.62, color=colours[kind], label=kind)
        for yi, x0, v in zip(y, left, values, strict=False):
            if v >= 0.07:
                colour = "white" if colours[kind] in on_dark else "black"
                ax.text(x0 + v / 2, yi, f"{v:.0%}", ha="center", va="center", fontsize=9, color=colour)
        left += values
    ax.set_yticks(
        y, [f"{phase_label(p)}\n({count(p.events, 'event')})" for p in stats.itertuples()], fontsize=9
    )
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    ax.set_xlabel("Share of the phase's events")
    ax.legend(ncol=2, loc="upper center", bbox_to_anchor=(0.4, -0.22), fontsize=9)


def phase_rate_chart(ax, stats: pd.DataFrame, overall: float, count) -> None:
    """Events per week in each phase, with the whole period's rate as a dashed line."""
    import textwrap

    x = range(len(stats))
    ax.bar(x, stats["per_week"], width=0.62, color="#666666", zorder=2)
    for xi, p in zip(x, stats.itertuples(), strict=False):
        ax.text(
            xi,
            p.per_week,
            f"{p.per_week:.1f} a week\n{count(p.events, 'event')} in {count(p.days, 'day')}",
            ha="center",
            va="bottom",
            fontsize=9,
            zorder=4,
        )
    ax.axhline(overall, color="#000000", lw=1, ls="--", zorder=3, label=f"Whole period: {overall:.1f} a week")
    ax.legend(loc="upper right", fontsize=9)
    ax.set_xticks(list(x), [textwrap.fill(phase_label(p), 16) for p in stats.itertuples()], fontsize=9)
    ax.set_ylim(0, stats["per_week"].max() * 1.3)
    ax.set_ylabel("Events recorded per week")


# --- The assault chapter: its days, its events and the officials' tolls of its deadliest day. ----------------


def top_type(events: pd.DataFrame) -> tuple[str, float]:
    """The most common event type and its share of the events (ties: the first in schema order)."""
    counts = events["event_type"].value_counts(sort=False)
    kind = counts.idxmax()
    return str(kind), float(counts[kind] / counts.sum())


def assault_tolls(t: dict) -> pd.DataFrame:
    """The largest civilian toll of one day or one attack in the assault, with every other report of the same
    thing (tolls.largest_with_rivals), with the claimants' roles."""
    from . import counts, prose, tolls, views

    start, end = counts.window(t["phases"], counts.ASSAULT)
    killed = tolls.single_day_or_attack(tolls.killed(views.statements(t)), start, end)
    return prose.with_roles(tolls.largest_with_rivals(killed), t["claimants"])


def assault_facts(t: dict, events: pd.DataFrame, rivals: pd.DataFrame) -> dict:
    """The assault chapter's own facts, worded (the shared ones come from counts.shared_facts)."""
    from . import counts, links, prose, wording

    start, end = counts.window(t["phases"], counts.ASSAULT)
    day = rivals["period_start"].iloc[0]
    first = links.chronology_href(events["event_id"].iloc[0])
    return {
        "period": prose.capitalise(wording.period_words(start, end)),
        "n_places": prose.count(events["place_id"].nunique(), "place", words=True),
        "toll_day": prose.when(day, day),
        "feb28_spread": prose.spread_text(counts.spread_of(rivals), "civilian", "killed"),
        "feb28_reports": prose.attributed_reports(rivals),
        "first_event": prose.markdown(prose.link_md("the chronology", first)),
    }


def toll_view(rivals: pd.DataFrame) -> dict:
    """The explorer filters that hold a set of tolls: civilians killed, in the tolls' period."""
    day = lambda d: pd.Timestamp(d).strftime("%Y-%m-%d")  # noqa: E731
    return {
        "view": "figures",
        "measure": "killed",
        "subject": "civilians",
        "from": day(rivals["period_start"].min()),
        "to": day(rivals["period_end"].max()),
    }


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


# --- The phases chapter. ------------------------------------------------------------------------------------


def busiest_and_quietest(stats: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """The phases with the most and the fewest events a week (ties: the earlier phase)."""
    busiest = stats.sort_values(["per_week", "order"], ascending=[False, True]).iloc[0]
    quietest = stats.sort_values(["per_week", "order"], ascending=[True, True]).iloc[0]
    return busiest, quietest


def overall_rate(events: pd.DataFrame, stats: pd.DataFrame) -> float:
    """Events a week over all the phases' days."""
    from .counts import DAYS_PER_WEEK

    return len(events) / stats["days"].sum() * DAYS_PER_WEEK


def phase_facts(
    phases: pd.DataFrame, events: pd.DataFrame, stats: pd.DataFrame, shares: pd.DataFrame
) -> dict:
    """The phases chapter's own facts, worded: its span, busiest and quietest phase, and where strikes and
    battles take their largest share."""
    from . import prose

    busiest, quietest = busiest_and_quietest(stats)
    name = stats.set_index("phase_id")["name"]
    remote, battles = shares["Explosions/Remote violence"], shares["Battles"]
    first, last = phases["start_date"].min(), phases["end_date"].max()
    return {
        "n_phases": prose.in_words(len(phases)),
        "first_day": prose.when(first, first),
        "last_day": prose.when(last, last),
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
    """The phases in figures (counts.by_phase), with reader-facing headings."""
    out = stats.assign(phase=[phase_label(p) for p in stats.itertuples()])
    out = out.rename(columns={"start_date": "first day", "end_date": "last day", "per_week": "events a week"})
    out["events a week"] = out["events a week"].round(1)
    return out[["phase", "first day", "last day", "days", "events", "events a week", "places"]]
