"""The explorer (notebooks/explorer.html): its data, its links, its filters in Chromium, and the book's search."""

import functools
import http.server
import json
import re
import shutil
import threading
from pathlib import Path
from urllib.parse import unquote, urlparse

import pandas as pd
import pytest

from kharkiv.build.explorer_bench import replace_explorer, synthetic_tables
from kharkiv.chapters import explorer
from kharkiv.data.load import load_tables, validate_and_load
from kharkiv.model import views
from kharkiv.text import links
from tests.conftest import visit

PAGE = "notebooks/explorer.html"
PAYLOAD = '</script><script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"><b id="injected">b</b>'


# --- the package ------------------------------------------------------------------------------------------


def test_ids_sort_numerically_beyond_four_digits():
    assert explorer.sort_ids(["e10000", "e0028", "e9999", "n0017", "e0028"]) == [
        "e0028",
        "e9999",
        "e10000",
        "n0017",
    ]


def test_a_figure_reads_as_reported_with_its_noun_in_number():
    assert explorer.fmt_value(1, None, "exact", "people") == "1 person"
    assert explorer.fmt_value(1, None, "exact", "tanks") == "1 tank"
    assert explorer.fmt_value(606, None, "at least", "people") == "at least 606 people"
    assert explorer.fmt_value(9, 11, "range", "people") == "9 to 11 people"
    assert explorer.fmt_value(None, None, "dozens", "people") == "dozens"


def test_json_in_the_page_cannot_end_its_script_element():
    data = {"summary": PAYLOAD + " & \u2028"}
    tag = explorer.json_script(data, "kx-data")
    inner = tag[tag.index(">") + 1 : tag.rindex("</script>")]
    assert "<" not in inner and ">" not in inner and "&" not in inner
    assert json.loads(inner) == data


def test_the_data_holds_every_event_figure_and_source_excerpt():
    t = load_tables()
    d = explorer.explorer_data(t)
    assert sorted(d["events"]["id"]) == sorted(t["events"]["event_id"])
    assert sorted(d["figures"]["id"]) == sorted(t["statements"]["statement_id"])
    excerpts = {(e, c[1]) for e, cs in zip(d["events"]["id"], d["events"]["cites"], strict=True) for c in cs}
    assert excerpts == set(zip(t["event_sources"]["event_id"], t["event_sources"]["evidence"], strict=True))


def test_the_no_js_list_escapes_text_from_the_data(scratch):
    rows = scratch.rows("events")
    scratch.set("events", 1, "summary", PAYLOAD)
    html = explorer.page_html(validate_and_load(scratch.root, seeds=False))
    assert PAYLOAD not in html and '<b id="injected">' not in html
    assert "&lt;b id=&quot;injected&quot;&gt;" in html
    assert f'id="{rows[0]["event_id"]}"' in html


def test_synthetic_tables_keep_ids_unique_at_scale():
    t = synthetic_tables(load_tables(), 3)
    assert t["events"]["event_id"].is_unique and t["statements"]["statement_id"].is_unique
    assert len(t["events"]) == 3 * len(load_tables()["events"])
    assert set(t["event_sources"]["event_id"]) <= set(t["events"]["event_id"])


def test_link_helpers_escape_and_point_at_the_explorer():
    assert links.event_link_html("e0028") == '<a class="kx-link" href="explorer.html#e0028">e0028</a>'
    a = links.event_link_html("e0028", "<i>x</i>", from_dir="book", to="chronology")
    assert a == '<a class="kx-link" href="../notebooks/chronology.html#e0028">&lt;i&gt;x&lt;/i&gt;</a>'
    md = links.rows_link_md("606", ["n0601", "e0028"], from_dir="book")
    assert 'href="../notebooks/explorer.html#ids=e0028,n0601"' in md and ">606</a>" in md


# --- the built page ---------------------------------------------------------------------------------------


def _open(browser, url):
    page, errors, outside = visit(browser, url)
    page.wait_for_function("document.getElementById('kx-explorer').dataset.ready === '1'")
    return page, errors, outside


@pytest.fixture(scope="module")
def events():
    return views.events(load_tables())


@pytest.mark.browser
def test_the_page_loads_cleanly_and_only_from_the_book(browser, server):
    page, errors, outside = _open(browser, server + PAGE)
    assert not errors, errors
    assert not outside, outside
    assert page.locator("#kx-list article.kx-card").count() > 0
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize(
    "control, value, expected",
    [
        ("kx-f-type", "Battles", lambda ev: (ev["event_type"] == "Battles").sum()),
        ("kx-f-verif", "claimed", lambda ev: (ev["verification"] == "claimed").sum()),
        ("kx-f-phase", "bombardment-and-siege", lambda ev: (ev["phase_id"] == "bombardment-and-siege").sum()),
    ],
)
def test_a_filter_gives_the_count_pandas_gives(browser, server, events, control, value, expected):
    page, errors, _ = _open(browser, server + PAGE)
    page.select_option(f"#{control}", value)
    assert page.evaluate("window.kxExplorer.count.events") == int(expected(events))
    assert not errors
    page.close()


@pytest.mark.browser
def test_the_date_fields_filter_like_pandas(browser, server, events):
    page, _, _ = _open(browser, server + PAGE)
    page.fill("#kx-f-from", "1 March 2022")
    page.press("#kx-f-from", "Enter")
    page.fill("#kx-f-to", "31/03/2022")
    page.press("#kx-f-to", "Enter")
    lo, hi = pd.Timestamp("2022-03-01"), pd.Timestamp("2022-03-31")
    inside = (events["start_date"] >= lo) & (events["end_date"] <= hi)
    over = (events["end_date"] >= lo) & (events["start_date"] <= hi) & ~inside
    assert page.evaluate("window.kxExplorer.count.events") == int(inside.sum())
    assert page.evaluate("window.kxExplorer.overlap.events") == int(over.sum())
    assert page.input_value("#kx-f-to") == "31 March 2022"  # shown as the book writes dates
    assert page.evaluate("window.kxExplorer.state().to") == "2022-03-31"
    # one day (28 February): its events first, then, on request, the longer periods that overlap it
    for k in ("from", "to"):
        page.fill(f"#kx-f-{k}", "28 February 2022")
        page.press(f"#kx-f-{k}", "Enter")
    day = pd.Timestamp("2022-02-28")
    inside = (events["start_date"] >= day) & (events["end_date"] <= day)
    over = (events["end_date"] >= day) & (events["start_date"] <= day) & ~inside
    assert 0 < inside.sum() < 20 and over.sum() > 0
    assert f"{int(over.sum())} longer period" in page.inner_text(".kx-overlapbar")
    page.click(".kx-overlapbar button")
    ids = page.eval_on_selector_all("#kx-list article.kx-card", "els => els.map(e => e.id)")
    assert ids[: int(inside.sum())] == list(events[inside]["event_id"])
    assert sorted(ids[int(inside.sum()) :]) == sorted(events[over]["event_id"])
    assert "overlap" in page.inner_text(".kx-overlap-head")
    page.close()


@pytest.mark.browser
def test_the_url_round_trips_the_filter_state(browser, server):
    page, _, _ = _open(browser, server + PAGE)
    page.select_option("#kx-f-type", "Explosions/Remote violence")
    page.fill("#kx-f-from", "2022-03-01")
    page.press("#kx-f-from", "Enter")
    page.fill("#kx-f-q", "Kharkiv")
    page.wait_for_function("location.hash.includes('q=Kharkiv')")
    url, state, count = (
        page.url,
        page.evaluate("window.kxExplorer.state()"),
        page.evaluate("window.kxExplorer.count"),
    )
    page.close()
    again, _, _ = _open(browser, url)
    assert again.evaluate("window.kxExplorer.state()") == state
    assert again.evaluate("window.kxExplorer.count") == count
    assert again.locator(".kx-chip").all_inner_texts() == ["Explosions/Remote violence ✕"]
    assert again.input_value("#kx-f-from") == "1 March 2022"
    again.close()


@pytest.mark.browser
def test_a_permalink_opens_the_right_card(browser, server, events):
    row = events.iloc[len(events) // 2]
    page, errors, _ = _open(browser, server + PAGE + "#" + row["event_id"])
    card = page.locator(f"article.kx-card#{row['event_id']}")
    assert card.count() == 1 and card.is_visible()
    assert row["summary"] in card.inner_text()
    assert page.evaluate("document.activeElement.id") == row["event_id"]
    assert page.evaluate("window.kxExplorer.count.events") == 1
    assert not errors
    page.close()


@pytest.mark.browser
def test_every_event_and_figure_id_has_a_working_link(browser, server, built_html):
    t = load_tables()
    ids = [*t["events"]["event_id"], *t["statements"]["statement_id"]]
    static = (built_html / PAGE).read_text(encoding="utf-8")
    assert not [i for i in ids if f'id="{i}"' not in static], "the page without JavaScript lacks anchors"
    page, _, _ = _open(browser, server + PAGE)
    missing = page.evaluate(
        """async (ids) => {
          const out = [];
          for (const id of ids) {
            // the explorer's handler ran once this listener, added after it, hears the same event
            const changed = new Promise((r) => window.addEventListener('hashchange', r, {once: true}));
            location.hash = id;
            await changed;
            const el = document.getElementById(id);
            if (!el || !el.closest('#kx-list')) out.push(id);
          }
          return out;
        }""",
        ids,
    )
    assert not missing, missing
    page.close()


@pytest.mark.browser
def test_a_set_of_ids_opens_exactly_those_rows(browser, server):
    page, _, _ = _open(browser, server + PAGE + "#ids=n0601,e0028,n0017")
    assert page.evaluate("window.kxExplorer.count") == {"events": 1, "figures": 2, "shown": 1}
    page.close()


@pytest.mark.browser
def test_every_link_into_the_explorer_from_the_book_names_rows_that_exist(built_html):
    t = load_tables()
    known = {*t["events"]["event_id"], *t["statements"]["statement_id"]}
    bad = []
    for f in built_html.rglob("*.html"):
        for href in re.findall(r'href="([^"]*explorer\.html#[^"]*)"', f.read_text(encoding="utf-8")):
            frag = unquote(urlparse(href).fragment)
            ids = frag[4:].split(",") if frag.startswith("ids=") else [] if "=" in frag else [frag]
            bad += [f"{f.name}: {href}" for i in ids if i not in known]
    assert not bad, bad


@pytest.mark.browser
def test_without_javascript_the_page_lists_every_event(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + PAGE)
    assert page.locator("#kx-nojs article.kx-card").count() == len(load_tables()["events"])
    context.close()


@pytest.mark.browser
def test_keyboard_reaches_the_filters_and_the_map(browser, server):
    page, _, _ = _open(browser, server + PAGE)
    page.focus("#kx-f-type")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "kx-f-sub"
    dot = page.locator("#kx-dots circle").first
    dot.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("window.kxExplorer.state().place")
    page.close()


@pytest.mark.browser
def test_explorer_assets_load_on_its_page_only(built_html):
    other = (built_html / "notebooks" / "sources.html").read_text(encoding="utf-8")
    assert "explorer.js" not in other and "explorer.css" not in other
    assert "explorer.js" in (built_html / PAGE).read_text(encoding="utf-8")


@pytest.mark.browser
@pytest.mark.parametrize("query", ["606", "Freedom Square", "Synyehubov"])
def test_the_search_finds_ids_places_people_and_numbers(browser, server, query):
    page, errors, _ = visit(browser, server + f"search.html?q={query}")
    page.wait_for_selector("#search-results ul.search li", timeout=15000)
    hits = page.eval_on_selector_all("#search-results ul.search li a", "els => els.map(e => e.href)")
    assert any("notebooks/explorer.html" in h for h in hits), hits
    assert not errors
    page.close()


@pytest.mark.browser
def test_the_search_finds_an_event_by_its_id(browser, server):
    eid = load_tables()["events"]["event_id"].iloc[27]
    page, _, _ = visit(browser, server + f"search.html?q={eid}")
    page.wait_for_selector("#search-results ul.search li", timeout=15000)
    hits = page.eval_on_selector_all("#search-results ul.search li a", "els => els.map(e => e.href)")
    assert any("notebooks/explorer.html" in h for h in hits), hits
    page.close()


# --- markup in the data, in a copy of the built page ------------------------------------------------------


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.mark.browser
def test_markup_in_the_data_shows_as_text(scratch, tmp_path, browser, built_html):
    ev = scratch.rows("events")
    scratch.set("events", 1, "summary", PAYLOAD)
    es = scratch.rows("event_sources")
    scratch.set("event_sources", 1, "evidence", PAYLOAD)
    st = scratch.rows("statements")
    scratch.set("statements", 1, "evidence", PAYLOAD)
    copy = tmp_path / "html"
    shutil.copytree(built_html, copy)
    replace_explorer(copy, explorer.page_html(validate_and_load(scratch.root, seeds=False)))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(copy)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{httpd.server_address[1]}/{PAGE}"
        for frag in [ev[0]["event_id"], es[0]["event_id"], st[0]["statement_id"]]:
            page, errors, _ = _open(browser, f"{base}#{frag}")
            assert page.evaluate("window.__pwned") is None
            assert page.locator("#injected").count() == 0
            assert PAYLOAD in page.inner_text("#kx-list")
            assert not errors, errors
            page.close()
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        page.goto(base)
        assert page.locator("#injected").count() == 0 and PAYLOAD in page.inner_text("#kx-nojs")
        context.close()
    finally:
        httpd.shutdown()


def test_page_html_is_deterministic():
    assert explorer.page_html() == explorer.page_html()


def test_the_page_paths_agree_with_the_link_contract():
    assert links.explorer_page() == Path(links.EXPLORER).name
    assert links.explorer_page("book") == "../" + links.EXPLORER


@pytest.mark.browser
def test_large_data_loads_its_texts_when_needed(monkeypatch, tmp_path, browser, built_html, events):
    # the same page as with 100 times the events, at today's size: texts in chunk files of 40 rows
    monkeypatch.setattr(explorer, "INLINE_EVENTS", 10)
    monkeypatch.setattr(explorer, "CHUNK", 40)
    copy = tmp_path / "html"
    shutil.copytree(built_html, copy)
    replace_explorer(copy, explorer.page_html(text_dir=copy / "_static" / "explorer-text"))
    assert len(list((copy / "_static" / "explorer-text").glob("kx-text-events-*.js"))) == -(
        -len(events) // 40
    )
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(copy)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{httpd.server_address[1]}/{PAGE}"
        last = events.iloc[-1]
        page, errors, outside = _open(browser, f"{base}#{last['event_id']}")
        page.wait_for_function(f"document.querySelector('#{last['event_id']} .kx-summary') !== null")
        assert last["summary"] in page.inner_text(f"#{last['event_id']}")
        word = "Synyehubov"
        want = int(events["summary"].str.contains(word, regex=False).sum())
        page.fill("#kx-f-q", "")
        page.evaluate(f"window.kxExplorer.set({{view: 'events', q: '{word.lower()}'}})")
        page.wait_for_function("!document.getElementById('kx-status').textContent.includes('loading')")
        assert page.evaluate("window.kxExplorer.count.events") >= want > 0
        assert not errors and not outside
        page.close()
    finally:
        httpd.shutdown()


@pytest.mark.browser
def test_brushing_the_timeline_filters_the_list_and_the_map(browser, server, events):
    page, _, _ = _open(browser, server + PAGE)
    page.locator("svg.kx-timeline").scroll_into_view_if_needed()
    box = page.locator("svg.kx-timeline").bounding_box()
    y = box["y"] + box["height"] * 0.3
    page.mouse.move(box["x"] + box["width"] * 0.2, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.45, y, steps=5)
    page.mouse.up()
    state = page.evaluate("window.kxExplorer.state()")
    lo, hi = pd.Timestamp(state["from"]), pd.Timestamp(state["to"])
    want = int(((events["start_date"] >= lo) & (events["end_date"] <= hi)).sum())
    assert lo < hi and page.evaluate("window.kxExplorer.count.events") == want
    assert page.input_value("#kx-f-from") == f"{lo.day} {lo:%B %Y}"
    # the brush covers whole days, not weeks: its edges fall on the first and last chosen day's bars
    lit = page.eval_on_selector_all("rect.kx-bar:not(.kx-off) title", "els => els.map(e => e.textContent)")
    days = {pd.Timestamp(t.split(":")[0]) for t in lit}
    assert days and min(days) >= lo and max(days) <= hi
    dots = page.eval_on_selector_all("#kx-dots circle", "els => els.map(e => e.getAttribute('aria-label'))")
    on_map = sum(int(re.search(r": (\d+);", d).group(1)) for d in dots)
    assert 0 < on_map <= want
    page.close()


@pytest.mark.browser
def test_the_figures_view_filters_like_pandas(browser, server):
    st = views.statements(load_tables())
    page, _, _ = _open(browser, server + PAGE + "#view=figures")
    page.select_option("#kx-f-measure", "killed")
    page.select_option("#kx-f-subject", "civilians")
    want = int(((st["measure"] == "killed") & (st["subject"] == "civilians")).sum())
    assert page.evaluate("window.kxExplorer.count.figures") == want
    page.close()


@pytest.mark.browser
def test_a_glued_number_leads_to_its_source(browser, server):
    st = load_tables()["statements"].set_index("statement_id")
    page, errors, _ = _open(browser, server + PAGE)
    link = page.locator("a.kx-numlink").first
    fid = unquote(urlparse(link.get_attribute("href")).fragment)
    link.click()
    page.wait_for_function(f"location.hash === '#{fid}'")
    row = page.locator(f"tr#{fid}")
    assert row.is_visible() and st.loc[fid, "evidence"] in row.inner_text()
    assert not errors
    page.close()


def test_a_link_to_a_set_lists_its_ids_numerically():
    assert links.explorer_href(["e10000", "e9999"]) == "explorer.html#ids=e9999,e10000"


# --- addresses, downloads, citations, the phone -------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize(
    "frag", ["#%E0%A4%A", "#ids=e0001%", "#from=2022-13-45", "#to=2022-02-30&type=Battles"]
)
def test_a_malformed_address_gives_a_notice_and_a_working_page(browser, server, events, frag):
    page, errors, _ = _open(browser, server + PAGE + frag)
    assert not errors, errors
    notice = page.locator(".kx-notice")
    assert notice.is_visible() and notice.inner_text()
    state = page.evaluate("window.kxExplorer.state()")
    assert "from" not in state and "to" not in state
    want = (events["event_type"] == "Battles").sum() if "Battles" in frag else len(events)
    assert page.evaluate("window.kxExplorer.count.events") == int(want)
    assert "NaN" not in page.inner_html("svg.kx-timeline")
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("rel", ["book/intro.html?q=Kharkiv", PAGE + "?q=606", "notebooks/claims.html?q=x"])
def test_no_page_throws_on_a_query_string(browser, server, rel):
    page, errors, _ = visit(browser, server + rel)
    page.wait_for_timeout(300)
    assert not [e for e in errors if "favicon" not in e and "404" not in e], errors
    page.close()


@pytest.mark.browser
def test_the_filtered_download_is_the_rows_shown(browser, server, tmp_path):
    st = views.statements(load_tables())
    page, errors, _ = _open(browser, server + PAGE + "#view=figures&measure=killed,wounded&subject=civilians")
    with page.expect_download() as info:
        page.click("#kx-download")
    path = tmp_path / "view.csv"
    info.value.save_as(path)
    got = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    want = st[st["measure"].isin(["killed", "wounded"]) & (st["subject"] == "civilians")]
    assert sorted(got["statement_id"]) == sorted(want["statement_id"]) and len(want) > 0
    assert list(got["statement_id"]) == [f for f in got["statement_id"]]  # one row each
    ev = want.set_index("statement_id")["evidence"]
    assert all(ev[i] == e for i, e in zip(got["statement_id"], got["evidence"], strict=True))
    assert page.locator(".kx-downloads a").get_attribute("href") == links.downloads_page()
    assert not errors
    page.close()


@pytest.mark.browser
def test_every_card_offers_a_citation_with_version_and_permalink(browser, server):
    cite = explorer.book_citation()
    page, _, _ = _open(browser, server + PAGE)
    cards = page.locator("#kx-list article.kx-card")
    assert cards.count() > 0
    for k in range(cards.count()):
        card = cards.nth(k)
        eid = card.get_attribute("id")
        texts = card.locator(".kx-cite-text").all_text_contents()
        assert len(texts) == 2, eid
        for t in texts:
            assert cite["version"] in t and f"{cite['page']}#{eid}" in t, t
        assert cite["date"] in texts[1] and cite["title"] in texts[1]
    page.close()


@pytest.mark.browser
def test_on_a_phone_controls_are_touch_sized_and_the_city_map_is_labelled(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 900})
    page = context.new_page()
    page.goto(server + PAGE + "#place=kharkiv")
    page.wait_for_function("document.getElementById('kx-explorer').dataset.ready === '1'")
    page.click(".kx-filters > summary")
    small = page.evaluate(
        """() => [...document.querySelectorAll('#kx-app select, #kx-app input, #kx-app button, #kx-app summary')]
            .filter((e) => e.offsetParent !== null && e.getBoundingClientRect().height < 44)
            .map((e) => e.id || e.className || e.tagName)"""
    )
    assert not small, small
    assert page.get_attribute("#kx-f-from", "type") == "text"
    page.click("button[data-view=city]")
    labels = page.eval_on_selector_all("#kx-labels text", "els => els.map(e => e.textContent)")
    assert any("Saltivskyi" in t for t in labels) and any(t.startswith("Kharkiv ") for t in labels)
    boxes = page.eval_on_selector_all(
        "#kx-labels text",
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })",
    )
    overlaps = [
        (a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :]
        if a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1
    ]  # fmt: skip
    assert not overlaps, overlaps
    note = page.inner_text(".kx-mapcol")
    assert "known only as “Kharkiv”" in note and "one mark on the city centre" in note
    # no interactive control inside another (the map is a group of buttons, not an image)
    assert page.get_attribute("#kx-map", "role") == "group"
    context.close()


@pytest.mark.browser
def test_an_all_n_link_opens_exactly_its_rows_with_several_values(browser, server):
    st = views.statements(load_tables())
    view = {"view": "figures", "measure": ["killed", "wounded"], "subject": "civilians"}
    href = links.explorer_view_href(view)
    page, _, _ = _open(browser, server + "notebooks/" + href)
    want = st["measure"].isin(["killed", "wounded"]) & (st["subject"] == "civilians")
    assert page.evaluate("window.kxExplorer.count.figures") == int(want.sum())
    page.close()
