"""kharkiv.model.harm: which reports count as civilian harm in the city, and how reports of one day line up."""

import pandas as pd
import pytest

from kharkiv.chapters.civilian_harm import facts as harm_facts
from kharkiv.model import harm
from kharkiv.text import attribution, harm_text, wording
from tests.fixtures_harm import PLACES, ROWS, WAR_START  # noqa: F401 (ROWS: tests/chapters/test_harm_chapter.py imports it from here)


@pytest.fixture
def st(harm_statements):
    return harm_statements


def test_city_is_the_city_and_what_lies_within_it():
    assert harm.city_place_ids(PLACES) == ["derzhprom", "kharkiv", "saltivskyi-district"]


def test_tolls_keep_civilians_and_unstated_people_in_the_city_only(st):
    t = harm_text.tolls(st, PLACES, WAR_START)
    assert sorted(t["statement_id"]) == ["n1", "n2", "n3", "n4", "n5", "n6", "n7"]
    assert t.set_index("statement_id").loc["n4", "status"] == "status not stated"
    assert t.set_index("statement_id").loc["n5", "status"] == "civilians"
    assert t.set_index("statement_id")["cumulative"].to_dict()["n6"] and t["cumulative"].sum() == 1


def test_figures_read_as_the_source_qualifies_them():
    assert wording.figure_text(606, None, "at least") == "at least 606"
    assert wording.figure_text(None, None, "dozens") == "dozens"
    assert wording.figure_text(200, 217, "range") == "200\u2013217"
    assert wording.figure_text(1500, None, "exact") == "1,500"
    assert attribution.labelled("X", "unattributed") == attribution.NO_ONE


def test_largest_running_total_is_a_civilian_one_and_never_a_sum(st):
    top = harm_text.largest_cumulative(harm_text.tolls(st, PLACES, WAR_START))
    assert top["statement_id"] == "n6" and top["value"] == 606
    assert harm_text.largest_cumulative(harm_text.tolls(st.iloc[:5], PLACES, WAR_START)) is None


def test_conflicts_group_one_strike_and_keep_every_report(st):
    c = harm_text.conflicts(harm_text.tolls(st, PLACES, WAR_START))
    assert len(c) == 1
    row = c.iloc[0]
    assert row["strike"] == "e1" and row["claimants"] == 3 and row["reports"] == 3
    assert (row["low"], row["high"]) == (9, 11)
    # n4 counts people, not civilians: another count (kharkiv.model.comparable), with one official alone
    assert row["statement_ids"] == "n1; n2; n3"
    assert "dozens" in row["figures"] and "[s0]" in row["figures"]


def _events():
    ev = pd.DataFrame(
        {
            "event_id": ["e1", "e2", "e3", "e4", "e5", "e6", "e7"],
            "event_type": [
                "Explosions/Remote violence",
                "Violence against civilians",
                "Explosions/Remote violence",
                "Strategic developments",
                "Battles",
                "Explosions/Remote violence",
                "Explosions/Remote violence",
            ],
            "sub_event_type": [
                "Shelling/artillery/missile attack",
                "Attack",
                "Shelling/artillery/missile attack",
                "Assessment or report",
                "Armed clash",
                "Shelling/artillery/missile attack",
                "Shelling/artillery/missile attack",
            ],
            "place_id": [
                "kharkiv",
                "kharkiv",
                "saltivskyi-district",
                "kharkiv",
                "kharkiv",
                "tsyrkuny",
                "derzhprom",
            ],
            "weapon": [
                "multiple rocket launcher",
                "sniper",
                None,
                "cluster munition",
                "tank",
                "artillery",
                None,
            ],
            "target": ["residential", "civilians", "civilians", None, None, None, None],
            "summary": [
                "Rockets hit homes.",
                "Two volunteers were shot.",
                "Shelling killed a 96-year-old survivor.",
                "A rights group found cluster munitions.",
                "Street fighting.",
                "Shelling of a village.",
                "Shelling killed a soldier.",
            ],
        }
    )
    weapons = ["cluster munition", "multiple rocket launcher", "artillery", "tank", "sniper"]
    ev["weapon"] = pd.Categorical(ev["weapon"], categories=weapons)
    ev["target"] = pd.Categorical(ev["target"], categories=["residential", "civilians"])
    return ev


def test_strikes_and_weapon_reports_are_apart(st):
    ev = _events()
    assert list(harm.strikes(ev, PLACES)["event_id"]) == ["e1", "e2", "e3", "e7"]
    assert list(harm.weapon_reports(ev, PLACES)["event_id"]) == ["e4"]


def test_weapon_target_counts_each_strike_once_with_not_stated_last():
    wt = harm.weapon_target(harm.strikes(_events(), PLACES))
    assert list(wt.index) == ["multiple rocket launcher", "sniper", "not stated"]
    assert list(wt.columns) == ["residential", "civilians", "not stated"]
    assert wt.to_numpy().sum() == 4 and wt.loc["not stated", "civilians"] == 1


def test_victims_are_attacks_single_deaths_or_described_persons_not_soldiers():
    ev = _events()
    killed = pd.DataFrame(
        {
            "event_id": ["e1", "e3", "e7"],
            "measure": ["killed"] * 3,
            "subject": ["civilians", "civilians", "ukrainian military"],
            "value": [4.0, 1.0, 1.0],
            "qualifier": ["exact"] * 3,
        }
    )
    assert list(harm.victims(ev, killed)["event_id"]) == ["e2", "e3"]


def test_rights_groups_are_found_by_name_variant_or_role():
    claimants = pd.DataFrame(
        {
            "claimant_id": ["hrw", "amnesty", "expert", "isw"],
            "name": ["Human Rights Watch", "Amnesty", "Mark Hiznay", "ISW"],
            "variants": [None, "Amnesty International", None, None],
            "role": [None, None, "Arms director, Human Rights Watch", None],
        }
    )
    assert harm.rights_group_ids(claimants) == ["amnesty", "expert", "hrw"]


# --- reader-facing wording (issue 12) ---------------------------------------------------------------------------


def _members(rows):
    import pandas as pd

    df = pd.DataFrame(rows, columns=["value", "value_high", "qualifier", "claimant", "claimant_side"])
    return wording.with_figures(
        df.assign(period_start=pd.Timestamp("2022-02-28"), period_end=pd.Timestamp("2022-02-28"))
    ).assign(statement_id=[f"n{i:04d}" for i in range(len(df))])


def test_a_range_says_which_reports_were_given_only_in_words():
    m = _members(
        [
            (9, None, "exact", "Ihor Terekhov", "Ukrainian"),
            (11, None, "exact", "Oleh Synyehubov", "Ukrainian"),
            (None, None, "dozens", "Anton Herashchenko", "Ukrainian"),
            (None, None, "dozens", "Oleh Synyehubov", "Ukrainian"),
            (None, None, "hundreds", "Anton Herashchenko", "Ukrainian"),
        ]
    )
    text = harm_text.spread_text(m)
    assert text.startswith("9 to 11, while ")
    assert "Anton Herashchenko and Oleh Synyehubov said “dozens”" in text
    assert "Anton Herashchenko said “hundreds”" in text


def test_a_range_of_words_only_or_of_one_number():
    assert harm_text.spread_text(_members([(None, None, "dozens", "A", "Ukrainian")])) == "A said “dozens”"
    assert harm_text.spread_text(_members([(3, None, "exact", "A", "Ukrainian")])) == "3"
    unnamed = _members([(None, None, "dozens", "Unattributed", "unattributed")])
    assert harm_text.spread_text(unnamed) == f"{attribution.NO_ONE} said “dozens”"


def test_sources_are_named_as_readers_know_them():
    assert harm_text.source_name("The Washington Post", "x", "news article") == "The Washington Post"
    assert harm_text.source_name("RFE/RL (republished)", "x", "news article") == "RFE/RL"
    assert (
        harm_text.source_name(
            "Wikipedia (plain-text extract)", "Battle of Kharkiv (2022)", "encyclopedia article"
        )
        == "Wikipedia, “Battle of Kharkiv (2022)”"
    )
    assert harm_text.source_name("UK news outlet (not named in the text)", "x", "news article") == (
        "a UK news outlet (not named in its text)"
    )
    assert harm_text.named_sources("s1; s2", {"s1": "A", "s2": "B"}) == "A; B"


def test_the_chapter_attributes_a_toll_with_the_one_attribution_family():
    def row(name, role, kind, side):
        return {"claimant": name, "claimant_role": role, "claimant_kind": kind, "claimant_side": side}

    person = row(
        "Oleh Synyehubov", "Head of the Kharkiv Regional State Administration", "person", "Ukrainian"
    )
    assert harm_facts.according(person) == (
        "according to Oleh Synyehubov, head of the Kharkiv Regional State Administration"
    )
    assert (
        harm_facts.according(row("CNN", "US news network", "organisation", "third party"))
        == "according to CNN"
    )
    unnamed = row("Unattributed", None, "unattributed", "unattributed")
    assert harm_facts.according(unnamed) == f"according to {attribution.NO_ONE}"


def test_the_city_holds_places_within_places():
    """A building on a square in the city is in the city (the 1 March strike on the administration building)."""
    places = pd.DataFrame(
        {
            "place_id": ["kharkiv", "square", "building", "izium"],
            "within": pd.array([None, "kharkiv", "square", "kharkiv-oblast"], dtype="string"),
        }
    )
    assert harm.city_place_ids(places) == ["building", "kharkiv", "square"]
