"""The book's index of the people, places and units it names (issue 24).

Sphinx's index (genindex.html) listed only the glossary's terms. This extension reads the names from data/ (claimants
that are people or named organisations, places, and the military units of events and statements), finds which of
them each page's text mentions, and adds an index entry for each, as the {index} directive would: an index node and a
target before the first paragraph, list or cell output where the name appears (or at the section whose title names
it). The entries are grouped under "People", "Places", "Units" and "Organisations" (Sphinx's category key, so that
"92nd Mechanized Brigade" is not filed under "Symbols"), each with one sub-entry per page naming it, linked there;
the glossary's own terms are filed under "Glossary" so that their letters do not interleave with those groups.
Pages are read again whenever the names in data/ or this module change (env-get-outdated).
"""

import hashlib
import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd
from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform

from kharkiv.data.load import load_tables

PEOPLE, PLACES, UNITS, ORGANISATIONS = "People", "Places", "Units", "Organisations"
GLOSSARY, GLOSSARY_GROUP = "book/glossary", "Glossary"
# Pages whose text is not discussion of the names: the glossary defines terms, the bibliography lists titles.
NOT_INDEXED = {GLOSSARY, "book/bibliography"}
# The explorer's cell outputs are its card data (every event and figure): its prose is indexed, its data is not.
PROSE_ONLY = {"notebooks/explorer"}
# Ukraine is on every page: an entry linking to all of them helps no reader.
PLACE_KINDS_LEFT_OUT = {"country"}
CLAIMANT_KINDS_LEFT_OUT = {"person", "unattributed"}  # people are a group of their own
SKIPPED = (nodes.literal_block, nodes.comment, nodes.system_message)  # code and its printed output
SHORT_WORD = 3  # "of", "the", "and", "i" may be lower-case inside a proper name
STAMP = "kharkiv_index_terms_stamp"


@dataclass(frozen=True)
class Term:
    """One index entry: its group (People, Places, ...), the words shown in the index, the names that mention it."""

    group: str
    entry: str
    names: tuple[str, ...]


# --- which names a text mentions (pure) ---------------------------------------------------------------------------


def normalise(text: str) -> str:
    """Runs of whitespace as one space, typographic apostrophes as straight ones (Sphinx's smart quotes make
    "Britain's" "Britain’s" in the page)."""
    return re.sub(r"\s+", " ", text.replace("\u2019", "'")).strip()


def name_pattern(names: Iterable[str]) -> re.Pattern:
    """Any of the names, as a whole word (no letter or digit on either side), case-sensitive, the longest first:
    'Kharkiv Oblast' is one mention of the oblast, not also one of the city."""
    alternatives = sorted({normalise(n) for n in names if normalise(n)}, key=lambda n: (-len(n), n))
    if not alternatives:
        return re.compile(r"(?!)")
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, alternatives)) + r")(?!\w)")


class Matcher:
    """Finds which terms a text mentions, by any of their names."""

    def __init__(self, terms: Iterable[Term]):
        self.by_name: dict[str, list[Term]] = {}
        for term in terms:
            for name in term.names:
                named = self.by_name.setdefault(normalise(name), [])
                if term not in named:
                    named.append(term)
        self.pattern = name_pattern(self.by_name)

    def mentioned(self, text: str) -> list[Term]:
        """The terms the text mentions, each once, in the order of their first mention."""
        found: dict[Term, None] = {}
        for m in self.pattern.finditer(normalise(text)):
            found.update(dict.fromkeys(self.by_name[m[0]]))
        return list(found)


# --- the terms, from data/ (pure) ---------------------------------------------------------------------------------


def _text(value) -> str:
    return "" if value is None or pd.isna(value) else str(value).strip()


def split_qualifier(name: str) -> tuple[str, str]:
    """'School No. 134 (Kharkiv)' -> ('School No. 134', 'Kharkiv'); a name without one -> (name, '')."""
    m = re.fullmatch(r"(.*?)\s*\(([^()]*)\)", name)
    return (m[1], m[2]) if m else (name, "")


def names_of(name: str, variants) -> tuple[str, ...]:
    """The name, the name without its qualifier (the text says 'Assumption Cathedral'), and its variants."""
    found = [name, split_qualifier(name)[0], *(v.strip() for v in _text(variants).split(";"))]
    return tuple(dict.fromkeys(n for n in found if n))


def is_proper_name(name: str) -> bool:
    """A proper name ('Oleh Zhdanov', 'Slovo i Dilo', 'the MoD') rather than a description ('Ukrainian officials',
    'airborne unit (unnamed)'): every word longer than a short function word starts with a capital."""
    words = re.findall(r"[^\W\d_][\w'-]*", split_qualifier(name)[0])
    long_words = [w for w in words if len(w) > SHORT_WORD]
    capitals = [w for w in words if w[0].isupper()]
    return bool(capitals) and all(w[0].isupper() for w in long_words)


def _clean(entry: str) -> str:
    # ';' separates an index entry from its sub-entry: it must not occur inside either
    return normalise(entry.replace(";", ","))


def qualified(name: str, kind: str) -> str:
    """'Izium (city)', 'Assumption Cathedral, Kharkiv (landmark)'; no kind where the name says it
    ('Kharkiv Oblast')."""
    base, qualifier = split_qualifier(name)
    label = f"{base}, {qualifier}" if qualifier else base
    return _clean(label if not kind or kind.lower() in label.lower() else f"{label} ({kind})")


def person_entry(name: str, role: str) -> str:
    """'Synyehubov, Oleh (Head of the Kharkiv Regional State Administration)': surname first, with the role up to
    its first aside. A name that is a title or carries its own qualifier stays as it is."""
    base, qualifier = split_qualifier(name)
    words = base.split()
    if qualifier or len(words) < 2 or not all(w[0].isupper() and w.isalpha() for w in words):
        return _clean(name)
    short_role = re.split(r"\s*[(;]", role, maxsplit=1)[0].strip()
    inverted = f"{words[-1]}, {' '.join(words[:-1])}"
    return _clean(f"{inverted} ({short_role})" if short_role else inverted)


def claimant_terms(claimants: pd.DataFrame) -> list[Term]:
    """People, and organisations with a proper name (not 'Ukrainian officials'), by their proper names only."""
    terms = []
    for row in claimants.itertuples():
        kind, name = _text(row.kind), _text(row.name)
        person = kind == "person"
        if (not person and kind in CLAIMANT_KINDS_LEFT_OUT) or not is_proper_name(name):
            continue
        names = tuple(n for n in names_of(name, row.variants) if is_proper_name(n))
        entry = person_entry(name, _text(row.role)) if person else qualified(name, kind)
        terms.append(Term(PEOPLE if person else ORGANISATIONS, entry, names))
    return terms


def place_terms(places: pd.DataFrame) -> list[Term]:
    return [
        Term(PLACES, qualified(_text(row.name), _text(row.kind)), names_of(_text(row.name), row.variants))
        for row in places.itertuples()
        if _text(row.kind) not in PLACE_KINDS_LEFT_OUT
    ]


def unit_terms(events: pd.DataFrame, statements: pd.DataFrame) -> list[Term]:
    """The named units of events (units, ';'-separated) and statements (unit_name); not 'airborne unit
    (unnamed)'."""
    cells = [*events["units"].dropna(), *statements["unit_name"].dropna()]
    names = dict.fromkeys(n.strip() for cell in cells for n in str(cell).split(";"))
    return [Term(UNITS, _clean(n), (n,)) for n in sorted(names) if n and is_proper_name(n)]


def terms_of(tables: dict[str, pd.DataFrame]) -> list[Term]:
    return [
        *claimant_terms(tables["claimants"]),
        *place_terms(tables["places"]),
        *unit_terms(tables["events"], tables["statements"]),
    ]


# --- the page's text, block by block ------------------------------------------------------------------------------


def html_text(markup: str) -> str:
    """The words a reader sees in an HTML fragment (a cell's output): tags, scripts and styles removed."""
    markup = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", " ", markup)
    return html.unescape(re.sub(r"<[^>]*>", " ", markup))


def blocks(document: nodes.document) -> Iterable[nodes.Element]:
    """Every title and body element directly in a section (or the document), in the order of the page."""
    for section in [document, *document.findall(nodes.section)]:
        for child in section.children:
            if isinstance(child, nodes.Element) and not isinstance(child, (nodes.section, nodes.Invisible)):
                yield child


def block_text(block: nodes.Element, with_outputs: bool) -> str:
    parts = []
    for node in block.findall(nodes.Text):
        ancestors = _ancestors(node, block)
        if any(isinstance(a, SKIPPED) for a in ancestors):
            continue
        raw = next((a for a in ancestors if isinstance(a, nodes.raw)), None)
        if raw is None:
            parts.append(node.astext())
        elif with_outputs and "html" in raw.get("format", "").split():
            parts.append(html_text(node.astext()))
    return " ".join(parts)


def _ancestors(node: nodes.Node, top: nodes.Element) -> list[nodes.Element]:
    found = []
    while node is not top and node.parent is not None:
        node = node.parent
        found.append(node)
    return found


# --- Sphinx -------------------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def book_terms() -> tuple[Term, ...]:
    return tuple(terms_of(load_tables()))


@lru_cache(maxsize=1)
def book_matcher() -> Matcher:
    return Matcher(book_terms())


def page_title(document: nodes.document) -> str:
    title = document.next_node(nodes.title)
    return _clean(title.astext()) if title is not None else ""


def mentioned_anew(text: str, seen: set[Term]) -> list[Term]:
    """The terms the text mentions that an earlier block of the page did not (added to seen)."""
    found = [t for t in book_matcher().mentioned(text) if t not in seen]
    seen.update(found)
    return found


def entry(term: Term, title: str, target_id: str) -> tuple:
    """A Sphinx index entry: the term, and under it the page's title linking to the target."""
    return ("single", f"{term.entry}; {title}" if title else term.entry, target_id, "", term.group)


def file_under(document: nodes.document, group: str) -> None:
    """The page's own index entries (the glossary's terms) under one heading, beside People, Places, ...:
    otherwise their letters (C, D, P, ...) interleave with the groups."""
    for index in document.findall(addnodes.index):
        index["entries"] = [(*e[:4], e[4] or group) for e in index["entries"]]


class IndexNames(SphinxTransform):
    """Index entries for the names each page mentions, at the first block naming each."""

    # before SphinxDomains (850), which collects the page's index nodes into the index; after smart quotes (750)
    default_priority = 845

    def apply(self, **kwargs) -> None:
        docname = self.env.docname
        if docname == GLOSSARY:
            file_under(self.document, GLOSSARY_GROUP)
        if docname in NOT_INDEXED:
            return
        title, seen = page_title(self.document), set()
        for block in list(blocks(self.document)):
            found = mentioned_anew(block_text(block, docname not in PROSE_ONLY), seen)
            if found:
                self._mark(block, found, title)

    def _mark(self, block: nodes.Element, terms: Sequence[Term], title: str) -> None:
        section, is_title = block.parent, isinstance(block, nodes.title)
        place = section.index(block) + is_title  # nothing may come before a section's title
        if is_title and section.get("ids"):
            target_id, new = section["ids"][0], []  # a title names its section: the entry points there
        else:
            target_id = f"index-{self.env.new_serialno('index')}"
            target = nodes.target("", "", ids=[target_id])
            self.document.note_explicit_target(target)
            new = [target]
        entries = [entry(t, title, target_id) for t in terms]
        index = addnodes.index(entries=entries, inline=False)
        index.source, index.line = block.source, block.line
        section[place:place] = [index, *new]


def stamp(terms: Iterable[Term]) -> str:
    """Changes when the names or this module change: the pages must then be read again for their entries."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(repr(list(terms)).encode())
    return digest.hexdigest()


def _reread_all(app, env, added, changed, removed) -> list[str]:
    # Sphinx re-reads only the pages whose source changed; a page's entries also depend on data/ and this module
    now = stamp(book_terms())
    if getattr(env, STAMP, None) == now:
        return []
    setattr(env, STAMP, now)
    return sorted(env.found_docs - set(removed))


def setup(app):
    app.add_transform(IndexNames)
    app.connect("env-get-outdated", _reread_all)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
