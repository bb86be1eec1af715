"""Settlements retaken by Ukrainian forces, with their dates and distances from Kharkiv and from the border."""

import pandas as pd

from . import geo, measures, views

REGAINS = "Government regains territory"
SETTLEMENT_KINDS = ("city", "town", "village")
CENTRE_ID = "kharkiv"


def centre(t: dict, place_id: str = CENTRE_ID) -> tuple[float, float]:
    """(lat, lon) of a place of places.csv; by default Kharkiv's centre."""
    row = t["places"].set_index("place_id").loc[place_id]
    return float(row["lat"]), float(row["lon"])


def retaken(
    t: dict, start: str, end: str, centre_id: str = CENTRE_ID, distances: bool = True, events=None
) -> pd.DataFrame:
    """'Government regains territory' events starting start..end at a named settlement other than the centre.

    One row per event (views.events columns) plus km_from_centre and km_to_border; both are NaN where the
    place has no coordinate. Events placed at the centre itself or at an area (oblast, region) are left out:
    see unplaced(). events: views.events(t), when the caller has it already (it is slow to build at scale).
    """
    ev = views.in_period(views.events(t) if events is None else events, start, end)
    keep = (
        (ev["sub_event_type"] == REGAINS)
        & ev["place_kind"].isin(SETTLEMENT_KINDS)
        & (ev["place_id"] != centre_id)
    )
    if not distances:  # counting needs no geodata
        return ev[keep].reset_index(drop=True)
    return geo.add_distances(ev[keep], centre(t, centre_id)).reset_index(drop=True)


def unplaced(t: dict, start: str, end: str, centre_id: str = CENTRE_ID, events=None) -> pd.DataFrame:
    """The recapture events of start..end that retaken() leaves out: no named settlement other than the centre."""
    ev = views.in_period(views.events(t) if events is None else events, start, end)
    ev = ev[ev["sub_event_type"] == REGAINS]
    named = ev["place_kind"].isin(SETTLEMENT_KINDS) & (ev["place_id"] != centre_id)
    return ev[~named].reset_index(drop=True)


def first_retaken(events: pd.DataFrame) -> pd.DataFrame:
    """One row per settlement: the earliest of its recapture events (ties broken by event_id)."""
    return events.sort_values(["start_date", "event_id"]).drop_duplicates("place_id").reset_index(drop=True)


def pace(settlements: pd.DataFrame) -> dict:
    """Settlements, first and last recapture date, days spanned (both ends counted) and settlements per week."""
    if settlements.empty:
        return {"n": 0, "first": pd.NaT, "last": pd.NaT, "days": 0, "per_week": float("nan")}
    first, last = settlements["start_date"].min(), settlements["start_date"].max()
    days = (last - first).days + 1
    return {
        "n": len(settlements),
        "first": first,
        "last": last,
        "days": days,
        "per_week": len(settlements) / days * 7,
    }


def distance_chart(ax, settlements: pd.DataFrame, border_km: float, window, colour: str = "#0072B2") -> None:
    """Each settlement at the date it was first reported retaken and its distance from the city centre; the dashed
    line is how far the border itself lies from the centre (a yardstick, not a range)."""
    import matplotlib.dates as mdates

    from . import maps

    s = settlements.dropna(subset=["km_from_centre"])
    ax.set_xlim(
        pd.Timestamp(window[0]) - pd.Timedelta(days=1), pd.Timestamp(window[1]) + pd.Timedelta(days=1)
    )
    ax.scatter(s["start_date"], s["km_from_centre"], s=50, color=colour, zorder=3, edgecolor="white")
    ax.axhline(border_km, color="#444444", ls="--", lw=1)
    ax.text(
        ax.get_xlim()[0], border_km, " the border, from the centre", va="bottom", fontsize=9, color="#444444"
    )
    maps.place_labels(ax, list(mdates.date2num(s["start_date"])), list(s["km_from_centre"]), list(s["place"]))
    ax.set_ylim(0, max(border_km, s["km_from_centre"].max() if len(s) else 0) * 1.25)
    ax.xaxis.set_major_locator(mdates.DayLocator(interval=3))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%-d %b"))
    ax.set_ylabel("km from Kharkiv's centre")
    ax.set_xlabel("Date first reported retaken (2022)")


def retaken_by(t: dict, dates, start=None, events=None) -> list[pd.DataFrame]:
    """For each date, the settlements first reported retaken on or before it (from start, by default the first
    day of the data): what the sources name, not a front line."""
    phases = t["phases"]
    start = start or phases["start_date"].min()
    every = first_retaken(retaken(t, start, phases["end_date"].max(), events=events))
    return [every[every["start_date"] <= pd.Timestamp(d)] for d in dates]


LOSS_MEASURES = measures.LOSSES
MILITARY = measures.MILITARY


def figures_within(statements: pd.DataFrame, start, end, measures, subjects=None) -> pd.DataFrame:
    """Figures of the given measures whose period lies wholly within start..end."""
    s = statements[
        (statements["period_start"] >= pd.Timestamp(start))
        & (statements["period_end"] <= pd.Timestamp(end))
        & statements["measure"].isin(list(measures))
    ]
    return s if subjects is None else s[s["subject"].isin(list(subjects))]


def farthest(settlements: pd.DataFrame, column: str = "km_from_centre"):
    """The settlement farthest by column (None if no settlement has a distance)."""
    s = settlements.dropna(subset=[column])
    return None if s.empty else s.loc[s[column].idxmax()]


def unplaced_sentence(n: int) -> str:
    """The sentence about recapture reports that name no settlement; empty when there are none."""
    from . import prose

    if n == 0:
        return ""
    verb = "names" if n == 1 else "name"
    return (
        f"{prose.capitalise(prose.count(n, 'further recapture report', words=True))} of these days {verb} no "
        "settlement (such as a number of villages, or the area around the city); the chronology lists "
        f"{'it' if n == 1 else 'them'}, but this count cannot."
    )


# --- The counteroffensives chapter. ---------------------------------------------------------------------------

PERIODS = {
    "may": "may-counteroffensive",
    "sept": "september-counteroffensive",
}  # counts.MAY, counts.SEPTEMBER


def between(start, end) -> str:
    """'between 2 and 6 May 2022', 'between 28 April and 6 May 2022', 'on 2 May 2022': the month and year given
    once where the two dates share them."""
    from . import wording

    a, b = pd.Timestamp(start), pd.Timestamp(end)
    if a == b:
        return f"on {wording.day(a)}"
    if (a.year, a.month) == (b.year, b.month):
        return f"between {a.day} and {wording.day(b)}"
    if a.year == b.year:
        return f"between {a.day} {a:%B} and {wording.day(b)}"
    return f"between {wording.day(a)} and {wording.day(b)}"


def counteroffensive_facts(t: dict, events: pd.DataFrame, won: dict, windows: dict) -> dict:
    """Per counteroffensive (won, windows: keyed 'may', 'sept'): the settlements retaken, named and linked to
    their chronology entries, their first and last dates, the farthest, and the reports that name none."""
    from . import links, prose

    facts = {}
    for k, s in won.items():
        far, (a, b) = farthest(s), windows[k]
        linked = [
            prose.link_md(p, links.chronology_href(e)) for p, e in zip(s["place"], s["event_id"], strict=True)
        ]
        facts |= {
            f"{k}_names": prose.listing(s["place"]),
            f"{k}_names_linked": prose.markdown(prose.listing(linked)),
            f"{k}_first": prose.when(s["start_date"].min(), s["start_date"].min()),
            f"{k}_last": prose.when(s["start_date"].max(), s["start_date"].max()),
            f"{k}_between": between(s["start_date"].min(), s["start_date"].max()),
            f"{k}_between_cap": prose.capitalise(between(s["start_date"].min(), s["start_date"].max())),
            f"{k}_far": f"{far['place']}, {far['km_from_centre']:.0f} km" if far is not None else "unknown",
            f"{k}_unplaced": unplaced_sentence(len(unplaced(t, a, b, events=events))),
        }
    return facts


def september_facts(events: pd.DataFrame, statements: pd.DataFrame, window) -> dict:
    """The September section's facts: the sides' figures for the ground won, Russian announcements, and who
    gave military loss figures (statements: with_roles() rows)."""
    from . import prose

    area = figures_within(statements, *window, ["area liberated", "settlements liberated"])
    russian = events[
        (events["phase_id"] == PERIODS["sept"])
        & (events["event_type"] == "Strategic developments")
        & (events["claimant_side"] == "Russian")
    ]
    losses = figures_within(statements, *window, LOSS_MEASURES, MILITARY)
    claims = f"Figures given for the ground won: {prose.attributed_reports(area, units=True)}."
    return {
        "sept_claims": claims if len(area) else "",
        "sept_russian": prose.count(len(russian), "announcement", words=True),
        "loss_n": prose.count(len(losses), "figure", words=True),
        "loss_who": prose.listing(sorted(losses["claimant"].unique())) if len(losses) else "no one",
    }


def claim_rows(s: pd.DataFrame) -> pd.DataFrame:
    """Figures (with_roles() statements) as a reader's table: figure with its unit, what it counts, who claimed
    it (with side) and its label."""
    from . import prose

    return pd.DataFrame(
        {
            "figure": [
                f"{prose.figure(v, h, q)} {u}"
                for v, h, q, u in zip(s["value"], s["value_high"], s["qualifier"], s["unit"], strict=True)
            ],
            "what": s["measure"].astype(str).to_numpy(),
            "claimed by": [
                f"{prose.who(c, r, k)} ({sd})"
                for c, r, k, sd in zip(
                    s["claimant"], s["claimant_role"], s["claimant_kind"], s["claimant_side"], strict=True
                )
            ],
            "label": s["verification"].to_numpy(),
        }
    )


def recapture_table(rows: pd.DataFrame) -> pd.DataFrame:
    """Recapture reports (retaken() rows) as a reader's table: date, settlement, distance, who reported it."""
    from . import chronology, prose

    return pd.DataFrame(
        {
            "date": [
                prose.when(a, b, p)
                for a, b, p in zip(rows["start_date"], rows["end_date"], rows["date_precision"], strict=True)
            ],
            "settlement": rows["place"].to_numpy(),
            "km from the centre": rows["km_from_centre"].round(0).to_numpy(),
            "reported by": [
                chronology.reporter_text(c, None, None, s)
                for c, s in zip(rows["claimant"], rows["claimant_side"], strict=True)
            ],
            "label": rows["verification"].to_numpy(),
        }
    )


def iso_day(d) -> str:
    return pd.Timestamp(d).strftime("%Y-%m-%d")
