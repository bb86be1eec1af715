"""Where every event and figure lives in the built book: one place for the URLs that pages link to.

Contract shared by all pages:
- the chronology (notebooks/chronology) carries one HTML anchor per event, its id being the event id (``e0028``);
- the explorer (notebooks/explorer) opens an event or a figure from its id in the fragment (``#e0028``, ``#n0017``),
  and a set of rows from ``#ids=e0028,n0017``.
Pages in notebooks/ link with ``from_dir="notebooks"`` (the default), pages in book/ with ``from_dir="book"``.
"""

from urllib.parse import quote

from kharkiv.data.ids import sorted_ids
from kharkiv.text.escaping import html_text, md_text

CHRONOLOGY = "notebooks/chronology.html"
EXPLORER = "notebooks/explorer.html"
DOWNLOADS = "notebooks/downloads.html"
MAX_LINK_IDS = (
    200  # a link naming more rows than this would weigh more than the page; it opens a view instead
)


def _rel(target: str, from_dir: str) -> str:
    folder, _, page = target.rpartition("/")
    return page if folder == from_dir else f"../{target}"


def event_anchor(event_id: str) -> str:
    """The HTML id of an event's entry in the chronology."""
    return str(event_id)


def chronology_href(event_id: str, from_dir: str = "notebooks") -> str:
    return f"{_rel(CHRONOLOGY, from_dir)}#{quote(event_anchor(event_id))}"


def explorer_href(ids, from_dir: str = "notebooks") -> str:
    """One id opens its card; several open the explorer filtered to exactly those rows."""
    ids = [ids] if isinstance(ids, str) else sorted_ids(set(ids))
    frag = quote(ids[0]) if len(ids) == 1 else "ids=" + ",".join(quote(i) for i in ids)
    return f"{_rel(EXPLORER, from_dir)}#{frag}"


def explorer_page(from_dir: str = "notebooks") -> str:
    return _rel(EXPLORER, from_dir)


def downloads_page(from_dir: str = "notebooks") -> str:
    return _rel(DOWNLOADS, from_dir)


def explorer_view_href(view: dict | None = None, from_dir: str = "notebooks") -> str:
    """The explorer with filters set, e.g. {"view": "figures", "subject": "russian military", "side": "Ukrainian"}:
    the keys and the codes the explorer reads from its URL (_static/explorer-core.js, FILTERS). A list of values
    keeps the rows matching any of them ({"measure": ["killed", "wounded"]}); a comma inside a value is escaped."""
    page = explorer_page(from_dir)
    if not view:
        return page
    return (
        page
        + "#"
        + "&".join(f"{quote(str(k))}={_values(v)}" for k, v in view.items() if v not in (None, "", [], ()))
    )


def _values(v) -> str:
    return ",".join(quote(str(x)) for x in v) if isinstance(v, list | tuple) else quote(str(v))


def rows_view(kind: str, ids) -> dict:
    """The explorer view of exactly these rows ("events" or "figures"), for a table or count no filter describes:
    its link names them."""
    return {"view": kind, "ids": sorted_ids(set(map(str, ids)))}


def rows_href(ids, view: dict | None = None, from_dir: str = "notebooks") -> str:
    """The explorer showing exactly these rows, or, when they are too many to name in a link, the view that
    holds them (or the whole explorer)."""
    ids = [ids] if isinstance(ids, str) else list(ids)
    if len(set(ids)) > MAX_LINK_IDS:
        return explorer_view_href(view, from_dir)
    return explorer_href(ids, from_dir)


def chronology_page(from_dir: str = "notebooks") -> str:
    return _rel(CHRONOLOGY, from_dir)


def event_link_html(
    event_id: str, text: str | None = None, from_dir: str = "notebooks", to: str = "explorer"
) -> str:
    """An escaped <a> to an event or figure: its card in the explorer (default) or, to="chronology", its entry
    there. text defaults to the id; it is escaped, so text from the data shows as text."""
    href = explorer_href(str(event_id), from_dir) if to == "explorer" else chronology_href(event_id, from_dir)
    label = str(event_id) if text is None else str(text)
    return f'<a class="kx-link" href="{html_text(href)}">{html_text(label)}</a>'


def rows_link_md(text: str, ids, from_dir: str = "notebooks", view: dict | None = None) -> str:
    """Markdown (MyST) for a number that links to the rows behind it in the explorer, for {glue:md}.

    Written as inline HTML, which MyST passes through, so Sphinx does not try to resolve the explorer page's
    fragment as a document reference. Markdown still reads the text between the tags, so the text is escaped for
    Markdown (escaping.md_text), not only for HTML."""
    ids = [ids] if isinstance(ids, str) else list(ids)
    if not ids:
        return md_text(text)
    href = rows_href(ids, view, from_dir)
    n = len(set(ids))
    title = (
        f"the {n:,} reports behind this number, with their sources"
        if n > 1
        else "the report behind this number, with its source"
    )
    return f'<a class="kx-numlink" href="{html_text(href)}" title="{html_text(title)}">{md_text(text)}</a>'


def rows_link(text, ids, view: dict | None = None, from_dir: str = "notebooks"):
    """rows_link_md wrapped for {glue:md}: a value for prose.glue_facts (a chapter's one glue call)."""
    from IPython.display import Markdown  # lazy: present only in a notebook kernel

    ids = [ids] if isinstance(ids, str) else ids
    return Markdown(rows_link_md(str(text), sorted_ids(set(map(str, ids))), from_dir, view))
