"""The built book: pages load cleanly in Chromium, images load with alt text, internal links resolve, and nothing is
fetched from outside the book. The browser checks read book_record (tests/conftest.py: one visit per page and view);
the link check reads the files."""

import functools
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlparse

from bs4 import BeautifulSoup

from tests.conftest import content_pages


def test_book_has_the_expected_pages(built_html):
    found = content_pages(built_html)
    for required in ["book/intro.html", "notebooks/assault.html", "notebooks/codebook.html"]:
        assert required in found


def test_index_leads_to_the_landing_page(book_record):
    index = book_record.index
    assert index["url"].endswith("/book/intro.html")
    assert index["title"].startswith("The Battle of Kharkiv") and not index["errors"] and not index["outside"]


def test_every_page_loads_without_console_errors_or_outside_requests(book_record):
    problems = []
    for view, pages in book_record.items():
        for rel, r in pages.items():
            if not (r["status"] and 200 <= r["status"] < 300):
                problems.append(f"{rel} ({view}): HTTP {r['status']}")
            problems += [
                f"{rel} ({view}): console: {m['text']}" for m in r["console"] if m["type"] == "error"
            ]
            problems += [f"{rel} ({view}): page error: {e}" for e in r["errors"]]
            problems += [f"{rel} ({view}): outside request: {u}" for u in r["outside"]]
    assert book_record.pages and not problems, "\n".join(problems)


def test_every_image_loads_and_has_alt_text(book_record):
    problems, seen = [], 0
    for view, pages in book_record.items():
        for rel, r in pages.items():
            for img in r["images"]:
                seen += 1
                if not img["ok"]:
                    problems.append(f"{rel} ({view}): image did not load: {img['url']}")
                if not img["alt"]:
                    problems.append(f"{rel} ({view}): image without alt text: {img['url']}")
    assert seen > 0, "no images at all: the charts are missing"
    assert not problems, "\n".join(problems)


@functools.cache
def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@functools.cache
def _file_links(built_html: Path, rel: str) -> tuple[str, ...]:
    soup = BeautifulSoup(_read(built_html / rel), "html.parser")
    return tuple(a["href"] for a in soup.find_all("a", href=True))


def _broken(built_html: Path, links: dict[str, list[str]]) -> tuple[list[str], int]:
    """Internal links (page -> hrefs as written) whose file or anchor is missing; and how many were checked."""
    problems, checked = [], set()
    for rel, hrefs in links.items():
        for href in hrefs:
            if urlparse(href).scheme or urlparse(href).netloc:
                continue  # outside the book (or mailto:, javascript:)
            target = urljoin("http://book/" + rel, href)
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
                continue  # a view of the explorer (#ids=..., #type=...): tests/chapters/test_explorer.py checks its ids
            elif frag and path.suffix == ".html" and f'id="{frag}"' not in _read(path):
                problems.append(f"{rel}: missing anchor {href}")
    return problems, len(checked)


def test_every_internal_link_resolves(built_html):
    problems, checked = _broken(
        built_html, {rel: _file_links(built_html, rel) for rel in content_pages(built_html)}
    )
    assert checked, "no internal links found"
    assert not problems, "\n".join(problems)


def test_links_the_pages_scripts_add_resolve_too(book_record, built_html):
    """Links that exist only once a page's scripts ran (the file check above cannot see them)."""
    added = {}
    for pages in book_record.values():
        for rel, r in pages.items():
            added.setdefault(rel, set()).update(set(r["links"]) - set(_file_links(built_html, rel)))
    problems, _ = _broken(built_html, {rel: sorted(hrefs) for rel, hrefs in added.items()})
    assert not problems, "\n".join(problems)
