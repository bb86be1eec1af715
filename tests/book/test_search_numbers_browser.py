"""The book's search finds a number however the reader writes it, "2,850" or "2850", on exactly the pages that
state it (in either spelling), and on no other page."""

import re
import urllib.parse

import pytest

from tests.conftest import content_pages, visit

# numbers the book states: the Ukrainian claim for 11 September, and the losses of Fig. 18's claims
NUMBERS = ["2,850", "1,600"]
FINISHED = (
    "() => { const s = document.querySelector('#search-results p.search-summary');"
    " return s && /found|did not match/.test(s.innerText); }"
)


def _text(html: str) -> str:
    # what Sphinx indexes: the page's words, not its scripts or styles
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S | re.I)
    return re.sub(r"<[^>]+>", " ", html)


def _pages_stating(built_html, number: str) -> set[str]:
    digits = number.replace(",", "")
    either = re.compile(rf"(?<![0-9,]){re.escape(number)}(?![0-9]|,[0-9])|(?<!\w){digits}(?!\w)")
    no_text = built_html / "search.html", built_html / "genindex.html"  # pages Sphinx writes, not indexed
    return {
        rel
        for rel in content_pages(built_html)
        if built_html / rel not in no_text
        and either.search(_text((built_html / rel).read_text(encoding="utf-8")))
    }


def _hits(browser, server, query: str) -> set[str]:
    page, errors, _ = visit(browser, server + "search.html?q=" + urllib.parse.quote(query))
    page.wait_for_function(FINISHED, timeout=15000)
    hrefs = page.eval_on_selector_all(
        "#search-results ul.search li a", "els => els.map(e => e.getAttribute('href'))"
    )
    page.close()
    assert not errors, errors
    return {h.split("#")[0].split("?")[0] for h in hrefs}


@pytest.mark.browser
@pytest.mark.parametrize("number", NUMBERS)
def test_a_number_is_found_in_either_spelling_on_the_pages_that_state_it(browser, server, built_html, number):
    stating = _pages_stating(built_html, number)
    assert len(stating) >= 2, f"the book should state {number} on more than one page: {stating}"
    for query in (number, number.replace(",", "")):
        hits = _hits(browser, server, query)
        assert hits - stating == set(), (
            f"{query!r} finds pages that do not state it: {sorted(hits - stating)}"
        )
        assert stating - hits == set(), f"{query!r} misses pages that state it: {sorted(stating - hits)}"
