"""The battle chapters tell the fighting from the data: units, places, claims and scale, each from its rows."""

import pandas as pd
import pytest

from kharkiv.chapters import assault, counteroffensives, landing
from kharkiv.data.load import load_tables
from kharkiv.model import periods, territory, views
from kharkiv.text import attribution, dates, prose


@pytest.fixture(scope="module")
def t():
    return load_tables()


@pytest.fixture(scope="module")
def events(t):
    return views.events(t)


def test_the_assault_names_its_units_and_places(t, events):
    inside = periods.assault_events(events)
    fights = assault.fighting(inside)
    places = set(assault.places_named(fights)["place_id"])
    assert {"tsyrkuny", "pisochyn", "kharkiv"} <= places
    # The firefight at School No. 134 is told within the 27 February incursion (third curation pass).
    assert fights["summary"].str.contains("School No. 134", regex=False).any()
    assert "kharkiv-oblast" not in places  # a whole region locates nothing
    assert "2nd Guards Spetsnaz Brigade" in assault.units_named(inside)
    assert not fights["sub_event_type"].isin(assault.NOT_FIGHTING).any()


def test_the_surrender_claim_is_worded_from_its_statement_with_its_label(t, events):
    facts = assault.fighting_facts(t, periods.assault_events(events))
    s = views.statements(t)
    row = s[(s["measure"] == "captured") & (s["subject"] == "ukrainian military")].iloc[0]
    text = facts["surrender_md"].data
    assert prose.figure(row["value"], row["value_high"], row["qualifier"]) in text
    assert f"*{row['verification']}*" in text


def test_every_named_place_of_a_counteroffensive_is_in_its_table(t, events):
    sept = territory.named_places(events, *periods.window(t["phases"], periods.SEPTEMBER))
    may = territory.named_places(events, *periods.window(t["phases"], periods.MAY))
    assert {"kupiansk", "shevchenkove", "balakliia", "izium"} <= set(sept["place_id"])
    assert "ruska-lozova" in set(may["place_id"])  # its recapture of 29 April is told with May
    table = counteroffensives.place_table(sept, t["claimants"])
    assert "entered" in set(table.loc[table["place"] == "Kupiansk", "what happened"])
    # A report naming no speaker reads as everywhere else in the book (attribution.NO_ONE).
    unnamed = sept["claimant_side"].astype(str) == "unattributed"
    assert unnamed.any() and set(table.loc[unnamed.to_numpy(), "said by"]) == {attribution.NO_ONE}


def test_what_happened_says_entered_only_for_an_entry_not_a_recapture():
    assert counteroffensives.what_happened("Other", "Troops had entered Kupiansk") == "entered"
    assert counteroffensives.what_happened("Government regains territory", "entered and retook") == "retaken"


def test_the_citation_line_reads_the_citation_file(tmp_path):
    cff = tmp_path / "CITATION.cff"
    cff.write_text(
        'title: "A book"\nauthors:\n  - name: "Team"\nversion: 9.8.7\ndate-released: "2030-01-02"\n'
    )
    facts = landing.citation_facts(cff)
    assert facts["book_version"] == "version 9.8.7, released 2 January 2030"
    assert facts["cite_line"] == "Team (2030). A book. Version 9.8.7."


def test_key_dates_list_every_phase_in_order(t):
    text = landing.key_dates(t["phases"])
    names = t["phases"].sort_values("order")["name"].tolist()
    assert [text.index(n) for n in names] == sorted(text.index(n) for n in names)
    assert dates.day(t["phases"]["end_date"].max()) in text


def test_the_map_note_names_unplaced_places_only_when_there_are_some():
    assert assault.unplaced_sentence(pd.Series([], dtype="string")).endswith("for these days.")
    assert "School No. 134 cannot be placed" in assault.unplaced_sentence(pd.Series(["School No. 134"]))


def test_the_ground_claimed_reads_as_one_attributed_sentence():
    row = {
        "claimant": "Volodymyr Zelensky",
        "claimant_role": "President of Ukraine",
        "claimant_kind": "person",
        "claimant_side": "Ukrainian",
        "value": 2000.0,
        "value_high": None,
        "qualifier": "about",
        "unit": "km2",
    }
    one = counteroffensives.area_sentence(pd.DataFrame([row]))
    assert one.startswith("According to Volodymyr Zelensky, president of Ukraine, Ukraine")
    assert "about 2,000 km" in one and one.endswith("since the counteroffensive began.")
    assert (
        counteroffensives.area_sentence(pd.DataFrame([row, row])).count("according to") == 1
    )  # one claim once
    assert "no figure" in counteroffensives.area_sentence(pd.DataFrame([row]).iloc[:0])
