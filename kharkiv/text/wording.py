"""Plain-text wording of figures as the sources give them, for glued prose, table cells and charts.

Dates are written by kharkiv.text.dates and speakers by kharkiv.text.attribution.
"""

import pandas as pd

from kharkiv.text import attribution, dates

DASH = dates.DASH
_SHORT = {"percent": "%"}


def number(x) -> str:
    """1600.0 -> '1,600'; 33.5 -> '33.5'."""
    x = float(x)
    return f"{x:,.0f}" if x.is_integer() else f"{x:,.1f}"


def figure_text(value, value_high, qualifier, unit: str | None = None) -> str:
    """A figure as the source gives it: 'about 1,600', '25–50%', 'dozens', 'more than 4,000 people'."""
    if pd.isna(value):
        text = str(qualifier)
    elif qualifier == "range" and not pd.isna(value_high):
        text = f"{number(value)}{DASH}{number(value_high)}"
    elif qualifier == "exact":
        text = number(value)
    else:
        text = f"{qualifier} {number(value)}"
    if unit and not pd.isna(value):
        text += _SHORT.get(unit, f" {unit}")
    return text


def with_figures(st: pd.DataFrame, date_style: str = "range") -> pd.DataFrame:
    """Statements (views.statements) plus figure (text), who (attribution.labelled), period (text, in a style of
    dates.STYLES), low and high (numbers: a range's ends, a word's none). Index and order are kept."""
    return st.assign(
        figure=[
            figure_text(v, h, q)
            for v, h, q in zip(st["value"], st["value_high"], st["qualifier"], strict=True)
        ],
        who=[attribution.labelled(c, s) for c, s in zip(st["claimant"], st["claimant_side"], strict=True)],
        period=[
            dates.period(a, b, style=date_style)
            for a, b in zip(st["period_start"], st["period_end"], strict=True)
        ],
        low=st["value"].astype("Float64"),
        high=st["value_high"].fillna(st["value"]).astype("Float64"),
    )
