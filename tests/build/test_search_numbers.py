"""The search index reads a number written with thousands separators ("2,850") as one word, its digits ("2850")."""

import json

import pytest
import sphinx.search
from sphinx.application import Sphinx

from kharkiv.build import sphinxext


def _words(text: str) -> list[str]:
    return sphinxext.SearchEnglishNumbers({}).split(text)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("killed 2,850 Russian soldiers", ["killed", "2850", "Russian", "soldiers"]),
        ("12,000 troops, 700,000,000 dollars", ["12000", "troops", "700000000", "dollars"]),
        ("(1,600).", ["1600"]),
        ("2850 and 2022", ["2850", "and", "2022"]),
        # Sphinx strips a notebook table's tags without a space: the cells "label", "2,850" and "killed"
        ("label2,850killed", ["label", "2850", "killed"]),
    ],
)
def test_a_number_with_separators_is_one_word_of_digits(text, words):
    assert _words(text) == words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("1,2,850", ["1", "2", "850"]),  # a list of numbers, not one number
        ("1,2345", ["1", "2345"]),  # not groups of three
        ("12345,678", ["12345", "678"]),
    ],
)
def test_what_is_not_a_number_with_separators_is_split_as_sphinx_splits_it(text, words):
    assert _words(text) == words


def test_the_pieces_of_a_number_are_not_indexed():
    # "2" and "850" would find the page under other numbers (and "2" on almost every page)
    words = _words("2,850")
    assert words == ["2850"]


def test_the_query_script_joins_numbers_with_the_same_pattern():
    assert f"/{sphinxext.THOUSANDS.pattern}/g" in sphinxext.SEARCH_NUMBERS_JS


def test_the_english_stemmer_and_stop_words_are_kept():
    lang = sphinxext.SearchEnglishNumbers({})
    assert lang.stem("soldiers") == "soldier"
    assert not lang.word_filter("the")
    assert lang.lang == "en"


def test_a_book_built_with_the_extension_indexes_both_spellings_as_one_term(tmp_path, monkeypatch):
    # setup() replaces Sphinx's "en" for the process: restore it after this test
    monkeypatch.setitem(sphinx.search.languages, "en", sphinx.search.languages["en"])
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        "extensions = ['kharkiv.build.sphinxext']\nlanguage = 'en'\n", encoding="utf-8"
    )
    (src / "index.rst").write_text(
        "Losses\n======\n\nThey claimed 2,850 soldiers.\n\n.. toctree::\n\n   other\n", encoding="utf-8"
    )
    (src / "other.rst").write_text("Other\n=====\n\nIn 2850 and in 2 of 850.\n", encoding="utf-8")
    out = tmp_path / "out"
    app = Sphinx(src, src, out, tmp_path / "doctrees", "html", status=None, warning=None, freshenv=True)
    app.build()
    raw = (out / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(raw[raw.index("(") + 1 : raw.rindex(")")])
    pages = {
        term: sorted(index["docnames"][i] for i in ([docs] if isinstance(docs, int) else docs))
        for term, docs in index["terms"].items()
    }
    assert pages["2850"] == ["index", "other"]
    assert pages["850"] == ["other"] and pages["2"] == ["other"]
