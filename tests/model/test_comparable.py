"""The one rule for 'the same count' (kharkiv.model.comparable): each exclusion on a small synthetic case, and the
three false pairs of issue 19 on the real data."""

import pandas as pd
import pytest

from kharkiv.model import comparable, views
from kharkiv.text import claims_text, harm_text

DAY = pd.Timestamp("2022-03-01")


def _st(*rows):
    base = {
        "event_id": "e1",
        "period_start": DAY,
        "period_end": DAY,
        "place_id": "kharkiv",
        "scope": "city",
        "unit_name": None,
        "measure": "killed",
        "subject": "civilians",
        "unit": "people",
        "value_high": float("nan"),
        "qualifier": "exact",
        "evidence": "",
        "notes": "",
        "reference_part": None,
        "part_of": None,
        "claimant_side": "Ukrainian",
    }
    out = [{**base, "statement_id": f"n{i + 1:04d}", **r} for i, r in enumerate(rows)]
    out = [{**r, "claimant": r["claimant_id"]} for r in out]
    return pd.DataFrame(out)


def _two(**other):
    return _st({"claimant_id": "a", "value": 9.0}, {"claimant_id": "b", "value": 11.0, **other})


def test_two_officials_counting_the_same_thing_conflict():
    assert comparable.conflicting(_two()).tolist() == [True, True]
    assert comparable.conflicting_ids(_two()) == ["n0001", "n0002"]


def test_same_figure_is_no_conflict_and_one_claimant_is_none():
    assert not comparable.conflicting(_two(value=9.0)).any()
    assert not comparable.conflicting(_two(claimant_id="a")).any()


@pytest.mark.parametrize(
    "other",
    [
        {"measure": "wounded"},
        {"subject": "people"},
        {"place_id": "izium"},
        {"period_end": DAY + pd.Timedelta(days=1)},
        {"scope": "incident"},  # one attack against the whole city's day
    ],
)
def test_a_different_thing_counted_is_no_conflict(other):
    assert not comparable.conflicting(_two(**other)).any()


def test_separate_attacks_of_one_day_are_not_compared():
    st = _st(
        {"claimant_id": "a", "value": 2.0, "scope": "incident", "event_id": "e1"},
        {"claimant_id": "b", "value": 5.0, "scope": "incident", "event_id": "e2"},
    )
    assert not comparable.conflicting(st).any()
    assert comparable.conflicting(st.assign(event_id="e1")).all()


@pytest.mark.parametrize(
    ("other", "what"),
    [
        ({"reference_part": "title"}, comparable.HEADLINE),
        ({"reference_part": "note"}, comparable.NOTE),
        ({"part_of": "n0001"}, comparable.PART),
        (
            {"value": 1.0, "evidence": "one of the soldiers killed on 1 March was Yevgeny Malyshev"},
            comparable.PERSON,
        ),
        ({"value": 1.0, "evidence": "killing a 25-year-old student"}, comparable.PERSON),
    ],
)
def test_headline_part_and_person_are_never_set_against_a_toll(other, what):
    st = _two(**other)
    assert comparable.what_it_is(st).tolist() == [comparable.TOTAL, what]
    assert not comparable.conflicting(st).any()
    assert claims_text.spread(st).empty


def test_a_toll_of_one_is_a_toll():
    st = _two(value=1.0, evidence="the city was shelled, killing a civilian")
    assert comparable.what_it_is(st).tolist() == [comparable.TOTAL] * 2
    assert comparable.conflicting(st).all()


@pytest.fixture(scope="module")
def statements():
    return views.statements()


@pytest.mark.parametrize(
    "pair",
    [
        {
            "n0024",
            "n0638",
        },  # the Biathlon Federation's Malyshev against the Guardian's headline "more than 70"
        {
            "n0023",
            "n0656",
        },  # a Suspilne headline's one student against the administration's 29 killed on 1 March
        {"n0042", "n0045"},  # 14 March: two killed in one attack against the city's one killed that day
    ],
)
def test_issue_19_false_pairs_are_no_disagreement(statements, pair):
    bad = set(comparable.conflicting_ids(statements))
    assert not pair <= bad
    for ids in claims_text.spread(statements)["statement_ids"]:
        assert not pair <= set(ids.split("; "))
    places = pd.DataFrame({"place_id": ["kharkiv"], "within": [None]})
    tolls = harm_text.tolls(statements, places, "2022-02-24")
    for ids in harm_text.conflicts(tolls)["statement_ids"]:
        assert not pair <= set(ids.split("; "))
