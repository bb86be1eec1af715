"""The bibliography leads out (issue 21): titles keep their capitals, authors are whole, the date is given once,
one name per outlet, entries link where a public reference establishes the address, and every 'citing' line can
link to its entry."""

import re

import pytest

from kharkiv.chapters import bibliography as bib
from kharkiv.data.load import load_tables
from kharkiv.data.paths import BUILD_HTML
from kharkiv.model import claims


@pytest.fixture(scope="module")
def tables():
    return load_tables()


@pytest.fixture(scope="module")
def written():
    return bib.read_bib()


def test_titles_keep_the_capitals_of_the_reference_list(seeds, written):
    reflist = bib.reference_list((seeds / "000_c121be9c419ef93c.txt").read_text(encoding="utf-8"))
    for title in written["title"]:
        assert title in reflist, f"title not as printed in the reference list: {title!r}"
    raw = bib.BIB.read_text(encoding="utf-8")
    titles = re.findall(r"^  title = (.*),?$", raw, flags=re.M)
    assert titles and all(t.startswith("{{") for t in titles), (
        "titles must be braced so the style keeps capitals"
    )


def test_authors_are_whole_and_the_date_is_given_once():
    raw = bib.BIB.read_text(encoding="utf-8")
    assert "Polglase, Katie" in raw and "{Katie and" not in raw
    assert not re.search(r"^  year = ", raw, flags=re.M), "the date is the note; a year field would repeat it"


def test_one_name_per_outlet(tables, written):
    names = bib.canonical_names(tables["outlets"])
    variants = {
        v for v, c in zip(tables["outlets"]["variant"], tables["outlets"]["canonical"], strict=True) if v != c
    }
    assert not set(written["outlet"]) & variants
    assert all(bib.canonical(o, names) == o for o in written["outlet"])


def test_entries_link_exactly_where_reference_links_says_linked(tables, written):
    links = tables["reference_links"]
    linked = links[links["status"] == "linked"]
    got = dict(zip(written["title"], written["url"], strict=True))
    for title, url in zip(linked["title"], linked["url"], strict=True):
        if title in got:
            assert got[title] == url, title
    assert (written["url"] != "").sum() == sum(t in got for t in linked["title"])
    assert all(u.startswith("https://") for u in written["url"] if u)


def test_every_citing_line_links_to_an_existing_entry(tables, written):
    keys = set(written["key"])
    n_linked = 0
    for df in (tables["event_sources"], tables["statements"]):
        for value in df["cited_outlet"].dropna():
            for part in claims.split_citations(value):
                outlet, date = bib._outlet_date(part)
                key = bib.entry_key(outlet, date)
                html = bib.citing_html(part)
                if key is None:
                    assert "href" not in html
                    continue
                assert key in keys
                assert f'href="../book/bibliography.html#ref-{key}"' in html, part
                n_linked += 1
    assert n_linked > 100


def test_a_citing_line_prefers_the_entry_of_its_date():
    assert bib.entry_key("CNN", "28 February 2022") != bib.entry_key("CNN", "4 March 2022")
    assert bib.entry_key("Ukrayinska Pravda") == bib.entry_key("Ukrainska Pravda")
    assert bib.entry_key("no such outlet") is None
    assert bib.citing_html("<b>x</b>, 1 May 2022") == "&lt;b&gt;x&lt;/b&gt;, 1 May 2022"


def test_the_built_bibliography_has_an_anchor_for_every_entry(written):
    page = BUILD_HTML / "book" / "bibliography.html"
    if not page.exists():
        pytest.skip("the book is not built (make html)")
    text = page.read_text(encoding="utf-8")
    for key in written["key"]:
        assert f'id="{bib.ANCHOR.format(key=key)}"' in text, key
    for url in written["url"]:
        if url:
            assert f'href="{url}"' in text, url


def test_the_closing_note_counts_the_linked_entries(written):
    facts = bib.link_facts(written)
    assert facts["n_bib_entries"] == f"{len(written):,}"
    assert facts["n_bib_linked"] == str(sum(1 for u in written["url"] if u))
    two = written.head(2).assign(url=["https://x.org/a", ""])
    assert bib.link_facts(two) == {"n_bib_entries": "2", "n_bib_linked": "1"}
    note = (bib.ROOT / "book" / "bibliography.md").read_text(encoding="utf-8")
    assert "sources.ipynb::n_bib_linked" in note and "sources.ipynb::n_bib_entries" in note
