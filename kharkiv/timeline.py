"""Time-axis helpers shared by chapters."""

import matplotlib.dates as mdates
import pandas as pd

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
