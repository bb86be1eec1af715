"""Where every event and figure lives in the built book: one place for the URLs that pages link to.

Contract shared by all pages:
- the chronology (notebooks/chronology) carries one HTML anchor per event, its id being the event id (``e0028``);
- the explorer (notebooks/explorer) opens an event or a figure from its id in the fragment (``#e0028``, ``#n0017``),
  and a set of rows from ``#ids=e0028,n0017``.
Pages in notebooks/ link with ``from_dir="notebooks"`` (the default), pages in book/ with ``from_dir="book"``.
"""

from urllib.parse import quote

CHRONOLOGY = "notebooks/chronology.html"
EXPLORER = "notebooks/explorer.html"


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
    ids = [ids] if isinstance(ids, str) else sorted(set(ids))
    frag = quote(ids[0]) if len(ids) == 1 else "ids=" + ",".join(quote(i) for i in ids)
    return f"{_rel(EXPLORER, from_dir)}#{frag}"
