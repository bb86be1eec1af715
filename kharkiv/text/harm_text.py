"""Civilian-harm reports as words: who reported them, the figure and the spread of one day or attack."""

import pandas as pd

from kharkiv.data.ids import series_key, sorted_ids
from kharkiv.model import comparable
from kharkiv.model.harm import (
    CITY,
    CIVILIAN,
    CONFLICT_KEYS,
    TOLL_MEASURES,
    UNSTATED,
    group_members,
    in_city,
    is_cumulative,
    rights_group_ids,
    status,
    strike_key,
)
from kharkiv.text import attribution, dates, prose
from kharkiv.text.wording import figure_text, number, with_figures

# --- Reader-facing wording for the chapter (issue 12): sources by outlet, word-only reports named. ---------------

READER_STATUS = {"civilians": "civilians", "status not stated": "people, not said to be civilians"}


def source_name(publisher, title, kind) -> str:
    """A source as readers know it: 'Wikipedia, “Battle of Kharkiv (2022)”', 'The Washington Post', or
    'a UK news outlet (not named in its text)'. Built from the sources table's fields."""
    base = str(publisher).split(" (")[0].strip()
    if "not named" in str(publisher):
        return f"a {base} (not named in its text)"
    if "encyclopedia" in str(kind):
        return f"{base}, “{title}”"
    return base


def source_names(sources: pd.DataFrame) -> dict[str, str]:
    """source_id -> source_name, for every document."""
    return {str(r.source_id): source_name(r.publisher, r.title, r.kind) for r in sources.itertuples()}


def named_sources(ids, names: dict[str, str]) -> str:
    """'s000; s003' -> 'Wikipedia, “Battle of Kharkiv (2022)”; The Washington Post'."""
    return "; ".join(names.get(i.strip(), i.strip()) for i in str(ids).split(";") if i.strip())


def _named(rows: pd.DataFrame) -> list[str]:
    """Each row's speaker as attribution.who names them (attribution.NO_ONE when unnamed)."""
    return [attribution.who(c, side=s) for c, s in zip(rows["claimant"], rows["claimant_side"], strict=True)]


def in_words(members: pd.DataFrame) -> list[tuple[str, str]]:
    """(figure, who) of every report given only in words ('dozens'), each once, in order."""
    words = members[members["value"].isna()]
    return list(dict.fromkeys(zip(words["figure"].astype(str), _named(words), strict=True)))


def spread_text(members: pd.DataFrame, noun: str = "") -> str:
    """The reports of one day or attack as a range that says what was given only in words:
    '9 to 11, while Anton Herashchenko and Oleh Synyehubov said “dozens”'. Nothing averaged or dropped."""
    nums = members[members["value"].notna()]
    span = (nums["low"].min(), nums["high"].max()) if len(nums) else None
    return spread_from(span, in_words(members), noun)


def spread_from(span, words: list[tuple[str, str]], noun: str = "") -> str:
    """spread_text from the lowest and highest number (None if none) and the (figure, who) given in words."""
    parts = []
    if span is not None:
        lo, hi = span
        parts.append(number(lo) if lo == hi else f"{number(lo)} to {number(hi)}")
    by_word: dict[str, list[str]] = {}
    for fig, name in words:
        by_word.setdefault(fig, []).append(name)
    said = [f"{_and(names)} said “{fig}”" for fig, names in by_word.items()]
    if said:
        parts.append(("while " if parts else "") + _and(said))
    text = ", ".join(parts)
    return f"{text} {noun}".strip() if noun and span is not None and not said else text


def _and(items: list[str]) -> str:
    items = list(dict.fromkeys(items))
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def chart_groups(tolls_: pd.DataFrame, conflicts_: pd.DataFrame) -> list[dict]:
    """conflicts() as the rows of charts.disagreement: label, numeric reports (who, low, high, civilians) and the
    reports given only in words."""
    out = []
    for _, c in conflicts_.sort_values(["period_start", "measure", "strike"]).iterrows():
        m = group_members(tolls_, c)
        nums = m[m["value"].notna()]
        out.append(
            {
                "label": f"{dates.period(c['period_start'], c['period_end'])}\n{c['measure']}",
                "numbers": pd.DataFrame(
                    {
                        "who": _named(nums),
                        "low": nums["low"].astype(float),
                        "high": nums["high"].astype(float),
                        "civilians": nums["status"] == "civilians",
                    }
                ),
                "words": [f"{f} ({w})" for f, w in in_words(m)],
            }
        )
    return out


def tolls(statements: pd.DataFrame, places: pd.DataFrame, war_start, city: str = CITY) -> pd.DataFrame:
    """Reports of people killed or wounded in the city, civilians or people of unstated status (refuted left out).

    Adds with_figures columns (figure, who, low, high, period), status and cumulative. A claim told twice
    (same_claim_as) is taken once.
    """
    statements = comparable.one_telling(statements)
    s = statements[
        statements["measure"].isin(TOLL_MEASURES)
        & statements["subject"].isin(CIVILIAN + UNSTATED)
        & (statements["verification"] != "refuted")
    ]
    out = with_figures(in_city(s, places, city))
    return out.assign(status=status(out["subject"]), cumulative=is_cumulative(out, war_start))


def largest_cumulative(tolls_: pd.DataFrame, measure: str = "killed") -> pd.Series | None:
    """The largest numeric running total of civilians (status 'civilians'); ties: the later period, then statement_id."""
    c = tolls_[
        tolls_["cumulative"]
        & (tolls_["measure"] == measure)
        & (tolls_["status"] == "civilians")
        & tolls_["value"].notna()
    ]
    if c.empty:
        return None
    return c.sort_values(
        ["value", "period_end", "statement_id"], ascending=[False, False, True], key=series_key
    ).iloc[0]


def conflicts(tolls_: pd.DataFrame, min_claimants: int = 2) -> pd.DataFrame:
    """Days or attacks for which several claimants gave a toll of the same count (comparable.same_count: the same
    people, place, scope and attack; totals only): one row per count, keyed by measure, period and strike
    (strike_key), so that separate incidents of one day are not set against each other. Word figures are listed, not ranged.

    Grouped in one pass (no loop over groups), so that it stays fast with many times today's reports."""
    totals = comparable.comparable(tolls_)  # the book's one rule: no headline, named person or part of a toll
    keyed = totals.assign(strike=strike_key(totals), same=comparable.same_count(totals))
    n = keyed.groupby([*CONFLICT_KEYS, "same"], observed=True)["claimant_id"].transform("nunique")
    keyed = keyed[(n >= min_claimants).fillna(False).astype(bool)]
    keyed = keyed.sort_values(
        [*CONFLICT_KEYS, "high", "claimant", "statement_id"],
        na_position="first",
        key=series_key,
        kind="stable",
    )
    keyed = keyed.assign(
        said=[
            f"{w}: {f} [{d}]"
            for w, f, d in zip(keyed["who"], keyed["figure"], keyed["source_id"], strict=False)
        ],
        sid=keyed["statement_id"].astype(str),
    )
    out = (
        keyed.groupby([*CONFLICT_KEYS, "same"], observed=True, sort=False)
        .agg(
            reports=("sid", "size"),
            claimants=("claimant_id", "nunique"),
            low=("low", "min"),
            high=("high", "max"),
            figures=("said", "; ".join),
            statement_ids=("sid", lambda s: "; ".join(sorted_ids(s))),
        )
        .reset_index()
    )
    cols = [*CONFLICT_KEYS, "reports", "claimants", "low", "high", "figures", "statement_ids"]
    out = out.drop(columns="same")
    if out.empty:
        return pd.DataFrame(columns=cols)
    out = out.assign(measure=out["measure"].astype(str), strike=out["strike"].astype(str))
    return out.sort_values(CONFLICT_KEYS, key=series_key, kind="stable").reset_index(drop=True)[cols]


def by_measure(
    statements: pd.DataFrame, places: pd.DataFrame, measures, subjects=None, city: str = CITY
) -> pd.DataFrame:
    """City statements of the given measures (and subjects, if given), with with_figures columns; refuted left out;
    each claim once."""
    statements = comparable.one_telling(statements)
    s = statements[statements["measure"].isin(measures) & (statements["verification"] != "refuted")]
    if subjects is not None:
        s = s[s["subject"].isin(subjects)]
    return with_figures(in_city(s, places, city))


def rights_findings(events: pd.DataFrame, statements: pd.DataFrame, claimants: pd.DataFrame) -> pd.DataFrame:
    """What the rights groups reported, events and figures together, by date: one row per report."""
    ids = rights_group_ids(claimants)
    ev = events[events["claimant_id"].astype(str).isin(ids)]
    statements = comparable.one_telling(statements)
    st = with_figures(statements[statements["claimant_id"].astype(str).isin(ids)])
    rows = [
        pd.DataFrame(
            {
                "date": ev["start_date"],
                "claimant": ev["claimant"],
                "side": ev["claimant_side"].astype(str),
                "finding": ev["summary"],
                "weapon": ev["weapon"].astype("object"),
                "place": ev["place"],
                "verification": ev["verification"].astype(str),
                "sources": ev["source_ids"],
            }
        ),
        pd.DataFrame(
            {
                "date": st["claim_date"].fillna(st["period_end"]),
                "claimant": st["claimant"],
                "side": st["claimant_side"].astype(str),
                "finding": st["measure"].astype(str) + ", " + st["subject"].astype(str) + ": " + st["figure"],
                "weapon": None,
                "place": st["place"],
                "verification": st["verification"].astype(str),
                "sources": st["source_id"].astype(str),
            }
        ),
    ]
    out = pd.concat([r for r in rows if len(r)], ignore_index=True) if any(len(r) for r in rows) else rows[0]
    return out.sort_values(["date", "claimant", "finding"], kind="stable").reset_index(drop=True)


# --- The reports of one day, worded once for every page that states them (chapters.shared). ----------------------


def day_reports_text(reports: pd.DataFrame, noun: str = "civilian", verb: str = "killed") -> str:
    """The reports of one day (tolls.deadliest_day rows), how many give a figure and how many only a word:
    'from 9 to 11 civilians killed in two reports, and “dozens” in one report given only in words, by Anton
    Herashchenko'. One claimant's report is one report (the rows hold one per claimant and claim)."""
    nums, words = reports[reports["value"].notna()], reports[reports["value"].isna()]
    high = nums["value_high"].fillna(nums["value"]) if len(nums) else nums["value"]
    if nums.empty:
        text = f"no number of {prose.plural(noun)} {verb}"
    else:
        lo, hi = float(nums["value"].min()), float(high.max())
        span = prose.count(hi, noun) if lo == hi else f"from {number(lo)} to {prose.count(hi, noun)}"
        text = f"{span} {verb} in {prose.count(len(nums), 'report', words=True)}"
    if len(words):
        said = prose.listing(f"“{q}”" for q in dict.fromkeys(words["qualifier"].astype(str)))
        text += (
            f", and {said} in {prose.count(len(words), 'report', words=True)} given only in words, by "
            + prose.listing(dict.fromkeys(_named(words)))
        )
    return text


def also_said_text(also: pd.DataFrame, reports: pd.DataFrame, sources: dict[str, str]) -> str:
    """One sentence per claimant who said more than their counted report (tolls.also_said rows): 'Oleh
    Synyehubov’s report is counted once, with the figure 11; The Washington Post also quotes the same official
    saying “dozens” that day.' '' when no one did. sources: source_id -> name (source_names)."""
    out = []
    for cid, g in also.groupby("claimant_id", sort=False, observed=True):
        mine = reports[reports["claimant_id"] == cid].iloc[0]
        counted = figure_text(mine["value"], mine["value_high"], mine["qualifier"])
        said = prose.listing(
            dict.fromkeys(
                prose.figure(v, h, q)
                for v, h, q in zip(g["value"], g["value_high"], g["qualifier"], strict=False)
            )
        )
        where = prose.listing(dict.fromkeys(sources.get(str(s), str(s)) for s in g["source_id"]))
        verb = "saying" if g["value"].isna().all() else "giving"
        out.append(
            f"{_named(g)[0]}’s report is counted once, with the figure {counted}; {where} also quotes the same "
            f"official {verb} {said} that day."
        )
    return " ".join(out)
