"""The built pages as a reader sees them (issue 12): no code output, no template seams, no dataset internals in the
chapters, every event in the chronology and reachable by a link, and one wording for every shared count. The
checks in Chromium read book_record (tests/conftest.py).

These run on every chapter page, whoever owns it. "Chapters" are all content pages except the data part of the book
(methodology, sources, codebook, downloads), the reference pages and the explorer, which name ids on purpose.
"""

import json
import re
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin

import nbformat
import pytest
from bs4 import BeautifulSoup

from kharkiv.chapters import shared
from kharkiv.data import datapackage as schema
from kharkiv.data.load import load_tables
from kharkiv.data.paths import DATAPACKAGE, NOTEBOOKS
from kharkiv.model import counts, periods, views
from kharkiv.text import links

DATA_PART = {
    "book/methodology.html",
    "notebooks/sources.html",
    "notebooks/codebook.html",
    "notebooks/downloads.html",
}
REFERENCE = {"book/glossary.html", "book/bibliography.html", "notebooks/explorer.html"}

# Nouns the book counts; a number before one of them must agree with it.
SINGULAR = (
    "person|event|claim|tank|civilian|settlement|day|report|place|figure|vehicle|soldier|week|phase|source|"
    "document|strike|village|town|death|casualty|announcement|statement|row|claimant|outlet|building|unit"
)
PLURAL = (
    "people|persons|events|claims|tanks|civilians|settlements|days|reports|places|figures|vehicles|soldiers|weeks|"
    "phases|sources|documents|strikes|villages|towns|deaths|casualties|announcements|statements|rows|claimants|"
    "outlets|buildings|units"
)
NUMBER_WORDS = "two|three|four|five|six|seven|eight|nine|ten"
# A singular noun after a plural number is wrong only where the phrase ends there ("2 claim were made"), not where
# the noun qualifies another ("two tank crewmen", "two civilian volunteers").
PHRASE_END = (
    r"(?=\s*(?:[.,;:)!?|]|$)|\s(?:was|were|is|are|has|have|in|on|at|of|and|or|by|from|to|for|with|killed|wounded|"
    r"lost|destroyed|retaken|reported|recorded)\b)"
)
WRONG_NUMBER = [
    re.compile(rf"(?<![\d.,\-–/])\b1 (?:{PLURAL})\b"),
    re.compile(rf"(?<![\-–])\bone (?:{PLURAL})\b", re.IGNORECASE),
    re.compile(rf"(?<![\-–/.\d])\b(?:[2-9]|[1-9]\d+) (?:{SINGULAR}){PHRASE_END}"),
    re.compile(rf"(?<![\-–])\b(?:{NUMBER_WORDS}) (?:{SINGULAR}){PHRASE_END}", re.IGNORECASE),
]
LEFTOVERS = [
    re.compile(rf"\b0 (?:{PLURAL})\b"),
    re.compile(rf"\bzero (?:{PLURAL})\b", re.IGNORECASE),
    re.compile(r":\s*none\b"),
    re.compile(r"\(none\)", re.IGNORECASE),
    re.compile(r"\bno date\b", re.IGNORECASE),
    re.compile(r"\bNone\b(?! of\b)"),
    re.compile(r"\bnan\b"),
    re.compile(r"\bNaN\b"),
    re.compile(r"\bNaT\b"),
    re.compile(r"\bnone is recorded\b", re.IGNORECASE),
]
INTERNAL_ID = re.compile(r"\b(?:e\d{4}|n\d{4}|s\d{3})\b")
CODE_NAMES = re.compile(r"\bkharkiv\.[a-z_]+\b|the `?kharkiv`? package|\bdatapackage\.json\b")
OUTPUT_CLASSES = ("text_plain", "stream", "stderr", "traceback", "error")


def _is_redirect(path: Path) -> bool:
    return 'http-equiv="Refresh"' in path.read_text(encoding="utf-8")[:500]


def _pages(built_html: Path) -> list[str]:
    return sorted(
        str(p.relative_to(built_html))
        for p in built_html.rglob("*.html")
        if not p.relative_to(built_html).parts[0].startswith("_")
        and not _is_redirect(p)
        and p.name not in ("genindex.html", "search.html")
    )


def _main(built_html: Path, page: str) -> BeautifulSoup:
    soup = BeautifulSoup((built_html / page).read_text(encoding="utf-8"), "html.parser")
    return soup.find("article") or soup.find("main") or soup


def _text(node) -> str:
    """Visible prose of a page: code cells' source (hidden or not) and scripts removed."""
    node = BeautifulSoup(str(node), "html.parser")
    for tag in node.select("script, style, .cell_input, details.hide-input > summary, .headerlink"):
        tag.decompose()
    for cell in node.find_all(["td", "th"]):  # a table's cells are not one sentence
        cell.append(" | ")
    return re.sub(r"\s+", " ", node.get_text(" "))


def _chapters(built_html: Path) -> list[str]:
    return [p for p in _pages(built_html) if p not in DATA_PART | REFERENCE]


@pytest.fixture(scope="module")
def chapter_text(built_html) -> dict[str, str]:
    return {p: _text(_main(built_html, p)) for p in _chapters(built_html)}


def test_no_code_output_is_visible_on_a_chapter_page(built_html):
    bad = {}
    for page in _chapters(built_html):
        main = _main(built_html, page)
        found = [
            d.get_text()[:80]
            for d in main.select("div.output")
            if set(d.get("class", [])) & set(OUTPUT_CLASSES)
        ]
        if found:
            bad[page] = found[:3]
    assert not bad, f"code output shown on chapter pages: {bad}"


def _hits(patterns, text: str) -> list[str]:
    return [text[max(0, m.start() - 30) : m.end() + 30] for p in patterns for m in p.finditer(text)]


def test_numbers_agree_with_their_nouns(chapter_text):
    bad = {p: _hits(WRONG_NUMBER, t)[:5] for p, t in chapter_text.items() if _hits(WRONG_NUMBER, t)}
    assert not bad, f"a number and its noun disagree: {bad}"


def test_no_template_leftovers(chapter_text):
    bad = {p: _hits(LEFTOVERS, t)[:5] for p, t in chapter_text.items() if _hits(LEFTOVERS, t)}
    assert not bad, f"template leftovers on chapter pages: {bad}"


def _column_names() -> set[str]:
    """Field names of the data package that a reader would never write (those with an underscore)."""
    return {
        f["name"]
        for r in schema.resources(DATAPACKAGE).values()
        for f in schema.fields(r)
        if "_" in f["name"]
    }


def test_no_internal_ids_or_column_names_in_chapter_prose(chapter_text):
    columns = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, _column_names()))) + r")\b")
    bad = {}
    for page, text in chapter_text.items():
        hits = _hits([INTERNAL_ID, CODE_NAMES, columns], text)
        if hits:
            bad[page] = hits[:5]
    assert not bad, f"internal ids, code or column names in chapter prose: {bad}"


def test_the_chronology_holds_every_event(built_html):
    soup = BeautifulSoup((built_html / links.CHRONOLOGY).read_text(encoding="utf-8"), "html.parser")
    events = load_tables()["events"]
    missing = [e for e in events["event_id"] if soup.find(id=links.event_anchor(e)) is None]
    assert not missing, f"{len(missing)} events have no entry in the chronology: {missing[:10]}"
    for e in events.itertuples():
        entry = soup.find(id=links.event_anchor(e.event_id))
        assert str(e.summary).split()[0] in entry.get_text(), (
            f"{e.event_id}: its entry does not tell the event"
        )


def test_every_event_anchor_is_reached_by_a_link(built_html):
    reached = set()
    for page in _pages(built_html):
        soup = BeautifulSoup((built_html / page).read_text(encoding="utf-8"), "html.parser")
        for a in soup.find_all("a", href=True):
            url, frag = urldefrag(urljoin(page, a["href"]))
            if frag and url == links.CHRONOLOGY:
                reached.add(unquote(frag))
    events = load_tables()["events"]["event_id"]
    unreached = [e for e in events if links.event_anchor(e) not in reached]
    assert not unreached, f"{len(unreached)} event anchors no link reaches: {unreached[:10]}"


def _glued(path: Path) -> dict[str, str]:
    """Text values a notebook glues (its papermill records), by key."""
    out = {}
    for cell in nbformat.read(path, as_version=4).cells:
        for o in cell.get("outputs", []):
            name = o.get("metadata", {}).get("scrapbook", {}).get("name")
            text = o.get("data", {}).get("application/papermill.record/text/plain")
            if name and text is not None:
                out[name] = text
    return out


def test_shared_counts_are_worded_the_same_on_every_page():
    """A key of shared.shared_facts() means one thing: every notebook that glues it glues the same words."""
    expected = {k: repr(v) for k, v in shared.shared_facts(load_tables()).items()}
    bad = []
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        for key, text in _glued(path).items():
            if key in expected and text != expected[key]:
                bad.append(f"{path.name}: {key} = {text} (shared value {expected[key]})")
    assert not bad, "pages give different counts for the same thing: " + "; ".join(bad)


def test_shared_counts_render_identically_across_pages(built_html, chapter_text):
    """The same shared count, where several pages show it, reads the same: e.g. the settlements retaken in May."""
    facts = shared.shared_facts(load_tables())
    shown = json.dumps({k: [p for p, t in chapter_text.items() if v in t] for k, v in facts.items()})
    assert facts["may_n_settlements"] in chapter_text["notebooks/counteroffensives.html"], shown
    assert facts["assault_n_events"] in chapter_text["notebooks/assault.html"], shown


# --- the checks themselves, on small examples (so that a check that never fires is noticed) ---
@pytest.mark.parametrize(
    "text",
    [
        "1 people were killed",
        "2 claim were made",
        "one events",
        "three tanks and 1 tanks",
        "1 civilians",
        "two claim.",
    ],
)
def test_wrong_number_is_caught(text):
    assert _hits(WRONG_NUMBER, text)


@pytest.mark.parametrize(
    "text",
    [
        "1 person",
        "2 claims",
        "one event",
        "the 1st Guards Tank Army",
        "24 February",
        "a 2-day pause",
        "1.5 days",
    ],
)
def test_right_number_passes(text):
    assert not _hits(WRONG_NUMBER, text)


@pytest.mark.parametrize("text", ["0 events", "place: none", "(none)", "no date", "None", "nan", "NaT"])
def test_leftovers_are_caught(text):
    assert _hits(LEFTOVERS, text)


def test_none_of_is_plain_english():
    assert not _hits(LEFTOVERS, "None of the tolls is a total.")


STORY_PAGES = [
    "book/intro.html",
    "notebooks/chronology.html",
    "notebooks/phases.html",
    "notebooks/assault.html",
    "notebooks/counteroffensives.html",
]


@pytest.mark.parametrize("rel", STORY_PAGES)
def test_glued_text_is_not_bold_unless_the_prose_says_so(book_record, rel):
    # myst-nb styles every pasted span bold; a glued number reads as the sentence around it.
    bold = book_record["1400-light"][rel]["glued_bold"]
    assert not bold, f"{rel}: glued text drawn bolder than its sentence: {bold[:5]}"


# The story pages' phone check (no sideways scroll at 390 px, folds open) is the every-page one:
# tests/book/test_pages_browser.py::test_no_page_scrolls_sideways_on_a_phone.


@pytest.mark.parametrize("rel", ["notebooks/chronology.html", "notebooks/assault.html"])
def test_html_outputs_and_glued_maps_are_legible_in_dark_mode(book_record, rel):
    # The theme gives HTML outputs dark ink for a light box that kharkiv.css makes transparent; and it only dims
    # a glued figure's image, which then keeps its dark ink on the dark page.
    r = book_record["1400-dark"][rel]
    found = r["ink"]
    assert r["theme"] == "dark", rel
    assert found["key_events"] and set(found["key_events"]) == {found["body"]}, (
        f"{rel}: HTML output ink {found}"
    )
    assert all("invert" in f for f in found["figure_filters"]), (
        f"{rel}: a figure not inverted in dark mode: {found}"
    )


def test_landing_page_links_the_whole_book_as_one_pdf(built_html):
    # scripts/make_pdf.py writes _build/html/kharkiv-book.pdf; the landing page sits one folder below it.
    hrefs = [a.get("href") for a in _main(built_html, "book/intro.html").find_all("a")]
    assert "../kharkiv-book.pdf" in hrefs, "the landing page does not link the PDF"


def _numlinks(built_html: Path, page: str) -> dict[str, set[str]]:
    """Glued numbers that link to their rows in the explorer: text -> the ids in the link."""
    out = {}
    for a in _main(built_html, page).select("a.kx-numlink"):
        frag = unquote(urldefrag(a["href"]).fragment)
        out[a.get_text()] = set(frag.removeprefix("ids=").split(","))
    return out


def test_key_numbers_link_to_their_rows(built_html):
    t = load_tables()
    facts = shared.shared_facts(t)
    events = views.events(t)
    assault = _numlinks(built_html, "notebooks/assault.html")
    assert assault.get(facts["assault_n_events"]) == set(periods.assault_events(events)["event_id"])
    retaken = _numlinks(built_html, "notebooks/counteroffensives.html")
    for key, phase in (("may", periods.MAY), ("sept", periods.SEPTEMBER)):
        ids = set(counts.settlements_retaken(t, phase, distances=False)["event_id"])
        assert retaken.get(facts[f"{key}_n_settlements"]) == ids, key
    assert (
        len(_numlinks(built_html, "notebooks/phases.html")) == 2
    )  # the busiest and the quietest phase's rate


def test_every_chronology_entry_opens_in_the_explorer(built_html):
    page = _main(built_html, "notebooks/chronology.html")
    for e in load_tables()["events"]["event_id"]:
        entry = page.find(id=links.event_anchor(e))
        assert entry is not None, e
        assert entry.find("a", href=links.explorer_href(e)), f"{e}: no link to its explorer card"
