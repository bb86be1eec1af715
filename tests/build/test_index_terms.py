"""The book's index of names (issue 24): which names a text mentions, the entries made from data/, and genindex.html
in the built book listing what a sample chapter names, each linked to an anchor that exists."""

import re
from types import SimpleNamespace
from urllib.parse import urldefrag

import pandas as pd
import pytest
from bs4 import BeautifulSoup
from docutils import nodes

from kharkiv.build import index_terms as it

SYNYEHUBOV = it.Term(it.PEOPLE, "Synyehubov, Oleh", ("Oleh Synyehubov", "Synyehubov", "Sinegubov"))
KHARKIV = it.Term(it.PLACES, "Kharkiv (city)", ("Kharkiv", "Kharkov"))
OBLAST = it.Term(it.PLACES, "Kharkiv Oblast", ("Kharkiv Oblast", "Kharkiv region"))
DONETS = it.Term(it.PLACES, "Siverskyi Donets (river)", ("Siverskyi Donets", "Donets"))
MOD_UK = it.Term(it.ORGANISATIONS, "UK MoD", ("Britain's Defence Ministry",))
BRIGADE = it.Term(it.UNITS, "92nd Mechanized Brigade", ("92nd Mechanized Brigade",))
BABEL = it.Term(it.ORGANISATIONS, "Babel (media)", ("Babel",))
MATCHER = it.Matcher([SYNYEHUBOV, KHARKIV, OBLAST, DONETS, MOD_UK, BRIGADE, BABEL])


# --- matching -----------------------------------------------------------------------------------------------------


def test_a_name_or_any_variant_mentions_the_term():
    assert MATCHER.mentioned("Governor Oleh Synyehubov said") == [SYNYEHUBOV]
    assert MATCHER.mentioned("Sinegubov said") == [SYNYEHUBOV]
    assert MATCHER.mentioned("shelling of Kharkov") == [KHARKIV]


def test_terms_come_once_each_in_the_order_of_first_mention():
    text = "In Kharkiv, Synyehubov said the 92nd Mechanized Brigade held Kharkiv; Sinegubov repeated it."
    assert MATCHER.mentioned(text) == [KHARKIV, SYNYEHUBOV, BRIGADE]


def test_no_match_inside_another_word():
    assert MATCHER.mentioned("the Donetsk region") == []  # Donets is a river, Donetsk another place
    assert MATCHER.mentioned("Kharkivska street, Synyehubovs, Babelfish, 192nd Mechanized Brigade") == []
    assert MATCHER.mentioned("Donets") == [DONETS]


def test_a_name_next_to_punctuation_is_a_mention():
    assert MATCHER.mentioned("(Kharkiv)") == [KHARKIV]
    assert MATCHER.mentioned("Synyehubov's statement") == [SYNYEHUBOV]
    assert MATCHER.mentioned("Kharkiv-based") == [KHARKIV]


def test_matching_is_case_sensitive_for_proper_names():
    assert MATCHER.mentioned("the tower of babel, kharkiv") == []


def test_the_longest_name_wins_where_names_overlap():
    assert MATCHER.mentioned("shelling across Kharkiv Oblast") == [OBLAST]
    assert MATCHER.mentioned("Kharkiv Oblast and Kharkiv") == [OBLAST, KHARKIV]


def test_line_breaks_and_typographic_apostrophes_do_not_hide_a_name():
    assert MATCHER.mentioned("said Oleh\n  Synyehubov") == [SYNYEHUBOV]
    assert MATCHER.mentioned("Britain\u2019s Defence Ministry said") == [MOD_UK]


def test_no_names_match_nothing():
    assert it.Matcher([]).mentioned("Kharkiv") == []


# --- the terms made from the tables -------------------------------------------------------------------------------


def test_proper_names_and_descriptions():
    for name in (
        "Oleh Zhdanov",
        "Slovo i Dilo",
        "the MoD",
        "Commander-in-Chief of the Armed Forces of Ukraine",
    ):
        assert it.is_proper_name(name), name
    for name in ("Ukrainian officials", "airborne unit (unnamed)", "battalion tactical group (generic)"):
        assert not it.is_proper_name(name), name
    assert it.is_proper_name("Maxim (Ukrainian military engineer)")  # the qualifier is not the name


def test_entries_read_as_an_index_does():
    role = "Head of the Kharkiv Regional State Administration (governor of Kharkiv Oblast)"
    assert it.person_entry("Oleh Synyehubov", role) == (
        "Synyehubov, Oleh (Head of the Kharkiv Regional State Administration)"
    )
    assert it.person_entry("Maxim (Ukrainian military engineer)", "Self-described") == (
        "Maxim (Ukrainian military engineer)"
    )
    assert it.qualified("Izium", "city") == "Izium (city)"
    assert it.qualified("Kharkiv Oblast", "oblast") == "Kharkiv Oblast"
    assert (
        it.qualified("Assumption Cathedral (Kharkiv)", "landmark")
        == "Assumption Cathedral, Kharkiv (landmark)"
    )
    assert ";" not in it.qualified("A; B", "town")  # ';' would split the entry in two


def test_claimants_give_people_and_named_organisations():
    claimants = pd.DataFrame(
        {
            "name": [
                "Oleh Zhdanov",
                "Ukrainian officials",
                "Human Rights Watch",
                "Unattributed",
                "Captured officer",
            ],
            "variants": ["Zhdanov", "Ukraine", "HRW; regional office", pd.NA, "captured officer"],
            "role": ["Military analyst", pd.NA, pd.NA, pd.NA, pd.NA],
            "kind": ["person", "government body", "NGO", "unattributed", "person"],
        }
    )
    terms = it.claimant_terms(claimants)
    assert terms == [
        it.Term(it.PEOPLE, "Zhdanov, Oleh (Military analyst)", ("Oleh Zhdanov", "Zhdanov")),
        it.Term(it.ORGANISATIONS, "Human Rights Watch (NGO)", ("Human Rights Watch", "HRW")),
    ]


def test_places_are_found_by_name_without_qualifier_and_variants_but_not_the_country():
    places = pd.DataFrame(
        {
            "name": ["Izium", "School No. 134 (Kharkiv)", "Ukraine"],
            "variants": ["Ізюм; Izyum", pd.NA, "Україна"],
            "kind": ["city", "landmark", "country"],
        }
    )
    assert it.place_terms(places) == [
        it.Term(it.PLACES, "Izium (city)", ("Izium", "Ізюм", "Izyum")),
        it.Term(
            it.PLACES, "School No. 134, Kharkiv (landmark)", ("School No. 134 (Kharkiv)", "School No. 134")
        ),
    ]


def test_units_are_the_named_units_of_events_and_statements():
    events = pd.DataFrame({"units": ["92nd Mechanized Brigade; 93rd Mechanized Brigade", pd.NA]})
    statements = pd.DataFrame({"unit_name": ["92nd Mechanized Brigade", "airborne unit (unnamed)", pd.NA]})
    assert [t.entry for t in it.unit_terms(events, statements)] == [
        "92nd Mechanized Brigade",
        "93rd Mechanized Brigade",
    ]


def test_the_book_indexes_people_places_and_units():
    groups = {t.group for t in it.book_terms()}
    assert {it.PEOPLE, it.PLACES, it.UNITS} <= groups


# --- the page's text ----------------------------------------------------------------------------------------------


def test_a_block_text_leaves_out_code_and_reads_html_outputs_as_text():
    block = nodes.container(
        "",
        nodes.literal_block("", "load_table('Izium')"),
        nodes.raw("", "<p data-x='Balakliia'>In <b>Kupiansk</b> &amp; Chuhuiv</p><script>Vovchansk</script>",
                  format="html"),
    )  # fmt: skip
    text = it.block_text(block, with_outputs=True)
    assert "Izium" not in text and "Balakliia" not in text and "Vovchansk" not in text
    assert "Kupiansk" in text and "& Chuhuiv" in text
    assert "Kupiansk" not in it.block_text(block, with_outputs=False)


def test_blocks_are_a_sections_children_in_page_order():
    para, sub_para = nodes.paragraph("", "one"), nodes.paragraph("", "two")
    section = nodes.section(
        "", nodes.title("", "Title"), para, nodes.section("", nodes.title("", "Sub"), sub_para)
    )
    document = nodes.document(None, None)
    document += section
    assert [b.astext() for b in it.blocks(document)] == ["Title", "one", "Sub", "two"]


def test_every_page_is_read_again_when_the_names_change_and_only_then():
    env = SimpleNamespace(found_docs={"a", "b", "c"})
    assert it._reread_all(None, env, set(), set(), {"c"}) == ["a", "b"]
    assert it._reread_all(None, env, set(), set(), set()) == []
    setattr(env, it.STAMP, "names of an older build")
    assert it._reread_all(None, env, set(), set(), set()) == ["a", "b", "c"]


# --- the built book -----------------------------------------------------------------------------------------------

SAMPLE = "notebooks/assault.html"


def _genindex(built_html) -> dict[str, dict[str, list[str]]]:
    """group heading -> entry -> the links of its sub-entries (and its own)."""
    soup = BeautifulSoup((built_html / "genindex.html").read_text(encoding="utf-8"), "html.parser")
    groups = {}
    for heading in soup.select("article h2"):
        table = heading.find_next_sibling("table")
        entries = groups.setdefault(heading.get_text(strip=True), {})
        for item in table.select("td > ul > li"):
            own = item.find("a", recursive=False)
            name = (own or item).find(string=True, recursive=False) or own.get_text()
            entries[name.strip()] = [a["href"] for a in item.find_all("a")]
    return groups


def _named_on(built_html, page: str) -> list[it.Term]:
    """The people, places and units the page's article names, as a reader sees it (code and the citation box
    left out)."""
    soup = BeautifulSoup((built_html / page).read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article.bd-article")
    for hidden in article.select("pre, script, style, .kharkiv-cite"):
        hidden.decompose()
    found = it.book_matcher().mentioned(article.get_text(" "))
    return [t for t in found if t.group in (it.PEOPLE, it.PLACES, it.UNITS)]


def _anchors(built_html, page: str) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', (built_html / page).read_text(encoding="utf-8")))


def test_genindex_lists_what_a_sample_chapter_names_with_links_there(built_html):
    index = _genindex(built_html)
    named = _named_on(built_html, SAMPLE)
    assert {it.PEOPLE, it.PLACES, it.UNITS} <= {t.group for t in named}, "the sample chapter names all three"
    anchors = _anchors(built_html, SAMPLE)
    for term in named:
        links = index.get(term.group, {}).get(term.entry)
        assert links, f"{term.entry} is not in the index under {term.group}"
        here = [urldefrag(link) for link in links if urldefrag(link)[0] == SAMPLE]
        assert here, f"{term.entry}: no link to {SAMPLE}"
        assert all(fragment in anchors for _, fragment in here), f"{term.entry}: {here}"


def test_every_genindex_link_reaches_an_anchor_that_exists(built_html):
    index = _genindex(built_html)
    assert {it.PEOPLE, it.PLACES, it.UNITS} <= set(index)
    links = [link for entries in index.values() for hrefs in entries.values() for link in hrefs]
    assert len(links) > 100
    anchors = {}
    for link in links:
        page, fragment = urldefrag(link)
        if page not in anchors:
            anchors[page] = _anchors(built_html, page) if (built_html / page).is_file() else set()
        assert fragment in anchors[page], link


@pytest.mark.parametrize("group", [it.PEOPLE, it.PLACES, it.UNITS])
def test_each_group_has_entries_linking_to_chapters(built_html, group):
    entries = _genindex(built_html)[group]
    assert entries
    assert all(hrefs for hrefs in entries.values()), "every entry links somewhere"
