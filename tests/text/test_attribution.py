"""kharkiv.text.attribution: one family of words for who said it, as far as the documents tell (issues 18, 19)."""

import pandas as pd

from kharkiv.data.load import load_tables
from kharkiv.model import claims
from kharkiv.text import attribution

NO_ONE = "a source naming no one"


def test_a_report_naming_no_one_has_one_wording_everywhere():
    assert attribution.NO_ONE == NO_ONE
    assert attribution.who("Unattributed", None, "unattributed") == NO_ONE
    assert attribution.labelled("Unattributed", "unattributed") == NO_ONE
    assert attribution.according_to("Unattributed", side="unattributed") == f"according to {NO_ONE}"
    assert (
        attribution.reported_by("Unattributed", None, "unattributed", "unattributed")
        == f"reported by {NO_ONE}"
    )


def test_a_speaker_is_named_with_role_side_or_the():
    assert attribution.who("Ihor Terekhov", "Mayor of Kharkiv", "person") == "Ihor Terekhov, mayor of Kharkiv"
    assert attribution.who("Government of the United Kingdom", None, "government body") == (
        "the Government of the United Kingdom"
    )
    assert attribution.who("Human Rights Watch", None, "NGO") == "Human Rights Watch"
    assert attribution.labelled("Oryx", "third party") == "Oryx (third party)"
    assert attribution.according_to("Oleh Synyehubov", "Head of the regional administration", "person") == (
        "according to Oleh Synyehubov, head of the regional administration"
    )
    assert attribution.reported_by("Ihor Terekhov", "Mayor of Kharkiv", "person", "Ukrainian") == (
        "reported by Ihor Terekhov, mayor of Kharkiv, Ukrainian side"
    )
    assert attribution.role_text("Self-described Ukrainian military engineer") == (
        "self-described Ukrainian military engineer"
    )


def test_an_unnamed_report_is_given_to_the_outlet_its_reference_names():
    names = {"Ukrayinska Pravda": "Ukrainska Pravda", "ukrinform.net": "Ukrinform"}
    cited = attribution.as_cited(
        "Reuters, 27 February 2022; Ukrayinska Pravda, archived 26 March 2022", "the Wikipedia article", names
    )
    assert cited == (
        "Reuters, 27 February 2022; Ukrainska Pravda, archived 26 March 2022, as cited by the Wikipedia article"
    )
    assert attribution.reported_by("Unattributed", None, "unattributed", "unattributed", cited).startswith(
        "reported by Reuters, 27 February 2022;"
    )
    assert attribution.outlets_text("ukrinform.net, 16 May 2022", names) == "Ukrinform, 16 May 2022"
    assert attribution.outlets_text("ukrinform.network, 1 May 2022", names).startswith("ukrinform.network")
    assert (
        attribution.outlets_text("unnamed outlet, 3 March 2022 ('x')", names)
        == "an unnamed outlet, 3 March 2022 ('x')"
    )
    assert attribution.as_cited(None, "the Wikipedia article", names) == ""


def test_every_outlet_variant_in_the_data_reads_as_its_canonical_name():
    t = load_tables()
    names = claims.canonical_outlets(t["outlets"])
    for table in ("event_sources", "statements"):
        for cell in t[table]["cited_outlet"].dropna():
            text = attribution.outlets_text(cell, names)
            for variant, canonical in names.items():
                if variant != canonical and variant not in canonical:
                    assert not text.startswith(variant) and f"; {variant}," not in text, (variant, text)


def test_a_non_english_excerpt_comes_with_the_books_translation():
    assert attribution.excerpt("Атака Росії на Харків", "Russia's attack on Kharkiv") == (
        "Атака Росії на Харків (the book\u2019s translation: \u201cRussia's attack on Kharkiv\u201d)"
    )
    assert attribution.excerpt("eleven killed", None) == "eleven killed"
    st = load_tables()["statements"]
    shown = attribution.excerpts(st)
    translated = st["evidence_translation"].notna()
    assert translated.any()
    assert all("the book\u2019s translation" in s for s in pd.Series(shown)[translated.to_numpy()])


def test_with_roles_adds_role_kind_and_spellings_keeping_the_rows():
    claimants = pd.DataFrame(
        {
            "claimant_id": ["kofman", "x"],
            "role": ["Director of Russian research at CNA", None],
            "kind": ["person", "unattributed"],
            "variants": ["Kofman; Michael Coffman; Coffman", None],
        }
    )
    rows = pd.DataFrame({"claimant_id": ["x", "kofman", "kofman"]}, index=[4, 2, 9])
    out = attribution.with_roles(rows, claimants)
    assert list(out.index) == [4, 2, 9]
    assert list(out["claimant_kind"]) == ["unattributed", "person", "person"]
    assert attribution.variants_text(out["claimant_variants"].iloc[1], "person") == (
        "also spelled Kofman, Michael Coffman, Coffman"
    )
    assert attribution.variants_text("SBU", "government body") == "also named SBU"
    assert attribution.variants_text(out["claimant_variants"].iloc[0]) == ""


def test_a_headline_cited_in_ukrainian_is_followed_by_the_books_translation():
    entry = "unnamed Ukrainian outlet, 3 March 2022 ('У полон ЗСУ здалися 22 танкісти...')"
    text = attribution.citation_text(entry, {})
    assert text.startswith("an unnamed Ukrainian outlet, 3 March 2022 ('У полон")
    assert text.endswith(
        "(the book\u2019s translation of the headline: \u201c22 tank crewmen surrendered to the Armed Forces of Ukraine\u201d)"
    )
    assert attribution.citation_text("Reuters, 1 March 2022", {}) == "Reuters, 1 March 2022"


def test_every_cited_headline_in_cyrillic_has_the_books_translation():
    import re

    from kharkiv.data.load import load_tables
    from kharkiv.model.claims import split_citations

    t = load_tables()
    names = claims.canonical_outlets(t["outlets"])
    for table in ("event_sources", "statements"):
        for cell in t[table]["cited_outlet"].dropna():
            for entry in split_citations(cell):
                headline = re.search(r"\(([^()]*)\)", entry)
                if headline and re.search(
                    "[А-Яа-яІіЇїЄє]+ [А-Яа-яІіЇїЄє]+", headline[1]
                ):  # words, not a name
                    assert "the book\u2019s translation" in attribution.citation_text(entry, names), entry
