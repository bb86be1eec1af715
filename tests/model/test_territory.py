"""kharkiv.model.territory: which recaptures count as settlements retaken, their distances, and the pace."""

import math

import pandas as pd
import pytest

from kharkiv.chapters import counteroffensives
from kharkiv.model import geo, measures, territory

PLACES = [  # place_id, kind, lat, lon, coord_precision
    ("kharkiv", "city", 50.00544, 36.23163, "exact"),
    ("near", "village", 50.14, 36.28, "exact"),
    ("far", "town", 50.08, 36.79, "approximate"),
    ("nowhere", "village", None, None, "none"),
    ("oblast", "oblast", None, None, "none"),
]
EVENTS = [  # event_id, date, sub_event_type, place_id
    ("e1", "2022-04-29", "Government regains territory", "near"),
    ("e2", "2022-05-02", "Government regains territory", "far"),
    ("e3", "2022-05-06", "Government regains territory", "near"),  # retaken again: counted once
    ("e4", "2022-05-07", "Government regains territory", "nowhere"),
    ("e5", "2022-05-07", "Government regains territory", "kharkiv"),  # the centre itself: unplaced
    ("e6", "2022-05-10", "Government regains territory", "oblast"),  # an area: unplaced
    ("e7", "2022-05-08", "Armed clash", "far"),  # not a recapture
    ("e8", "2022-09-09", "Government regains territory", "far"),  # outside the window
]


@pytest.fixture
def t():
    places = pd.DataFrame(PLACES, columns=["place_id", "kind", "lat", "lon", "coord_precision"])
    places = places.assign(
        name=places["place_id"].str.title(),
        within=None,
        lat=places["lat"].astype("Float64"),
        lon=places["lon"].astype("Float64"),
    )
    events = pd.DataFrame(EVENTS, columns=["event_id", "start_date", "sub_event_type", "place_id"])
    events = events.assign(start_date=pd.to_datetime(events["start_date"]), claimant_id="c")
    return {
        "places": places,
        "events": events,
        "claimants": pd.DataFrame({"claimant_id": ["c"], "name": ["C"], "side": ["Ukrainian"]}),
        "event_sources": pd.DataFrame(
            {"event_id": events["event_id"], "source_id": "s000", "weak_sourcing": None}
        ),
        "phases": pd.DataFrame(
            {
                "phase_id": ["p"],
                "order": [1],
                "start_date": pd.to_datetime(["2022-02-24"]),
                "end_date": pd.to_datetime(["2022-09-11"]),
            }
        ),
    }


def test_centre_is_the_place_coordinate(t):
    assert territory.centre(t) == (50.00544, 36.23163)


def test_retaken_keeps_recaptures_of_named_settlements_in_the_window(t):
    got = territory.retaken(t, "2022-04-21", "2022-05-31")
    assert list(got["event_id"]) == ["e1", "e2", "e3", "e4"]


def test_distances_are_from_the_centre_and_missing_without_coordinate(t):
    got = territory.retaken(t, "2022-04-21", "2022-05-31").set_index("event_id")
    expected = geo.haversine_km(50.00544, 36.23163, 50.08, 36.79)
    assert got.loc["e2", "km_from_centre"] == pytest.approx(expected)
    assert got.loc["e2", "km_to_border"] == pytest.approx(geo.km_to_border(50.08, 36.79))
    assert math.isnan(got.loc["e4", "km_from_centre"]) and math.isnan(got.loc["e4", "km_to_border"])


def test_unplaced_holds_what_retaken_leaves_out(t):
    assert list(territory.unplaced(t, "2022-04-21", "2022-05-31")["event_id"]) == ["e5", "e6"]


def test_first_retaken_counts_each_settlement_once_at_its_first_date(t):
    first = territory.first_retaken(territory.retaken(t, "2022-04-21", "2022-05-31"))
    assert list(first["place_id"]) == ["near", "far", "nowhere"]
    assert first.set_index("place_id").loc["near", "event_id"] == "e1"


def test_pace_counts_both_ends_of_the_span(t):
    p = territory.pace(territory.first_retaken(territory.retaken(t, "2022-04-21", "2022-05-31")))
    assert (p["n"], p["days"]) == (3, 9)  # 29 April to 7 May
    assert p["per_week"] == pytest.approx(3 / 9 * 7)


def test_pace_of_nothing_is_empty_not_an_error(t):
    p = territory.pace(territory.retaken(t, "2022-06-01", "2022-06-30"))
    assert p["n"] == 0 and p["days"] == 0 and math.isnan(p["per_week"])


def test_unplaced_sentence_is_left_out_when_there_is_nothing_to_say():
    assert counteroffensives.unplaced_sentence(0) == ""
    assert counteroffensives.unplaced_sentence(1).startswith(
        "One further recapture report of these days names no"
    )
    assert counteroffensives.unplaced_sentence(3).startswith(
        "Three further recapture reports of these days name no"
    )


def test_retaken_by_grows_with_the_date(t):
    early, late = territory.retaken_by(t, ["2022-04-30", "2022-09-11"])
    assert list(early["place_id"]) == ["near"]
    assert set(late["place_id"]) == {"near", "far", "nowhere"}


def test_farthest_skips_places_without_distance():
    s = pd.DataFrame({"place": ["A", "B"], "km_from_centre": [None, 12.0]})
    assert territory.farthest(s)["place"] == "B"
    assert territory.farthest(s.iloc[:1]) is None


def test_retaken_accepts_the_events_the_caller_already_has(t):
    from kharkiv.model import views

    ev = views.events(t)
    a = territory.retaken(t, "2022-04-01", "2022-05-31")
    b = territory.retaken(t, "2022-04-01", "2022-05-31", events=ev)
    pd.testing.assert_frame_equal(a, b)
    assert len(territory.unplaced(t, "2022-05-01", "2022-05-31", events=ev)) == 2


def _figures():
    return pd.DataFrame(
        {
            "value": pd.array([2000, None], dtype="Float64"),
            "value_high": pd.array([None, None], dtype="Float64"),
            "qualifier": [None, "dozens"],
            "unit": ["km2", "tanks"],
            "measure": ["area liberated", "tanks lost"],
            "claimant": ["Volodymyr Zelenskyy", "Igor Konashenkov"],
            "claimant_role": ["President of Ukraine", "spokesman"],
            "claimant_kind": ["person", "person"],
            "claimant_side": ["Ukrainian", "Russian"],
            "verification": ["claimed", "claimed"],
        },
        index=[7, 3],  # an index that is not 0..n-1 must not misalign the columns
    )


def test_claim_rows_give_figure_unit_what_and_who_in_order():
    rows = counteroffensives.claim_rows(_figures())
    assert list(rows.columns) == ["figure", "what", "claimed by", "label"]
    assert rows["figure"].iloc[0].endswith("km2") and "dozens" in rows["figure"].iloc[1]
    assert list(rows["what"]) == ["area liberated", "tanks lost"]
    assert rows["claimed by"].iloc[1].startswith("Igor Konashenkov") and rows["claimed by"].iloc[1].endswith(
        "(Russian)"
    )


def test_rows_view_names_exactly_the_rows_by_id():
    rows = pd.DataFrame({"event_id": ["e10", "e2", "e2"]})
    assert counteroffensives.rows_view(rows) == {"view": "events", "ids": ["e10", "e2"]}
    figs = pd.DataFrame({"statement_id": ["n1"]})
    assert counteroffensives.rows_view(figs, "statement_id") == {"view": "figures", "ids": ["n1"]}


def test_counteroffensive_facts_name_and_link_each_settlement(t):
    from kharkiv.model import views

    ev = views.events(t)
    won = {"may": territory.first_retaken(territory.retaken(t, "2022-05-01", "2022-05-31", events=ev))}
    windows = {"may": (pd.Timestamp("2022-05-01"), pd.Timestamp("2022-05-31"))}
    facts = counteroffensives.counteroffensive_facts(t, ev, won, windows)
    assert facts["may_names"] == "Far, Near and Nowhere"
    assert "chronology.html#e2" in facts["may_names_linked"].data
    assert facts["may_first"] == "2 May 2022" and facts["may_between"] == "between 2 and 7 May 2022"
    assert facts["may_far"].startswith("Far, ")
    assert facts["may_unplaced"].startswith("Two further recapture reports")


def test_figures_within_counts_a_claim_told_twice_once_and_keeps_to_its_window_measures_and_subjects():
    st = _figures().assign(
        measure=["tanks lost", "tanks lost"],
        subject=["russian military", "territory"],
        period_start=pd.Timestamp("2022-09-08"),
        period_end=pd.Timestamp("2022-09-09"),
        statement_id=["n1", "n2"],
        same_claim_as=[None, None],
    )
    told_again = st.iloc[[0]].assign(statement_id="n3", same_claim_as="n1")
    longer = st.iloc[[0]].assign(statement_id="n4", period_end=pd.Timestamp("2022-09-20"))
    window = (pd.Timestamp("2022-09-06"), pd.Timestamp("2022-09-11"))
    every = pd.concat([st, told_again, longer])
    got = territory.figures_within(every, *window, ["tanks lost"], ["russian military"])
    assert list(got["statement_id"]) == ["n1"]  # n2 another subject, n3 the same claim again, n4 runs past
    assert list(territory.figures_within(every, *window, ["tanks lost"])["statement_id"]) == ["n1", "n2"]


def test_the_september_loss_view_holds_the_loss_measures_and_military_subjects_of_the_window():

    view = counteroffensives.losses_view((pd.Timestamp("2022-09-06"), pd.Timestamp("2022-09-11")))
    assert view == {
        "view": "figures",
        "measure": list(measures.LOSSES),
        "subject": list(measures.MILITARY),
        "from": "2022-09-06",
        "to": "2022-09-11",
    }
