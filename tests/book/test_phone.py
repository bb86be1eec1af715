"""Charts and tables on a phone (issue 24): at 390 px no chart or table is wider than its column and every chart's
smallest text is at least 11 CSS px as shown (the phone rendering that kharkiv.plots.style draws and
kharkiv.build.sphinxext serves through <picture>); unit tests of that rendering."""

import pytest

from kharkiv.plots import style
from tests.conftest import OPEN_FOLDS, PHONE, content_pages, open_page

SHOWN = """sel => Array.from(document.querySelectorAll(sel)).map(e => {
  const col = e.closest('.bd-article').getBoundingClientRect();
  const r = e.getBoundingClientRect();
  return {src: e.currentSrc || e.getAttribute('src') || '', tag: e.tagName, width: r.width, natural: e.naturalWidth,
          right: r.right, column: col.right, text: (e.textContent || '').trim().slice(0, 40),
          scrolls: e.parentElement ? e.parentElement.scrollWidth > e.parentElement.clientWidth + 1 : false};
})"""


def test_a_chart_carries_a_phone_rendering_with_text_of_11_css_px():
    fig, ax = style.figure()
    ax.bar(["first phase of the battle", "second phase", "third phase"], [3, 1, 2], label="events")
    style.title(ax, "A long title that states the answer of the chart in a full sentence of words")
    ax.legend()
    style.source_line(fig)
    data, _ = style.png(fig)
    full, narrow = style.split_narrow(data)
    assert narrow is not None and style.NARROW_CHUNK not in full
    assert style.png_text(full)[style.KEY_MIN_PT] == style.png_text(data)[style.KEY_MIN_PT]
    width = int.from_bytes(narrow[16:20], "big") * style.CSS_DPI / style.DPI
    assert width <= style.PHONE_COLUMN_PX, f"the phone rendering is {width:.0f} px wide"
    assert float(style.png_text(narrow)[style.KEY_MIN_PT]) >= style.PHONE_MIN_TEXT_PT - 0.01
    style.plt.close(fig)


@pytest.mark.browser
def test_at_390px_no_chart_or_table_is_wider_than_its_column(browser, server, built_html):
    problems = []
    for rel in content_pages(built_html):
        context, page = open_page(browser, server + rel, PHONE)
        page.evaluate(OPEN_FOLDS)
        for el in page.evaluate(SHOWN, ".bd-article table, div.cell_output img, figure img"):
            if el["right"] > el["column"] + 1 or (el["tag"] == "TABLE" and el["scrolls"]):
                problems.append(f"{rel}: {el['tag'].lower()} {el['src'] or el['text']!r} overruns its column")
        context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_at_390px_chart_text_is_at_least_11_css_px(browser, server, built_html):
    problems, seen = [], 0
    for rel in content_pages(built_html):
        context, page = open_page(browser, server + rel, PHONE)
        for img in page.evaluate(SHOWN, "div.cell_output img, figure img"):
            if img["width"] < 4:
                continue
            seen += 1
            response = page.request.get(img["src"])
            info = style.png_text(response.body())
            if style.KEY_MIN_PT not in info:
                problems.append(f"{rel}: {img['src']} records no text size")
                continue
            px = style.displayed_text_px(
                float(info[style.KEY_MIN_PT]), float(info[style.KEY_DPI]), img["natural"], img["width"]
            )
            if px < style.PHONE_MIN_TEXT_PX - 0.05:
                problems.append(
                    f"{rel}: {img['src'].rsplit('/', 1)[-1]}: smallest text {px:.1f} CSS px on a phone"
                )
        context.close()
    assert seen > 0, "no charts found"
    assert not problems, "\n".join(problems)
