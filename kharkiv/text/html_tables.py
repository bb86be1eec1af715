"""Tables for the book: HTML-escaped, so text from the data can never become markup or script.

On a phone (at most 600 px) a table of three columns or more becomes a stack of cards, one per row, each cell
labelled with its column's name, so that no table scrolls sideways and the source's words stay in view.
Long tables are folded into a dropdown (a <details> element) that says what it holds; every table sorts by a
click on a heading and long ones get a filter box (_static/kharkiv.js, the book's own small script). A chapter
lists at most MAX_ROWS rows of a table and says where the rest are, so a page stays light as the data grows.
"""

import pandas as pd
from IPython.display import HTML

from kharkiv.text import attribution, dates, escaping, prose
from kharkiv.text import links as book_links


def report_table(rows: pd.DataFrame, what: str = "figure") -> pd.DataFrame:
    """Reports of one figure (with_roles() statements) as a reader's table: the figure (headed what), who gave
    it, its label and the source's words."""
    return pd.DataFrame(
        {
            what: [
                prose.figure(v, h, q)
                for v, h, q in zip(rows["value"], rows["value_high"], rows["qualifier"], strict=True)
            ],
            "reported by": [
                attribution.who(c, r, k)
                for c, r, k in zip(
                    rows["claimant"], rows["claimant_role"], rows["claimant_kind"], strict=True
                )
            ],
            "label": rows["verification"].astype(str).to_numpy(),
            "the source's words": attribution.excerpts(rows),
        }
    )


def folded_table(df: pd.DataFrame, summary: str, view: dict | None = None) -> str:
    """A table folded under summary (plain text); at most MAX_ROWS rows listed, with a note linking to
    the explorer view (its URL filters) and the downloads that hold them all."""
    shown = df.head(MAX_ROWS)
    text = html_table(shown)
    if len(df) > len(shown):
        text += rest_note(len(shown), len(df), view)
    return prose.folded(summary, text)


FOLD_ROWS = 10  # with fold=None, tables longer than this are folded
MAX_ROWS = (
    250  # a chapter lists at most this many rows of a table; the rest are in the explorer and downloads
)
LONG_CLASS = ' class="kharkiv-long"'
# On a phone a table of CARDS_FROM columns or more shows each row as a card: every cell under its column's name
# (data-label), the first column first (_static/kharkiv.css).
CARDS_FROM = 3
CARDS_CLASS = "kharkiv-cards"
LONG_TEXT = 60  # a column whose text runs longer than this gets room to wrap at word boundaries


def _missing(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value))


def _text(value) -> str:
    """A cell's text as a reader sees it, not yet escaped."""
    if _missing(value):
        return ""
    if isinstance(value, pd.Timestamp):
        return dates.day(value, short=True)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def _cell(value) -> str:
    return escaping.html_text(_text(value))


def _linked(value, ids) -> str:
    """The cell's text, escaped, inside a link to the explorer card of its event or figure ('e0028'), or to the
    set of rows when ids holds several ('e0028; n0017'). No id, no link; the href is built by kharkiv.text.links."""
    if _missing(ids) or not str(ids).strip() or _text(value) == "":
        return _cell(value)
    keys = [i.strip() for i in str(ids).split(";") if i.strip()]
    if len(keys) == 1:
        return book_links.event_link_html(keys[0], _text(value))
    href = book_links.explorer_href(keys)
    return f'<a class="kx-link" href="{escaping.html_text(href)}">{_cell(value)}</a>'


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


def html_table(df: pd.DataFrame, caption: str | None = None, links: dict[str, str] | None = None) -> str:
    """Render every cell escaped; the header too (it may come from data).

    links: {shown column: id column}; each cell of the shown column links to the explorer card of the id in the
    same row (see _linked). An id column is not shown unless it is itself a linked column."""
    links = links or {}
    for shown, ids in links.items():
        missing = [c for c in (shown, ids) if c not in df.columns]
        if missing:
            raise KeyError(f"show(links=...): no column {missing[0]!r} in the table")
    id_cols = {links[c] for c in links}
    id_values = {c: df[links[c]].tolist() for c in links}
    df = df.drop(columns=[c for c in id_cols if c not in links])
    head = "".join(f'<th scope="col">{escaping.html_text(str(c))}</th>' for c in df.columns)
    long = _long_columns(df) if len(df) else set()
    names = list(df.columns)
    labels = [f' data-label="{escaping.html_text(str(c))}"' for c in names]

    def cell(i: int, r: int, v) -> str:
        text = _linked(v, id_values[names[i]][r]) if names[i] in id_values else _cell(v)
        return f"<td{labels[i]}{LONG_CLASS if i in long else ''}{_sort_key(v)}>{text}</td>"

    body = "".join(
        "<tr>" + "".join(cell(i, r, v) for i, v in enumerate(row)) + "</tr>"
        for r, row in enumerate(df.itertuples(index=False, name=None))
    )
    cap = f"<caption>{escaping.html_text(caption)}</caption>" if caption else ""
    cards = f" {CARDS_CLASS}" if len(names) >= CARDS_FROM else ""
    return (
        f'<div class="kharkiv-table-wrap"><table class="kharkiv-table{cards}">{cap}<thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )


def rest_note(shown: int, total: int, view: dict | None = None, from_dir: str = "notebooks") -> str:
    """The line under a shortened table: how many rows it shows and where all of them are."""
    everything = book_links.explorer_view_href(view, from_dir)
    downloads = book_links.downloads_page(from_dir)
    return (
        f'<p class="kharkiv-rest">The first {shown:,} of {total:,} entries are listed here, in the order above. '
        f'All {total:,} are in the <a href="{escaping.html_text(everything)}">explorer</a> and in the '
        f'<a href="{escaping.html_text(downloads)}">downloads</a>.</p>'
    )


def show(
    df: pd.DataFrame,
    caption: str | None = None,
    fold: bool | None = False,
    summary: str | None = None,
    links: dict[str, str] | None = None,
    limit: int | None = MAX_ROWS,
    view: dict | None = None,
) -> HTML:
    """The table as HTML. fold: True folds it into a dropdown, False (default) never, None folds it if it is longer
    than FOLD_ROWS. summary: the dropdown's text (default: the caption, or 'The table in full'), with the count
    of entries added. links: {shown column: id column}, to link each event or figure to its explorer card.
    limit: list at most this many rows (None: all), with a note that says how many are left out and links to the
    explorer (filtered by view, the explorer's URL filters, when given) and the downloads, which hold them all."""
    total = len(df)
    shortened = limit is not None and total > limit
    text = html_table(df.iloc[:limit] if shortened else df, caption, links)
    if shortened:
        text += rest_note(limit, total, view)
    if fold or (fold is None and len(df) > FOLD_ROWS):
        label = summary or caption or "The table in full"
        text = prose.folded(f"{label} ({total:,} entries)", text)
    return HTML(text)
