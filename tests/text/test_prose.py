"""kharkiv.text.prose: agreement, numbers in words, lists, names kept as spelled, attribution, Markdown made inert."""

import pandas as pd
import pytest

from kharkiv.text import attribution, dates, escaping, prose


@pytest.mark.parametrize(
    ("n", "noun", "words", "expected"),
    [
        (1, "person", False, "1 person"),
        (2, "person", False, "2 people"),
        (1, "people", False, "1 person"),
        (2, "tank", False, "2 tanks"),
        (1, "tanks", False, "1 tank"),
        (3, "settlement", True, "three settlements"),
        (12, "settlement", True, "12 settlements"),
        (1600, "civilian", False, "1,600 civilians"),
        (2, "casualty", False, "2 casualties"),
        (2, "recapture report", True, "two recapture reports"),
        (1, "aircraft", False, "1 aircraft"),
    ],
)
def test_count_agrees(n, noun, words, expected):
    assert prose.count(n, noun, words=words) == expected


def test_listing():
    assert prose.listing(["Izium"]) == "Izium"
    assert prose.listing(["Izium", "Balakliia"]) == "Izium and Balakliia"
    assert prose.listing(["A", "B", "C"]) == "A, B and C"
    assert prose.listing(["A", "B"], "or") == "A or B"
    with pytest.raises(ValueError):
        prose.listing([])


def test_names_are_never_lower_cased():
    assert prose.capitalise("iSW judged") == "ISW judged"
    assert attribution.who("Ihor Terekhov", "Mayor of Kharkiv", "person") == "Ihor Terekhov, mayor of Kharkiv"
    # a role that starts with a name keeps its capital
    assert attribution.who("X", "Kharkiv Oblast governor", "person") == "X, Kharkiv Oblast governor"
    assert attribution.who("Institute for the Study of War", "Washington-based think tank", "think tank") == (
        "the Institute for the Study of War"
    )


def test_attribution():
    assert attribution.according_to("Oleh Synyehubov", "Head of the regional administration", "person") == (
        "according to Oleh Synyehubov, head of the regional administration"
    )
    assert (
        attribution.according_to("Unattributed", None, "unattributed")
        == "according to a source naming no one"
    )


def test_dates_with_precision():
    assert dates.period("2022-02-24", "2022-02-24") == "24 February 2022"
    assert dates.period("2022-03-06", "2022-03-07", precision="range") == "6\u20137 March 2022"
    assert dates.period("2022-05-01", "2022-05-31", precision="month") == "May 2022"


def test_spread_text_says_when_a_report_is_only_words():
    spread = {"low": 9.0, "high": 11.0, "n_numbers": 2, "in_words": pd.DataFrame({"qualifier": ["dozens"]})}
    assert prose.spread_text(spread, "civilian", "killed") == (
        "from 9 to 11 civilians killed, and one report gives only a word (\u201cdozens\u201d)"
    )
    one = {"low": 5.0, "high": 5.0, "n_numbers": 1, "in_words": pd.DataFrame({"qualifier": []})}
    assert prose.spread_text(one, "civilian") == "5 civilians"


def test_markdown_and_html_are_inert():
    assert escaping.md_text("*bold* [x](y)") == "\\*bold\\* \\[x\\]\\(y\\)"
    assert prose.link_md("a_b", "#e1") == "[a\\_b](#e1)"
    assert escaping.html_text("<script>") == "&lt;script&gt;"
    assert escaping.html_text(None) == "" and escaping.html_text(float("nan")) == ""
    assert "&lt;b&gt;" in prose.folded("<b>", "")


def test_glue_facts_refuses_a_missing_value():
    with pytest.raises(ValueError, match="no value"):
        prose.glue_facts({"x": None})


def test_organisations_named_as_descriptions_take_the():
    assert attribution.who("Government of the United Kingdom", None, "government body") == (
        "the Government of the United Kingdom"
    )
    assert attribution.who("Human Rights Watch", None, "NGO") == "Human Rights Watch"
    assert attribution.who("Oryx", None, "open-source group") == "Oryx"


def test_units_follow_their_figures():
    assert prose.unit_text(2000, "km2") == " km\u00b2"
    assert prose.unit_text(None, "settlements") == " settlements"
    assert prose.unit_text(1, "settlements") == " settlement"
    assert prose.unit_text(50, "percent") == "%"


def test_a_proper_adjective_keeps_its_capital_in_a_role():
    """'Moscow-installed' is a proper noun's adjective: never lower-cased mid-sentence (issue 19)."""
    assert (
        attribution.role_text("Moscow-installed head of the Kharkiv region")
        == "Moscow-installed head of the Kharkiv region"
    )
    assert attribution.role_text("Mayor of Kharkiv") == "mayor of Kharkiv"
