"""The civilian-harm chapter's facts and chart titles, computed from kharkiv.model.harm's frames.

Each function returns a mapping for prose.glue_facts (values are plain text, or Markdown links to the rows behind a
number) or a title that states what its chart shows. A fact the data cannot give is left out of the mapping, and
the chapter's sentence is built so that it never needs it empty.
"""

import pandas as pd

from kharkiv.chapters import shared
from kharkiv.data.ids import series_key
from kharkiv.model import harm, periods
from kharkiv.text import attribution, dates, harm_text, links, prose

LOWER_BOUNDS = ("at least", "more than")


def according(r) -> str:
    """'according to Oleh Synyehubov, head of …', 'according to the Kharkiv Regional State Administration' (a
    body by its name, a person with their role: rows from attribution.with_roles), or 'according to a source
    naming no one'."""
    return attribution.according_to(
        r["claimant"], r.get("claimant_role"), r.get("claimant_kind"), r["claimant_side"]
    )


def _linked(text, ids, view: dict | None = None):
    """Markdown for {glue:md}: the text linking to the explorer rows behind it."""
    return links.rows_link(text, ids, view)


def deadliest_attack(tolls: pd.DataFrame) -> pd.Series | None:
    """The numeric toll of one attack (not a running total) with the highest figure; ties: the earlier period,
    then statement_id. None when there is none."""
    killed = tolls[tolls["measure"] == "killed"]
    single = killed[~killed["cumulative"] & killed["value"].notna() & (killed["scope"] == "incident")]
    ranked = single.sort_values(
        ["high", "period_end", "statement_id"], ascending=[False, True, True], key=series_key
    )
    return None if ranked.empty else ranked.iloc[0]


def widest_conflict(conflicts: pd.DataFrame) -> pd.Series | None:
    """The day or attack with the most officials giving a toll (then the most reports, then the earliest)."""
    if conflicts.empty:
        return None
    return conflicts.sort_values(
        ["claimants", "reports", "period_start"], ascending=[False, False, True], kind="stable"
    ).iloc[0]


def headline(tolls: pd.DataFrame) -> dict:
    """The chapter's opening: the largest running total of civilians killed and the deadliest attack."""
    facts = {}
    top = shared.headline_toll(tolls)
    if top is not None:
        facts["harm_top_toll"] = _linked(top["figure"], [top["statement_id"]])
        facts["harm_top_toll_period"] = top["period"]
        facts["harm_top_toll_who"] = top["who"]
        # the sentence ends after the quotation: its own full stop is left out, never doubled
        facts["harm_top_toll_words"] = f"“{top['evidence'].strip().rstrip('.')}”"
    big = deadliest_attack(tolls)
    if big is not None:
        dead = prose.unit_text(big["high"], "civilians" if big["status"] == "civilians" else "people")
        facts["harm_top_day_what"] = (
            f"the one of {dates.period(big['period_start'], big['period_end'])}, which killed {big['figure']}{dead}, "
            f"{according(big)}"
        )
    return facts


def conflict(tolls: pd.DataFrame, conflicts: pd.DataFrame) -> dict:
    """The day or attack counted by the most officials: its date, what was counted, and the range of reports."""
    c = widest_conflict(conflicts)
    if c is None:
        return {}
    return {
        "harm_conflict_day": dates.period(c["period_start"], c["period_end"]),
        "harm_conflict_spread": _linked(
            harm_text.spread_text(harm.group_members(tolls, c)), c["statement_ids"].split("; ")
        ),
        "harm_conflict_measure": f"people {c['measure']}",
        "harm_conflict_n": f"{prose.in_words(int(c['claimants']))} officials or outlets",  # always two or more
    }


def over_time(tolls: pd.DataFrame, phases: pd.DataFrame) -> dict:
    """The phase with the most toll reports, how many there are, and how many are lower bounds."""
    per_phase = periods.phase_of(tolls["period_end"], phases).value_counts()
    ranked = (
        phases.set_index("phase_id")
        .loc[per_phase.index]
        .assign(n=per_phase.values)
        .sort_values(["n", "order"], ascending=[False, True])
    )
    lower = tolls["qualifier"].astype(str).isin(LOWER_BOUNDS)
    facts = {"harm_n_reports": f"{len(tolls):,}", "harm_n_lower_bounds": f"{int(lower.sum()):,}"}
    if len(ranked):
        facts |= {
            "harm_busiest_phase": str(ranked.iloc[0]["name"]),
            "harm_busiest_period": dates.period(ranked.iloc[0]["start_date"], ranked.iloc[0]["end_date"]),
            "harm_busiest_n": f"{int(ranked.iloc[0]['n']):,}",
        }
    return facts


def tolls_title(tolls: pd.DataFrame) -> str:
    """'11 killed in the deadliest attack; at least 606 civilians killed by 31 May 2022, the largest running total':
    the running total as the source qualifies it (a floor is never said to have been 'passed')."""
    big, top = deadliest_attack(tolls), harm_text.largest_cumulative(tolls)
    if big is None or top is None:
        return "Reported deaths and injuries in Kharkiv"
    return (
        f"{prose.capitalise(big['figure'])} killed in the deadliest attack; {top['figure']} civilians killed by "
        f"{dates.day(top['period_end'])}, the largest running total"
    )


def disagreement_title(tolls: pd.DataFrame, conflicts: pd.DataFrame) -> str:
    """'28 February 2022, people killed: the reports ran from 9 to 11, while … said “dozens”'."""
    c = widest_conflict(conflicts)
    if c is None:
        return "No day or attack has tolls from two officials"
    return (
        f"{dates.period(c['period_start'], c['period_end'])}, people {c['measure']}: the reports ran from "
        + harm_text.spread_text(harm.group_members(tolls, c))
    )


def _ranked(values: pd.Series) -> pd.Series:
    """Counts, most frequent first, ties in alphabetical order."""
    return values.dropna().astype(str).value_counts().sort_index().sort_values(ascending=False, kind="stable")


TARGET_WORDS = {  # the codebook's target categories in a reader's words (the glossary keeps the categories)
    "residential": "homes and residential districts",
    "civilians": "civilians",
    "energy/utilities": "power and water supplies",
    "industrial": "industrial sites",
    "mixed": "mixed targets",
    "administrative": "government buildings",
    "education": "schools and universities",
    "religious": "places of worship",
    "diplomatic": "diplomatic buildings",
    "commercial": "shops and businesses",
    "cultural heritage": "cultural heritage",
    "transport": "transport",
    "military": "military targets",
}


def weapons(strikes: pd.DataFrame, reports: pd.DataFrame) -> dict:
    """The weapon and the target named most often, the share of strikes told without a weapon, and the dates of
    the reports that name cluster munitions."""
    w, t = _ranked(strikes["weapon"]), _ranked(strikes["target"])
    named = int(strikes["weapon"].notna().sum())
    cluster = reports[reports["weapon"].astype(str) == "cluster munition"]
    facts = {
        "harm_n_strikes": f"{len(strikes):,}",
        "harm_share_no_weapon": f"{1 - named / max(len(strikes), 1):.0%}",
        "harm_top_weapon": w.index[0] if len(w) else "weapon",
        "harm_top_target": TARGET_WORDS.get(t.index[0], t.index[0]) if len(t) else "no target",
    }
    if len(cluster):
        facts["harm_cluster_report_dates"] = dates.period(
            cluster["start_date"].min(), cluster["start_date"].max()
        )
    return facts


def weapons_title(strikes: pd.DataFrame) -> str:
    """'Most strikes name no weapon; multiple rocket launchers are named most often'."""
    w = _ranked(strikes["weapon"])
    if w.empty:
        return "No source names a weapon"
    named = int(strikes["weapon"].notna().sum())
    most = "Most strikes name no weapon" if named < len(strikes) / 2 else "Most strikes name their weapon"
    return f"{most}; {prose.plural(w.index[0])} are named most often"


def city_strikes(parts: dict[str, pd.DataFrame]) -> dict:
    """How many strikes on the city there are and how many can be drawn (maps.city_strikes' parts)."""
    return {
        "harm_n_city_strikes": prose.count(sum(len(v) for v in parts.values()), "strike"),
        "harm_n_placed": prose.in_words(len(parts["placed"])),
        "harm_n_no_coordinate": prose.in_words(len(parts["no_coordinate"])),
        "harm_n_city_only": prose.in_words(len(parts["city_only"])),
    }


def map_title(parts: dict[str, pd.DataFrame]) -> str:
    n = int(parts["placed"]["place_id"].nunique())
    return f"Strikes the sources place in the city fell at {prose.count(n, 'site')}, from the centre to the outskirts"


def _left(r) -> str:
    """'2,000 people evacuated by 5 March 2022, according to …'; '30% of residents left by …'."""
    unit = "%" if str(r.unit) == "percent" else " people"
    what = str(r.measure).replace("residents left", "of residents left")
    return f"{r.figure}{unit} {what} by {dates.day(r.period_end)}, {attribution.according_to(r.claimant, side=r.claimant_side)}"


def damage(damage_: pd.DataFrame, displacement: pd.DataFrame) -> dict:
    """How many damage figures there are and the largest; the departure figures, in date order."""
    facts = {"harm_n_damage": f"{len(damage_):,}"}
    num = damage_[damage_["value"].notna()]
    if len(num):
        d0 = num.sort_values(
            ["high", "period_end", "statement_id"], ascending=[False, False, True], key=series_key
        ).iloc[0]
        facts["harm_damage_top"] = (
            f"{d0['figure']} {d0['measure']} by {dates.day(d0['period_end'])}, "
            f"{attribution.according_to(d0['claimant'], side=d0['claimant_side'])}"
        )
    left = displacement[
        displacement["measure"].isin(["evacuated", "residents left"]) & displacement["value"].notna()
    ]
    if len(left):
        rows = left.sort_values(["period_end", "statement_id"], key=series_key).itertuples()
        facts["harm_displacement_list"] = "; ".join(dict.fromkeys(_left(r) for r in rows))  # each fact once
    return facts


VICTIMS_RULE = (
    "it lists the strikes and attacks the sources describe as aimed at civilians, that killed exactly one civilian, "
    "or whose account describes a person, so it may miss someone"
)


def documents(sources: pd.DataFrame) -> dict:
    """'five documents': how many source documents the chapter draws on."""
    return {"harm_n_documents": prose.count(len(sources), "document", words=True)}
