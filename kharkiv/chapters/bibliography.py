"""The bibliography: entries of the encyclopedia article's reference list for the outlets the data cites.

Each entry keeps the title, author and date exactly as the reference list gives them; the outlet goes under its one
canonical name (data/outlets.csv), and the entry links to its original where data/reference_links.csv records a
page that shows that title at that outlet ('linked'). book/references.bib is written by write_bib() and checked
against the source document by the tests. entry_anchor()/citing_html() link a "citing <outlet>, <date>" line to
its entry.
"""

import html
import re
from functools import cache
from pathlib import Path

import pandas as pd

from kharkiv.data.load import load_table
from kharkiv.data.paths import ROOT
from kharkiv.model import claims
from kharkiv.text import attribution

REFLIST_START = "Media related to Battle of Kharkiv at Wikimedia Commons"
BIB = ROOT / "book" / "references.bib"
BIB_PAGE = "book/bibliography"
ANCHOR = "ref-{key}"  # the bibliography entry's HTML id: bibtex_cite_id in _config.yml is this template
_DATE = r"\d{1,2} [A-Z][a-z]+ \d{4}"
ENTRY = re.compile(
    rf"(?:(?P<author>[A-Z](?:[^.\"()]|(?<=\b[A-Z])\.){{1,300}}?) \((?P<date1>{_DATE})\)\. )?"
    rf"\"(?P<title>[^\"]{{3,300}}?)\"\.? (?P<outlet>[A-Z][^.\"]{{1,60}}?)\.(?: (?P<date2>{_DATE})\.)?"
)


def reference_list(text: str) -> str:
    """The reference list of the encyclopedia text (what follows its last paragraph)."""
    i = text.find(REFLIST_START)
    if i < 0:
        raise ValueError(f"no reference list: {REFLIST_START!r} is not in the text")
    return text[i + len(REFLIST_START) :]


def parse(reflist: str) -> pd.DataFrame:
    """Entries with a quoted title followed by an outlet: author, date, title, outlet (as printed)."""
    rows = []
    for m in ENTRY.finditer(reflist):
        if not m["title"][:1].isalnum():  # a title with quotes inside it is not read reliably: left out
            continue
        rows.append(
            {
                "author": (m["author"] or "").strip(),
                "date": m["date1"] or m["date2"] or "",
                "title": m["title"].strip(),
                "outlet": m["outlet"].strip(),
            }
        )
    return pd.DataFrame(rows, columns=["author", "date", "title", "outlet"])


def _norm(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", s.lower().removeprefix("the "))


def canonical_names(outlets: pd.DataFrame) -> dict[str, str]:
    """{normalised variant: canonical name} from the outlets table (data/outlets.csv)."""
    return {_norm(v): c for v, c in zip(outlets["variant"], outlets["canonical"], strict=True)}


def canonical(outlet: str, names: dict[str, str]) -> str:
    """The one name of an outlet: its canonical name if the outlets table lists it, else as printed."""
    return names.get(_norm(outlet), outlet)


def cited(entries: pd.DataFrame, tables: dict, names: dict | None = None) -> pd.DataFrame:
    """The entries whose outlet is one the data cites (cited_outlet of events' sources and of figures), with the
    outlet under its canonical name (the printed one kept as printed_outlet)."""
    names = names or {}
    outlets = claims.cited_outlets(tables)["outlet"]
    known = {_norm(canonical(o, names)) for o in outlets if o}
    out = entries.assign(
        printed_outlet=entries["outlet"], outlet=entries["outlet"].map(lambda o: canonical(o, names))
    )
    keep = out["outlet"].map(lambda o: _norm(o) in known)
    return out[keep].drop_duplicates(["title", "outlet"]).reset_index(drop=True)


def with_links(entries: pd.DataFrame, links: pd.DataFrame) -> pd.DataFrame:
    """The entries with url: the address of reference_links rows with status 'linked' for the same printed outlet
    and title ('' elsewhere)."""
    linked = links[links["status"] == "linked"]
    urls = {(o, t): u for o, t, u in zip(linked["outlet"], linked["title"], linked["url"], strict=True)}
    printed = entries.get("printed_outlet", entries["outlet"])
    return entries.assign(url=[urls.get((o, t), "") for o, t in zip(printed, entries["title"], strict=True)])


def _key(row, seen: set) -> str:
    base = _norm(row.outlet)[:16] + (row.date[-4:] if row.date else "")
    key, n = base, 1
    while key in seen:
        n += 1
        key = f"{base}{chr(96 + n)}"
    seen.add(key)
    return key


def _bib(value: str) -> str:
    return "{" + value.replace("\\", "").replace("{", "(").replace("}", ")").replace("&", "\\&") + "}"


def _protected(value: str) -> str:
    # the style sentence-cases titles ("russian forces"); a braced title keeps its capitals as printed
    return "{" + _bib(value) + "}"


def bibtex(entries: pd.DataFrame) -> str:
    """One @misc per entry: title (capitals kept), outlet, authors whole, the date once (as note), url if linked."""
    seen, out = set(), []
    for r in entries.sort_values(["outlet", "date", "title"]).itertuples():
        fields = {"title": _protected(r.title), "howpublished": _bib(r.outlet)}
        if r.author:
            fields["author"] = _bib(r.author.replace("; ", " and "))
        if r.date:
            fields["note"] = _bib(r.date)
        if getattr(r, "url", ""):
            fields["url"] = "{" + r.url + "}"
        body = ",\n".join(f"  {k} = {v}" for k, v in fields.items())
        out.append(f"@misc{{{_key(r, seen)},\n{body}\n}}\n")
    return "\n".join(out)


def bib_entries(tables: dict, text: str) -> pd.DataFrame:
    """The bibliography's entries: the reference list's entries for cited outlets, canonical names, links."""
    cites = {"event_sources": tables["event_sources"], "statements": tables["statements"]}
    names = canonical_names(tables["outlets"])
    return with_links(cited(parse(reference_list(text)), cites, names), tables["reference_links"])


def write_bib(tables: dict, text: str, path: Path) -> int:
    """Write the bibliography of the cited outlets to path; returns the number of entries.

    tables: event_sources, statements, outlets and reference_links (as load_tables() gives them)."""
    entries = bib_entries(tables, text)
    path.write_text(
        "% Written by kharkiv.chapters.bibliography.write_bib from the encyclopedia article's reference list.\n"
        + bibtex(entries),
        encoding="utf-8",
    )
    return len(entries)


# --- reading the written bibliography back: anchors for "citing <outlet>, <date>" lines -----------------------

_FIELD = re.compile(r"^\s+(\w+) = \{+(.*?)\}+,?$")


def read_bib(path: Path = BIB) -> pd.DataFrame:
    """key, title, outlet, note (date), url of every entry of a .bib written by write_bib."""
    rows, cur = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("@misc{"):
            cur = {"key": line[len("@misc{") : -1], "title": "", "howpublished": "", "note": "", "url": ""}
            rows.append(cur)
        elif cur is not None and (m := _FIELD.match(line)):
            cur[m[1]] = m[2].replace("\\&", "&")
    return pd.DataFrame(rows, columns=["key", "title", "howpublished", "note", "url"]).rename(
        columns={"howpublished": "outlet", "note": "date"}
    )


@cache
def _index(path: Path = BIB) -> dict:
    """{normalised outlet: [(date, key), ...]} of the written bibliography, in its order."""
    out: dict = {}
    for r in read_bib(path).itertuples():
        out.setdefault(_norm(r.outlet), []).append((r.date, r.key))
    return out


_ARCHIVED = re.compile(r",?\s*(?:archived|dated|retrieved)\s+", re.IGNORECASE)


@cache
def _data_names() -> dict[str, str]:
    return canonical_names(load_table("outlets"))


def entry_key(outlet: str, date: str = "", names: dict | None = None, path: Path = BIB) -> str | None:
    """The key of the bibliography entry for an outlet cited on a date: the outlet's entry of that date, else its
    first entry; None when the bibliography has no entry for the outlet. names: canonical_names() (default: those
    of data/outlets.csv)."""
    outlet = canonical(outlet, _data_names() if names is None else names)
    entries = _index(path).get(_norm(outlet))
    if not entries:
        return None
    return next((k for d, k in entries if date and d == date), entries[0][1])


def entry_anchor(outlet: str, date: str = "", names: dict | None = None, page: str = "") -> str | None:
    """The address of the entry from a page of the book ('../book/bibliography.html#ref-cnn2022b' from
    'notebooks/explorer'; '#ref-…' on the bibliography page itself), or None when there is no entry."""
    key = entry_key(outlet, date, names)
    if key is None:
        return None
    up = "../" * page.count("/")
    target = "" if page == BIB_PAGE else f"{up}{BIB_PAGE}.html"
    return f"{target}#{ANCHOR.format(key=key)}"


def _outlet_date(part: str) -> tuple[str, str]:
    outlet, date = claims.outlet_and_date(_ARCHIVED.sub(", ", part))
    return outlet, date


@cache
def _outlet_names() -> dict[str, str]:
    return claims.canonical_outlets(load_table("outlets"))


def citing_html(cited_outlet: str, names: dict | None = None, page: str = "notebooks/explorer") -> str:
    """A cited_outlet value as escaped HTML, each citation in it (attribution.citation_text: the outlet's one name, a
    Ukrainian headline translated) linked to its bibliography entry where it has one ('CNN, 2 March 2022; Sky News,
    2 March 2022' -> two links). Call it where a line says 'citing ...'."""
    parts = []
    for part in claims.split_citations(cited_outlet or ""):
        href = entry_anchor(*_outlet_date(part), names=names, page=page)
        text = html.escape(attribution.citation_text(part, _outlet_names()))
        parts.append(f'<a class="kharkiv-cite-ref" href="{html.escape(href)}">{text}</a>' if href else text)
    return "; ".join(parts)


def link_facts(written: pd.DataFrame) -> dict:
    """How many entries the bibliography has and how many link to their original (read_bib() of the written
    .bib), for the bibliography page's closing note."""
    return {"n_bib_entries": f"{len(written):,}", "n_bib_linked": f"{int((written['url'] != '').sum()):,}"}
