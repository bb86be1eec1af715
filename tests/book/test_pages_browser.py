"""The book as its readers see it (issue 13): in Chromium at 1400 px and on a 390 px phone, in dark mode, and on
paper (the browser checks read book_record: tests/conftest.py). Also unit tests of the helpers that make it so (kharkiv.plots.style, kharkiv.text.html_tables, scripts/make_pdf.py)."""

import html
import io
import mimetypes
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from kharkiv.data.paths import ROOT
from kharkiv.plots import charts, style
from kharkiv.text import html_tables as tables
from tests.conftest import PHONE, shown_text_px

sys.path.insert(0, str(ROOT / "scripts"))
import make_pdf

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


# --- in the browser (over book_record: tests/conftest.py) ---------------------------------------------------


def test_no_page_scrolls_sideways_on_a_phone(book_record):
    # every page, folds opened; at most the viewport's width (390 px), not a pixel more
    problems = [
        f"{rel}: page is {r['scroll_width']} px wide at {PHONE['width']} px: {r['too_wide']}"
        for rel, r in book_record["390-light"].items()
        if r["scroll_width"] > PHONE["width"]
    ]
    assert book_record["390-light"] and not problems, "\n".join(problems)


@pytest.mark.parametrize("view", ["1400-light", "390-light"])
def test_no_table_cell_breaks_a_word(book_record, view):
    problems, cells = [], 0
    for rel, r in book_record[view].items():
        cells += r["table_cells"]
        if r["broken_words"]:
            problems.append(f"{rel}: words broken inside a table cell: {r['broken_words']}")
    assert cells > 0, "no table cells found"
    assert not problems, "\n".join(problems)


def _charts(book_record, view="1400-light"):
    for rel, r in book_record[view].items():
        for img in r["images"]:
            if img["chart"]:
                yield rel, img


def _image_file(built_html: Path, rel: str, src: str) -> Path:
    return (built_html / rel).parent.joinpath(src).resolve()


def test_every_chart_text_is_at_least_9_css_px_at_1400px(book_record, built_html):
    problems, seen = [], 0
    for rel, img in _charts(book_record):
        seen += 1
        path = _image_file(built_html, rel, img["src"])
        px = shown_text_px(path.read_bytes(), img) if path.suffix == ".png" else None
        if px is None:
            problems.append(
                f"{rel}: {img['src']} records no text size (re-execute its notebook with kharkiv.plots.style)"
            )
        elif px < style.MIN_TEXT_PX - 0.05:
            problems.append(
                f"{rel}: {img['src']}: smallest text {px:.1f} CSS px (shown {img['shown']:.0f} of "
                f"{img['natural']} px)"
            )
    assert seen > 0, "no charts found"
    assert not problems, "\n".join(problems)


def test_every_chart_opens_at_full_size(book_record, built_html, server):
    # the link is the image's own file; the book's server sends a file by its name, so an image file is an image
    problems, seen = [], 0
    for rel, img in _charts(book_record):
        seen += 1
        if img["link"] != img["url"]:
            problems.append(f"{rel}: {img['src']} is not a link to itself (link: {img['link']})")
            continue
        path = built_html / unquote(urlparse(img["link"]).path).lstrip("/")
        kind = mimetypes.guess_type(path.name)[0] or ""
        if not (img["link"].startswith(server) and path.is_file() and kind.startswith("image/")):
            problems.append(f"{rel}: {img['link']} does not open as an image")
        elif img["natural"] < img["shown"]:
            problems.append(f"{rel}: {img['src']} is smaller at full size than on the page")
    assert seen > 0, "no charts found"
    assert not problems, "\n".join(problems)


def test_in_dark_mode_no_chart_or_table_keeps_a_light_background(book_record):
    problems, seen = [], 0
    for rel, r in book_record["1400-dark"].items():
        assert r["theme"] == "dark", rel
        for kind, values in (("table", r["table_backgrounds"]), ("chart", r["chart_backgrounds"])):
            for k, lum in enumerate(values):
                seen += 1
                if lum > 0.45:
                    problems.append(f"{rel}: {kind} {k + 1} has a light background in dark mode ({lum:.2f})")
    assert seen > 0
    assert not problems, "\n".join(problems)
