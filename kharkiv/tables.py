"""Tables for the book: HTML-escaped, so text from the data can never become markup or script.

Long tables are folded into a dropdown (a <details> element) that says what it holds; every table sorts by a
click on a heading and long ones get a filter box (_static/kharkiv.js, the book's own small script).
"""

import html

import pandas as pd
from IPython.display import HTML

FOLD_ROWS = 10  # with fold=None, tables longer than this are folded
LONG_CLASS = ' class="kharkiv-long"'
LONG_TEXT = 60  # a column whose text runs longer than this gets room to wrap at word boundaries


def _cell(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%d %b %Y").lstrip("0")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return html.escape(str(value))


def _sort_key(value) -> str:
    """A machine-readable sort key where the text would sort wrongly (dates)."""
    if isinstance(value, pd.Timestamp):
        return f' data-sort="{value:%Y-%m-%d}"'
    return ""


def _long_columns(df: pd.DataFrame) -> set[int]:
    return {
        i
        for i, c in enumerate(df.columns)
        if df[c].dtype == object and df[c].dropna().astype(str).str.len().max() > LONG_TEXT
    }


def html_table(df: pd.DataFrame, caption: str | None = None) -> str:
    """Render every cell escaped; the header too (it may come from data)."""
    head = "".join(f'<th scope="col">{html.escape(str(c))}</th>' for c in df.columns)
    long = _long_columns(df) if len(df) else set()
    body = "".join(
        "<tr>"
        + "".join(
            f"<td{LONG_CLASS if i in long else ''}{_sort_key(v)}>{_cell(v)}</td>" for i, v in enumerate(row)
        )
        + "</tr>"
        for row in df.itertuples(index=False, name=None)
    )
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return (
        f'<div class="kharkiv-table-wrap"><table class="kharkiv-table">{cap}<thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )


def folded(inner: str, summary: str) -> str:
    """HTML folded into a dropdown whose summary (plain text, escaped) says what it holds."""
    return f'<details class="kharkiv-fold"><summary>{html.escape(summary)}</summary>{inner}</details>'


def show(
    df: pd.DataFrame, caption: str | None = None, fold: bool | None = False, summary: str | None = None
) -> HTML:
    """The table as HTML. fold: True folds it into a dropdown, False (default) never, None folds it if it is longer
    than FOLD_ROWS. summary: the dropdown's text (default: the caption, or 'The table in full'), with the count
    of entries added."""
    text = html_table(df, caption)
    if fold or (fold is None and len(df) > FOLD_ROWS):
        label = summary or caption or "The table in full"
        text = folded(text, f"{label} ({len(df):,} entries)")
    return HTML(text)
