"""Plain-text wording of dates, periods and who reported a figure, for glued prose and table cells."""

import pandas as pd

DASH = "\u2013"
_SHORT = {"percent": "%"}
SINGULAR = {
    "people": "person",
    "civilians": "civilian",
    "residents": "resident",
    "foreign nationals": "foreign national",
}


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


def who(claimant, side) -> str:
    """'Oryx (third party)': the claimant always comes with its side."""
    return f"{claimant} ({side})"


def day(ts) -> str:
    """'24 February 2022'."""
    ts = pd.Timestamp(ts)
    return f"{ts.day} {ts:%B %Y}"


def period(start, end) -> str:
    """'28 February 2022', '14–17 April 2022', '24 February – 31 May 2022' (en dash, year given once)."""
    a, b = pd.Timestamp(start), pd.Timestamp(end)
    if a == b:
        return day(a)
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}{DASH}{day(b)}"
    if a.year == b.year:
        return f"{a.day} {a:%B} {DASH} {day(b)}"
    return f"{day(a)} {DASH} {day(b)}"


def reported_by(claimant, side) -> str:
    """'reported by Oleh Synyehubov (Ukrainian)', or 'stated without attribution'."""
    if str(side) == "unattributed":
        return "stated without attribution"
    return f"reported by {claimant} ({side})"


def counted(value, value_high, qualifier, subject) -> str:
    """'11 civilians', 'at least 21 people', 'dozens of civilians', '1 person'."""
    fig, subject = figure_text(value, value_high, qualifier), str(subject)
    if pd.isna(value):
        return f"{fig} of {subject}"
    one = value == 1 and qualifier == "exact"
    return f"{fig} {SINGULAR.get(subject, subject) if one else subject}"


def reports(rows: pd.DataFrame) -> str:
    """'11 civilians according to Oleh Synyehubov (Ukrainian); 9 civilians according to Ihor Terekhov (Ukrainian)'.

    Rows are statements (views.statements). Each claimant's figure once, in row order; nothing is added up
    or averaged.
    """
    seen, parts = set(), []
    for r in rows.itertuples():
        fig = counted(r.value, r.value_high, r.qualifier, r.subject)
        text = (
            f"{fig} (stated without attribution)"
            if str(r.claimant_side) == "unattributed"
            else f"{fig} according to {r.claimant} ({r.claimant_side})"
        )
        if text not in seen:
            seen.add(text)
            parts.append(text)
    return "; ".join(parts)


def period_words(start, end) -> str:
    """'on 28 February 2022', 'from 24 to 28 February 2022', 'from 24 February to 31 May 2022'."""
    a, b = pd.Timestamp(start), pd.Timestamp(end)
    if a == b:
        return f"on {day(a)}"
    if (a.year, a.month) == (b.year, b.month):
        first = str(a.day)
    else:
        first = f"{a.day} {a:%B}" if a.year == b.year else day(a)
    return f"from {first} to {day(b)}"
