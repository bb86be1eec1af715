"""Lighter pages (issue 24): kharkiv.build.light's stylesheet and image steps, and the built book's first loads."""

import io

import pytest
from PIL import Image

from kharkiv.build import light
from kharkiv.plots import style
from tests.conftest import content_pages

FA_FACE = (
    '@font-face{font-family:"Font Awesome 6 Free";src:url(../vendor/fontawesome/webfonts/fa-solid-900.woff2)}'
)
CSS = (
    "/*! Font Awesome Free */"
    '.fa-solid,.fas{font-family:"Font Awesome 6 Free";font-weight:900}'
    '.fa-bars:before{content:"\\f0c9"}.fa-house:before{content:"\\f015"}'
    ".fa-house,.fa-spin{animation-name:fa-spin}@keyframes fa-spin{0%{transform:rotate(0)}}"
    "a.reference:not(.fa-house)::after{content:'}'}"
    "@media (min-width:960px){.fa-house{color:red}.navbar{color:blue}}"
    "@font-face{font-family:Lato;src:url(lato.woff2)}"
    + FA_FACE
    + ":root{--fa-font-solid:normal 900 1em/1 'Font Awesome 6 Free'}"
)


def test_unused_icon_rules_and_the_font_awesome_font_face_are_dropped():
    out = light.strip_font_awesome(CSS, {"fa-solid", "fa-bars"})
    assert ".fa-house" not in out.replace(":not(.fa-house)", "")
    assert "fa-solid-900" not in out and "font-family:Lato" in out  # other fonts stay
    assert "@keyframes fa-spin" not in out  # named only by the dropped rules


def test_every_rule_a_page_can_use_is_kept_as_it_was():
    out = light.strip_font_awesome(CSS, {"fa-solid", "fa-bars"})
    assert '.fa-solid,.fas{font-family:"Font Awesome 6 Free";font-weight:900}' not in out
    assert '.fa-solid{font-family:"Font Awesome 6 Free";font-weight:900}' in out  # .fas is named nowhere
    assert '.fa-bars:before{content:"\\f0c9"}' in out
    # a class under :not() does not rule the selector out
    assert "a.reference:not(.fa-house)::after{content:'}'}" in out
    assert "@media (min-width:960px){.navbar{color:blue}}" in out
    assert ":root{--fa-font-solid:" in out and "/*! Font Awesome Free */" in out  # the licence stays


def test_a_stylesheet_without_font_awesome_is_unchanged():
    css = "a{color:red}@media print{b{color:blue}}@import url(x.css);"
    assert light.strip_font_awesome(css, set()) == css


def test_used_classes_come_from_pages_and_the_scripts_they_load(tmp_path):
    (tmp_path / "_static").mkdir()
    (tmp_path / "_static" / "a.js").write_text('i.classList = "fa-solid fa-xmark"', encoding="utf-8")
    (tmp_path / "_static" / "fontawesome.js").write_text('"fa-house"', encoding="utf-8")  # loaded by no page
    page = (
        '<i class="fa-solid fa-bars"></i><span class="fade"></span><script src="_static/a.js?v=1"></script>'
    )
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    assert light.used_fa_classes(tmp_path) == {"fa-solid", "fa-bars", "fa-xmark"}


def _chart() -> bytes:
    fig, ax = style.figure()
    ax.plot([0, 1, 2], [2, 0, 1], label="events")
    ax.fill_between([0, 1, 2], [0, 0, 0], [1, 2, 1], alpha=0.3)
    style.title(ax, "A title in full")
    ax.legend()
    data, _ = style.png(fig)
    style.plt.close(fig)
    full, _narrow = style.split_narrow(data)
    return full


def test_a_chart_png_gets_a_palette_keeps_its_alpha_and_text_and_looks_the_same():
    data = _chart()
    out = light.palette_png(data)
    assert len(out) < len(data)
    before, after = Image.open(io.BytesIO(data)), Image.open(io.BytesIO(out))
    assert after.mode == "P" and after.size == before.size
    assert style.png_text(out) == style.png_text(data)  # the smallest text size and dpi the book checks
    assert after.info.get("dpi") == pytest.approx(before.info.get("dpi"))
    a, b = before.convert("RGBA"), after.convert("RGBA")
    assert b.getchannel("A").getextrema() == (0, 255)  # transparent background kept
    for bg in ((255, 255, 255, 255), (18, 18, 18, 255)):  # as a reader sees it, light or dark
        shown = [Image.alpha_composite(Image.new("RGBA", a.size, bg), x).convert("L") for x in (a, b)]
        diff = [abs(p - q) for p, q in zip(shown[0].tobytes(), shown[1].tobytes(), strict=True)]
        assert max(diff) <= 48 and sum(diff) / len(diff) < 1.0


def test_the_palette_step_is_deterministic_and_leaves_other_images_alone():
    data = _chart()
    assert light.palette_png(data) == light.palette_png(data)
    small = io.BytesIO()
    Image.new("P", (4, 4)).save(small, "PNG")
    assert light.palette_png(small.getvalue()) == small.getvalue()
    assert light.palette_png(b"not a png") == b"not a png"


# --- the built book ---------------------------------------------------------------------------------------------


def test_no_page_loads_the_search_index_but_the_search_page(built_html):
    pages = content_pages(built_html)
    loading = [p for p in pages if "searchindex.js" in (built_html / p).read_text(encoding="utf-8")]
    assert loading == ["search.html"]


def test_the_theme_stylesheet_has_no_font_awesome_font(built_html):
    css = (built_html / "_static" / "styles" / "pydata-sphinx-theme.css").read_text(encoding="utf-8")
    assert "fa-solid-900" not in css and ".fa-house:" not in css


def test_no_page_requests_the_font_awesome_font_or_script(book_record):
    # every page in every view (tests/book/test_a11y.py checked the script at 1400 px: merged here), the requests
    # of the whole visit until the network was idle (book_record: tests/conftest.py)
    problems = [
        f"{rel} [{view}]: {u}"
        for view, pages in book_record.items()
        for rel, r in pages.items()
        for u in r["requests"]
        if "fontawesome" in u.lower()
    ]
    assert all(r["requests"] for pages in book_record.values() for r in pages.values())
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_the_search_box_and_the_search_page_still_find(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.goto(server + "notebooks/chronology.html", wait_until="load")
    page.keyboard.press("Control+k")
    page.fill("#pst-search-dialog input[name=q]", "Kharkiv")
    page.press("#pst-search-dialog input[name=q]", "Enter")
    page.wait_for_url("**/search.html?q=Kharkiv*")
    page.wait_for_selector("#search-results ul.search li", timeout=15000)
    assert page.locator("#search-results ul.search li").count() > 0
    context.close()
