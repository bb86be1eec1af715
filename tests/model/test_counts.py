"""kharkiv.model.counts: events per week and per phase, each event counted once on its start date."""

import pandas as pd
import pytest

from kharkiv.chapters import shared
from kharkiv.model import counts, periods
from tests.conftest import EVENT_TYPES as TYPES
from tests.conftest import toy_events


@pytest.fixture
def phases(toy_phases):
    return toy_phases


@pytest.fixture
def events():
    return toy_events(["Battles", "Battles", "Strategic developments", "Battles"])


def test_weekly_counts_every_week_and_type(events):
    w = periods.weekly(events, "2022-02-24", "2022-03-14")
    assert list(w.columns) == TYPES
    assert list(w.index) == list(pd.to_datetime(["2022-02-21", "2022-02-28", "2022-03-07", "2022-03-14"]))
    assert w.loc["2022-02-21", "Battles"] == 2 and w.loc["2022-02-28", "Strategic developments"] == 1
    assert w.to_numpy().sum() == len(events)


def test_by_phase_in_order_with_rates(events, phases):
    s = periods.by_phase(events, phases)
    assert list(s["phase_id"]) == ["a", "b"]
    first = s.iloc[0]
    assert (first["days"], first["events"], first["places"], first["top_type"]) == (5, 3, 2, "Battles")
    assert first["per_week"] == pytest.approx(3 / 5 * 7)
    assert first["top_share"] == pytest.approx(2 / 3)


def test_empty_phase_has_no_top_type(events, phases):
    s = periods.by_phase(events[events["phase_id"] == "a"], phases)
    assert s.iloc[1]["events"] == 0 and pd.isna(s.iloc[1]["top_type"])


def test_type_shares_sum_to_one_and_zero_for_empty(events, phases):
    shares = periods.type_shares(events, phases)
    assert list(shares.index) == ["a", "b"]
    assert shares.loc["a"].sum() == pytest.approx(1)
    assert periods.type_shares(events[events["phase_id"] == "a"], phases).loc["b"].sum() == 0


# --- shared periods and counts -------------------------------------------------------------------------------
def test_window_is_the_phase_row(phases):
    assert periods.window(phases, "a") == (pd.Timestamp("2022-02-24"), pd.Timestamp("2022-02-28"))


def test_a_claim_and_its_figures_are_one_claim():
    labels = ["reported", "claimed", "corroborated", "disputed", "refuted"]
    events = pd.DataFrame(
        {"event_id": ["e1", "e2"], "verification": pd.Categorical(["refuted", "claimed"], categories=labels)}
    )
    statements = pd.DataFrame(
        {
            "statement_id": ["n1", "n2", "n3", "n4"],
            "event_id": pd.array(["e1", "e1", "e2", None], dtype="string"),
            "verification": ["refuted", "refuted", "disputed", "disputed"],
        }
    )
    by = counts.claims_by_label(events, statements)
    # e1 and its two refuted figures: one refuted claim; e2's disputed figure is a claim of its own label,
    # and so is the figure with no event.
    assert (by["refuted"], by["claimed"], by["disputed"], by["reported"]) == (1, 1, 2, 0)


def test_spread_of_keeps_words_beside_numbers():
    rows = pd.DataFrame({"value": [11.0, 9.0, None], "qualifier": ["exact", "exact", "dozens"]})
    s = counts.spread_of(rows)
    assert (s["low"], s["high"], s["n_numbers"]) == (9.0, 11.0, 2)
    assert list(s["in_words"]["qualifier"]) == ["dozens"]


def test_shared_facts_on_the_real_data_use_the_phase_windows():
    from kharkiv.data.load import load_tables

    t = load_tables()
    facts = shared.shared_facts(t)
    _start, end = periods.window(t["phases"], periods.MAY)
    assert facts["may_period"].endswith(f"{end:%B} {end.year}")
    n = len(counts.settlements_retaken(t, periods.MAY))
    assert facts["may_n_settlements"].split()[-1] == ("settlement" if n == 1 else "settlements")


def _reports(claimants, values, qualifiers=None):
    n = len(claimants)
    return pd.DataFrame(
        {
            "claimant_id": claimants,
            "value": pd.array(values, dtype="Float64"),
            "value_high": pd.array([None] * n, dtype="Float64"),
            "qualifier": qualifiers or [None] * n,
            "period_start": pd.to_datetime(["2022-02-28"] * n),
            "period_end": pd.to_datetime(["2022-02-28"] * n),
        }
    )


def test_distinct_reports_draws_each_report_once_and_counts_the_repeats():
    rows = _reports(["a", "b", "a", "c", "a"], [11, 9, 11, None, 11], [None, None, None, "dozens", None])
    shown = counts.distinct_reports(rows)
    assert list(shown["claimant_id"]) == ["a", "b", "c"]  # the order given, first of each
    assert list(shown["times"]) == [3, 1, 1]
    assert shown["qualifier"].iloc[2] == "dozens"  # a word-only report is kept, not merged with a number


def test_distinct_reports_keeps_different_figures_of_one_claimant_apart():
    shown = counts.distinct_reports(_reports(["a", "a"], [9, 11]))
    assert list(shown["value"]) == [9, 11] and list(shown["times"]) == [1, 1]


def test_distinct_reports_of_nothing_is_empty():
    assert counts.distinct_reports(_reports([], [])).empty


def test_every_chapter_counts_military_losses_with_the_same_measures():
    """The counteroffensives and military-losses pages both count "figures for military losses" in September."""
    from kharkiv.model import claims, harm, losses, measures, territory

    assert set(territory.LOSS_MEASURES) == set(losses.LOSSES) == set(measures.LOSSES)
    assert set(territory.MILITARY) == set(harm.MILITARY) == set(claims.MILITARY) == set(measures.MILITARY)
