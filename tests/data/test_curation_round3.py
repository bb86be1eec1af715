"""The third curation pass (issue 19, curation/notes/third_pass.md): a claim told in two documents is one claim,
the one-event rule holds for a day against a range, retired ids are published, names keep their capitals and
their public spelling, and every non-English excerpt carries the book's translation."""

import re
from itertools import combinations

import pandas as pd

from kharkiv.data.load import validate_and_load


def _tables():
    return validate_and_load(seeds=False)


def _text(v) -> str:
    return "" if pd.isna(v) else str(v)


# --- One claim, told twice -------------------------------------------------------------------------------------
# A telling is a document, or the reference list of s000 as against its text (a headline is another telling).
# Two figures of one claimant, one measure, one period, one place and one unit from two tellings are the same claim
# told twice, unless listed here with the reason they are two claims. A second telling names the first in
# same_claim_as, and a sum or count takes only rows without it.
CLAIM = ["claimant_id", "measure", "period_start", "period_end", "place_id", "unit_name"]
DISTINCT_CLAIMS = {
    ("n0010", "n0016", "n0017"): "Terekhov, 28 Feb: s003 gives his count from earlier on Monday (at least 15 "
    "fighters and 16 civilians wounded, 'the exact number ... unknown'), s000 his 37 wounded civilians (Sky News, "
    "1 March): two counts, not one told twice",
    (
        "n0007",
        "n0013",
    ): "Synyehubov, 28 Feb: 'dozens are dying' is his word beside the 11 confirmed dead in one "
    "sentence of s003 (n0014 retells the 11); s000 gives only the 11",
    (
        "n0611",
        "n0641",
    ): "General Staff, 29 Mar: more than 1,500 soldiers killed, and the brigade commander (a "
    "headline); different people counted",
    ("n0358", "n0359"): "two distances: Kharkiv to the border (s001), Kharkiv to Belgorod (s002)",
}


def _tellings(st: pd.DataFrame) -> pd.Series:
    return st["source_id"].astype(str) + "/" + st["reference_part"].astype("string").fillna("text")


def _countable(st: pd.DataFrame) -> pd.DataFrame:
    """The figures a sum or count may take: no second telling of a claim (same_claim_as) and no part (part_of)."""
    again = st["same_claim_as"].notna() if "same_claim_as" in st else False
    return st[~again & st["part_of"].isna()]


def _told_in_several(st: pd.DataFrame) -> list[tuple]:
    st = st.assign(telling=_tellings(st))
    keys = st[CLAIM].astype("string").fillna("")
    groups = []
    for _, g in st.groupby([keys[c] for c in CLAIM]):
        if g["telling"].nunique() > 1:
            groups.append(tuple(sorted(g["statement_id"])))
    return groups


def test_the_check_finds_a_claim_told_in_two_documents():
    # Synthetic: one claimant's figure in s000 and in s003, and a third telling linked to the first.
    base = dict(claimant_id="x", measure="killed", period_start="2022-02-28", period_end="2022-02-28")
    base |= dict(place_id="kharkiv", unit_name=pd.NA, part_of=pd.NA, reference_part=pd.NA)
    st = pd.DataFrame(
        [
            base | dict(statement_id="n1", source_id="s000", same_claim_as=pd.NA),
            base | dict(statement_id="n2", source_id="s003", same_claim_as=pd.NA),
            base | dict(statement_id="n3", source_id="s000", reference_part="title", same_claim_as="n1"),
        ]
    )
    assert _told_in_several(_countable(st)) == [("n1", "n2")]
    assert _told_in_several(_countable(st.assign(same_claim_as=[pd.NA, "n1", "n1"]))) == []


def test_a_claim_told_in_two_documents_is_counted_once():
    st = _tables()["statements"]
    twice = [g for g in _told_in_several(_countable(st)) if g not in DISTINCT_CLAIMS]
    assert twice == [], "link the second telling to the first (same_claim_as), or list them as two claims"
    stale = [g for g in DISTINCT_CLAIMS if g not in _told_in_several(_countable(st))]
    assert stale == [], "stale entries in DISTINCT_CLAIMS"


def test_a_second_telling_names_the_first_telling_of_the_same_claim():
    st = _tables()["statements"].set_index("statement_id")
    again = st[st["same_claim_as"].notna()]
    assert (
        len(again) >= 3
    )  # the three claims the fact-check found: Herashchenko, Synyehubov, the 1st Tank Army
    tellings = _tellings(st.reset_index()).set_axis(st.index)
    bad = []
    for sid, r in again.iterrows():
        first = st.loc[r["same_claim_as"]]
        if pd.notna(first["same_claim_as"]):
            bad.append(f"{sid}: {r['same_claim_as']} is itself a retelling; name the first telling")
        if any(_text(r[c]) != _text(first[c]) for c in CLAIM) or pd.notna(r["part_of"]):
            bad.append(f"{sid}: not the same claimant, measure, period and place as {r['same_claim_as']}")
        if tellings[sid] == tellings[r["same_claim_as"]]:
            bad.append(f"{sid}: told in the same place as {r['same_claim_as']}; merge them instead")
    assert not bad, "\n".join(bad)


def test_the_three_pairs_of_the_fact_check_are_one_claim_each():
    st = _tables()["statements"].set_index("statement_id")
    assert st.loc[["n0018", "n0014", "n0640"], "same_claim_as"].tolist() == ["n0006", "n0007", "n0615"]
    counted = _countable(st.reset_index())
    synyehubov = counted[
        (counted["claimant_id"] == "oleh-synyehubov")
        & (counted["measure"] == "killed")
        & (counted["period_start"] == pd.Timestamp("2022-02-28"))
        & counted["value"].notna()
    ]
    assert synyehubov["value"].tolist() == [11]  # his 11 dead once, not 11 + 11


# --- One event per place and type, a day against a range ------------------------------------------------------
# Two events of one place, event type and sub-event type whose dates overlap (a day inside a range, two ranges
# that overlap) are one event unless a field tells them apart; each such pair is listed with that field and the
# reason. Pairs with identical dates are tests/test_data.py's (SAME_DAY_PLACE_TYPE).
OVERLAP_APART = {
    ("e0315", "e0328"): (
        "actor1",
        "May: the Ukrainian counteroffensive, and the Russian withdrawal of units",
    ),
    ("e0323", "e0338"): ("actor1", "7 May: an official on the battle; May: residents returning to the city"),
    ("e0330", "e0338"): ("actor1", "mid-May: the lull in shelling (Russian forces); residents returning"),
    ("e0326", "e0336"): ("units", "10 May: four unnamed settlements; May: the 227th Battalion at the border"),
}


def _overlapping_pairs(ev: pd.DataFrame) -> set[tuple[str, str]]:
    pairs = set()
    for _, g in ev.groupby(["place_id", "event_type", "sub_event_type"], observed=True):
        for a, b in combinations(g.sort_values("event_id").itertuples(), 2):
            same_dates = a.start_date == b.start_date and a.end_date == b.end_date
            if not same_dates and a.start_date <= b.end_date and b.start_date <= a.end_date:
                pairs.add((a.event_id, b.event_id))
    return pairs


def test_the_check_finds_a_day_inside_a_range():
    day = dict(place_id="kupiansk", event_type="Strategic developments", sub_event_type="Other")
    ev = pd.DataFrame(
        [
            day
            | dict(event_id="e1", start_date=pd.Timestamp("2022-09-10"), end_date=pd.Timestamp("2022-09-10")),
            day
            | dict(event_id="e2", start_date=pd.Timestamp("2022-09-06"), end_date=pd.Timestamp("2022-09-10")),
            day
            | dict(event_id="e3", start_date=pd.Timestamp("2022-09-11"), end_date=pd.Timestamp("2022-09-11")),
        ]
    )
    assert _overlapping_pairs(ev) == {("e1", "e2")}


def test_one_event_per_place_and_type_when_a_day_meets_a_range():
    ev = _tables()["events"]
    pairs = _overlapping_pairs(ev)
    assert pairs - set(OVERLAP_APART) == set(), "merge them, or tell them apart and list them"
    assert set(OVERLAP_APART) - pairs == set(), "stale exceptions"
    rows = ev.set_index("event_id")
    same = [
        p
        for p, (field, _) in OVERLAP_APART.items()
        if _text(rows.loc[p[0], field]) == _text(rows.loc[p[1], field])
    ]
    assert not same, f"the listed field does not tell them apart: {same}"


# --- Retired ids ------------------------------------------------------------------------------------------------
# Ids merged away, with the row that kept their content. The kept row's notes name the retired id.
RETIRED = {
    "e0016": "e0013",  # School No. 134, part of the 27 February incursion
    "e0324": "e0315",  # undated summary: the May advance to the Siverskyi Donets
    "e0339": "e0340",  # undated summary: shelling after the May push (next to the dated 20 May shelling)
    "e0616": "e0358",  # the entry into Kupiansk, told by the SBU
    "n0644": "n0008",  # The Washington Post's headline "Dozens wounded", the text's figure
    "n0651": "n0335",  # Meduza's headline "dozens injured", the text's "several dozen"
}
EARLIER_RETIRED = {"e0061", "e0063", "e0601", "e0602", "e0603", "n0628"}  # second pass


def test_retired_ids_are_gone_and_published_in_the_kept_rows():
    t = _tables()
    used = set(t["events"]["event_id"]) | set(t["statements"]["statement_id"])
    links = set(t["statements"]["event_id"].dropna()) | set(t["event_sources"]["event_id"])
    links |= set(t["statements"]["part_of"].dropna()) | set(t["statements"]["same_claim_as"].dropna())
    retired = set(RETIRED) | EARLIER_RETIRED
    assert (used | links) & retired == set()
    notes = pd.concat(
        [t["events"].set_index("event_id")["notes"], t["statements"].set_index("statement_id")["notes"]]
    )
    unpublished = [
        old
        for old, kept in RETIRED.items()
        if f"retired {'event' if old[0] == 'e' else 'statement'} {old}" not in _text(notes.get(kept))
    ]
    assert unpublished == [], "the kept row's notes say what became of the retired id"


# --- Names and capitals -----------------------------------------------------------------------------------------
def test_canonical_spellings_come_with_their_public_reference():
    t = _tables()
    cl = t["claimants"].set_index("claimant_id")
    kofman = cl.loc["michael-coffman"]
    assert kofman["name"] == "Michael Kofman"
    assert "Michael Coffman" in kofman["variants"].split("; ")
    assert str(kofman["name_source"]).startswith("https://")
    ev = t["events"].set_index("event_id")
    assert "Maryna Fenina" in ev.loc["e0030", "summary"] and "Mayna Fenina" in ev.loc["e0030", "notes"]
    text = " ".join(ev["summary"].astype(str)) + " " + " ".join(t["phases"]["summary"].astype(str))
    assert "Coffman" not in text and "Mayna" not in text


# Proper nouns the summaries use, with their capitals: every place and claimant name, and these.
PROPER_NOUNS = [
    "Moscow-installed",
    "Russian-installed",
    "Battle of Kharkiv",
    "National Guard",
    "Kharkiv Raion",
]


CONNECTORS = {"of", "the", "for", "to", "and", "i", "on"}


def _proper(name: str) -> bool:
    """A name, not a description: every word capitalised but the connectors ('Institute for the Study of War')."""
    return all(w[:1].isupper() or w in CONNECTORS for w in name.split())


def test_summaries_keep_the_capitals_of_proper_nouns():
    t = _tables()
    names = set(PROPER_NOUNS) | set(t["places"]["name"]) | set(t["claimants"]["name"])
    names = {n for n in names if re.fullmatch(r"[\w' .-]+", n) and _proper(n) and n != "Unattributed"}
    texts = list(t["events"]["summary"].astype(str)) + list(t["phases"]["summary"].astype(str))
    lowered = sorted(
        {
            m.group(0)
            for s in texts
            for n in names
            for m in re.finditer(rf"\b{re.escape(n)}\b", s, flags=re.IGNORECASE)
            if m.group(0) != n and m.start() > 0 and not m.group(0)[:1].isupper()
        }
    )
    assert lowered == []


# --- Who said it, and in which language --------------------------------------------------------------------------
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def test_every_non_english_excerpt_has_the_books_translation_and_no_english_one_has():
    st = _tables()["statements"]
    foreign = st["evidence"].astype(str).str.contains(CYRILLIC)
    has = st["evidence_translation"].notna()
    assert foreign.sum() >= 2
    assert list(st.loc[foreign & ~has, "statement_id"]) == []
    assert list(st.loc[~foreign & has, "statement_id"]) == []
    assert not st.loc[has, "evidence_translation"].astype(str).str.contains(CYRILLIC).any()


def test_the_up_to_276_excerpt_names_who_claimed_it():
    st = _tables()["statements"].set_index("statement_id")
    for sid in ("n0634", "n0635"):
        assert st.loc[sid, "evidence"].startswith("The Russian government")
