"""Conflicting reports of one thing, drawn side by side: every report a row, numbers as bars, words as words."""

import pandas as pd

from kharkiv.text import attribution, prose


def reports_chart(ax, rows: pd.DataFrame, colours: dict) -> None:
    """One horizontal bar per numeric report, labelled with its figure; a report given only in words gets no bar
    but its word, so that 'dozens' stands beside 9 and 11. rows: with_roles() statements, in display order."""
    rows = rows.reset_index(drop=True)
    top = rows["value"].max()
    ax.set_xlim(0, (top if pd.notna(top) else 1) * 1.5)
    for i, r in rows.iterrows():
        y = len(rows) - 1 - i
        colour = colours.get(str(r["claimant_side"]), "#777777")
        if pd.notna(r["value"]):
            ax.barh(y, float(r["value"]), color=colour, height=0.6, zorder=2)
            ax.text(
                float(r["value"]),
                y,
                f"  {prose.figure(r['value'], r['value_high'], r['qualifier'])}",
                va="center",
                fontsize=10,
                fontweight="bold",
            )
        else:
            ax.text(
                0,
                y,
                f"  {prose.figure(r['value'], r['value_high'], r['qualifier'])} (no number given)",
                va="center",
                fontsize=10,
                fontweight="bold",
                color=colour,
            )
    labels = [attribution.who(r.claimant, r.claimant_role, r.claimant_kind) for r in rows.itertuples()]
    ax.set_yticks(range(len(rows))[::-1], [prose.wrap(x, 34) for x in labels], fontsize=9)
    ax.set_ylim(-0.6, len(rows) - 0.4)  # room for the bottom row, whose word sits on the axis otherwise
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.tick_params(axis="y", length=0)
