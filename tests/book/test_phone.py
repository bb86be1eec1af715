"""Charts and tables on a phone (issue 24): at 390 px no chart or table is wider than its column and every chart's
smallest text is at least 11 CSS px as shown (the phone rendering that kharkiv.plots.style draws and
kharkiv.build.sphinxext serves through <picture>); unit tests of that rendering. The browser checks read
book_record (tests/conftest.py)."""

from urllib.parse import unquote, urlparse

from kharkiv.plots import style
from tests.conftest import shown_text_px


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


# --- in the browser (over book_record: tests/conftest.py, the view 390-light) ---------------------------------


def test_at_390px_no_chart_or_table_is_wider_than_its_column(book_record):
    problems = [
        f"{rel}: {el['tag'].lower()} {el['src'] or el['text']!r} overruns its column"
        for rel, r in book_record["390-light"].items()
        for el in r["columns"]  # every page, folds opened
        if el["right"] > el["column"] + 1 or (el["tag"] == "TABLE" and el["scrolls"])
    ]
    assert book_record["390-light"] and not problems, "\n".join(problems)


def test_at_390px_chart_text_is_at_least_11_css_px(book_record, built_html):
    # the image the phone shows (its <picture> source: currentSrc), read from the file the book's server sends
    problems, seen = [], 0
    for rel, r in book_record["390-light"].items():
        for img in r["images"]:
            if not img["chart"] or img["shown"] < 4:
                continue
            seen += 1
            px = shown_text_px(
                (built_html / unquote(urlparse(img["url"]).path).lstrip("/")).read_bytes(), img
            )
            if px is None:
                problems.append(f"{rel}: {img['url']} records no text size")
            elif px < style.PHONE_MIN_TEXT_PX - 0.05:
                problems.append(
                    f"{rel}: {img['url'].rsplit('/', 1)[-1]}: smallest text {px:.1f} CSS px on a phone"
                )
    assert seen > 0, "no charts found"
    assert not problems, "\n".join(problems)
