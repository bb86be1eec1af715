"""kharkiv.text.wording: dates, periods and attributed figures as plain text."""

import pandas as pd

from kharkiv.text import wording


def test_day_and_period():
    assert wording.day("2022-02-24") == "24 February 2022"
    assert wording.period("2022-02-28", "2022-02-28") == "28 February 2022"
    assert wording.period("2022-04-14", "2022-04-17") == "14\u201317 April 2022"
    assert wording.period("2022-02-24", "2022-05-31") == "24 February \u2013 31 May 2022"
    assert wording.period("2021-12-30", "2022-01-02") == "30 December 2021 \u2013 2 January 2022"


def test_reported_by_names_the_claimant_and_side():
    assert wording.reported_by("Ihor Terekhov", "Ukrainian") == "reported by Ihor Terekhov (Ukrainian)"
    assert wording.reported_by("Unattributed", "unattributed") == "stated without attribution"


def test_counted_and_reports_keep_every_claimant_once():
    assert wording.counted(1, None, "exact", "people") == "1 person"
    assert wording.counted(None, None, "dozens", "civilians") == "dozens of civilians"
    rows = pd.DataFrame(
        {
            "value": [11, 11, None],
            "value_high": [None] * 3,
            "qualifier": ["exact", "exact", "dozens"],
            "subject": ["civilians"] * 3,
            "claimant": ["A", "A", "Unattributed"],
            "claimant_side": ["Ukrainian", "Ukrainian", "unattributed"],
        }
    )
    assert wording.reports(rows) == (
        "11 civilians according to A (Ukrainian); dozens of civilians (stated without attribution)"
    )


def test_period_words_for_running_text():
    assert wording.period_words("2022-02-28", "2022-02-28") == "on 28 February 2022"
    assert wording.period_words("2022-02-24", "2022-02-28") == "from 24 to 28 February 2022"
    assert wording.period_words("2022-02-24", "2022-05-31") == "from 24 February to 31 May 2022"
    assert wording.period_words("2021-12-30", "2022-01-02") == "from 30 December 2021 to 2 January 2022"
