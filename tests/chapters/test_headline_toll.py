"""The book's headline civilian toll: one selection and one wording on the landing page and in civilian harm."""

import pandas as pd

from kharkiv.chapters import landing, shared
from kharkiv.chapters.civilian_harm import facts as harm_facts
from kharkiv.data.load import load_tables
from kharkiv.model import views


def test_landing_and_civilian_harm_state_the_same_headline_toll_in_the_same_words():
    t = load_tables()
    phases = t["phases"].sort_values("order")
    none = pd.DataFrame({"place": []})
    sentence = landing.landing_facts(t, phases, none, none, 30.0)["civ_toll_sentence"]
    tolls = shared.city_tolls(t, views.statements(t))
    chapter = harm_facts.headline(tolls)
    top = shared.headline_toll(tolls)
    assert top["figure"] in chapter["harm_top_toll"].data
    for words in (top["figure"], top["period"], top["who"]):
        assert words in sentence
    assert chapter["harm_top_toll_period"] == top["period"] and chapter["harm_top_toll_who"] == top["who"]


def test_no_headline_toll_without_a_running_total():
    tolls = shared.city_tolls(load_tables(), views.statements(load_tables()))
    assert shared.headline_toll(tolls.iloc[:0]) is None
