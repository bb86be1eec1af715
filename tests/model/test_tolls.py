"""kharkiv.model.tolls: which death tolls count, the widest one, and a toll with its rival reports (never merged)."""

from kharkiv.model import tolls
from tests.fixtures_harm import TOLL_COLUMNS, statement_frame


def _statements(rows):
    return statement_frame(rows, TOLL_COLUMNS)


ROWS = [
    (
        "n1",
        "e1",
        "2022-02-28",
        "2022-02-28",
        "kharkiv",
        "city",
        "killed",
        "civilians",
        11,
        None,
        "exact",
        "A",
        "Ukrainian",
        "claimed",
    ),
    (
        "n2",
        "e1",
        "2022-02-28",
        "2022-02-28",
        "kharkiv",
        "city",
        "killed",
        "civilians",
        9,
        None,
        "exact",
        "B",
        "Ukrainian",
        "claimed",
    ),
    (
        "n3",
        "e1",
        "2022-02-28",
        "2022-02-28",
        "kharkiv",
        "city",
        "killed",
        "civilians",
        None,
        None,
        "dozens",
        "C",
        "Ukrainian",
        "claimed",
    ),
    (
        "n4",
        "e2",
        "2022-02-28",
        "2022-02-28",
        "kharkiv",
        "incident",
        "killed",
        "foreign nationals",
        1,
        None,
        "exact",
        "U",
        "unattributed",
        "reported",
    ),
    (
        "n5",
        None,
        "2022-02-24",
        "2022-05-31",
        "kharkiv",
        "city",
        "killed",
        "civilians",
        606,
        None,
        "at least",
        "U",
        "unattributed",
        "reported",
    ),
    (
        "n6",
        None,
        "2022-02-24",
        "2022-05-31",
        "kharkiv",
        "front",
        "killed",
        "russian military",
        4000,
        None,
        "more than",
        "D",
        "Ukrainian",
        "claimed",
    ),
    (
        "n7",
        None,
        "2022-02-24",
        "2022-06-30",
        "kharkiv",
        "city",
        "killed",
        "civilians",
        50,
        None,
        "exact",
        "E",
        "Russian",
        "refuted",
    ),
    (
        "n8",
        "e3",
        "2022-03-01",
        "2022-03-01",
        "kharkiv",
        "incident",
        "killed",
        "people",
        29,
        None,
        "exact",
        "F",
        "Ukrainian",
        "claimed",
    ),
]


def test_killed_selects_subjects_and_leaves_out_refuted():
    s = _statements(ROWS)
    assert sorted(tolls.killed(s)["statement_id"]) == ["n1", "n2", "n3", "n5"]
    assert "n8" in set(tolls.killed(s, tolls.NOT_MILITARY)["statement_id"])
    assert tolls.killed(s).set_index("statement_id").loc["n5", "period_days"] == 97


def test_widest_prefers_the_longest_period_then_the_largest():
    assert tolls.widest(tolls.killed(_statements(ROWS)))["statement_id"] == "n5"
    assert tolls.widest(tolls.killed(_statements(ROWS[:0]))) is None


def test_single_day_or_attack_inside_the_dates():
    k = tolls.killed(_statements(ROWS), tolls.NOT_MILITARY)
    assert sorted(tolls.single_day_or_attack(k, "2022-02-24", "2022-02-28")["statement_id"]) == [
        "n1",
        "n2",
        "n3",
        "n4",
    ]


def test_rivals_are_the_same_day_place_and_attack_largest_first():
    k = tolls.killed(_statements(ROWS), tolls.NOT_MILITARY)
    day = tolls.single_day_or_attack(k, "2022-02-24", "2022-02-28")
    assert list(tolls.largest_with_rivals(day)["statement_id"]) == ["n1", "n2", "n3"]  # n4 is another attack
    assert tolls.largest_with_rivals(day[day["statement_id"] == "n3"]).empty


def test_equal_tolls_keep_id_order_beyond_four_digits():
    rows = [(i, *ROWS[0][1:]) for i in ("n10000", "n9999")]
    k = tolls.killed(_statements(rows), tolls.NOT_MILITARY)
    day = tolls.single_day_or_attack(k, "2022-02-24", "2022-02-28")
    assert list(tolls.largest_with_rivals(day)["statement_id"]) == ["n9999", "n10000"]
