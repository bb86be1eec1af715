"""kharkiv.text.dates: the book's one date-range formatter, in each of its styles."""

import pytest

from kharkiv.text import dates

SPANS = [
    ("2022-02-28", "2022-02-28"),
    ("2022-04-14", "2022-04-17"),
    ("2022-02-24", "2022-05-31"),
    ("2021-12-30", "2022-01-02"),
]
EXPECTED = {
    "range": [
        "28 February 2022",
        "14–17 April 2022",
        "24 February – 31 May 2022",
        "30 December 2021 – 2 January 2022",
    ],
    "short": ["28 Feb 2022", "14–17 Apr 2022", "24 Feb – 31 May 2022", "30 Dec 2021 – 2 Jan 2022"],
    "words": [
        "on 28 February 2022",
        "from 14 to 17 April 2022",
        "from 24 February to 31 May 2022",
        "from 30 December 2021 to 2 January 2022",
    ],
    "between": [
        "on 28 February 2022",
        "between 14 and 17 April 2022",
        "between 24 February and 31 May 2022",
        "between 30 December 2021 and 2 January 2022",
    ],
}


@pytest.mark.parametrize("style", dates.STYLES)
def test_each_style_gives_month_and_year_once(style):
    assert [dates.period(a, b, style) for a, b in SPANS] == EXPECTED[style]


def test_a_month_only_date_and_a_single_day():
    assert dates.period("2022-05-01", "2022-05-31", precision="month") == "May 2022"
    assert dates.period("2022-05-01", "2022-05-31", "words", "month") == "in May 2022"
    assert dates.period("2022-05-01") == dates.day("2022-05-01") == "1 May 2022"
    assert (
        dates.day("2022-05-01", short=True) == "1 May 2022" and dates.day("2022-09-06", True) == "6 Sep 2022"
    )


def test_an_unknown_style_is_refused():
    with pytest.raises(ValueError, match="style"):
        dates.period("2022-05-01", "2022-05-02", "long")
