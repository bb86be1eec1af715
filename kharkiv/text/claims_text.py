"""Claims as words: figures as reported, who gives them, and the groups of reports of one thing."""

import textwrap

import pandas as pd

from kharkiv.data.ids import series_key, sorted_ids
from kharkiv.model import comparable
from kharkiv.model.claims import SAME_THING
from kharkiv.text import attribution, dates, prose, wording

# Who a figure counts, as a reader names them (the data's subject codes are lower case).
SUBJECT_NAMES = {"russian military": "Russian forces", "ukrainian military": "Ukrainian forces"}


def reports_text(whos, figures) -> str:
    """'A: 11; B: 12' in the order given; a report repeated word for word (the same official, the same figure)
    is written once with how many times it was given ('A: 11 (3 reports)'), so a line stays short at scale."""

    pairs = pd.Series([f"{w}: {x}" for w, x in zip(whos, figures, strict=False)], dtype="object")
    times = pairs.value_counts(sort=False)
    return "; ".join(
        p if times[p] == 1 else f"{p} ({prose.count(times[p], 'report')})" for p in pairs.unique()
    )


def spread_groups(spread_: pd.DataFrame, st: pd.DataFrame, place_names: dict) -> list[dict]:
    """Rows of spread() as the rows of charts.disagreement: label, numeric reports, and every report of the same
    measure, place and period given only in words (whoever it counts: a word has no place on the scale, but it
    must not be left out)."""
    out = []
    st = comparable.one_telling(st)  # a claim told twice is written once
    by_id = st.set_index("statement_id", drop=False)
    for r in spread_.itertuples():
        members = (
            by_id.loc[r.statement_ids.split("; ")]
            .reset_index(drop=True)
            .sort_values(["claimant", "statement_id"], key=series_key)
        )
        nums = members[members["low"].notna()]
        same = (
            (st["measure"] == r.measure)
            & (st["place_id"].astype(str) == str(r.place_id))
            & (st["period_start"] == r.period_start)
            & (st["period_end"] == r.period_end)
            & st["low"].isna()
        )
        words = st[same].sort_values(["claimant", "statement_id"], key=series_key)
        what = comparable.described(words)
        out.append(
            {
                "label": textwrap.fill(
                    f"{subject_name(r.subject)} {r.measure}, {place_names.get(r.place_id, r.place_id)}", 30
                )
                + f"\n{dates.period(r.period_start, r.period_end, style='short')}",
                # one dot per distinct number of each official: a report repeated word for word adds no dot
                "numbers": pd.DataFrame(
                    {
                        "who": [
                            attribution.who(c, side=s)
                            for c, s in zip(nums["claimant"], nums["claimant_side"], strict=True)
                        ],
                        "low": nums["low"].astype(float).to_numpy(),
                        "high": nums["high"].astype(float).to_numpy(),
                        "civilians": (nums["subject"].astype(str) != "people").to_numpy(),
                    }
                )
                .drop_duplicates()
                .reset_index(drop=True),
                "words": list(
                    dict.fromkeys(
                        f"{f} of {s} ({w}{', ' + k if k else ''})"
                        for f, s, w, k in zip(
                            words["figure"],
                            words["subject"].astype(str),
                            [
                                attribution.who(c, side=s)
                                for c, s in zip(words["claimant"], words["claimant_side"], strict=True)
                            ],
                            what,
                            strict=False,
                        )
                    )
                ),
            }
        )
    return out


def subject_name(subject) -> str:
    """'russian military' -> 'Russian forces'; other subjects ('civilians') as they are."""
    return SUBJECT_NAMES.get(str(subject), str(subject))


def spread(st: pd.DataFrame, keys: list[str] = SAME_THING, min_claimants: int = 2) -> pd.DataFrame:
    """Groups of statements counting the same thing (keys; comparable.SAME_COUNT by default, totals only: see
    kharkiv.model.comparable) that come from at least min_claimants claimants.

    One row per group: the reports (each claimant's figure, with its side), the lowest and highest number
    given, and the ratio high / low (NA unless at least two reports give a number and low > 0). Word
    quantities ('dozens') are listed among the reports but take no part in low, high or ratio.
    """
    f = (
        st if {"figure", "who", "low", "high"} <= set(st.columns) else wording.with_figures(st, "short")
    )  # not twice at scale
    f = comparable.comparable(
        comparable.one_telling(f)
    )  # each claim once; totals only: no headline, named person or part of a toll
    key = comparable.same_count_key(f)
    f = f.assign(**{k: key[k] for k in keys if k not in f or k == "attack"})
    f = f.assign(**{k: f[k].astype("object").where(f[k].notna(), "") for k in keys})
    rows = []
    for key, g in f.groupby(keys, sort=True, observed=True, dropna=False):
        if g["claimant_id"].nunique() < min_claimants:
            continue
        g = g.sort_values(["high", "claimant", "statement_id"], na_position="first", key=series_key)
        low, high = g["low"].min(), g["high"].max()
        compared = g["low"].notna().sum() >= 2
        ratio = high / low if compared and pd.notna(low) and low > 0 else pd.NA
        rows.append(
            {
                **dict(zip(keys, key, strict=False)),
                "reports": len(g),
                "claimants": g["claimant_id"].nunique(),
                "figures": reports_text(g["who"], g["figure"]),
                "low": low,
                "high": high,
                "ratio": ratio,
                "statement_ids": "; ".join(sorted_ids(g["statement_id"])),
            }
        )
    cols = [*keys, "reports", "claimants", "figures", "low", "high", "ratio", "statement_ids"]
    out = pd.DataFrame(rows, columns=cols)
    for k in ("period_start", "period_end"):
        if k in out:
            out[k] = pd.to_datetime(out[k])
    return out.sort_values(["ratio", "reports"], ascending=False, na_position="last").reset_index(drop=True)
