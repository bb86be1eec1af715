"""The book's one way to write a day and a span of days, in four styles, as precise as the source.

Styles of period():
- "range" (headings, table cells, entries): '28 February 2022', '14–17 April 2022', '24 February – 31 May 2022';
- "short" (chart labels): '28 Feb 2022', '14–17 Apr 2022', '24 Feb – 31 May 2022';
- "words" (running text): 'on 28 February 2022', 'from 24 to 28 February 2022', 'from 24 February to 31 May 2022';
- "between" (running text, a date somewhere in the span): 'on 2 May 2022', 'between 2 and 6 May 2022'.
The month and year are written once where both dates share them; precision="month" gives the month alone.
"""

import pandas as pd

DASH = "\u2013"
STYLES = ("range", "short", "words", "between")
# How each style joins the two ends of a span, and what it puts before a single day or month.
_JOIN = {
    "range": ("", DASH, f" {DASH} "),
    "short": ("", DASH, f" {DASH} "),
    "words": ("from ", " to ", " to "),
}
_JOIN["between"] = ("between ", " and ", " and ")
_ONE = {"range": "", "short": "", "words": "on ", "between": "on "}
_MONTH = {"range": "", "short": "", "words": "in ", "between": "in "}


def day(ts, short: bool = False) -> str:
    """'24 February 2022'; short=True: '24 Feb 2022'."""
    ts = pd.Timestamp(ts)
    return f"{ts.day} {ts:%b %Y}" if short else f"{ts.day} {ts:%B %Y}"


def period(start, end=None, style: str = "range", precision: str = "day") -> str:
    """A span from start to end (end None: the one day) in a style of STYLES; see the module's docstring."""
    if style not in STYLES:
        raise ValueError(f"dates.period: style {style!r} is not one of {STYLES}")
    a = pd.Timestamp(start)
    b = a if end is None else pd.Timestamp(end)
    short = style == "short"
    if str(precision) == "month":
        return f"{_MONTH[style]}{a:%b %Y}" if short else f"{_MONTH[style]}{a:%B %Y}"
    if a == b:
        return _ONE[style] + day(a, short)
    lead, same_month, apart = _JOIN[style]
    month = "%b" if short else "%B"
    if (a.year, a.month) == (b.year, b.month):
        return f"{lead}{a.day}{same_month}{day(b, short)}"
    first = f"{a.day} {a.strftime(month)}" if a.year == b.year else day(a, short)
    return f"{lead}{first}{apart}{day(b, short)}"
