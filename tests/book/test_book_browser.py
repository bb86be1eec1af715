"""The built book in headless Chromium: pages load cleanly, images load with alt text, internal links resolve,
and nothing is fetched from outside the book."""

from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlparse

import pytest

from tests.conftest import visit


def is_redirect(path: Path) -> bool:
    return 'http-equiv="Refresh"' in path.read_text(encoding="utf-8")[:500]


def pages(built_html: Path) -> list[str]:
    """Every content page (redirect stubs such as index.html are checked on their own)."""
    return sorted(
        str(p.relative_to(built_html))
        for p in built_html.rglob("*.html")
        if not p.relative_to(built_html).parts[0].startswith("_") and not is_redirect(p)
    )


pytestmark = pytest.mark.browser


def test_book_has_the_expected_pages(built_html):
    found = pages(built_html)
    for required in ["book/intro.html", "notebooks/assault.html", "notebooks/codebook.html"]:
        assert required in found


def test_index_leads_to_the_landing_page(browser, server):
    page, errors, outside = visit(browser, server + "index.html")
    page.wait_for_url("**/book/intro.html")
    assert page.title().startswith("The Battle of Kharkiv") and not errors and not outside
    page.close()


def test_every_page_loads_without_console_errors_or_outside_requests(browser, server, built_html):
    problems = []
    for rel in pages(built_html):
        page, errors, outside = visit(browser, server + rel)
        page.close()
        problems += [f"{rel}: console: {e}" for e in errors] + [
            f"{rel}: outside request: {u}" for u in outside
        ]
    assert not problems, "\n".join(problems)


def test_every_image_loads_and_has_alt_text(browser, server, built_html):
    problems, seen = [], 0
    for rel in pages(built_html):
        page, _, _ = visit(browser, server + rel)
        for img in page.eval_on_selector_all(
            "img",
            "els => els.map(e => ({src: e.currentSrc || e.src, ok: e.complete && e.naturalWidth > 0,"
            " alt: (e.getAttribute('alt') || '').trim()}))",
        ):
            seen += 1
            if not img["ok"]:
                problems.append(f"{rel}: image did not load: {img['src']}")
            if not img["alt"]:
                problems.append(f"{rel}: image without alt text: {img['src']}")
        page.close()
    assert seen > 0, "no images at all: the charts are missing"
    assert not problems, "\n".join(problems)


def test_every_internal_link_resolves(browser, server, built_html):
    problems, checked = [], set()
    for rel in pages(built_html):
        page, _, _ = visit(browser, server + rel)
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
        page.close()
        for href in hrefs:
            target = urljoin(server + rel, href)
            if urlparse(target).netloc != urlparse(server).netloc or href.startswith(
                ("mailto:", "javascript:")
            ):
                continue
            base, frag = urldefrag(target)
            if (base, frag) in checked:
                continue
            checked.add((base, frag))
            path = built_html / urlparse(base).path.lstrip("/")
            if path.is_dir():
                path = path / "index.html"
            if not path.exists():
                problems.append(f"{rel}: broken link {href}")
            elif frag and "=" in frag and path.name == "explorer.html":
                continue  # a view of the explorer (#ids=..., #type=...): tests/test_explorer.py checks its ids
            elif frag and path.suffix == ".html" and f'id="{frag}"' not in path.read_text(encoding="utf-8"):
                problems.append(f"{rel}: missing anchor {href}")
    assert checked, "no internal links found"
    assert not problems, "\n".join(problems)
