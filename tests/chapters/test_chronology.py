"""kharkiv.chapters.chronology: one escaped entry per event, anchored by its id; sources named as readers know them."""

from kharkiv.chapters import chronology, landing
from kharkiv.data.load import load_tables
from kharkiv.model import views
from kharkiv.text import html_tables, links


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
    keys = landing.key_events(t, views.events(t))
    assert len(keys) >= len(t["phases"])
    assert keys["start_date"].is_monotonic_increasing


def _rows(n):
    import pandas as pd

    return pd.DataFrame(
        {
            "event_id": [f"e{i:06d}" for i in range(1, n + 1)],
            "start_date": pd.Timestamp("2022-03-01"),
            "end_date": pd.Timestamp("2022-03-01"),
            "date_precision": "day",
            "place": "Kharkiv",
            "location_precision": [1, 2, 3][: min(n, 3)] + [1] * max(0, n - 3),
            "summary": "Rockets hit <the> centre.",
            "claimant": "Oleh Synyehubov",
            "claimant_role": "head of the Kharkiv Regional Military Administration",
            "claimant_kind": "person",
            "claimant_variants": None,
            "claimant_side": ["Ukrainian", "unattributed"][: min(n, 2)] + ["Ukrainian"] * max(0, n - 2),
            "verification": "claimed",
            "sources_text": "Wikipedia, cites Reuters",
            "documents_text": "Wikipedia",
            "cited_text": "",
            "phase_id": "p1",
        }
    )


def test_short_entries_keep_anchor_and_card_link_number_their_sources_and_are_lean():
    rows = _rows(3)
    rows.loc[2, "sources_text"] = "RFE/RL"
    numbers = chronology.source_numbers(rows)
    assert numbers == {"Wikipedia, cites Reuters": 1, "RFE/RL": 2}
    html = chronology.phase_html(rows, "The events", numbers)
    full = chronology.phase_html(rows, "The events")
    for e in rows["event_id"]:
        assert html.count(f'id="{links.event_anchor(e)}"') == 1
        assert f'href="{links.explorer_href(e)}"' in html
    assert html.count('href="#src1"') == 2 and html.count('href="#src2"') == 1
    assert html.count("<h4>1 March 2022</h4>") == 1  # the date once, above its events
    assert "&lt;the&gt;" in html and "<the>" not in html
    assert "Regional Military Administration" not in html  # the role is on the card, not repeated per entry
    assert "near Kharkiv" in html and "somewhere in Kharkiv" in html
    assert html.count("Oleh Synyehubov") == 2  # the unattributed event names no one
    per_entry = (len(html) - len(chronology.SHORT_NOTE)) / len(rows)
    assert per_entry < 0.6 * len(full) / len(rows)
    key = chronology.source_key_html(numbers)
    assert '<li id="src1">Wikipedia, cites Reuters</li>' in key and '<li id="src2">RFE/RL</li>' in key


def test_a_long_chronology_ends_with_its_numbered_sources():
    rows = _rows(chronology.SHORT_ABOVE + 1)
    closing = chronology.phase_listing(rows, None)
    assert 'id="src1"' in closing and "outside the phases" not in closing  # no event outside: only the key
    assert 'id="src1"' not in chronology.phase_listing(_rows(3), None)


def test_short_form_only_for_a_long_chronology():
    assert not chronology.short_form(_rows(3))
    assert chronology.short_form(_rows(chronology.SHORT_ABOVE + 1))


def test_phase_listing_counts_its_events_and_lists_those_outside_the_phases():
    rows = _rows(3)
    rows.loc[2, "phase_id"] = None
    inside = chronology.phase_listing(rows, "p1")
    assert "The 2 events of this phase" in inside and inside.count('class="kharkiv-event"') == 2
    outside = chronology.phase_listing(rows, None)
    assert "1 event outside the phases" in outside
    assert chronology.phase_listing(rows.iloc[:2], None) == ""  # nothing outside: nothing shown


def test_short_source_names_are_a_word_or_two():
    names = chronology.short_source_names(load_tables()["sources"])
    assert names["s000"] == "Wikipedia" and names["s003"] == "The Washington Post"
    assert names["s001"] == "a UK news outlet" and names["s004"] == "RFE/RL"


def test_key_events_keep_at_most_two_per_boundary_sentence():
    import pandas as pd

    t = load_tables()
    events = views.events(t)
    copies = pd.concat([events, events.assign(event_id=events["event_id"] + "x")])
    es = t["event_sources"]
    t2 = {**t, "event_sources": pd.concat([es, es.assign(event_id=es["event_id"] + "x")])}
    once = landing.key_events(t, events)
    twice = landing.key_events(t2, copies)
    per_sentence = len(t["phases"]) * 2 * landing.KEYS_PER_BOUNDARY
    assert len(once) <= per_sentence
    assert list(twice["event_id"]) == list(
        once["event_id"]
    )  # a copy of an event (same day and words) adds no key


def test_report_table_and_folded_table_cap_long_tables():
    import pandas as pd

    from kharkiv.text import html_tables as tables

    rows = pd.DataFrame(
        {
            "value": pd.array([11, None], dtype="Float64"),
            "value_high": pd.array([None, None], dtype="Float64"),
            "qualifier": [None, "dozens"],
            "claimant": ["Oleh Synyehubov", "Anton Herashchenko"],
            "claimant_role": ["governor", "adviser"],
            "claimant_kind": ["person", "person"],
            "verification": ["claimed", "claimed"],
            "evidence": ["eleven killed", "dozens killed"],
        },
        index=[5, 2],
    )
    table = html_tables.report_table(rows, "civilians killed")
    assert list(table.columns) == ["civilians killed", "reported by", "label", "the source's words"]
    assert list(table["the source's words"]) == ["eleven killed", "dozens killed"]
    short = html_tables.folded_table(table, "The reports")
    assert "kharkiv-rest" not in short and short.startswith("<details")
    many = pd.concat([table] * (tables.MAX_ROWS // 2 + 1), ignore_index=True)
    long = html_tables.folded_table(many, "The reports", {"phase": "p1"})
    assert long.count("<tr>") == tables.MAX_ROWS + 1 and "explorer.html#phase=p1" in long


def test_an_entry_naming_no_one_says_which_outlet_reported_it_where_a_reference_names_one():
    """Issue 19 item 4: 'reported by Reuters, 28 February 2022, as cited by the Wikipedia article …'."""
    t = load_tables()
    rows = chronology.entries(t, views.events(t))
    es = t["event_sources"]
    with_outlet = set(es.loc[es["cited_outlet"].notna(), "event_id"].astype(str))
    unnamed = rows[rows["claimant_side"].astype(str) == "unattributed"]
    assert len(unnamed) and set(unnamed["event_id"]) & with_outlet
    for r in unnamed.itertuples():
        html = chronology.entry(r)
        if r.event_id in with_outlet:
            assert "a source naming no one" not in html and ", as cited by the Wikipedia article" in html, (
                html
            )
            assert "which cites" not in html  # the outlets are said once, in who reported it
        else:
            assert "Reported by a source naming no one" in html
    assert not any("No one is named" in chronology.entry(r) for r in rows.itertuples())
    ukr = rows[
        rows["event_id"].isin(es.loc[es["cited_outlet"].str.contains("Ukrayinska", na=False), "event_id"])
    ]
    assert len(ukr) and all("Ukrayinska" not in chronology.entry(r) for r in ukr.itertuples())


def test_a_person_is_found_by_every_spelling_shown_as_escaped_text():
    t = load_tables()
    rows = chronology.entries(t, views.events(t))
    kofman = rows[rows["claimant"] == "Michael Kofman"]
    assert len(kofman)
    html = chronology.entry(next(kofman.itertuples()))
    assert "Michael Kofman" in html and "also spelled" in html and "Coffman" in html
    crafted = _rows(1).assign(claimant_variants='<b>x</b>; "y"')
    html = chronology.entry(next(crafted.itertuples()))
    assert "also spelled &lt;b&gt;x&lt;/b&gt;, &quot;y&quot;" in html and "<b>" not in html
