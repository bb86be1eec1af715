"""kharkiv.text.wording: figures as the sources give them, with who gave them and when."""

import pandas as pd

from kharkiv.text import dates, wording


def test_the_old_date_names_are_the_one_formatter():
    assert dates.day("2022-02-24") == "24 February 2022"
    assert dates.period("2022-04-14", "2022-04-17") == "14\u201317 April 2022"
    assert dates.period("2022-02-24", "2022-05-31", style="words") == "from 24 February to 31 May 2022"


def test_figure_text_as_the_source_gives_it():
    assert wording.figure_text(1600, None, "about") == "about 1,600"
    assert wording.figure_text(25, 50, "range", "percent") == "25\u201350%"
    assert wording.figure_text(None, None, "dozens") == "dozens"


def test_with_figures_words_each_figure_its_speaker_and_period_keeping_the_index():
    st = pd.DataFrame(
        {
            "value": pd.array([11, None, 200], dtype="Float64"),
            "value_high": pd.array([None, None, 217], dtype="Float64"),
            "qualifier": ["exact", "dozens", "range"],
            "claimant": ["Oleh Synyehubov", "Unattributed", "Oryx"],
            "claimant_side": ["Ukrainian", "unattributed", "third party"],
            "period_start": pd.to_datetime(["2022-02-28", "2022-03-01", "2022-04-14"]),
            "period_end": pd.to_datetime(["2022-02-28", "2022-03-01", "2022-04-17"]),
        },
        index=[7, 3, 5],
    )
    out = wording.with_figures(st)
    assert list(out.index) == [7, 3, 5]
    assert list(out["figure"]) == ["11", "dozens", "200\u2013217"]
    assert list(out["who"]) == ["Oleh Synyehubov (Ukrainian)", "a source naming no one", "Oryx (third party)"]
    assert list(out["period"]) == ["28 February 2022", "1 March 2022", "14\u201317 April 2022"]
    assert wording.with_figures(st, "short")["period"].iloc[2] == "14\u201317 Apr 2022"
    assert list(out["low"].astype(object)) == [11, pd.NA, 200] and out["high"].iloc[2] == 217
