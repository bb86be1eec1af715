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


# --- one claim told twice (same_claim_as) is counted once ------------------------------------------------------


def test_a_second_telling_is_left_out_of_counts_and_sums():
    st = _two(same_claim_as=None).assign(same_claim_as=[None, "n0001"])
    assert comparable.one_telling(st)["statement_id"].tolist() == ["n0001"]
    assert len(comparable.one_telling(st.drop(columns="same_claim_as"))) == 2  # a frame without the column


def test_the_three_claims_told_twice_are_counted_once_everywhere(statements):
    """Synyehubov's 11 and Herashchenko's "dozens" of 28 February, and the captured documents' 131 (130) tanks: no
    count, sum or spread of the book takes the second telling."""
    from kharkiv.chapters.military_losses import facts as losses_facts
    from kharkiv.data.load import load_tables
    from kharkiv.model import counts, losses, periods, tolls

    again = {"n0014", "n0018", "n0640"}
    assert again <= set(statements.loc[statements["same_claim_as"].notna(), "statement_id"])
    assert not again & set(tolls.killed(statements, tolls.NOT_MILITARY)["statement_id"])
    assert not again & set(counts.claims(views.events(), statements)["key"])
    assert not again & set(counts.distinct_reports(statements)["statement_id"])
    places = pd.DataFrame({"place_id": ["kharkiv"], "within": [None]})
    assert not again & set(harm_text.tolls(statements, places, "2022-02-24")["statement_id"])
    for ids in claims_text.spread(statements)["statement_ids"]:
        assert not again & set(ids.split("; "))
    assert not again & set(losses.losses(losses_facts.from_statements(statements))["statement_id"])
    t = load_tables()
    day = tolls.deadliest_day(statements, *periods.window(t["phases"], periods.ASSAULT))
    assert day["claimant"].tolist().count("Oleh Synyehubov") == 1  # his 11, once
    assert day["statement_id"].tolist().count("n0006") == 1 and "n0018" not in set(day["statement_id"])


def test_the_reports_of_the_deadliest_day_are_worded_once_with_what_else_was_said(statements):
    """The one wording the landing, assault and civilian-harm pages glue (chapters.shared): one person's report is
    one report, and the governor's "dozens are dying" beside his 11 is said in a sentence, not counted."""
    from kharkiv.chapters import shared
    from kharkiv.data.load import load_tables

    facts = shared.shared_facts(load_tables())
    assert facts["toll_day"] == "28 February 2022"
    assert facts["feb28_spread"] == (
        "from 9 to 11 civilians killed in two reports, and “dozens” in one report given only in words, by Anton "
        "Herashchenko"
    )
    assert facts["feb28_also"].startswith("Oleh Synyehubov’s report is counted once, with the figure 11;")
    assert "“dozens”" in facts["feb28_also"]
    assert facts["n_city_strikes"] == "49 strikes and attacks"
