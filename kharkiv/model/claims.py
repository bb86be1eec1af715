"""Claims side by side: how a figure reads, who gives it, where counts of the same thing diverge, and which
outlets a source document cites. Pure functions of the joined views (kharkiv.model.views); nothing is averaged."""

import re

import pandas as pd

from kharkiv.data import datapackage as schema
from kharkiv.data.load import load_table
from kharkiv.model import comparable, counts, measures

SIDES = schema.enum("claimants", "side")
VERIFICATION = schema.enum("statements", "verification")
MILITARY = list(measures.MILITARY)
# What counts the same thing: the book's one rule (kharkiv.model.comparable), used here and by civilian harm.
SAME_THING = comparable.SAME_COUNT


def split_citations(text) -> list[str]:
    """Split a cited_outlet cell into entries at '; ' outside brackets and quotes.

    'Reuters, 13 June 2022; CNN (Voitovych, "...; ...")' -> ['Reuters, 13 June 2022', 'CNN (Voitovych, "...; ...")']
    """
    if text is None or pd.isna(text):
        return []
    parts, depth, quoted, cur = [], 0, False, ""
    for i, ch in enumerate(text):
        depth += (ch == "(") - (ch == ")") if not quoted else 0
        quoted ^= ch == '"'
        if ch == ";" and depth == 0 and not quoted and text[i + 1 : i + 2] in (" ", ""):
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    return [p.strip() for p in parts if p.strip()]


_DATE = re.compile(r",\s*((?:\d{1,2}\s+)?[A-Z][a-z]+\s+\d{4}|undated)$")


def outlet_and_date(entry: str) -> tuple[str, str]:
    """Outlet and date of one citation; bracketed remarks are dropped.

    'CNN, 21 May 2022 (Voitovych, "...")' -> ('CNN', '21 May 2022'); 'Forbes (Axe, ..., undated)' -> ('Forbes', '')
    """
    depth, head = 0, ""
    for ch in entry:  # keep only the text outside brackets
        depth += (ch == "(") - (ch == ")")
        head += ch if depth == 0 and ch != ")" else ""
    head = re.sub(r"\s+", " ", head).strip(" ,")
    m = _DATE.search(head)
    return (head[: m.start()].strip(), m.group(1)) if m else (head, "")


def _date_key(text: str) -> tuple:
    """Sort key for cited dates: real dates in time order, then anything else ('undated') by text."""
    ts = pd.to_datetime(text, format="mixed", errors="coerce")
    return (pd.isna(ts), ts if pd.notna(ts) else pd.Timestamp.min, text)


def canonical_outlets(outlets: pd.DataFrame) -> dict[str, str]:
    """The outlets table (data/outlets.csv) as {variant: canonical name}: the one name of each outlet."""
    return dict(zip(outlets["variant"].astype(str), outlets["canonical"].astype(str), strict=True))


def cited_outlets(tables: dict[str, pd.DataFrame], outlets: pd.DataFrame | None = None) -> pd.DataFrame:
    """Distinct outlets in the cited_outlet column of the given tables, with the dates cited and rows citing each.

    tables: {"event_sources": df, "statements": df, ...}; a row citing an outlet twice counts once, under any of
    its spellings: each variant of the outlets table (data/outlets.csv unless given) is counted under its
    canonical name ('Ukrayinska Pravda' as 'Ukrainska Pravda').
    """
    names = canonical_outlets(load_table("outlets") if outlets is None else outlets)
    rows = []
    for name, df in tables.items():
        for rid, text in enumerate(df["cited_outlet"]):
            cited = {outlet_and_date(e) for e in split_citations(text)}
            for outlet, date in {(names.get(o, o), d) for o, d in cited}:
                rows.append({"outlet": outlet, "date": date, "table": name, "row": rid})
    cols = ["outlet", "dates cited"] + [f"rows in {n}" for n in tables] + ["rows"]
    if not rows:
        return pd.DataFrame(columns=cols)
    long = pd.DataFrame(rows)
    per_row = long.drop_duplicates(["outlet", "table", "row"])
    counts = per_row.pivot_table(index="outlet", columns="table", values="row", aggfunc="size", fill_value=0)
    counts = counts.reindex(columns=list(tables), fill_value=0).add_prefix("rows in ")
    counts["rows"] = counts.sum(axis=1)
    dates = (
        long[long["date"] != ""]
        .groupby("outlet")["date"]
        .agg(lambda s: "; ".join(sorted(set(s), key=_date_key)))
    )
    out = counts.join(dates.rename("dates cited")).reset_index()
    out["dates cited"] = out["dates cited"].fillna("")
    return out[cols].sort_values(["rows", "outlet"], ascending=[False, True]).reset_index(drop=True)


def one_per_claim(events: pd.DataFrame, statements: pd.DataFrame) -> pd.DataFrame:
    """One row per claim, counted by the book's one rule (kharkiv.model.counts.claims: a claim and its figure are one
    claim), with kind ('event' or 'figure') and claimant_side added: the event's where the claim is an event's,
    else its first figure's. Columns: key (event or figure id), verification, kind, claimant_side."""
    statements = comparable.one_telling(statements)
    key = statements["event_id"].astype("string").fillna(statements["statement_id"].astype("string"))
    info = pd.concat(
        [
            events.assign(key=events["event_id"], kind="event"),
            statements.assign(key=key, kind="figure"),
        ]
    )[["key", "verification", "kind", "claimant_side"]].astype(str)
    info = info.drop_duplicates(["key", "verification"])  # the first telling names the side
    return counts.claims(events, statements).merge(
        info, on=["key", "verification"], how="left", validate="1:1"
    )
