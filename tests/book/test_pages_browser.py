"""The book as its readers see it (issue 13): in Chromium at 1400 px and on a 390 px phone, in dark mode, and on
paper. Also unit tests of the helpers that make it so (kharkiv.plots.style, kharkiv.text.html_tables, scripts/make_pdf.py)."""

import html
import io
import subprocess
import sys
from pathlib import Path

import pytest

from kharkiv.data.paths import ROOT
from kharkiv.plots import charts, style
from kharkiv.text import html_tables as tables

sys.path.insert(0, str(ROOT / "scripts"))
import make_pdf

DESKTOP = {"width": 1400, "height": 900}
PHONE = {"width": 390, "height": 844}
CHARTS = "div.cell_output img, figure img"
OPEN_FOLDS = "document.querySelectorAll('details').forEach(d => d.open = true)"


def book_pages() -> list[str]:
    """Every page of the book, in the order of _toc.yml."""
    return [f"{p}.html" for p in make_pdf.toc_pages()]


def open_page(browser, url, viewport=DESKTOP, scheme="light"):
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    page = context.new_page()
    response = page.goto(url, wait_until="load")
    assert response is not None and response.ok, f"{url}: HTTP {response and response.status}"
    page.wait_for_function("Array.from(document.images).every(i => i.complete)")
    return context, page


# --- unit tests ---------------------------------------------------------------------------------------------


def test_a_chart_records_its_smallest_text_and_is_shown_at_the_size_it_was_drawn_for():
    fig, ax = style.figure()
    ax.set_title("A title")
    ax.text(0.5, 0.5, "small print", fontsize=7)
    data, meta = style.png(fig)
    info = style.png_text(data)
    assert float(info[style.KEY_MIN_PT]) == 7 and int(info[style.KEY_DPI]) == style.DPI
    natural = int.from_bytes(data[16:20], "big")
    assert meta["width"] == round(natural * style.CSS_DPI / style.DPI)  # shown at 96 CSS px per inch
    assert meta["width"] <= style.COLUMN_PX + 20
    # at its own width, 7 pt is 9.33 CSS px
    assert style.displayed_text_px(7, style.DPI, natural, meta["width"]) == pytest.approx(7 * 96 / 72)
    style.plt.close(fig)


def test_charts_are_transparent_and_data_text_is_plain():
    fig, ax = style.figure()
    ax.set_title(r"$\foo$ \$ and $x$")
    data, _ = style.png(fig)  # would raise on an invalid mathtext macro
    from PIL import Image

    assert Image.open(io.BytesIO(data)).getpixel((0, 0))[3] == 0, "the chart background is not transparent"
    style.plt.close(fig)


def test_long_tables_fold_and_the_summary_is_escaped():
    import pandas as pd

    df = pd.DataFrame({"a": range(tables.FOLD_ROWS + 1)})
    assert "<details" not in tables.html_table(df)
    assert "<details" in tables.show(df, fold=None).data
    assert "<details" not in tables.show(df.head(3), fold=None).data
    folded = tables.show(df, fold=True, summary="<b>x</b>").data
    assert "&lt;b&gt;x&lt;/b&gt;" in folded and "<b>x</b>" not in folded
    assert f"({len(df):,} entries)" in html.unescape(folded)


def test_at_most_six_colours_the_rest_are_other():
    import pandas as pd

    names = pd.Series(list("aaabbccddeeffgh"))
    grouped = charts.top_categories(names)
    assert grouped.nunique() == style.MAX_CATEGORIES and (grouped == charts.OTHER).sum() == 4  # f, f, g, h
    assert charts.top_categories(pd.Series(list("abc"))).tolist() == list("abc")


def test_the_pdf_follows_the_table_of_contents():
    pages = make_pdf.toc_pages()
    assert pages[0] == "book/intro" and len(pages) == len(set(pages))
    assert all((ROOT / f"{p}.ipynb").exists() or (ROOT / f"{p}.md").exists() for p in pages)


# --- in the browser -----------------------------------------------------------------------------------------


@pytest.mark.browser
def test_no_page_scrolls_sideways_on_a_phone(browser, server):
    problems = []
    for rel in book_pages():
        context, page = open_page(browser, server + rel, PHONE)
        page.evaluate(OPEN_FOLDS)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"] + 1:
            culprits = page.evaluate(
                """w => Array.from(document.querySelectorAll('.bd-article *'))
                    .filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest(`[style*="overflow"],
                      .kharkiv-table-wrap, div.output, div.cell_output, pre, figure, .highlight`))
                    .slice(0, 3).map(e => e.tagName + ': ' + (e.textContent || '').trim().slice(0, 50))""",
                PHONE["width"],
            )
            problems.append(f"{rel}: page is {width} px wide at 390 px: {culprits}")
        context.close()
    assert not problems, "\n".join(problems)


WORDS_BROKEN = """() => {
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


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1400px", "390px"])
def test_no_table_cell_breaks_a_word(browser, server, viewport):
    problems, cells = [], 0
    for rel in book_pages():
        context, page = open_page(browser, server + rel, viewport)
        page.evaluate(OPEN_FOLDS)
        cells += page.evaluate("document.querySelectorAll('.bd-article table td').length")
        broken = page.evaluate(WORDS_BROKEN)
        if broken:
            problems.append(f"{rel}: words broken inside a table cell: {broken}")
        context.close()
    assert cells > 0, "no table cells found"
    assert not problems, "\n".join(problems)


def _charts(page) -> list[dict]:
    return page.eval_on_selector_all(
        CHARTS,
        """els => els.map(e => ({src: e.getAttribute('src'), url: e.currentSrc, shown: e.getBoundingClientRect().width,
            natural: e.naturalWidth, link: (e.closest('a') || {}).href || null}))""",
    )


def _image_file(built_html: Path, rel: str, src: str) -> Path:
    return (built_html / rel).parent.joinpath(src).resolve()


@pytest.mark.browser
def test_every_chart_text_is_at_least_9_css_px_at_1400px(browser, server, built_html):
    problems, seen = [], 0
    for rel in book_pages():
        context, page = open_page(browser, server + rel, DESKTOP)
        for img in _charts(page):
            seen += 1
            path = _image_file(built_html, rel, img["src"])
            info = style.png_text(path.read_bytes()) if path.suffix == ".png" else {}
            if style.KEY_MIN_PT not in info:
                problems.append(
                    f"{rel}: {img['src']} records no text size (re-execute its notebook with kharkiv.plots.style)"
                )
                continue
            px = style.displayed_text_px(
                float(info[style.KEY_MIN_PT]), float(info[style.KEY_DPI]), img["natural"], img["shown"]
            )
            if px < style.MIN_TEXT_PX - 0.05:
                problems.append(
                    f"{rel}: {img['src']}: smallest text {px:.1f} CSS px ({info[style.KEY_MIN_PT]} pt, shown "
                    f"{img['shown']:.0f} of {img['natural']} px)"
                )
        context.close()
    assert seen > 0, "no charts found"
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_every_chart_opens_at_full_size(browser, server):
    problems, seen = [], 0
    for rel in book_pages():
        context, page = open_page(browser, server + rel, DESKTOP)
        for img in _charts(page):
            seen += 1
            if img["link"] != img["url"]:
                problems.append(f"{rel}: {img['src']} is not a link to itself (link: {img['link']})")
                continue
            response = page.request.get(img["link"])
            if not (response.ok and response.headers.get("content-type", "").startswith("image/")):
                problems.append(f"{rel}: {img['link']} does not open as an image")
            elif img["natural"] < img["shown"]:
                problems.append(f"{rel}: {img['src']} is smaller at full size than on the page")
        context.close()
    assert seen > 0, "no charts found"
    assert not problems, "\n".join(problems)


def _luminance(png: bytes, border_only: bool) -> float:
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


# The colour a table cell shows: its own background or, if transparent, the nearest ancestor's.
CELL_BACKGROUNDS = """() => {
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


@pytest.mark.browser
def test_in_dark_mode_no_chart_or_table_keeps_a_light_background(browser, server):
    problems, seen = [], 0
    for rel in book_pages():
        context, page = open_page(browser, server + rel, DESKTOP, scheme="dark")
        assert page.evaluate("document.documentElement.dataset.theme") == "dark"
        page.evaluate(OPEN_FOLDS)
        for k, lum in enumerate(page.evaluate(CELL_BACKGROUNDS)):
            seen += 1
            if lum > 0.45:
                problems.append(f"{rel}: table {k + 1} has a light background in dark mode ({lum:.2f})")
        for k, el in enumerate(page.query_selector_all(CHARTS)):  # what the reader sees: a screenshot
            el.scroll_into_view_if_needed()
            box = el.bounding_box()
            if not box or box["width"] < 4 or box["height"] < 4:
                continue
            seen += 1
            lum = _luminance(el.screenshot(), border_only=True)
            if lum > 0.45:
                problems.append(f"{rel}: chart {k + 1} has a light background in dark mode ({lum:.2f})")
        context.close()
    assert seen > 0
    assert not problems, "\n".join(problems)


@pytest.fixture(scope="session")
def book_pdf(built_html) -> Path:
    """The PDF of the built book. `make pdf` writes it; printing takes about 20 s, so the test prints it here
    once if it is missing or older than the HTML build, rather than fail on a stale file."""
    target = ROOT / "_build" / "pdf" / make_pdf.NAME
    built = (built_html / "searchindex.js").stat().st_mtime
    if not target.exists() or target.stat().st_mtime < built:
        # a separate process: Playwright's sync API cannot start inside the session's running browser loop
        subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "make_pdf.py"), "--html", str(built_html)], check=True
        )
    return target


@pytest.mark.browser
def test_the_pdf_holds_every_chapter_with_its_figures(book_pdf, built_html):
    from pypdf import PdfReader

    reader = PdfReader(book_pdf)
    titles = [o.title for o in reader.outline]
    pages = make_pdf.toc_pages()
    assert len(titles) == len(pages), f"{len(titles)} bookmarks for {len(pages)} chapters"
    text = "\n".join(p.extract_text() or "" for p in reader.pages)
    missing = [t for t in titles if t.split()[0] not in text]
    assert not missing, f"chapters missing from the PDF text: {missing}"
    in_pdf = sum(len(p.images) for p in reader.pages)
    in_html = 0
    for p in pages:
        page = (built_html / f"{p}.html").read_text(encoding="utf-8")
        in_html += page.count('<img alt="')
    assert in_pdf >= in_html, f"the PDF holds {in_pdf} images, the pages {in_html}"
