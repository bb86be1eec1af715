"""Which reports are "the same count": the one rule the claims chapter, the civilian-harm chapter and the explorer
use to set reports against each other as disagreement.

Two reports count the same thing only if they share the measure, the people counted (subject, and the military unit
if any), the unit, the place, the period, and the attack or day: a toll for one attack (scope 'incident') is compared
only with tolls for the same attack, and a toll for a whole city or region on a day only with tolls of that scope.
Only totals are compared: a figure that is part of another (part_of: children among the dead), one person singled
out (a named soldier, 'a 25-year-old student') and a figure from a headline or an editorial note in a reference list
each say what they are (what_it_is) and are never set against an official's toll.
"""

import re

import pandas as pd

from kharkiv.data.ids import sorted_ids

# The columns two reports must share to count the same thing ('attack' is added by same_count_key).
SAME_COUNT = [
    "measure",
    "subject",
    "unit",
    "unit_name",
    "place_id",
    "scope",
    "period_start",
    "period_end",
    "attack",
]

TOTAL = "total"
PART = "part of a larger figure"
PERSON = "one person singled out"
HEADLINE = "a headline's figure"
NOTE = "a note in a reference list"

# Words by which a figure of one singles out a person: an age, a name after 'was' or 'killed', what the person was.
# Matched on the excerpt and the curator's note (which carries the book's translation of a non-English headline).
_PERSON = re.compile(
    r"\d+-year-old|\bone of (?:those|the)\b[^.]*\bwas\b|\b(?:was|killed)\s+(?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+\s+[A-Z][a-z]+"
    r"|\b(?:student|boy|girl|biathlete|commander|monitor|volunteer|journalist|worker|pensioner|priest|teacher|doctor)\b"
    r"|студент|хлопчик|дівчинк",
)


def one_telling(st: pd.DataFrame) -> pd.DataFrame:
    """The statements a sum or count may take: a claim told again in another document or in a headline
    (same_claim_as set) is left out, so that it is counted once, at its first telling. Every function of the book
    that counts or sums statements goes through this one; the explorer, which lists rows, shows both tellings."""
    return st[_col(st, "same_claim_as").isna().to_numpy()]


def _col(st: pd.DataFrame, col: str) -> pd.Series:
    """A column, or an empty one where a caller's table lacks it (a chapter's narrow copy, a test's few columns)."""
    return st[col] if col in st else pd.Series(None, index=st.index, dtype="object")


def _text(st: pd.DataFrame, col: str) -> pd.Series:
    v = _col(st, col)
    return v.astype("object").where(v.notna(), "").astype(str)


def singles_out_person(st: pd.DataFrame) -> pd.Series:
    """True where a figure of exactly one names or describes the one person ('one of the soldiers killed was
    Yevgeny Malyshev', 'a 25-year-old student'); a toll of one ('killing a civilian') is not."""
    one = (st["value"] == 1) & _col(st, "value_high").isna()
    words = _text(st, "evidence") + " " + _text(st, "notes")
    return (one.fillna(False) & words.str.contains(_PERSON)).astype(bool)


def what_it_is(st: pd.DataFrame) -> pd.Series:
    """What each report is: TOTAL (comparable), PART, PERSON, HEADLINE or NOTE (each set against no toll).
    A part of a figure or one person is that first, wherever it was printed."""
    ref = _text(st, "reference_part")
    out = pd.Series(TOTAL, index=st.index, dtype="object")
    out[ref == "note"] = NOTE
    out[ref == "title"] = HEADLINE
    out[singles_out_person(st)] = PERSON
    out[_col(st, "part_of").notna().to_numpy()] = PART
    return out


def same_count_key(st: pd.DataFrame) -> pd.DataFrame:
    """The SAME_COUNT columns of each report as plain text ('' where empty); 'attack' is the event of a toll for one
    attack (scope 'incident'), '' otherwise, so that separate attacks of one day are not set against each other."""
    event = _col(st, "event_id")
    incident = (_col(st, "scope").astype(str) == "incident") & event.notna()
    attack = event.astype("object").where(incident, "")
    out = pd.DataFrame({"attack": attack}, index=st.index)
    for col in SAME_COUNT[:-1]:
        v = _col(st, col)
        out[col] = (
            v.dt.strftime("%Y-%m-%d") if pd.api.types.is_datetime64_any_dtype(v) else v.astype("object")
        )
        out[col] = out[col].where(v.notna(), "").astype(str)
    return out[SAME_COUNT]


def comparable(st: pd.DataFrame) -> pd.DataFrame:
    """The reports that may be set against others: totals (what_it_is == TOTAL), refuted ones kept (callers decide)."""
    return st[what_it_is(st) == TOTAL]


def same_count(st: pd.DataFrame) -> pd.Series:
    """A group label per report: equal labels count the same thing; NA for a report that is compared with none
    (not a total). The label is the key's text joined by '|', stable across runs."""
    key = same_count_key(st).agg("|".join, axis=1)
    return key.where(what_it_is(st) == TOTAL).astype("string")


def conflicting(st: pd.DataFrame, min_claimants: int = 2) -> pd.Series:
    """True for a report whose count (same_count) was given by at least min_claimants claimants who do not all give
    the same figure: the explorer's 'only conflicting reports'. A headline, a named person or a part of a toll is
    never conflicting."""
    group = same_count(st)
    said = pd.Series(
        [
            f"{v}|{h}|{q}"
            for v, h, q in zip(st["value"], _col(st, "value_high"), _col(st, "qualifier"), strict=True)
        ],
        index=st.index,
    )
    frame = pd.DataFrame({"group": group, "claimant": st["claimant_id"].astype(str), "said": said})
    frame = frame[frame["group"].notna()]
    by = frame.groupby("group")
    ok = (by["claimant"].transform("nunique") >= min_claimants) & (by["said"].transform("nunique") >= 2)
    return ok.reindex(st.index, fill_value=False).astype(bool)


def conflicting_ids(st: pd.DataFrame, min_claimants: int = 2) -> list[str]:
    """statement_ids of the conflicting reports, in id order."""
    return sorted_ids(st.loc[conflicting(st, min_claimants), "statement_id"])


def described(st: pd.DataFrame) -> pd.Series:
    """What a report is, in words, for a chart or a sentence that shows it beside a toll: '' for a total,
    else e.g. 'a headline's figure'."""
    return what_it_is(st).where(lambda s: s != TOTAL, "")
