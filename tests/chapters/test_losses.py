"""kharkiv.model.losses: military-loss figures stay attributed claims, and the chapter's charts summarise at any size."""

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from kharkiv.chapters.military_losses import charts as losses_charts
from kharkiv.chapters.military_losses import facts as losses_facts
from kharkiv.model import losses
from kharkiv.text import dates

DAY = pd.Timestamp("2022-03-16")
WAR = pd.Timestamp("2022-02-24")
# One statement as views.statements gives it; each test changes only what it is about.
BASE = {
    "event_id": pd.NA,
    "part_of": pd.NA,
    "claimant_id": "ukrainian-officials",
    "claimant": "Ukrainian officials",
    "claimant_side": "Ukrainian",
    "measure": "killed",
    "subject": "russian military",
    "scope": "front",
    "unit_name": pd.NA,
    "unit": "people",
    "value": 10.0,
    "value_high": pd.NA,
    "qualifier": "exact",
    "verification": "claimed",
    "source_id": "s000",
    "evidence": "words of the source",
    "period_start": WAR,
    "period_end": DAY,
}


def _figures(*rows: dict) -> pd.DataFrame:
    """Military figures (losses_facts.from_statements) from statements that differ from BASE as given; ids n0001, …"""
    st = pd.DataFrame([BASE | {"statement_id": f"n{i + 1:04d}"} | r for i, r in enumerate(rows)])
    st["value"] = st["value"].astype("Float64")
    st["value_high"] = st["value_high"].astype("Float64")
    return losses_facts.from_statements(st)


def _unit(name, measure, value, unit="tanks", **kw) -> dict:
    return {"scope": "unit", "unit_name": name, "measure": measure, "value": value, "unit": unit} | kw


def _texts(fig) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts]


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


# --- who and what -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "claimant, side, expected",
    [
        ("Ukrainian officials", "Ukrainian", "Ukrainian officials"),
        ("Ministry of Defence of Russia", "Russian", "Ministry of Defence of Russia"),
        ("Oleh Synyehubov", "Ukrainian", "Oleh Synyehubov (Ukrainian)"),
        ("Biathlon Federation of Ukraine", "third party", "Biathlon Federation of Ukraine (third party)"),
        ("Unattributed", "unattributed", "a source naming no one"),
    ],
)
def test_the_side_is_named_once(claimant, side, expected):
    assert losses_facts.who(claimant, side) == expected


def test_only_military_figures_are_kept_and_attributed_without_repeating_the_side():
    f = _figures({}, {"subject": "civilians"}, {"claimant": "Oleh Synyehubov"})
    assert list(f["statement_id"]) == ["n0001", "n0003"]
    assert list(f["who"]) == ["Ukrainian officials", "Oleh Synyehubov (Ukrainian)"]


def test_losses_leave_out_strength_and_shares():
    f = _figures(
        {}, {"measure": "unit strength"}, {"measure": "share of strength lost"}, {"measure": "tanks lost"}
    )
    assert list(losses.losses(f)["measure"]) == ["killed", "tanks lost"]


def test_who_claims_whose_losses():
    f = losses.losses(
        _figures(
            {},
            {"claimant": "Russian authorities", "claimant_side": "Russian", "subject": "ukrainian military"},
            {"claimant": "Russian authorities", "claimant_side": "Russian", "subject": "foreign fighters"},
            {"claimant": "Russian authorities", "claimant_side": "Russian"},
        )
    )
    assert list(losses.ua_on_ru(f)["statement_id"]) == ["n0001"]
    assert list(losses.ru_on_ua(f)["statement_id"]) == ["n0002", "n0003"]


@pytest.mark.parametrize(
    "start, end, expected",
    [
        ("2022-02-28", "2022-02-28", "on 28 February 2022"),
        ("2022-09-06", "2022-09-11", "from 6 to 11 September 2022"),
        ("2022-02-24", "2022-05-31", "from 24 February to 31 May 2022"),
        ("2021-12-30", "2022-01-02", "from 30 December 2021 to 2 January 2022"),
    ],
)
def test_when(start, end, expected):
    """The chapter's dates in running text are dates.period's "words" style."""
    assert dates.period(pd.Timestamp(start), pd.Timestamp(end), "words") == expected


def test_largest_is_one_attributed_figure_never_a_sum():
    f = _figures(
        {"value": 300.0, "qualifier": "more than"},
        {"value": 100.0, "value_high": 300.0, "qualifier": "range", "claimant": "Oleh Synyehubov"},
        {"value": 50.0, "measure": "tanks lost", "unit": "tanks"},
    )
    # ties on the high end go to the last id: one rule, the same on every run
    assert losses_facts.largest_text(f, "killed") == (
        "100–300 killed from 24 February to 16 March 2022, according to Oleh Synyehubov (Ukrainian)"
    )
    assert losses_facts.largest_text(f, "wounded") is None


def test_a_figure_in_words_is_never_the_largest():
    f = _figures({"value": pd.NA, "qualifier": "hundreds"}, {"value": 3.0})
    assert losses.largest(f, "killed")["statement_id"] == "n0002"


def test_listing_attributes_each_figure_and_agrees_with_its_number():
    f = _figures(
        {"value": 1.0},
        _unit("4th Tank Division", "tanks lost", 65.0),
        {"value": pd.NA, "qualifier": "dozens"},
    )
    out = losses_facts.listing(f, {"s000": "Wikipedia"})
    assert list(out.columns) == [
        "period",
        "what",
        "figure",
        "claimed by",
        "verification",
        "source",
        "evidence",
        "statement_id",
    ]
    assert list(out["figure"]) == ["1 person", "65 tanks", "dozens"]
    assert out["what"].iloc[1] == "tanks lost, Russian forces, 4th Tank Division"
    assert set(out["source"]) == {"Wikipedia"}


def test_names_beyond_the_limit_are_counted():
    assert losses_facts.names_text(["A", "B", "A"]) == "A and B"
    assert losses_facts.names_text([f"c{i}" for i in range(8)], limit=2) == "c0, c1 and 6 others"


def test_count_verb_agrees():
    assert losses_facts.count_verb(1, "figure") == "one figure comes"
    assert losses_facts.count_verb(6, "figure") == "six figures come"


# --- who counts whose losses --------------------------------------------------------------------------------


def test_crosstab_orders_categories_and_puts_the_largest_column_first():
    f = losses.losses(
        _figures(
            {"measure": "tanks lost", "unit": "tanks"},
            {"measure": "tanks lost", "unit": "tanks"},
            {"claimant": "Unattributed", "claimant_side": "unattributed"},
            {"claimant": "Oryx", "claimant_side": "third party", "subject": "ukrainian military"},
            {"claimant": "Russian authorities", "claimant_side": "Russian", "subject": "foreign fighters"},
        )
    )
    t = losses_facts.crosstab(f)
    assert list(t.index) == ["killed", "tanks lost"]
    assert t.columns[0] == "Ukrainian sources on Russian losses"
    assert set(t.columns[1:]) == {
        "Sources naming no one on Russian losses",
        "Third-party sources on Ukrainian losses",
        "Russian sources on foreign fighters",
    }
    assert t.loc["tanks lost", "Ukrainian sources on Russian losses"] == 2
    assert int(t.to_numpy().sum()) == len(f)


def test_crosstab_chart_title_gives_the_share():
    f = losses.losses(_figures({}, {}, {}, {"claimant": "Oryx", "claimant_side": "third party"}))
    fig = losses_charts.crosstab_chart(f)
    assert " ".join(fig.axes[0].get_title("left").split()).startswith("75% of the figures")


# --- losses against unit strength ---------------------------------------------------------------------------

TANKS = [
    _unit("4th Tank Division", "tanks lost", 65.0, part_of="n0009"),
    _unit("4th Tank Division", "tanks lost", 6.0, part_of="n0009"),
    _unit("4th Tank Division", "unit strength", 200.0, value_high=217.0, qualifier="range"),
    _unit("4th Tank Division", "share of strength lost", 33.0, unit="percent", qualifier="about"),
]


def test_parts_of_one_claim_are_summed_against_the_strength():
    c = losses.computed_shares(losses.unit_figures(_figures(*TANKS)))
    assert len(c) == 1
    r = c.iloc[0]
    assert r["low"] == pytest.approx(100 * 71 / 217)
    assert r["high"] == pytest.approx(100 * 71 / 200)
    assert (r["lost"], r["strength"], r["lost by"]) == (
        "65 + 6 tanks",
        "200–217 tanks",
        "Ukrainian officials",
    )


def test_separate_claims_of_one_claimant_are_never_summed():
    # the same claim reported for two events (or copied 100 times) gives the same share each time, not twice it
    rows = [
        _unit("488th", "killed", 1600.0, unit="people", event_id="e0001"),
        _unit("488th", "killed", 1600.0, unit="people", event_id="e0002"),
        _unit(
            "488th",
            "unit strength",
            1600.0,
            unit="people",
            claimant="Unattributed",
            claimant_side="unattributed",
        ),
    ]
    c = losses.computed_shares(losses.unit_figures(_figures(*rows)))
    assert list(c["high"]) == [100.0, 100.0]
    assert set(c["strength by"]) == {"a source naming no one"}


def test_a_loss_of_another_kind_or_period_is_not_set_against_the_strength():
    rows = [
        _unit("U", "unit strength", 100.0),
        _unit("U", "killed", 10.0, unit="people"),  # people against tanks
        _unit("U", "tanks lost", 10.0, period_start=DAY),  # another period
        _unit("U", "tanks lost", pd.NA, qualifier="several"),  # no number
    ]
    assert losses.computed_shares(losses.unit_figures(_figures(*rows))).empty


def test_only_units_with_a_strength_or_a_share_are_unit_figures():
    f = _figures(
        *TANKS, _unit("Other Brigade", "tanks lost", 3.0), {"measure": "tanks lost", "unit": "tanks"}
    )
    assert set(losses.unit_figures(f)["unit_name"]) == {"4th Tank Division"}


def test_unit_facts():
    rows = [
        *TANKS,
        _unit("488th", "killed", 1600.0, unit="people"),
        _unit("488th", "unit strength", 1600.0, unit="people"),
    ]
    facts = losses_facts.unit_facts(losses.unit_figures(_figures(*rows)))
    assert facts["n_units"] == "two Russian units"
    assert (facts["stated_low"], facts["stated_high"], facts["computed_high"]) == ("33%", "33%", "100%")
    assert facts["computed_note"].startswith(
        "488th: 1,600 people lost according to Ukrainian officials, out of"
    )
    assert "its size may have been reported as its losses" in facts["computed_note"]
    with pytest.raises(ValueError, match="rewrite the section"):
        losses_facts.unit_facts(losses.unit_figures(_figures(TANKS[2])))


def _copies(rows: list[dict], n: int) -> list[dict]:
    """n copies of rows as separate claims (each copy its own event and parent figure)."""
    return [
        r
        | {
            "event_id": f"e{k}",
            "part_of": f"{r['part_of']}-{k}" if pd.notna(r.get("part_of", pd.NA)) else pd.NA,
        }
        for k in range(n)
        for r in rows
    ]


def test_unit_chart_draws_each_distinct_share_once():
    one = losses.unit_figures(_figures(*TANKS))
    many = losses.unit_figures(_figures(*_copies(TANKS, 50)))
    texts = [
        _texts(losses_charts.unit_chart(losses.stated_shares(u), losses.computed_shares(u)))
        for u in (one, many)
    ]
    assert texts[0] == texts[1] == ["about 33%", "33–36% (65 + 6 tanks of 200–217 tanks)"]


def test_unit_chart_shows_the_units_with_the_highest_shares_and_says_so():
    rows = [_unit(f"Unit {i:02d}", "share of strength lost", float(i), unit="percent") for i in range(1, 16)]
    u = losses.unit_figures(_figures(*rows))
    fig = losses_charts.unit_chart(losses.stated_shares(u), losses.computed_shares(u), top=12)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == [f"Unit {i:02d}" for i in range(4, 16)]
    assert "(the 12 of 15 units with the highest shares)" in ax.get_xlabel()
    assert " ".join(ax.get_title("left").split()).startswith(
        "Captured documents put Russian units' losses at 1% to 15%"
    )


# --- the September counteroffensive -------------------------------------------------------------------------

PHASE = pd.Series({"start_date": pd.Timestamp("2022-09-06"), "end_date": pd.Timestamp("2022-09-11")})
SEPT = {"period_start": pd.Timestamp("2022-09-06"), "period_end": pd.Timestamp("2022-09-11")}


def test_in_phase_keeps_losses_whose_period_lies_within_it():
    f = _figures(
        SEPT, {}, SEPT | {"measure": "unit strength"}, SEPT | {"period_end": pd.Timestamp("2022-09-30")}
    )
    assert list(losses.in_phase(f, PHASE)["statement_id"]) == ["n0001"]


def test_killed_text_attributes_few_figures_and_gives_the_range_of_many():
    one = _figures(SEPT | {"value": 2850.0})
    assert losses_facts.killed_text(one) == "Ukrainian officials put the Russian dead at 2,850."
    two = _figures(SEPT, SEPT | {"claimant": "Oryx", "claimant_side": "third party", "value": 20.0})
    assert (
        losses_facts.killed_text(two)
        == "Ukrainian officials put the Russian dead at 10 and Oryx (third party) at 20."
    )
    many = _figures(*[SEPT | {"value": float(v)} for v in (5, 7, 9, 11)])
    assert losses_facts.killed_text(many) == "Four figures put the Russian dead at 5 to 11."
    assert losses_facts.killed_text(many.iloc[:0]) == ""


def test_phase_facts():
    f = _figures(
        SEPT | {"value": 2850.0},
        SEPT | {"measure": "tanks lost", "unit": "tanks", "claimant": "Oryx", "claimant_side": "third party"},
    )
    facts = losses_facts.phase_facts(f, PHASE)
    assert facts == {
        "sept_period": "6–11 September 2022",
        "sept_n": "two figures for military losses",
        "sept_claimants": "one from Oryx (third party) and one from Ukrainian officials",
        "sept_killed": "Ukrainian officials put the Russian dead at 2,850.",
    }


def test_phase_groups_put_people_first_and_a_value_apart_keeping_the_largest():
    rows = [SEPT | {"value": float(v)} for v in range(1, 31)]
    rows += [SEPT | {"measure": "tanks lost", "unit": "tanks", "value": 5.0}]
    rows += [SEPT | {"measure": "equipment lost", "unit": "US dollars", "value": 7e8}]
    groups = losses.phase_groups(losses.in_phase(_figures(*rows), PHASE), top=10)
    assert [(name, len(g), n) for name, g, n in groups] == [
        ("People", 10, 30),
        ("Equipment", 1, 1),
        ("US dollars", 1, 1),
    ]
    assert list(groups[0][1]["low"]) == [float(v) for v in range(21, 31)]  # the largest, smallest first


def test_phase_chart_summarises_and_says_so():
    rows = [SEPT | {"value": float(v)} for v in range(1, 31)] + [
        SEPT | {"measure": "tanks lost", "unit": "tanks"}
    ]
    fig = losses_charts.phase_chart(losses.in_phase(_figures(*rows), PHASE), top=10)
    people, equipment = fig.axes
    assert len(people.patches) == 10
    assert people.get_xlabel() == "People (count, as claimed; the 10 largest of 30 figures)"
    assert equipment.get_xlabel() == "Equipment (count, as claimed)"
    title = " ".join(people.get_title("left").split())
    assert title.startswith("Ukrainian officials claimed 30 killed among Russian forces")
    with pytest.raises(ValueError, match="no figures"):
        losses_charts.phase_chart(losses.in_phase(_figures(SEPT), PHASE).iloc[:0])


def test_who_gave_figures_is_counted_per_claimant_and_others_are_named():
    f = _figures(
        SEPT | {"value": 2850.0},
        SEPT | {"value": 10.0, "measure": "tanks lost", "unit": "tanks"},
        SEPT | {"measure": "tanks lost", "unit": "tanks", "claimant": "Oryx", "claimant_side": "third party"},
    )
    assert losses_facts.from_whom(f) == "two from Ukrainian officials and one from Oryx (third party)"
    assert losses_facts.from_whom(f, "claimant") == "two from Ukrainian officials and one from Oryx"
    rest = _figures(
        SEPT | {"measure": "unit strength"}, SEPT | {"measure": "unit strength"}, SEPT | {"measure": "other"}
    )
    assert losses_facts.others_text(rest) == "two unit strengths and one other count"
