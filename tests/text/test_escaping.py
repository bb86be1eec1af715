"""kharkiv.text.escaping: text from the data reaches HTML and Markdown as text, never as markup (issue 23 item 1)."""

import html
import re

import pytest
from markdown_it import MarkdownIt

from kharkiv.text import escaping, links, prose

# A claimant's name crafted to be live Markdown and HTML: bold, a link, an outside image, raw HTML, an entity.
CRAFTED = (
    "**bold** _em_ [link](http://evil.example/) ![img](http://evil.example/x.png) "
    '<img src="http://evil.example/y.png"> <b>b</b> &amp; `code` {sub}`x` $x$\n\n# heading'
)
LIVE = ("<strong>", "<em>", "<img", "<b>", "<code>", "<h1>", 'evil.example/"', 'href="http://evil')


def _render(md: str) -> str:
    """Markdown as the book renders it: CommonMark with inline HTML passed through (as MyST does)."""
    return MarkdownIt("commonmark", {"html": True}).render(md)


def _shown(rendered: str) -> str:
    """The text a reader sees: tags dropped, entities decoded, spaces collapsed."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", rendered))).strip()


@pytest.mark.parametrize(
    "md",
    [
        lambda: links.rows_link_md(CRAFTED, ["e0001", "e0002"]),
        lambda: links.rows_link_md(CRAFTED, []),
        lambda: links.rows_link(CRAFTED, ["n0002"]).data,  # the value prose.glue_facts glues for {glue:md}
        lambda: prose.link_md(CRAFTED, "chronology.html#e0001"),
        lambda: (
            prose.markdown(prose.listing([prose.link_md(CRAFTED, "a.html"), escaping.md_text(CRAFTED)])).data
        ),
    ],
)
def test_a_crafted_name_stays_text_in_markdown(md):
    out = _render(md())
    for live in LIVE:
        assert live not in out, (live, out)
    assert " ".join(CRAFTED.split()) in _shown(out)  # and the reader sees it exactly as typed


def test_md_text_survives_as_the_same_text():
    for text in ["Kharkiv 1. 2-3 + #4 | a_b", 'O\'Brien & "Co" <x>', "C:\\path", "50%", "~~s~~"]:
        assert _shown(_render(escaping.md_text(text))) == text


def test_html_text_escapes_and_takes_missing_values():
    assert escaping.html_text('<a href="x">') == "&lt;a href=&quot;x&quot;&gt;"
    assert escaping.html_text('"q"', quote=False) == '"q"'
    assert escaping.html_text(None) == "" and escaping.html_text(float("nan")) == ""
