"""Shared fixtures: a scratch copy of data/ that a test may break, and the source documents."""

import csv
import functools
import http.server
import os
import shutil
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

from kharkiv.data.paths import DATA, ROOT, SEEDS_ENV, seeds_dir


@pytest.fixture
def seeds() -> Path:
    """The source documents; skipped with a reason where absent, but never in CI."""
    folder = seeds_dir()
    if folder is None:
        if os.environ.get("KHARKIV_REQUIRE_SEEDS"):
            pytest.fail(f"source documents not found: set {SEEDS_ENV} or provide ../shared/seeds")
        pytest.skip(f"source documents not found (set {SEEDS_ENV} or provide ../shared/seeds)")
    return folder


def pytest_unconfigure(config):
    """Outside CI the evidence tests skip without the documents: say so loudly, last, not in a skip line."""
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None and seeds_dir() is None:
        reporter.write_sep(
            "!",
            f"EVIDENCE NOT CHECKED: source documents not found (set {SEEDS_ENV} or provide ../shared/seeds)",
            red=True,
            bold=True,
        )


class Scratch:
    """A copy of data/ with helpers to edit one cell or one column of a table."""

    def __init__(self, root: Path):
        self.root = root
        shutil.copytree(DATA, root)  # geo too: the loader checks coordinates against its boundaries

    def rows(self, table: str) -> list[dict]:
        with open(self.root / f"{table}.csv", encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))

    def write(self, table: str, rows: list[dict], fields: list[str] | None = None) -> None:
        fields = fields or list(rows[0])
        with open(self.root / f"{table}.csv", "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
            w.writeheader()
            w.writerows(rows)

    def set(self, table: str, row: int, column: str, value: str) -> None:
        """Set a cell; row counts data rows from 1, as DataError does."""
        rows = self.rows(table)
        rows[row - 1][column] = value
        self.write(table, rows)


@pytest.fixture
def scratch(tmp_path) -> Scratch:
    return Scratch(tmp_path / "data")


@pytest.fixture(scope="session")
def built_html() -> Path:
    html = ROOT / "_build" / "html"
    if not (html / "index.html").exists():
        pytest.fail("the book is not built: run `make book` (make test builds it first)")
    return html


# --- the built book in headless Chromium (Debian chromium driven by Playwright) ---
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def server(built_html):
    handler = functools.partial(_QuietHandler, directory=str(built_html))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is not installed: apt-get install chromium (.ci/run does this)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def visit(browser, url):
    """Open a page; return (page, console errors, requests that left the book's host)."""
    page = browser.new_page()
    errors, outside = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    host = urlparse(url).netloc

    def route(r):
        if urlparse(r.request.url).netloc not in (host, ""):
            outside.append(r.request.url)
            return r.abort()
        return r.continue_()

    page.route("**/*", route)
    response = page.goto(url, wait_until="load")
    assert response is not None and response.ok, f"{url}: HTTP {response and response.status}"
    return page, errors, outside
