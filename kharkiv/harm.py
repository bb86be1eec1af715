"""Civilian harm: which reports and events count, where they happened, and how reports of one day line up.

Pure functions of the joined views (kharkiv.views.events / views.statements). Nothing is summed across
claimants and nothing is averaged: every row stays one report by one claimant.
"""

import re

import pandas as pd

from . import measures
from .ids import series_key, sorted_ids
from .wording import DASH, day, figure_text, number, period, who  # noqa: F401  (re-exported for chapters)

CITY = "kharkiv"
CIVILIAN = ("civilians", "residents", "foreign nationals")  # the source says these people were civilians
UNSTATED = ("people",)  # the source counts people without saying whether they were civilians
TOLL_MEASURES = ("killed", "wounded")
DAMAGE_MEASURES = (
    "buildings damaged",
    "buildings destroyed",
    "buildings damaged or destroyed",
    "homes damaged",
)
DISPLACEMENT_MEASURES = ("evacuated", "residents left", "population")
STRIKE_COUNT_MEASURES = ("shelling incidents", "locations struck")
STRIKE_TYPES = ("Explosions/Remote violence", "Violence against civilians")
MILITARY = measures.MILITARY
RIGHTS_GROUPS = ("Human Rights Watch", "Amnesty International")
NOT_STATED = "not stated"
WORD_QUALIFIERS = ("dozens", "hundreds", "several", "numerous")
# Words by which a summary singles out one person: an age, or what the person was.
_PERSON = re.compile(
    r"\b\d+-year-old\b|\b(?:a|an|one)\s+(?:\w+\s+){0,3}(?:student|volunteer|survivor|boy|girl|"
    r"pensioner|monitor|member|journalist|doctor|priest|teacher)\b",
    re.IGNORECASE,
)


def attributed(claimant, side) -> str:
    """'Oleh Synyehubov (Ukrainian)'; 'none named (stated without attribution)' when unattributed."""
    return (
        "none named (stated without attribution)" if str(side) == "unattributed" else f"{claimant} ({side})"
    )


def figure(value, value_high, qualifier) -> str:
    """A figure as the source qualifies it: 'at least 606', '200–217', 'dozens', '11'."""
    return figure_text(value, value_high, qualifier)


def with_figures(st: pd.DataFrame) -> pd.DataFrame:
    """Statements plus figure (text), who (claimant and side), period (text), low and high (numbers)."""
    return st.assign(
        figure=[
            figure(v, h, q) for v, h, q in zip(st["value"], st["value_high"], st["qualifier"], strict=False)
        ],
        who=[who(c, s) for c, s in zip(st["claimant"], st["claimant_side"], strict=False)],
        period=[period(a, b) for a, b in zip(st["period_start"], st["period_end"], strict=False)],
        low=st["value"].astype("Float64"),
        high=st["value_high"].fillna(st["value"]).astype("Float64"),
    )


def city_place_ids(places: pd.DataFrame, city: str = CITY) -> list[str]:
    """The city and every place whose `within` is the city (its districts and landmarks), sorted."""
    inside = places.loc[places["within"].astype("string") == city, "place_id"].astype(str)
    return sorted({city, *inside})


def in_city(df: pd.DataFrame, places: pd.DataFrame, city: str = CITY) -> pd.DataFrame:
    """Rows whose place_id is the city or a place within it."""
    return df[df["place_id"].astype("string").isin(city_place_ids(places, city)).fillna(False).astype(bool)]


def is_cumulative(st: pd.DataFrame, war_start) -> pd.Series:
    """A running total: the period starts on the first day of the war and lasts more than one day."""
    start = pd.Timestamp(war_start)
    return (st["period_start"] == start) & (st["period_end"] > start)


def status(subjects: pd.Series) -> pd.Series:
    """'civilians' where the source says so, 'status not stated' for counts of people."""
    return pd.Series(
        ["civilians" if s in CIVILIAN else "status not stated" for s in subjects.astype(str)],
        index=subjects.index,
        dtype="string",
    )


def tolls(statements: pd.DataFrame, places: pd.DataFrame, war_start, city: str = CITY) -> pd.DataFrame:
    """Reports of people killed or wounded in the city, civilians or people of unstated status (refuted left out).

    Adds with_figures columns (figure, who, low, high, period), status and cumulative.
    """
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


def strike_key(st: pd.DataFrame) -> pd.Series:
    """What a toll is about: its event (one strike or one day's shelling), '' where no event is linked."""
    return st["event_id"].astype("string").fillna("")


CONFLICT_KEYS = ["measure", "period_start", "period_end", "strike"]


def conflicts(tolls_: pd.DataFrame, min_claimants: int = 2) -> pd.DataFrame:
    """Days or attacks for which several claimants gave a toll: one row per measure, period and strike (strike_key),
    so that separate incidents of one day are not set against each other. Word figures are listed, not ranged.

    Grouped in one pass (no loop over groups), so that it stays fast with many times today's reports."""
    keyed = tolls_.assign(strike=strike_key(tolls_))
    n = keyed.groupby(CONFLICT_KEYS, observed=True)["claimant_id"].transform("nunique")
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
        keyed.groupby(CONFLICT_KEYS, observed=True, sort=False)
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
    if out.empty:
        return pd.DataFrame(columns=cols)
    out = out.assign(measure=out["measure"].astype(str), strike=out["strike"].astype(str))
    return out.sort_values(CONFLICT_KEYS, key=series_key, kind="stable").reset_index(drop=True)[cols]


def by_measure(
    statements: pd.DataFrame, places: pd.DataFrame, measures, subjects=None, city: str = CITY
) -> pd.DataFrame:
    """City statements of the given measures (and subjects, if given), with with_figures columns; refuted left out."""
    s = statements[statements["measure"].isin(measures) & (statements["verification"] != "refuted")]
    if subjects is not None:
        s = s[s["subject"].isin(subjects)]
    return with_figures(in_city(s, places, city))


def strikes(events: pd.DataFrame, places: pd.DataFrame, city: str = CITY) -> pd.DataFrame:
    """Strikes and attacks (STRIKE_TYPES) in the city."""
    return in_city(events[events["event_type"].isin(STRIKE_TYPES)], places, city)


def weapon_reports(events: pd.DataFrame, places: pd.DataFrame, city: str = CITY) -> pd.DataFrame:
    """Assessments or reports (by monitors, rights groups, officials) that name a weapon used in the city."""
    report = (events["sub_event_type"] == "Assessment or report") & events["weapon"].notna()
    return in_city(events[report], places, city)


def _ordered(values: pd.Series) -> list[str]:
    """Categories in the schema's order as far as present, 'not stated' last."""
    present = set(values.astype("object").dropna())
    order = [str(c) for c in values.cat.categories if c in present]
    return order + ([NOT_STATED] if values.isna().any() else [])


def weapon_target(strikes_: pd.DataFrame) -> pd.DataFrame:
    """Counts of strikes by weapon (rows) and target (columns), 'not stated' where the field is empty."""
    w = strikes_["weapon"].astype("object").fillna(NOT_STATED).rename("weapon")
    t = strikes_["target"].astype("object").fillna(NOT_STATED).rename("target")
    table = pd.crosstab(w, t) if len(strikes_) else pd.DataFrame()
    return table.reindex(
        index=_ordered(strikes_["weapon"]), columns=_ordered(strikes_["target"]), fill_value=0
    )


def by_place(strikes_: pd.DataFrame, city: str = CITY) -> pd.DataFrame:
    """Strikes per district or landmark of the city (the city itself left out: it has no one point)."""
    inside = strikes_[strikes_["place_id"].astype(str) != city]
    cols = ["place_id", "place", "place_kind", "lat", "lon", "coord_precision"]
    g = inside.groupby(cols, observed=True, dropna=False).size().rename("strikes").reset_index()
    return g.sort_values(["strikes", "place"], ascending=[False, True]).reset_index(drop=True)


def victims(events: pd.DataFrame, statements: pd.DataFrame) -> pd.DataFrame:
    """Strike and attack events that single out victims: a deliberate attack on civilians, a toll of exactly one
    civilian (every number given for the event is one), or a summary that describes a person (an age, a student,
    a volunteer ...). Events whose only dead are soldiers are left out."""
    killed = statements[(statements["measure"] == "killed") & statements["event_id"].notna()]
    military = killed["subject"].isin(MILITARY)
    numeric = killed[~military & killed["value"].notna()]
    alone = numeric.groupby("event_id")["value"].agg(lambda v: bool((v == 1).all()))
    civilian = set(numeric.loc[numeric["subject"].isin(CIVILIAN), "event_id"])
    one = {e for e, ok in alone.items() if ok and e in civilian}
    military_only = set(killed.loc[military, "event_id"]) - set(killed.loc[~military, "event_id"])
    ev = events[events["event_type"].isin(STRIKE_TYPES)]
    person = ev["summary"].astype(str).str.contains(_PERSON)
    rule = (ev["sub_event_type"] == "Attack") | ev["event_id"].isin(one) | person
    return ev[rule & ~ev["event_id"].isin(military_only)]


def rights_group_ids(claimants: pd.DataFrame, names=RIGHTS_GROUPS) -> list[str]:
    """Claimants that are the named rights groups or speak for them (name, variants or role mention one)."""
    text = (
        claimants["name"].astype(str)
        + " "
        + claimants["variants"].fillna("").astype(str)
        + " "
        + claimants["role"].fillna("").astype(str)
    )
    hit = text.apply(lambda s: any(n.lower() in s.lower() for n in names))
    return sorted(claimants.loc[hit, "claimant_id"].astype(str))


def rights_findings(events: pd.DataFrame, statements: pd.DataFrame, claimants: pd.DataFrame) -> pd.DataFrame:
    """What the rights groups reported, events and figures together, by date: one row per report."""
    ids = rights_group_ids(claimants)
    ev = events[events["claimant_id"].astype(str).isin(ids)]
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


# --- Reader-facing wording for the chapter (issue 12): sources by outlet, word-only reports named. ---------------

NO_ONE = "a source naming no one"
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


def group_members(tolls_: pd.DataFrame, conflict: pd.Series) -> pd.DataFrame:
    """The toll reports behind one row of conflicts()."""
    ids = str(conflict["statement_ids"]).split("; ")
    return tolls_[tolls_["statement_id"].isin(ids)].sort_values(["claimant", "statement_id"], key=series_key)


def in_words(members: pd.DataFrame) -> list[tuple[str, str]]:
    """(figure, who) of every report given only in words ('dozens'), each once, in order."""
    words = members[members["value"].isna()]
    who_ = [
        NO_ONE if str(side) == "unattributed" else str(name)
        for name, side in zip(words["claimant"], words["claimant_side"], strict=False)
    ]
    return list(dict.fromkeys(zip(words["figure"].astype(str), who_, strict=False)))


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
                "label": f"{period(c['period_start'], c['period_end'])}\n{c['measure']}",
                "numbers": pd.DataFrame(
                    {
                        "who": [
                            NO_ONE if str(side) == "unattributed" else str(name)
                            for name, side in zip(nums["claimant"], nums["claimant_side"], strict=False)
                        ],
                        "low": nums["low"].astype(float),
                        "high": nums["high"].astype(float),
                        "civilians": nums["status"] == "civilians",
                    }
                ),
                "words": [f"{f} ({w})" for f, w in in_words(m)],
            }
        )
    return out


def according_to(claimant, role, side) -> str:
    """'according to Oleh Synyehubov, head of the Kharkiv Regional State Administration (governor of Kharkiv
    Oblast)'; 'in a source that names no one' when unattributed. Names are kept as spelled."""
    if str(side) == "unattributed":
        return "in a source that names no one"
    if role is None or pd.isna(role) or not str(role).strip():
        return f"according to {claimant}"
    role = str(role)
    if len(role) > 1 and role[0].isupper() and role[1].islower():
        role = role[0].lower() + role[1:]
    return f"according to {claimant}, {role}"


def with_roles(st: pd.DataFrame, claimants: pd.DataFrame) -> pd.DataFrame:
    """Statements plus the claimant's role and kind (claimant_kind: person, organisation ...)."""
    c = claimants.set_index("claimant_id")
    return st.assign(role=st["claimant_id"].map(c["role"]), claimant_kind=st["claimant_id"].map(c["kind"]))
