"""What the civilian-harm charts draw when the data grows: each chart stays readable with many times today's rows.

kharkiv.plots.charts draws one mark per row it is given. These functions hand it no more than a reader can see: marks
that would fall on the same spot are drawn once (nothing a reader could tell apart is lost), attacks with the very
same reports share one row that says how many they are, and the chart of disagreement shows at most MAX_GROUPS
rows, those counted by the most officials, saying how many it leaves to the table.
"""

import pandas as pd

from kharkiv.text import harm_text

# The fields that place and style a mark in charts.tolls_over_time: two rows alike in all of them draw one mark.
TOLL_MARK = ["measure", "period_start", "period_end", "low", "high", "cumulative", "status", "claimant_side"]
# Two days or attacks with these alike look the same in the chart of disagreement.
ALIKE = ["measure", "period_start", "period_end", "figures"]
MAX_GROUPS = 12  # rows of the disagreement chart a reader can follow on a phone


def toll_marks(tolls: pd.DataFrame) -> pd.DataFrame:
    """The tolls with every report that would draw the very same mark as an earlier one left out of the chart
    (not of the data: every report stays in the table)."""
    return tolls.drop_duplicates(subset=TOLL_MARK, keep="first")


def distinct_conflicts(conflicts: pd.DataFrame) -> pd.DataFrame:
    """One row per day or attack that looks different in the chart, with `alike`: how many days or attacks it
    stands for (several attacks of one day with the very same reports from the same officials)."""
    alike = conflicts.groupby(ALIKE, sort=False, dropna=False)["strike"].transform("size")
    return conflicts.assign(alike=alike.astype(int)).drop_duplicates(subset=ALIKE, keep="first")


def chart_conflicts(conflicts: pd.DataFrame, n: int = MAX_GROUPS) -> pd.DataFrame:
    """The rows to chart (distinct_conflicts): all of them if at most n, else the n with the most officials (then
    the most reports, then the earliest)."""
    rows = distinct_conflicts(conflicts)
    if len(rows) <= n:
        return rows
    return rows.sort_values(
        ["claimants", "reports", "period_start"], ascending=[False, False, True], kind="stable"
    ).head(n)


def chart_groups(tolls: pd.DataFrame, conflicts: pd.DataFrame, n: int = MAX_GROUPS) -> list[dict]:
    """harm_text.chart_groups of the charted rows (chart_conflicts): a row standing for several attacks says how many,
    and each numeric report that would draw the same dot as another (same official, figures, status) is drawn
    once."""
    rows = chart_conflicts(conflicts, n).sort_values(["period_start", "measure", "strike"])
    groups = harm_text.chart_groups(tolls, rows)
    for g, alike in zip(groups, rows["alike"], strict=True):
        g["numbers"] = g["numbers"].drop_duplicates().reset_index(drop=True)
        if alike > 1:
            g["label"] += f"\n{alike:,} attacks, same reports"
    return groups


def shown_note(conflicts: pd.DataFrame, n: int = MAX_GROUPS) -> str:
    """'' when the chart shows every day or attack; else ' (the 12 of the 900 days and attacks with the most
    officials)'."""
    if len(distinct_conflicts(conflicts)) <= n:
        return ""
    return f" (the {n:,} of the {len(conflicts):,} days and attacks with the most officials)"
