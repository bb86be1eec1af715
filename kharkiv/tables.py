"""Tables for the book: HTML-escaped, so text from the data can never become markup or script."""

import html

import pandas as pd
from IPython.display import HTML


def _cell(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%d %b %Y").lstrip("0")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return html.escape(str(value))


def html_table(df: pd.DataFrame, caption: str | None = None) -> str:
    """Render every cell escaped; the header too (it may come from data)."""
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in df.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in row) + "</tr>"
        for row in df.itertuples(index=False, name=None)
    )
    cap = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return (
        f'<div class="kharkiv-table-wrap"><table class="kharkiv-table">{cap}<thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )


def show(df: pd.DataFrame, caption: str | None = None) -> HTML:
    return HTML(html_table(df, caption))
