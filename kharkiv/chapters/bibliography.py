"""The bibliography: entries of the encyclopedia article's reference list for the outlets the data cites.

Each entry keeps the title, outlet, author and date exactly as the reference list gives them; nothing is added.
book/references.bib is written by write_bib() and checked against the source document by the tests.
"""

import re
from pathlib import Path

import pandas as pd

from kharkiv.model import claims

REFLIST_START = "Media related to Battle of Kharkiv at Wikimedia Commons"
_DATE = r"\d{1,2} [A-Z][a-z]+ \d{4}"
ENTRY = re.compile(
    rf"(?:(?P<author>[A-Z][^.\"()]{{1,80}}?) \((?P<date1>{_DATE})\)\. )?"
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


def cited(entries: pd.DataFrame, tables: dict) -> pd.DataFrame:
    """The entries whose outlet is one the data cites (cited_outlet of events' sources and of figures)."""
    outlets = claims.cited_outlets(tables)["outlet"]
    known = {_norm(o) for o in outlets if o}
    keep = entries["outlet"].map(lambda o: _norm(o) in known)
    return entries[keep].drop_duplicates(["title", "outlet"]).reset_index(drop=True)


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


def bibtex(entries: pd.DataFrame) -> str:
    seen, out = set(), []
    for r in entries.sort_values(["outlet", "date", "title"]).itertuples():
        fields = {"title": r.title, "howpublished": r.outlet}
        if r.author:
            fields["author"] = r.author.replace("; ", " and ")
        if r.date:
            year = r.date.split(" ")[-1]
            fields.update(note=r.date, year=year)
        body = ",\n".join(f"  {k} = {_bib(v)}" for k, v in fields.items())
        out.append(f"@misc{{{_key(r, seen)},\n{body}\n}}\n")
    return "\n".join(out)


def write_bib(tables: dict, text: str, path: Path) -> int:
    """Write the bibliography of the cited outlets to path; returns the number of entries."""
    entries = cited(parse(reference_list(text)), tables)
    path.write_text(
        "% Written by kharkiv.references.write_bib from the encyclopedia article's reference list.\n"
        + bibtex(entries),
        encoding="utf-8",
    )
    return len(entries)
