"""The civilian-harm chapter's tables, as readers see them: columns named in plain words, sources by outlet, who
reported each figure, and the explorer view that holds every row when a chapter lists only the first ones.

Each builder takes the frames of kharkiv.model.harm and returns the table to pass to kharkiv.text.html_tables.show with its links
and view (the explorer's URL filters, _static/explorer-core.js FILTERS). A view opens exactly the table's rows (a
filter with several values keeps a row matching any): the city's figures of the table's measures and people, the
refuted ones left out as the chapter leaves them out; where no filter says what a table holds (a claim told twice
is one row here, two in the explorer), the view names its rows (links.rows_view).
"""

import pandas as pd

from kharkiv.data.ids import series_key
from kharkiv.model import harm
from kharkiv.model.claims import VERIFICATION
from kharkiv.text import attribution, dates, harm_text, wording

# Explorer views (URL filters) that hold exactly the rows of the tables below.
KEPT = [v for v in VERIFICATION if v != "refuted"]  # the chapter leaves refuted figures out (harm_text)


def city_figures(measures, subjects=None) -> dict:
    """The explorer's view of the city's figures of these measures (and people counted), refuted ones left out."""
    view = {"view": "figures", "place": harm.CITY, "verif": KEPT, "measure": list(measures)}
    return view | ({"subject": list(subjects)} if subjects is not None else {})


# toll_table and conflict_table name their rows (links.rows_view): the explorer lists every telling of a
# claim told twice (same_claim_as), the chapter one, and no filter tells them apart.
STRIKES_VIEW = {"view": "events", "place": harm.CITY, "type": list(harm.STRIKE_TYPES)}  # strike_table
STRIKE_COUNTS_VIEW = city_figures(harm.STRIKE_COUNT_MEASURES)  # strike_count_table
DAMAGE_VIEW = city_figures(harm.DAMAGE_MEASURES + harm.DISPLACEMENT_MEASURES)  # damage_table
# What a figure of zero strikes means, in words a reader uses.
NONE_REPORTED = {"shelling incidents": "no shelling reported", "locations struck": "no place struck"}
FIGURE_COLUMNS = {  # figures of one kind: the columns every figure table shares
    "period": "period",
    "measure": "what was counted",
    "figure": "figure",
    "reported by": "reported by",
    "source": "source",
    "evidence": "in the source's words",
}


# The columns spreads() reads: a narrow frame is fast to cut many times.
MEMBER_COLUMNS = ["statement_id", "claimant", "claimant_side", "value", "low", "high", "figure", "status"]


def _member_rows(tolls_: pd.DataFrame, conflicts_: pd.DataFrame) -> tuple[pd.DataFrame, list[list[int]]]:
    """One sorted, narrow copy of the tolls and, for each row of conflicts_, the positions of its reports in it."""
    narrow = tolls_[[c for c in MEMBER_COLUMNS if c in tolls_.columns]]
    narrow = narrow.sort_values(["claimant", "statement_id"], key=series_key, kind="stable")
    at = {sid: k for k, sid in enumerate(narrow["statement_id"].astype(str))}
    rows = [sorted(at[i] for i in str(ids).split("; ") if i in at) for ids in conflicts_["statement_ids"]]
    return narrow, rows


def all_members(tolls_: pd.DataFrame, conflicts_: pd.DataFrame) -> list[pd.DataFrame]:
    """group_members of every row of conflicts_, in its order, cut from one narrow copy of the tolls."""
    narrow, rows = _member_rows(tolls_, conflicts_)
    return [narrow.iloc[r] for r in rows]


def spreads(tolls_: pd.DataFrame, conflicts_: pd.DataFrame) -> list[str]:
    """spread_text of every row of conflicts_, in its order, in one pass over plain values (fast at scale)."""
    narrow, rows = _member_rows(tolls_, conflicts_)
    value, low, high = (narrow[c].astype("object").tolist() for c in ("value", "low", "high"))
    fig = narrow["figure"].astype(str).tolist()
    name = [
        attribution.who(n, side=s) for n, s in zip(narrow["claimant"], narrow["claimant_side"], strict=True)
    ]
    out = []
    for r in rows:
        nums = [k for k in r if not pd.isna(value[k])]
        span = (min(low[k] for k in nums), max(high[k] for k in nums)) if nums else None
        words = dict.fromkeys((fig[k], name[k]) for k in r if pd.isna(value[k]))
        out.append(harm_text.spread_from(span, list(words)))
    return out


def reported_by(df: pd.DataFrame) -> list[str]:
    """'Oleh Synyehubov (Ukrainian)' for each row (attribution.labelled), or 'a source naming no one'."""
    return [attribution.labelled(c, s) for c, s in zip(df["claimant"], df["claimant_side"], strict=True)]


def sources_of(ids, names: dict[str, str]) -> list[str]:
    """Each row's source ids ('s000; s003') as the outlets readers know."""
    return [harm_text.named_sources(i, names) for i in ids]


def _figures(df: pd.DataFrame, names: dict[str, str], order: list[str]) -> pd.DataFrame:
    """Figure rows sorted by `order` (then statement_id) with who reported them, their sources named and their
    excerpts as readers see them (a non-English one with the book's translation: attribution.excerpts)."""
    t = df.sort_values([*order, "statement_id"], key=series_key)
    return t.assign(
        **{"reported by": reported_by(t), "source": sources_of(t["source_id"], names)},
        evidence=attribution.excerpts(t),
    )


def toll_table(tolls: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Every report of people killed or wounded, by period: who was counted in words, the source's excerpt."""
    cols = {
        "period": "period",
        "measure": "killed or wounded",
        "counted": "who was counted",
        "figure": "figure",
        "reported by": "reported by",
        "verification": "verification",
        "source": "source",
        "evidence": "in the source's words",
    }
    t = _figures(tolls, names, ["period_start", "period_end", "measure"])
    t = t.assign(counted=t["status"].map(harm_text.READER_STATUS))
    return t[[*cols, "statement_id"]].rename(columns=cols)


def conflict_table(tolls: pd.DataFrame, conflicts: pd.DataFrame) -> pd.DataFrame:
    """One row per day or attack with tolls from several officials: the range given and each report in full."""
    c = conflicts.sort_values(["period_start", "period_end", "measure", "strike"], key=series_key)
    t = pd.DataFrame(
        {
            "day": [dates.period(a, b) for a, b in zip(c["period_start"], c["period_end"], strict=False)],
            "killed or wounded": c["measure"].astype(str),
            "figures given": spreads(tolls, c),
            "each report": c["figures"].str.replace(r" \[s\d+\]", "", regex=True),
            "statement_ids": c["statement_ids"],
        },
        index=c.index,
    )
    return t.reset_index(drop=True)


def strike_table(strikes: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Every strike or attack on the city, by date: what happened, weapon and target ('not stated' if not)."""
    cols = {
        "start_date": "date",
        "place": "place",
        "summary": "what happened",
        "weapon": "weapon",
        "target": "target",
        "reported by": "reported by",
        "sources": "sources",
    }
    t = strikes.assign(
        **{"reported by": reported_by(strikes), "sources": sources_of(strikes["source_ids"], names)},
        weapon=strikes["weapon"].astype("object").fillna(harm.NOT_STATED),
        target=strikes["target"].astype("object").fillna(harm.NOT_STATED),
    )
    return t[[*cols, "event_id"]].rename(columns=cols)


def strike_count_figure(value, value_high, qualifier, measure) -> str:
    """A count of strikes as a reader says it: '65', 'at least 3', and a zero as 'no shelling reported'."""
    if value is not None and not pd.isna(value) and float(value) == 0 and pd.isna(value_high):
        return NONE_REPORTED.get(str(measure), "none")
    return wording.figure_text(value, value_high, qualifier)


def strike_count_table(counts: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Officials' counts of strikes and of places hit, by period; a zero reads 'no shelling reported'."""
    t = _figures(counts, names, ["period_start", "period_end"])
    t = t.assign(
        figure=[
            strike_count_figure(v, h, q, m)
            for v, h, q, m in zip(t["value"], t["value_high"], t["qualifier"], t["measure"], strict=False)
        ]
    )
    return t[[*FIGURE_COLUMNS, "statement_id"]].rename(columns=FIGURE_COLUMNS)


def place_table(placed: pd.DataFrame) -> pd.DataFrame:
    """Struck districts and landmarks (harm.by_place), most struck first, and whether the map can draw them."""
    cols = {
        "place": "district or landmark",
        "place_kind": "kind",
        "strikes": "strikes",
        "drawn": "on the map",
    }
    t = placed.assign(
        place_kind=placed["place_kind"].astype(str),
        drawn=placed["lat"].notna().map({True: "yes", False: "no: no position known"}),
    )
    return t[list(cols)].rename(columns=cols)


def damage_table(damage: pd.DataFrame, displacement: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Damage, evacuation and departure figures, by what was counted and then by period."""
    both = pd.concat([damage, displacement])
    t = _figures(both, names, ["measure", "period_start"])
    return t[[*FIGURE_COLUMNS, "statement_id"]].rename(columns=FIGURE_COLUMNS)


def victim_table(victims: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """The strikes and attacks that describe their victims, as the sources describe them."""
    cols = {
        "start_date": "date",
        "place": "place",
        "summary": "as the sources describe it",
        "reported by": "reported by",
        "sources": "sources",
    }
    t = victims.assign(
        **{"reported by": reported_by(victims), "sources": sources_of(victims["source_ids"], names)}
    )
    return t[[*cols, "event_id"]].rename(columns=cols)


def finding_table(findings: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """The rights groups' findings (harm_text.rights_findings), report by report."""
    cols = {
        "date": "date",
        "claimant": "who",
        "finding": "what they reported",
        "place": "place",
        "sources": "sources",
    }
    t = findings.assign(sources=sources_of(findings["sources"], names))
    return t[list(cols)].rename(columns=cols)
