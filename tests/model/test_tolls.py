"""kharkiv.model.tolls: which death tolls count, and a toll with its rival reports (never merged)."""

from kharkiv.model import tolls
from tests.fixtures_harm import ROWS, TOLL_COLUMNS, statement_frame


def _statements(rows=ROWS):
    """The shared rows as kharkiv.model.tolls reads them: without claimant ids or sources."""
    return statement_frame(rows)[TOLL_COLUMNS]


def test_killed_selects_subjects_and_leaves_out_refuted():
    s = _statements()
    assert sorted(tolls.killed(s)["statement_id"]) == ["n1", "n2", "n3", "n6", "n7", "n8"]  # n10 is refuted
    assert sorted(tolls.killed(s, tolls.NOT_MILITARY)["statement_id"]) == [
        *(
            "n1",
            "n2",
            "n3",
            "n4",
            "n5",
            "n6",
            "n7",
            "n8",
        )  # people of unstated status and foreign nationals too
    ]
    assert tolls.killed(s).set_index("statement_id").loc["n6", "period_days"] == 97


def test_single_day_or_attack_inside_the_dates():
    k = tolls.killed(_statements(), tolls.NOT_MILITARY)
    assert sorted(tolls.single_day_or_attack(k, "2022-02-24", "2022-02-28")["statement_id"]) == [
        "n1",
        "n2",
        "n3",
        "n4",
        "n5",
    ]


def test_rivals_are_the_same_day_place_and_attack_largest_first():
    k = tolls.killed(_statements(), tolls.NOT_MILITARY)
    day = tolls.single_day_or_attack(k, "2022-02-24", "2022-02-28")
    # n5 is another attack; equal values in id order; the figure given only as a word last
    assert list(tolls.largest_with_rivals(day)["statement_id"]) == ["n2", "n4", "n3", "n1"]
    assert tolls.largest_with_rivals(day[day["statement_id"] == "n1"]).empty


def test_equal_tolls_keep_id_order_beyond_four_digits():
    rows = [(i, *ROWS[1][1:]) for i in ("n10000", "n9999")]
    k = tolls.killed(_statements(rows), tolls.NOT_MILITARY)
    day = tolls.single_day_or_attack(k, "2022-02-24", "2022-02-28")
    assert list(tolls.largest_with_rivals(day)["statement_id"]) == ["n9999", "n10000"]
