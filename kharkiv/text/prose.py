"""The book's prose layer: number agreement, numbers in words, lists, the one fold and the one glue idiom.

Every chapter builds its sentences' pieces here, so that "1 people", "2 claim" or a lower-cased name cannot appear.
"""

import textwrap

import pandas as pd

from kharkiv.text import attribution, escaping, wording

WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
# Irregular plurals of the nouns the book counts; every other noun takes -s (or -es after s, x, ch, sh).
IRREGULAR = {"person": "people", "foot": "feet", "child": "children", "aircraft": "aircraft", "km": "km"}
SINGULARS = {v: k for k, v in IRREGULAR.items() if k != v}


def plural(noun: str) -> str:
    """'tank' -> 'tanks', 'person' -> 'people', 'recapture report' -> 'recapture reports' (the last word)."""
    rest, _, first = noun.rpartition(" ")
    if first in IRREGULAR:
        many = IRREGULAR[first]
    elif first.endswith(("s", "x", "ch", "sh")):
        many = first + "es"
    elif first.endswith("y") and first[-2:-1] not in "aeiou":
        many = first[:-1] + "ies"
    else:
        many = first + "s"
    return f"{rest} {many}" if rest else many


def singular(noun: str) -> str:
    """'people' -> 'person', 'tanks' -> 'tank', 'recapture reports' -> 'recapture report' (the last word)."""
    rest, _, first = noun.rpartition(" ")
    if first in SINGULARS:
        one = SINGULARS[first]
    elif first.endswith("ies"):
        one = first[:-3] + "y"
    elif first.endswith(("ches", "shes", "sses", "xes")):
        one = first[:-2]
    elif first.endswith("s") and not first.endswith("ss"):
        one = first[:-1]
    else:
        one = first
    return f"{rest} {one}" if rest else one


def in_words(n) -> str:
    """Whole numbers up to ten in words, as a writer would ('three'); larger ones in figures ('1,600')."""
    n = float(n)
    if n.is_integer() and 0 <= n <= 10:
        return WORDS[int(n)]
    return wording.number(n)


def count(n, noun: str, words: bool = False) -> str:
    """'1 person', '2 tanks', '0 events'; words=True gives 'one person', 'twelve' stays '12'.

    noun is the singular ('event', 'person'); a plural is accepted too and made singular for n == 1.
    """
    n_ = float(n)
    one = singular(noun)
    shown = in_words(n_) if words else wording.number(n_)
    return f"{shown} {one if n_ == 1 else plural(one)}"


def listing(items, conjunction: str = "and") -> str:
    """'a', 'a and b', 'a, b and c' (no serial comma, as in British usage); names are kept as given."""
    items = [str(i) for i in items]
    if not items:
        raise ValueError("listing() of nothing: leave the sentence out instead")
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def capitalise(text: str) -> str:
    """Upper-case the first letter only; never lower-case the rest (names stay as spelled)."""
    return text[:1].upper() + text[1:]


def markdown(text: str):
    """Wrap Markdown (built with md_text/link_md, so data text is inert) for {glue:md}."""
    from IPython.display import Markdown  # lazy: present only in a notebook kernel

    return Markdown(text)


def link_md(text: str, href: str) -> str:
    """A Markdown link for {glue:md}: the text is escaped for Markdown so data can never become markup."""
    return f"[{escaping.md_text(text)}]({href})"


def glue_facts(facts: dict) -> None:
    """Glue every fact of one mapping, showing nothing (the chapter's one glue cell calls this once).

    Values that are Markdown (from link_md) are glued as such and are placed with {glue:md}; the rest with
    {glue:text}. Returns None so a notebook cell never shows an output.
    """
    from IPython.display import Markdown  # lazy: present only in a notebook kernel
    from myst_nb import glue  # lazy: present only in a notebook kernel

    for key, value in facts.items():
        if value is None or (not isinstance(value, str | Markdown) and pd.isna(value)):
            raise ValueError(f"glue_facts: {key!r} has no value; leave the sentence out instead")
        glue(key, value, display=False)


def figure(value, value_high, qualifier) -> str:
    """A figure as the source gives it: '11', 'at least 21', '25–50', or a word in quotes ('“dozens”')."""
    if value is None or pd.isna(value):
        return f"\u201c{qualifier}\u201d"
    return wording.figure_text(value, value_high, qualifier)


UNIT_WORDS = {"km2": "km\u00b2", "percent": "%"}


def unit_text(value, unit) -> str:
    """The unit after a figure: ' km²', ' settlements', '%' (nothing where there is no unit)."""
    if unit is None or pd.isna(unit) or not str(unit):
        return ""
    u = UNIT_WORDS.get(str(unit), str(unit))
    if u == "%":
        return u
    one = value is not None and not pd.isna(value) and float(value) == 1
    return f" {singular(u) if one else u}"


def attributed_reports(rows: pd.DataFrame, units: bool = False) -> str:
    """'11 according to Oleh Synyehubov, head of …; “dozens” according to …' (rows from attribution.with_roles()).

    units=True writes each figure's unit after it ('about 2,000 km²', '“several” settlements')."""
    parts = [
        f"{figure(r.value, r.value_high, r.qualifier)}{unit_text(r.value, r.unit) if units else ''} "
        f"{attribution.according_to(r.claimant, r.claimant_role, r.claimant_kind, r.claimant_side)}"
        for r in rows.itertuples()
    ]
    return "; ".join(dict.fromkeys(parts))


def spread_text(spread: dict, noun: str, after: str = "") -> str:
    """'from 9 to 11 civilians', '11 civilians'; with ', and one report gives only a word (“dozens”)'.

    after follows the noun ('killed': 'from 9 to 11 civilians killed')."""
    if spread["n_numbers"] == 0:
        text = f"no number of {plural(singular(noun))}"
    elif spread["low"] == spread["high"]:
        text = count(spread["high"], noun)
    else:
        text = f"from {wording.number(spread['low'])} to {count(spread['high'], noun)}"
    text += f" {after}" if after else ""
    words = spread["in_words"]
    if len(words):
        given = listing([f"\u201c{q}\u201d" for q in dict.fromkeys(words["qualifier"].astype(str))])
        text += f", and {count(len(words), 'report', words=True)} {'gives' if len(words) == 1 else 'give'} only a word ({given})"
    return text


def folded(summary: str, body_html: str) -> str:
    """The book's one fold: HTML folded into a dropdown (<details>) under a one-line summary that says what it
    holds; summary is plain text, escaped here."""
    return (
        f'<details class="kharkiv-fold"><summary>{escaping.html_text(summary)}</summary>{body_html}</details>'
    )


def wrap(text: str, width: int) -> str:
    """Break a label into lines of at most width characters, at spaces."""

    return "\n".join(textwrap.wrap(str(text), width)) or str(text)
