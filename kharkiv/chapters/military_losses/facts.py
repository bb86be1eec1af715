"""The military-losses chapter (notebooks/military_losses): its facts and tables, worded."""

import pandas as pd

from kharkiv.model import claims, views
from kharkiv.model.comparable import one_telling
from kharkiv.model.losses import (
    FORCES,
    LOSSES,
    NAMED,
    OTHER_SIDE,
    SIDE_WORDS,
    charted_units,
    computed_shares,
    in_phase,
    largest,
    losses,
    ru_on_ua,
    stated_shares,
    ua_on_ru,
    unit_figures,
)
from kharkiv.text import attribution, dates, links, prose, wording

# --- who and what -------------------------------------------------------------------------------------------


def who(claimant, side) -> str:
    """attribution.labelled ('Oryx (third party)', 'Oleh Synyehubov (Ukrainian)'), but 'Ukrainian officials': the
    side is not repeated where the claimant's name already says it."""
    word = SIDE_WORDS.get(str(side))
    if word and word.lower() in str(claimant).lower():
        return str(claimant)
    return attribution.labelled(claimant, side)


def from_statements(st: pd.DataFrame) -> pd.DataFrame:
    """The statements (views.statements) about military forces (claims.MILITARY), with wording.with_figures'
    columns (short dates); 'who' names the side only where the claimant's name does not. A claim told twice (same_claim_as: the
    captured documents' 131 tanks, 130 in a headline) is one figure, at its first telling."""
    st = one_telling(st)
    out = wording.with_figures(st[st["subject"].isin(claims.MILITARY)], "short")
    out["who"] = [who(c, s) for c, s in zip(out["claimant"], out["claimant_side"], strict=True)]
    return out


def figure_with_unit(value, high, qualifier, unit) -> str:
    """'1,100 people', '1 person', '30%': the unit agrees with the number; a figure in words has none."""
    return wording.figure_text(value, high, qualifier) + (
        prose.unit_text(value, unit) if pd.notna(value) else ""
    )


def what(measure, subject, unit_name) -> str:
    """'killed, Russian forces, 4th Tank Division'."""
    return f"{measure}, {FORCES.get(subject, subject)}" + (f", {unit_name}" if pd.notna(unit_name) else "")


def listing(df: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """The columns every table of figures shows, attribution first; names: source_id -> the source's name."""
    return pd.DataFrame(
        {
            "period": df["period"],
            "what": [what(*r) for r in zip(df["measure"], df["subject"], df["unit_name"], strict=True)],
            "figure": [
                figure_with_unit(*r)
                for r in zip(df["value"], df["value_high"], df["qualifier"], df["unit"], strict=True)
            ],
            "claimed by": df["who"],
            "verification": df["verification"],
            "source": [names.get(str(s), str(s)) for s in df["source_id"]],
            "evidence": attribution.excerpts(df),
            "statement_id": df["statement_id"],
        },
        index=df.index,
    )


def largest_text(df: pd.DataFrame, measure: str) -> str | None:
    """'2,850 killed over 6–11 September 2022, according to Ukrainian officials' (None: no such figure)."""
    r = largest(df, measure)
    if r is None:
        return None
    return f"{r['figure']} {measure} {dates.period(r['period_start'], r['period_end'], 'words')}, according to {r['who']}"


def names_text(names, limit: int = NAMED) -> str:
    """'A, B and C'; beyond limit names: 'A, B, C, D, E and 95 others'."""
    names = list(dict.fromkeys(names))
    if len(names) <= limit:
        return prose.listing(names)
    return f"{', '.join(names[:limit])} and {len(names) - limit:,} others"


def from_whom(df: pd.DataFrame, col: str = "who") -> str:
    """How many of the figures each claimant gives, the most first: 'nine from Ukrainian officials, one from
    Forbes (third party) and one from Oryx (third party)'. The one wording of 'who gave these figures'."""
    n = df[col].value_counts().sort_index().sort_values(ascending=False, kind="stable")
    return prose.listing(f"{prose.in_words(int(k))} from {w}" for w, k in n.items())


OTHER_NOUNS = {
    "unit strength": ("unit strength", "unit strengths"),
    "share of strength lost": ("share of strength lost", "shares of strength lost"),
    "other": ("other count", "other counts"),
}


def others_text(military: pd.DataFrame) -> str:
    """The figures about military forces that count no loss, by kind: 'eight unit strengths, six shares of
    strength lost and four other counts'."""
    rest = military[~military["measure"].isin(LOSSES)]["measure"].astype(str).value_counts()
    return prose.listing(
        f"{prose.in_words(int(k))} {OTHER_NOUNS.get(m, (m, m))[0 if k == 1 else 1]}" for m, k in rest.items()
    )


def count_verb(n: int, noun: str, verb: str = "come") -> str:
    """'one figure comes', 'six figures come'."""
    return f"{prose.count(n, noun, words=True)} {verb + 's' if n == 1 else verb}"


# --- who counts whose losses --------------------------------------------------------------------------------


def who_on_whom(losses_: pd.DataFrame) -> pd.Series:
    """'Ukrainian sources on Russian losses', 'Third-party sources on …', 'Sources naming no one on …'."""
    out = []
    for side, subject in zip(
        losses_["claimant_side"].astype(str), losses_["subject"].astype(str), strict=True
    ):
        whose = FORCES[subject].replace("forces", "losses")
        if side == "unattributed":
            out.append(f"Sources naming no one on {whose}")
        elif side == "third party":
            out.append(f"Third-party sources on {whose}")
        else:
            out.append(f"{side} sources on {whose}")
    return pd.Series(out, index=losses_.index, dtype=object)


def share_text(low: float, high: float) -> str:
    """'48%' or '33–36%' (rounded to whole per cent)."""
    return f"{low:.0f}%" if round(low) == round(high) else f"{low:.0f}–{high:.0f}%"


def unit_facts(units: pd.DataFrame) -> dict:
    """The glued facts of the unit-strength section. Raises if no unit has a share (the section then has no
    finding: the chapter must be rewritten, not filled with 'none')."""
    stated, computed = stated_shares(units), computed_shares(units)
    if stated.empty or computed.empty:
        raise ValueError("unit_facts: no stated or no computed share of strength; rewrite the section")
    top = computed.sort_values(["high", "unit_name"], kind="stable").iloc[-1]
    note = (
        f"{top['unit_name']}: {top['lost']} lost according to {top['lost by']}, out of a strength "
        f"of {top['strength']} according to {top['strength by']}"
    )
    if top["high"] >= 100:
        note += (
            "; a toll as large as the unit itself suggests that its size may have been reported as its losses"
        )
    return {
        "n_units": prose.count(len(charted_units(stated, computed)), "Russian unit", words=True),
        "stated_low": f"{stated['low'].min():.0f}%",
        "stated_high": f"{stated['high'].max():.0f}%",
        "computed_high": f"{top['high']:.0f}%",
        "computed_note": note,
    }


def killed_text(df: pd.DataFrame, dead: str = "the Russian dead", limit: int = 3) -> str:
    """'Ukrainian officials put the Russian dead at 2,850.'; up to limit figures each attributed; more are given as
    their count and range. '' where there is no such figure (the sentence is left out)."""
    if df.empty:
        return ""
    if len(df) <= limit:
        rows = list(zip(df["who"], df["figure"], strict=True))
        parts = [f"{rows[0][0]} put {dead} at {rows[0][1]}", *(f"{w} at {f}" for w, f in rows[1:])]
        return prose.capitalise(prose.listing(parts)) + "."
    numbers = df["high"].dropna()
    many = prose.capitalise(prose.count(len(df), "figure", words=True))
    if numbers.empty:
        return f"{many} give {dead} only in words."
    low, high = wording.number(df["low"].min()), wording.number(numbers.max())
    return f"{many} put {dead} at {low} to {high}." if low != high else f"{many} put {dead} at {high}."


def phase_facts(military: pd.DataFrame, phase: pd.Series) -> dict:
    """The glued facts of the September section."""
    d = in_phase(military, phase)
    killed = d[(d["measure"] == "killed") & (d["subject"] == "russian military")]
    facts = {
        "sept_period": dates.period(phase["start_date"], phase["end_date"]),
        "sept_n": sept_loss_n(d),
        "sept_claimants": from_whom(d) if len(d) else None,
    }
    facts["sept_killed"] = killed_text(killed)
    return facts


def sept_loss_n(d: pd.DataFrame) -> str:
    """'11 figures for military losses' (d: in_phase rows), as every page that gives them says it."""
    return f"{prose.count(len(d), 'figure', words=True)} for military losses"


def sept_losses(t: dict, statements: pd.DataFrame | None = None) -> dict:
    """The September loss figures as the pages that give them word them (chapters.shared): how many, and from whom."""
    military = from_statements(views.statements(t) if statements is None else statements)
    phase = t["phases"].sort_values("order").iloc[-1]
    d = in_phase(military, phase)
    return {"sept_loss_n": sept_loss_n(d), "sept_loss_who": from_whom(d) if len(d) else "no one"}


# --- the chapter's facts ------------------------------------------------------------------------------------


# The explorer view of losses.ru_on_ua: the same side, forces and loss measures. (ua_on_ru's figures name their
# rows: a claim told twice is one figure here, two in the explorer, and no filter tells them apart.)
RU_ON_UA_VIEW = {"view": "figures", "subject": list(OTHER_SIDE), "side": "Russian", "measure": LOSSES}


def linked_count(rows: pd.DataFrame, view: dict | None = None):
    """The number of rows as Markdown that links to them in the explorer (or to the view that holds them)."""
    return links.rows_link(f"{len(rows):,}", rows["statement_id"], view)


def intro_facts(military: pd.DataFrame) -> dict:
    """The glued facts of the chapter's opening and of who counts whose losses."""
    loss = losses(military)
    ua, ru = ua_on_ru(loss), ru_on_ua(loss)
    third = loss[loss["claimant_side"] == "third party"]
    return {
        "n_figures": f"{len(loss):,}",
        "n_all_figures": f"{len(military):,}",
        "n_other_text": others_text(military),
        "n_ua_on_ru": linked_count(ua, links.rows_view("figures", ua["statement_id"])),
        "n_ru_on_ua": linked_count(ru, RU_ON_UA_VIEW),
        "ua_killed_max": largest_text(ua, "killed"),
        "ru_killed_max": largest_text(ru, "killed"),
        "n_third_text": f"{prose.in_words(len(third))} of the {len(loss):,} loss figures "
        f"{'comes' if len(third) == 1 else 'come'} from outside the war ({from_whom(third, 'claimant')})"
        if len(third)
        else f"none of the {len(loss):,} loss figures comes from outside the war",
    }


def facts(military: pd.DataFrame, phase: pd.Series) -> dict:
    """Every fact the chapter glues, from one mapping (prose.glue_facts)."""
    return intro_facts(military) | unit_facts(unit_figures(military)) | phase_facts(military, phase)


def figures(t: dict) -> pd.DataFrame:
    """Every figure about military forces in the loaded tables (see from_statements)."""
    return from_statements(views.statements(t))


def crosstab(losses_: pd.DataFrame) -> pd.DataFrame:
    """Figures by category (rows, in PERSONNEL + EQUIPMENT order) and who speaks of whose losses (columns, the
    most figures first)."""
    order = [m for m in LOSSES if m in set(losses_["measure"])]
    table = pd.crosstab(losses_["measure"].astype(str), who_on_whom(losses_)).reindex(order)
    table = table.fillna(0).astype(int)
    return table[table.sum().sort_values(ascending=False, kind="stable").index]
