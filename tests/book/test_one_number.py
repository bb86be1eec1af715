"""One number per thing, on the built book (issue 19): a thing several pages (or two places of one page) count
reads the same everywhere. Each THING is a pattern that captures the number a sentence gives for
it; every page of the built HTML is searched, and all the numbers found for one thing must be equal. Reads
_build/html; no browser."""

import html
import re
from pathlib import Path

import pytest

from kharkiv.chapters import shared
from kharkiv.data.load import load_tables

WORD = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
N = r"(\d[\d,]*|one|two|three|four|five|six|seven|eight|nine)"

# thing -> patterns whose group 1 is the number a page gives for it
THINGS = {
    "strikes on the city": [
        rf"[Oo]f the {N} strikes (?:and attacks )?on (?:Kharkiv|the city)",
    ],
    # the officials' reports of civilians killed on the assault's deadliest day that give only a word
    "word-only reports of the toll day": [
        rf"and {N} reports? gives? only a word",  # the wording before issue 19
        rf"in {N} reports? given only in words",
    ],
    "loss figures of the September days": [rf"{N} figures (?:of|for) military losses"],
}


def _text(path: Path) -> str:
    s = re.sub(r"<(script|style)\b.*?</\1>", " ", path.read_text(encoding="utf-8"), flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", s)))


@pytest.fixture(scope="module")
def pages(built_html: Path) -> dict[str, str]:
    return {
        str(p.relative_to(built_html)): _text(p)
        for p in sorted(built_html.rglob("*.html"))
        if "_sources" not in p.parts
    }


@pytest.fixture(scope="module")
def facts() -> dict[str, str]:
    return shared.shared_facts(load_tables())


def _number(s: str) -> int:
    return WORD.get(s.lower()) or int(s.replace(",", ""))


def _found(pages, patterns) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for name, text in pages.items():
        for p in patterns:
            for m in re.finditer(p, text):
                out.setdefault(_number(m.group(1)), []).append(f"{name}: …{m.group(0)}…")
    return out


def _said_in_words(text: str) -> list[int]:
    """How many claimants each 'from 9 to 11, while A said “x” and B and C said “y”' clause (a spread of the toll
    day) names as giving only a word."""
    out = []
    for m in re.finditer(r"9 to 11, while ((?:[A-Z][^“”;:.]*? said “[^”]+”(?:, | and )?)+)", text):
        names = re.sub(r" said “[^”]+”", ",", m.group(1))
        out.append(len([n for n in re.split(r",| and ", names) if n.strip()]))
    return out


def test_strikes_on_the_city_read_the_same_on_every_page(pages, facts):
    found = _found(pages, THINGS["strikes on the city"])
    assert len(found) == 1, found
    on = [n for n, t in pages.items() if facts["n_city_strikes"] in t]
    assert {"notebooks/chronology.html", "notebooks/civilian_harm.html"} <= set(on), on


def test_strikes_on_the_civilian_harm_page_are_one_count(pages, facts):
    """The weapons sentence and the map sentence of one page count the same strikes and attacks."""
    text = pages["notebooks/civilian_harm.html"]
    assert len(_found({"h": text}, THINGS["strikes on the city"])) == 1
    assert text.lower().count(f"of the {facts['n_city_strikes']} on the city") == 2, facts["n_city_strikes"]


def test_the_word_only_reports_of_the_toll_day_are_counted_the_same_everywhere(pages, facts):
    found = _found(pages, THINGS["word-only reports of the toll day"])
    for name, text in pages.items():
        for n in _said_in_words(text):
            found.setdefault(n, []).append(f"{name}: a spread of 9 to 11 naming {n} who said a word")
    assert len(found) == 1, found
    said = [n for n, t in pages.items() if facts["feb28_spread"] in t]
    assert {"book/intro.html", "notebooks/assault.html", "notebooks/civilian_harm.html"} <= set(said), said
    alone = [n for n in said if facts["feb28_also"] not in pages[n]]
    assert not alone, f"pages that count one official's report once without saying what else he said: {alone}"


def test_the_civilian_harm_page_counts_the_toll_day_as_the_shared_words_do(pages, facts):
    """On its own page: every spread of 28 February names one claimant who gave only a word, Synyehubov's report is
    one report, and the sentence says he also said “dozens”."""
    text = pages["notebooks/civilian_harm.html"]
    assert facts["feb28_spread"] in text and facts["feb28_also"] in text
    assert set(_said_in_words(text)) == {1}, _said_in_words(text)


def test_the_deadliest_day_and_the_deadliest_attack_are_not_confused(pages):
    """The assault page's 'heaviest toll' names 28 February; the civilian-harm page's deadliest attack is 1 March:
    a page that says 'heaviest toll' must say of what (officials' reports of one day, not the deadliest attack)."""
    said = [n for n, t in pages.items() if "the day of the heaviest toll" in t]
    assert not said, said


def test_military_figures_are_counted_over_named_sets(pages):
    """'N of the M figures for losses' and the lists of every figure about military forces: the lists add up to the
    number the page gives for them, and the loss figures are a named part of it."""
    text = pages["notebooks/military_losses.html"]
    loss = {int(m) for m in re.findall(r"of the (\d+) figures for losses of people or equipment", text)}
    loss |= {int(m) for m in re.findall(r"the (\d+) loss figures", text)}
    loss |= {int(m) for m in re.findall(r"of the (\d+) loss figures come", text)}
    assert len(loss) == 1, loss
    every = [int(m) for m in re.findall(r"Every figure about [^(]{3,40}\((\d+) entries\)", text)]
    stated = {int(m) for m in re.findall(r"all (\d+) figures about military forces", text)}
    assert every and stated == {sum(every)}, (every, stated)


def test_loss_figures_of_the_september_days_read_the_same_and_name_who(pages, facts):
    found = _found(pages, THINGS["loss figures of the September days"])
    assert len(found) == 1, found
    said = re.compile(re.escape(facts["sept_loss_n"]) + r"\s*:\s*" + re.escape(facts["sept_loss_who"]))
    on = [n for n, t in pages.items() if said.search(t)]
    assert {"notebooks/counteroffensives.html", "notebooks/military_losses.html"} <= set(on), on


def test_figures_from_outside_the_war_are_no_more_than_the_page_says(pages):
    """'four of the 60 loss figures come from outside the war' against the September section's 'one from Oryx
    (third party)': the third-party figures of a part are no more than those of the whole."""
    text = pages["notebooks/military_losses.html"]
    whole = re.search(rf"{N} of the \d+ loss figures comes? from outside the war", text)
    assert whole, "the page says how many loss figures come from outside the war, and of which set"
    part = re.findall(rf"{N} from [^,;.]+? \(third party\)", text)
    assert part and sum(_number(p) for p in part) <= _number(whole.group(1)), (whole.group(0), part)


def test_the_claims_chapter_names_the_counts_officials_disagree_on(pages, facts):
    """Not 'differ by up to 70 times': the opening and Fig. 18 say which counts still differ, with their ranges."""
    text = pages["notebooks/claims.html"]
    assert not re.search(r"up to [\d.]+ times", text), (
        "a ratio across reports that do not count the same thing"
    )
    assert re.search(r"they differ on \w+ counts?: ", text)  # Fig. 18's title is drawn (tests/chapters)
