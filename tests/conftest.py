"""Shared fixtures: a scratch copy of data/ that a test may break, the source documents, small synthetic frames,
and the built book (its folder, a server, a browser, and one record of every page in every view: book_record)."""

import csv
import functools
import http.server
import io
import os
import shutil
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd
import pytest

from kharkiv.build import chromium
from kharkiv.data.paths import DATA, ROOT, SEEDS_ENV, seeds_dir
from kharkiv.plots import style
from tests.fixtures_harm import ROWS as HARM_ROWS
from tests.fixtures_harm import statement_frame


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


# --- small synthetic frames shared by tests of several layers ----------------------------------------------------

EVENT_TYPES = [
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Strategic developments",
]


@pytest.fixture
def toy_phases() -> pd.DataFrame:
    """Two phases given out of order (b before a): 24-28 February and 1-14 March 2022, each with its evidence."""
    return pd.DataFrame(
        {
            "phase_id": ["b", "a"],
            "order": [2, 1],
            "name": ["Second", "First"],
            "start_date": pd.to_datetime(["2022-03-01", "2022-02-24"]),
            "end_date": pd.to_datetime(["2022-03-14", "2022-02-28"]),
            "start_source_id": ["s1", "s0"],
            "end_source_id": ["s1", "s1"],
            "start_evidence": ["B opens", "A opens"],
            "end_evidence": ["B closes", "A closes"],
        }
    )


def toy_events(types: list[str]) -> pd.DataFrame:
    """Four events e1-e4 (three in phase a at two places, one in phase b) of the given event types."""
    return pd.DataFrame(
        {
            "event_id": ["e1", "e2", "e3", "e4"],
            "start_date": pd.to_datetime(["2022-02-24", "2022-02-27", "2022-02-28", "2022-03-10"]),
            "event_type": pd.Categorical(types, categories=EVENT_TYPES),
            "place_id": ["x", "y", "x", "x"],
            "phase_id": ["a", "a", "a", "b"],
        }
    )


@pytest.fixture
def harm_statements() -> pd.DataFrame:
    """The civilian-harm statements of tests/fixtures_harm.py (ROWS), typed as the loader types them."""
    return statement_frame(HARM_ROWS)


# --- the built book ---------------------------------------------------------------------------------------------
#
# Markers (pyproject.toml) are given here from the fixtures a test asks for, so that they cannot be forgotten:
# `book` for built_html, server and book_record; `browser` for browser and book_record. Without _build/html a
# `book` test skips with a reason, except where KHARKIV_REQUIRE_BOOK=1 (make test builds the book first and sets
# it): there a missing book is a failure.
REQUIRE_BOOK_ENV = "KHARKIV_REQUIRE_BOOK"
BOOK_FIXTURES = {"built_html", "server", "book_record"}
BROWSER_FIXTURES = {"browser", "book_record"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & BOOK_FIXTURES:
            item.add_marker(pytest.mark.book)
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)


# make test runs on both cores (pytest-xdist, `-n 2`). A unit of work stays on one worker: a test file, so that a
# module's fixtures (a tampered build, a page) are made once and a notebook's cells run in order in one kernel; and
# every file that reads book_record together, so that the record is made once, not once per worker. (xdist's own
# loadgroup does not group with pytest 9, whose node ids it can no longer suffix.)
RECORD_UNIT = "book_record"


@functools.cache
def work_unit(rootpath: Path, nodeid: str) -> str:
    path = nodeid.split("::")[0]
    if path.endswith(".py") and "book_record" in (rootpath / path).read_text(encoding="utf-8"):
        return RECORD_UNIT
    return path


@pytest.hookimpl(tryfirst=True, optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    from xdist.scheduler import LoadScopeScheduling

    class Units(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return work_unit(config.rootpath, nodeid)

    return Units(config, log)


@pytest.fixture(autouse=True)
def _close_figures():
    """Every figure a test draws is closed after it (pyplot keeps them open and warns past 20)."""
    yield
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")


@pytest.fixture(scope="session")
def built_html() -> Path:
    html = ROOT / "_build" / "html"
    if not (html / "index.html").exists():
        if os.environ.get(REQUIRE_BOOK_ENV):
            pytest.fail(
                "the book is not built, though make test builds it first: see the html target's output"
            )
        pytest.skip("the book is not built: run `make html` (make test builds it first)")
    return html


def is_redirect(path: Path) -> bool:
    return 'http-equiv="Refresh"' in path.read_text(encoding="utf-8")[:500]


def content_pages(built_html: Path) -> list[str]:
    """Every content page of the built book (redirect stubs such as index.html left out), sorted."""
    return sorted(
        str(p.relative_to(built_html))
        for p in built_html.rglob("*.html")
        if not p.relative_to(built_html).parts[0].startswith("_") and not is_redirect(p)
    )


# --- the built book in headless Chromium (Debian chromium-headless-shell driven by Playwright) ---


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
    if why := chromium.missing():
        pytest.fail(why)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = chromium.launch(p)
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


def open_page(browser, url, viewport, scheme="light"):
    """Open a page in a context of its own (viewport, colour scheme) once its images have loaded;
    returns (context, page): close the context."""
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    page = context.new_page()
    response = page.goto(url, wait_until="load")
    assert response is not None and response.ok, f"{url}: HTTP {response and response.status}"
    page.wait_for_function("Array.from(document.images).every(i => i.complete)")
    return context, page


# --- one visit per page and view: the record the page checks read ------------------------------------------------
#
# book_record (session) opens every content page of the built book once in each VIEW and records what the page
# checks need; the checks are then plain Python over dicts, and a new check usually needs one more key here:
#
#   record = book_record["1400-light"]["notebooks/assault.html"]      # a dict, keys below
#   record["images"]      [{src, url, ok, alt, natural, shown, link}] every <img>; ok: loaded (naturalWidth > 0);
#                         natural/shown: its width in image pixels and on the page (CSS px); link: the href of
#                         the <a> around it, resolved, or None; chart: it matches CHARTS (a chart or a map)
#   record["links"]       every <a href> as written (after the page's scripts ran)
#   record["console"]     [{type, text}] every console message; record["errors"]: uncaught page errors;
#   record["outside"]     requests to another host (aborted); record["status"]: the HTTP status of the page
#   record["theme"]       document.documentElement.dataset.theme ("light" or "dark")
#   record["glued_bold"]  glued text (span.pasted-text) drawn bolder than its sentence
#   record["ink"]         {body, key_events: [colours], figure_filters: [CSS filters]} (for dark mode)
#   -- after every <details> is opened:
#   record["scroll_width"], record["too_wide"] (up to 3 elements past the viewport's right edge, if any)
#   record["table_cells"] the number of <td> in the article; record["broken_words"] words split across lines
#   record["table_backgrounds"]  per table, the lightest background luminance (0 black .. 1 white) of its cells
#   record["columns"]     [{src, tag, width, natural, right, column, text, scrolls}] every table and chart in the
#                         article: its right edge and its column's (CSS px); scrolls: its parent scrolls sideways
#   -- once every animation has settled (a fold's fade-in):
#   record["chart_backgrounds"]  in dark views only: per chart, the median luminance of its screenshot's border
#   record["axe"]         [{id, impact, help, nodes}] axe-core's WCAG 2.x A and AA violations (tests/vendor/axe-core)
#   record["requests"]    every URL the page requested during the visit, until the network was idle
#   (axe runs last, after the network was idle; what it logs and requests is not recorded)
#
# book_record.index holds the visit of index.html (a redirect stub): {url, title, errors, outside}.
DESKTOP = {"width": 1400, "height": 900}
PHONE = {"width": 390, "height": 844}
VIEWS = {
    "1400-light": (DESKTOP, "light"),
    "1400-dark": (DESKTOP, "dark"),
    "390-light": (PHONE, "light"),
}
# every chart, map and glued figure (the landing map is neither in a cell nor a figure)
CHARTS = ".bd-article img"
COLUMNS = ".bd-article table, .bd-article img"
OPEN_FOLDS = "document.querySelectorAll('details').forEach(d => d.open = true)"

_BEFORE_FOLDS = """charts => ({
  theme: document.documentElement.dataset.theme || null,
  images: Array.from(document.images).map(e => ({
    src: e.getAttribute('src'), url: e.currentSrc || e.src, ok: e.complete && e.naturalWidth > 0,
    alt: (e.getAttribute('alt') || '').trim(), natural: e.naturalWidth, shown: e.getBoundingClientRect().width,
    link: (e.closest('a') || {}).href || null, chart: e.matches(charts)})),
  links: Array.from(document.querySelectorAll('a[href]')).map(e => e.getAttribute('href')),
  glued_bold: Array.from(document.querySelectorAll('span.pasted-text'))
    .filter(s => !s.closest('strong, b, th, h1, h2, h3, h4, caption, summary'))
    .filter(s => getComputedStyle(s).fontWeight !== getComputedStyle(s.parentElement).fontWeight)
    .map(s => s.textContent.slice(0, 40)),
  ink: {
    body: getComputedStyle(document.querySelector('article') || document.body).color,
    key_events: Array.from(document.querySelectorAll('.kharkiv-key-events li, .kharkiv-dispatch li')).map(e => getComputedStyle(e).color),
    figure_filters: Array.from(document.querySelectorAll('article figure img')).map(i => getComputedStyle(i).filter),
  },
})"""

_WORDS_BROKEN = """() => {
  const broken = [];
  document.querySelectorAll('.bd-article table td, .bd-article table th').forEach(cell => {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      const re = /[\\p{L}\\p{N}]+(?:['\\u2019][\\p{L}]+)*/gu;  // a word: letters and digits (and an apostrophe)
      let m;
      while ((m = re.exec(node.data))) {
        if (m[0].length < 2) continue;
        const r = document.createRange();
        r.setStart(node, m.index);
        r.setEnd(node, m.index + m[0].length);
        const lines = new Set(Array.from(r.getClientRects()).filter(x => x.width > 0).map(x => Math.round(x.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
  });
  return broken.slice(0, 5);
}"""

# The colour a table cell shows: its own background or, if transparent, the nearest ancestor's.
_CELL_BACKGROUNDS = """() => {
  const shown = e => {
    for (; e; e = e.parentElement) {
      const c = getComputedStyle(e).backgroundColor.match(/[\\d.]+/g).map(Number);
      if (c.length < 4 || c[3] > 0.5) return c;
    }
    return [255, 255, 255];
  };
  return Array.from(document.querySelectorAll('.bd-article table')).map(t => {
    const cells = Array.from(t.querySelectorAll('th, td')).slice(0, 40);
    return Math.max(...cells.map(c => { const [r, g, b] = shown(c); return (0.299 * r + 0.587 * g + 0.114 * b) / 255; }));
  });
}"""

_AFTER_FOLDS = (
    """([w, sel]) => ({
  scroll_width: document.documentElement.scrollWidth,
  too_wide: document.documentElement.scrollWidth <= w ? [] : Array.from(document.querySelectorAll('body *'))
    .filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest(`[style*="overflow"],
      .kharkiv-table-wrap, div.output, div.cell_output, pre, figure, .highlight`))
    .slice(0, 3).map(e => e.tagName + '.' + e.className + ': ' + (e.textContent || '').trim().slice(0, 50)),
  table_cells: document.querySelectorAll('.bd-article table td').length,
  broken_words: ("""
    + _WORDS_BROKEN
    + """)(),
  table_backgrounds: ("""
    + _CELL_BACKGROUNDS
    + """)(),
  columns: Array.from(document.querySelectorAll(sel)).map(e => {
    const col = e.closest('.bd-article').getBoundingClientRect();
    const r = e.getBoundingClientRect();
    return {src: e.currentSrc || e.getAttribute('src') || '', tag: e.tagName, width: r.width, natural: e.naturalWidth,
            right: r.right, column: col.right, text: (e.textContent || '').trim().slice(0, 40),
            scrolls: e.parentElement ? e.parentElement.scrollWidth > e.parentElement.clientWidth + 1 : false};
  }),
})"""
)

# axe-core, vendored from the npm registry, run over every page in every view (tests/book/test_a11y.py)
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RUN_AXE = """async tags => {
  const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + (n.failureSummary || '').split('\\n')[1])}));
}"""

# An opened fold fades its content in (sphinx-togglebutton's toggle-fade-in, 0.3 s): measured midway, code shows
# at three quarters of its colour and fails contrast that it meets once shown. Wait for every finite animation.
SETTLED = """() => document.getAnimations().every(a =>
  a.playState !== 'running' || a.effect.getComputedTiming().endTime === Infinity)"""


def axe_violations(page) -> list[dict]:
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    return page.evaluate(RUN_AXE, WCAG_AA)


def luminance(png: bytes, border_only: bool) -> float:
    """Median luminance (0 black .. 1 white) of a screenshot, or of its one-pixel border."""
    from PIL import Image

    im = Image.open(io.BytesIO(png)).convert("L")
    w, h = im.size
    if border_only:
        px = [im.getpixel((x, y)) for x in range(w) for y in (0, h - 1)]
        px += [im.getpixel((x, y)) for y in range(h) for x in (0, w - 1)]
    else:
        px = list(im.tobytes())
    px.sort()
    return px[len(px) // 2] / 255


# What a finished build leaves in _build/: the build's folders and its lock, nothing a killed or failed run left
BUILD_LEFT = [".doctrees", ".lock", "html", "jupyter_execute", "pdf"]


def shown_text_px(png: bytes, img: dict) -> float | None:
    """The smallest text of a chart in CSS px as the page shows it: the size its PNG records (kharkiv.plots.style)
    at the width the record measured (img: a record's image, natural and shown widths); None if it records none."""
    info = style.png_text(png)
    if style.KEY_MIN_PT not in info:
        return None
    return style.displayed_text_px(
        float(info[style.KEY_MIN_PT]), float(info[style.KEY_DPI]), img["natural"], img["shown"]
    )


class BookRecord(dict):
    """view name -> page -> record (see above); .pages: the pages visited; .index: the visit of index.html."""

    pages: list[str]
    index: dict


def _record_view(browser, server: str, pages: list[str], viewport: dict, scheme: str) -> dict[str, dict]:
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    page = context.new_page()
    host = urlparse(server).netloc
    current: dict = {}
    page.on("console", lambda m: current["console"].append({"type": m.type, "text": m.text}))
    page.on("pageerror", lambda e: current["errors"].append(str(e)))
    page.on("request", lambda r: current["requests"].append(r.url))

    def route(r):
        if urlparse(r.request.url).netloc not in (host, ""):
            current["outside"].append(r.request.url)
            return r.abort()
        return r.continue_()

    page.route("**/*", route)
    out = {}
    for rel in pages:
        current = out[rel] = {"console": [], "errors": [], "outside": [], "requests": []}
        response = page.goto(server + rel, wait_until="load")
        current["status"] = response.status if response else None
        page.wait_for_function("Array.from(document.images).every(i => i.complete)")
        current.update(page.evaluate(_BEFORE_FOLDS, CHARTS))
        page.evaluate(OPEN_FOLDS)
        current.update(page.evaluate(_AFTER_FOLDS, [viewport["width"], COLUMNS]))
        page.wait_for_function(SETTLED)  # what a reader sees, not a fold's fade-in midway
        if scheme == "dark":  # what the reader sees: a screenshot of each chart
            current["chart_backgrounds"] = []
            for el in page.query_selector_all(CHARTS):
                el.scroll_into_view_if_needed()
                box = el.bounding_box()
                if box and box["width"] >= 4 and box["height"] >= 4:
                    current["chart_backgrounds"].append(luminance(el.screenshot(), border_only=True))
        page.wait_for_load_state("networkidle")  # a late request (a font, a script) is recorded too
        record = current
        current = {"console": [], "errors": [], "outside": [], "requests": []}  # axe's own (it fetches CSS)
        record["axe"] = axe_violations(page)
    context.close()
    return out


@pytest.fixture(scope="session")
def book_record(browser, server, built_html) -> BookRecord:
    record = BookRecord()
    record.pages = content_pages(built_html)
    for name, (viewport, scheme) in VIEWS.items():
        record[name] = _record_view(browser, server, record.pages, viewport, scheme)
    page, errors, outside = visit(browser, server + "index.html")
    page.wait_for_url("**/book/intro.html")
    record.index = {"url": page.url, "title": page.title(), "errors": errors, "outside": outside}
    page.close()
    return record
