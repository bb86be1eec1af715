"""kharkiv.plots.time_axis: the phases' and the assault's facts and tables, on small synthetic frames."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from kharkiv.chapters import assault
from kharkiv.chapters import phases as phases_page
from kharkiv.model import periods
from kharkiv.plots import style, time_axis
from tests.conftest import toy_events


@pytest.fixture
def phases(toy_phases):
    return toy_phases


@pytest.fixture
def events():
    return toy_events(["Battles", "Explosions/Remote violence", "Explosions/Remote violence", "Battles"])


def test_top_type_and_its_share(events):
    assert assault.top_type(events.iloc[:3]) == ("Explosions/Remote violence", pytest.approx(2 / 3))


def test_top_type_tie_goes_to_the_first_type_of_the_schema(events):
    assert assault.top_type(events)[0] == "Battles"


def test_busiest_and_quietest_and_overall_rate(events, phases):
    stats = periods.by_phase(events, phases)
    busiest, quietest = periods.busiest_and_quietest(stats)
    assert busiest["phase_id"] == "a" and quietest["phase_id"] == "b"  # 3 in 5 days against 1 in 14
    assert periods.overall_rate(events, stats) == pytest.approx(4 / 19 * 7)


def test_phase_facts_word_the_chapter(events, phases):
    stats, shares = periods.by_phase(events, phases), periods.type_shares(events, phases)
    facts = phases_page.phase_facts(phases, events, stats, shares)
    assert facts["n_phases"] == "two"
    assert facts["first_day"] == "24 February 2022" and facts["last_day"] == "14 March 2022"
    assert facts["busiest_phase"] == "First" and facts["busiest_per_week"] == "4.2"
    assert facts["remote_high_phase"] == "First" and facts["remote_high_share"] == "67%"
    assert facts["battles_high_phase"] == "Second" and facts["battles_high_share"] == "100%"


def test_boundary_table_has_two_rows_per_phase_in_order(phases):
    sources = pd.DataFrame({"source_id": ["s0", "s1"], "title": ["Article", "Report"]})
    table = phases_page.boundary_table(phases, sources)
    assert list(table["phase"]) == ["1. First", "1. First", "2. Second", "2. Second"]
    assert list(table["boundary"]) == ["start", "end", "start", "end"]
    assert list(table["source"]) == ["Article", "Report", "Report", "Report"]
    assert table["the sentence (verbatim)"].iloc[0] == "A opens"


def test_glance_table_headings_are_for_readers(events, phases):
    table = phases_page.glance_table(periods.by_phase(events, phases))
    assert list(table.columns) == [
        "phase",
        "first day",
        "last day",
        "days",
        "events",
        "events a week",
        "places",
    ]
    assert list(table["events a week"]) == [4.2, 0.5]


def test_repeats_note_only_when_a_bar_stands_for_several_reports():
    fig, ax = plt.subplots()
    time_axis.repeats_note(ax, pd.DataFrame({"times": [1, 1]}))
    assert not ax.texts
    time_axis.repeats_note(ax, pd.DataFrame({"times": [1, 100]}))
    assert "up to 100 reports" in ax.texts[0].get_text()
    plt.close(fig)


def test_toll_view_opens_the_figures_of_the_period():
    rows = pd.DataFrame(
        {"period_start": pd.to_datetime(["2022-02-28"]), "period_end": pd.to_datetime(["2022-03-01"])}
    )
    assert assault.toll_view(rows) == {
        "view": "figures",
        "measure": "killed",
        "subject": "civilians",
        "from": "2022-02-28",
        "to": "2022-03-01",
    }


def test_a_phone_copy_leaves_phase_names_to_the_full_chart():
    """On a phone the phase names above a chart would overprint each other and its title (issue 24)."""
    phases = pd.DataFrame(
        {
            "order": [1, 2],
            "name": ["Assault on the city", "Bombardment and siege"],
            "start_date": pd.to_datetime(["2022-02-24", "2022-03-01"]),
            "end_date": pd.to_datetime(["2022-02-28", "2022-04-30"]),
        }
    )
    fig, ax = style.figure()
    time_axis.shade_phases(ax, phases)
    named = lambda axes: [t.get_text() for a in axes for t in a.texts if t.get_gid() == time_axis.PHASE_NAME]  # noqa: E731
    assert named(fig.axes) == ["Assault on the city", "Bombardment and siege"]
    assert named(style.narrow_figure(fig).axes) == []
