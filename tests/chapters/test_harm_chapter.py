"""The civilian-harm chapter's builders: its tables (kharkiv.chapters.civilian_harm.tables), facts and titles (kharkiv.chapters.civilian_harm.facts) and
what its charts draw as the data grows (kharkiv.chapters.civilian_harm.charts). Small synthetic frames, no dependence on the data."""

import pandas as pd
import pytest

from kharkiv.chapters.civilian_harm import charts as harm_charts
from kharkiv.chapters.civilian_harm import facts as harm_facts
from kharkiv.chapters.civilian_harm import tables as harm_tables
from kharkiv.model import harm
from kharkiv.text import attribution, harm_text, wording
from tests.fixtures_harm import statement_frame
from tests.model.test_harm import PLACES, ROWS, WAR_START

NAMES = {"s0": "Wikipedia, “Battle of Kharkiv (2022)”", "s3": "The Washington Post"}


def _tolls(rows=ROWS):
    st = statement_frame(rows).assign(evidence="killing at least 606 civilians.")
    return harm_text.tolls(st, PLACES, WAR_START).assign(claimant_role=None)


def _copies(rows, k: int):
    """Each row copied k times under new statement ids (n1 -> n1_0 ...) and, for one attack, new event ids."""
    out = []
    for i in range(k):
        for r in rows:
            event = f"{r[1]}x{i}" if isinstance(r[1], str) else r[1]
            out.append((f"{r[0]}x{i}", event, *r[2:]))
    return out


@pytest.fixture
def tolls():
    return _tolls()


def test_a_zero_count_of_strikes_reads_as_no_shelling_reported():
    assert harm_tables.strike_count_figure(0, None, "exact", "shelling incidents") == "no shelling reported"
    assert harm_tables.strike_count_figure(0.0, pd.NA, "exact", "locations struck") == "no place struck"
    assert harm_tables.strike_count_figure(65, None, "exact", "shelling incidents") == "65"
    assert harm_tables.strike_count_figure(3, None, "at least", "locations struck") == "at least 3"
    rows = [
        ("n1", None, "2022-05-08", "2022-05-14", "kharkiv", "city", "shelling incidents", "shelling", 0, None,
         "exact", "t", "Ihor Terekhov", "Ukrainian", "claimed", "s0"),
    ]  # fmt: skip
    counts = harm_text.by_measure(
        statement_frame(rows).assign(evidence="no shelling"), PLACES, harm.STRIKE_COUNT_MEASURES
    )
    table = harm_tables.strike_count_table(counts, NAMES)
    assert table["figure"].tolist() == ["no shelling reported"]
    assert "0 shelling" not in " ".join(table.astype(str).agg(" ".join, axis=1))


def test_toll_table_names_who_was_counted_and_the_outlet(tolls):
    table = harm_tables.toll_table(tolls.assign(evidence="x"), NAMES)
    assert list(table.columns)[:4] == ["period", "killed or wounded", "who was counted", "figure"]
    assert table.columns[-1] == "statement_id"  # the link column, dropped when shown
    n4 = table.set_index("statement_id").loc["n4"]
    assert (
        n4["who was counted"] == "people, not said to be civilians" and n4["source"] == "The Washington Post"
    )
    assert table["period"].iloc[0] == "24 February – 31 May 2022"  # the running total starts first
    assert table.set_index("statement_id").loc["n6", "reported by"] == attribution.NO_ONE


def test_conflict_table_gives_the_range_and_every_report_without_ids(tolls):
    c = harm_text.conflicts(tolls)
    table = harm_tables.conflict_table(tolls, c)
    assert table["figures given"].tolist() == [harm_text.spread_text(harm.group_members(tolls, c.iloc[0]))]
    assert table["figures given"].iloc[0].startswith("9 to 11, while A said")
    assert (
        "[s" not in table["each report"].iloc[0] and "A (Ukrainian): dozens" in table["each report"].iloc[0]
    )


def test_spreads_in_one_pass_equal_spread_text_of_each_group():
    tolls = _tolls(_copies(ROWS, 3))
    c = harm_text.conflicts(tolls)
    assert len(c) == 3  # one attack copied three times: three attacks, never merged
    assert harm_tables.spreads(tolls, c) == [
        harm_text.spread_text(harm.group_members(tolls, r)) for _, r in c.iterrows()
    ]
    members = harm_tables.all_members(tolls, c)
    assert [m["statement_id"].tolist() for m in members] == [
        harm.group_members(tolls, r)["statement_id"].tolist() for _, r in c.iterrows()
    ]


def test_conflicts_in_one_pass_keep_id_order_beyond_four_digits():
    rows = [(sid, *ROWS[1][1:11], cid, *ROWS[1][12:]) for sid, cid in (("n10000", "a"), ("n9999", "b"))]
    c = harm_text.conflicts(_tolls(rows))
    assert c["statement_ids"].tolist() == ["n9999; n10000"] and c["claimants"].tolist() == [2]
    assert harm_text.conflicts(_tolls(ROWS[4:6])).empty  # one claimant each: no conflict
    assert list(harm_text.conflicts(_tolls(ROWS[4:6])).columns) == list(c.columns)


def test_toll_marks_draw_a_repeated_report_once_and_keep_every_other():
    tolls = _tolls(_copies(ROWS, 4))
    marks = harm_charts.toll_marks(tolls)
    assert len(tolls) == 4 * len(_tolls()) and len(marks) == len(harm_charts.toll_marks(_tolls()))
    assert set(marks["claimant_side"]) == set(tolls["claimant_side"])


def test_attacks_with_the_same_reports_share_one_row_that_says_how_many():
    tolls = _tolls(_copies(ROWS, 5))
    c = harm_text.conflicts(tolls)
    groups = harm_charts.chart_groups(tolls, c)
    assert len(groups) == 1 and groups[0]["label"].endswith("\n5 attacks, same reports")
    assert len(groups[0]["numbers"]) == 2  # B's 11 and C's 9, each drawn once (B's people are another count)
    assert harm_charts.shown_note(c) == ""
    one = harm_charts.chart_groups(_tolls(), harm_text.conflicts(_tolls()))
    assert "attacks" not in one[0]["label"]


def test_the_chart_of_disagreement_shows_at_most_n_rows_and_says_so():
    c = pd.DataFrame(
        {
            "measure": "killed",
            "period_start": pd.date_range("2022-03-01", periods=5),
            "period_end": pd.date_range("2022-03-01", periods=5),
            "strike": [f"e{i}" for i in range(5)],
            "reports": [2, 5, 3, 2, 4],
            "claimants": [2, 3, 2, 2, 3],
            "figures": [f"A: {i}; B: {i + 1}" for i in range(5)],
        }
    )
    shown = harm_charts.chart_conflicts(c, n=2)
    assert shown["strike"].tolist() == ["e1", "e4"]  # the most officials, then the most reports
    assert harm_charts.shown_note(c, n=2) == " (the 2 of the 5 days and attacks with the most officials)"
    assert harm_charts.shown_note(c, n=5) == ""


def test_headline_facts_name_the_largest_total_and_the_deadliest_attack(tolls):
    facts = harm_facts.headline(tolls)
    assert "at least 606" in facts["harm_top_toll"].data and "explorer.html#n6" in facts["harm_top_toll"].data
    assert facts["harm_top_toll_period"] == "24 February – 31 May 2022"
    assert facts["harm_top_toll_who"] == "according to a source naming no one"
    assert (
        facts["harm_top_toll_words"] == "“killing at least 606 civilians”"
    )  # the sentence's full stop follows
    assert facts["harm_top_day_what"].startswith(
        "the one of 28 February 2022, which killed 1 civilian, according to a source naming no one"
    )
    title = harm_facts.tolls_title(tolls)
    assert title.startswith("1 killed in the deadliest attack; ")
    top = harm_text.largest_cumulative(tolls)
    assert f"; {top['figure']} civilians killed by " in title and "passed" not in title  # as the source says
    assert harm_facts.headline(tolls.iloc[:0]) == {}
    assert harm_facts.tolls_title(tolls.iloc[:0]) == "Reported deaths and injuries in Kharkiv"


def test_conflict_facts_and_title_come_from_the_day_most_officials_counted(tolls):
    c = harm_text.conflicts(tolls)
    facts = harm_facts.conflict(tolls, c)
    assert (
        facts["harm_conflict_day"] == "28 February 2022"
        and facts["harm_conflict_n"] == "three officials or outlets"
    )
    assert "9 to 11" in facts["harm_conflict_spread"].data
    assert harm_facts.disagreement_title(tolls, c).startswith(
        "28 February 2022, people killed: the reports ran from 9"
    )
    assert harm_facts.conflict(tolls, c.iloc[:0]) == {}


def test_over_time_counts_reports_and_lower_bounds_per_phase(tolls):
    phases = pd.DataFrame(
        {
            "phase_id": ["p1", "p2"],
            "name": ["Assault", "Siege"],
            "order": [1, 2],
            "start_date": pd.to_datetime(["2022-02-24", "2022-03-10"]),
            "end_date": pd.to_datetime(["2022-03-09", "2022-09-11"]),
        }
    )
    facts = harm_facts.over_time(tolls, phases)
    assert facts == {
        "harm_n_reports": "7",
        "harm_n_lower_bounds": "2",
        "harm_busiest_phase": "Assault",
        "harm_busiest_period": "24 February – 9 March 2022",
        "harm_busiest_n": "5",
    }


def _strikes(weapons):
    return pd.DataFrame(
        {
            "weapon": pd.Categorical(weapons, categories=["cluster munition", "multiple rocket launcher"]),
            "target": pd.Categorical(["residential"] * len(weapons), categories=["residential"]),
            "start_date": pd.to_datetime(["2022-03-01"] * len(weapons)),
        }
    )


def test_weapon_facts_leave_out_what_no_source_names():
    strikes = _strikes(["multiple rocket launcher", None, None])
    facts = harm_facts.weapons(strikes, strikes.iloc[:0])
    assert facts["harm_share_no_weapon"] == "67%" and facts["harm_top_weapon"] == "multiple rocket launcher"
    assert "harm_cluster_report_dates" not in facts  # no report names cluster munitions: no date to give
    assert harm_facts.weapons_title(strikes) == (
        "Most strikes name no weapon; multiple rocket launchers are named most often"
    )
    assert harm_facts.weapons_title(_strikes(["cluster munition"] * 2 + [None])).startswith(
        "Most strikes name their weapon; cluster munitions"
    )
    assert harm_facts.weapons_title(_strikes([None])) == "No source names a weapon"


def test_city_strike_counts_agree_with_their_nouns():
    one = pd.DataFrame({"place_id": ["derzhprom"]})
    parts = {"placed": one, "no_coordinate": one.iloc[:0], "city_only": one.iloc[:0]}
    assert harm_facts.city_strikes(parts)["harm_n_city_strikes"] == "1 strike"
    assert harm_facts.city_strikes(parts)["harm_n_no_coordinate"] == "zero"
    assert harm_facts.map_title(parts).startswith("Strikes the sources place in the city fell at 1 site,")


def test_damage_facts_give_the_largest_figure_and_the_departures_in_date_order():
    rows = [
        ("n1", None, "2022-02-24", "2022-04-29", "kharkiv", "city", "buildings destroyed", "buildings", 2000, None,
         "more than", "b", "B", "Ukrainian", "claimed", "s0"),
        ("n2", None, "2022-03-01", "2022-03-10", "kharkiv", "city", "residents left", "residents", 30, None,
         "about", "m", "M", "Ukrainian", "claimed", "s0"),
        ("n3", None, "2022-03-01", "2022-03-05", "kharkiv", "city", "evacuated", "civilians", 2000, None,
         "exact", "u", "Unattributed", "unattributed", "reported", "s0"),
    ]  # fmt: skip
    st = wording.with_figures(statement_frame(rows).assign(unit=["buildings", "percent", "people"]))
    facts = harm_facts.damage(st.iloc[:1], st.iloc[1:])
    assert facts["harm_n_damage"] == "1"
    assert facts["harm_damage_top"] == "more than 2,000 buildings destroyed by 29 April 2022, according to B"
    assert facts["harm_displacement_list"] == (
        "2,000 people evacuated by 5 March 2022, according to a source naming no one; "
        "about 30% of residents left by 10 March 2022, according to M"
    )
    assert harm_facts.damage(st.iloc[:0], st.iloc[:0]) == {"harm_n_damage": "0"}


def test_attribution_names_a_body_with_the_and_a_person_with_their_role():
    body = {
        "claimant": "Kharkiv Regional State Administration",
        "claimant_role": "Regional government",
        "claimant_side": "Ukrainian",
    }
    person = {
        "claimant": "Oleh Synyehubov",
        "claimant_role": "Head of the Kharkiv Regional State Administration",
        "claimant_side": "Ukrainian",
    }
    assert harm_facts.according(pd.Series(body | {"claimant_kind": "organisation"})) == (
        "according to the Kharkiv Regional State Administration"
    )
    assert harm_facts.according(pd.Series(person | {"claimant_kind": "person"})) == (
        "according to Oleh Synyehubov, head of the Kharkiv Regional State Administration"
    )
    unnamed = {
        "claimant": "Unattributed",
        "claimant_role": None,
        "claimant_side": "unattributed",
        "claimant_kind": "unattributed",
    }
    assert harm_facts.according(pd.Series(unnamed)) == "according to a source naming no one"


def test_the_chapter_counts_its_documents_in_words():
    assert harm_facts.documents(pd.DataFrame({"source_id": ["s0", "s1"]})) == {
        "harm_n_documents": "two documents"
    }
    assert harm_facts.documents(pd.DataFrame({"source_id": ["s0"]})) == {"harm_n_documents": "one document"}


def test_the_target_named_most_often_is_worded_for_readers():
    strikes = pd.DataFrame(
        {
            "weapon": pd.array(["artillery", None, None], dtype="string"),
            "target": ["residential"] * 2 + ["military"],
        }
    )
    reports = pd.DataFrame({"weapon": pd.array([], dtype="string"), "start_date": pd.to_datetime([])})
    assert harm_facts.weapons(strikes, reports)["harm_top_target"] == "homes and residential districts"
