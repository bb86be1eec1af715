"""kharkiv.chronology: one escaped entry per event, anchored by its id; sources named as readers know them."""

from kharkiv import chronology, links, views
from kharkiv.load import load_tables


def test_every_event_gets_one_anchored_entry():
    t = load_tables()
    rows = chronology.entries(t, views.events(t))
    assert len(rows) == len(t["events"])
    html = chronology.phase_html(rows)
    for e in t["events"]["event_id"]:
        assert html.count(f'id="{links.event_anchor(e)}"') == 1
        assert f'href="#{links.event_anchor(e)}"' in html  # its own permalink
        assert f'href="{links.explorer_href(e)}"' in html  # and its card in the explorer


def test_entry_text_is_escaped():
    t = load_tables()
    rows = chronology.entries(t, views.events(t)).head(1).copy()
    rows["summary"] = "<script>alert(1)</script>"
    html = chronology.phase_html(rows)
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_sources_are_named_as_readers_know_them():
    names = chronology.source_names(load_tables()["sources"])
    assert names["s000"] == "the Wikipedia article \u201cBattle of Kharkiv (2022)\u201d"
    assert names["s003"] == "The Washington Post"
    assert "outlet not named in the text" in names["s001"]
    assert names["s004"] == "RFE/RL"


def test_key_events_are_the_phase_boundaries():
    t = load_tables()
    keys = chronology.key_events(t, views.events(t))
    assert len(keys) >= len(t["phases"])
    assert keys["start_date"].is_monotonic_increasing
