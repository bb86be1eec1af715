"""The counteroffensives chapter (notebooks/counteroffensives): its facts, tables and distance chart."""

import matplotlib.dates as mdates
import pandas as pd

from kharkiv.model.measures import LOSSES, MILITARY
from kharkiv.model.territory import farthest, figures_within, iso_day, named_places, unplaced
from kharkiv.plots import maps
from kharkiv.text import attribution, dates, links, prose


def distance_chart(ax, settlements: pd.DataFrame, border_km: float, window, colour: str = "#0072B2") -> None:
    """Each settlement at the date it was first reported retaken and its distance from the city centre; the dashed
    line is how far the border's nearest point lies from the centre (a yardstick, not a range: in other directions
    the border is farther)."""

    s = settlements.dropna(subset=["km_from_centre"])
    ax.set_xlim(
        pd.Timestamp(window[0]) - pd.Timedelta(days=1), pd.Timestamp(window[1]) + pd.Timedelta(days=1)
    )
    ax.scatter(s["start_date"], s["km_from_centre"], s=50, color=colour, zorder=3, edgecolor="white")
    ax.axhline(border_km, color="#444444", ls="--", lw=1)
    ax.annotate(  # the border's nearest point: villages farther out in another direction are not beyond it
        f"the border's nearest point, {border_km:.0f} km\n(it lies farther in other directions)",
        xy=(ax.get_xlim()[1], border_km),
        xytext=(-2, -4),
        textcoords="offset points",
        ha="right",
        va="top",
        fontsize=9,
        color="#444444",
    )
    maps.place_labels(ax, list(mdates.date2num(s["start_date"])), list(s["km_from_centre"]), list(s["place"]))
    ax.set_ylim(0, max(border_km, s["km_from_centre"].max() if len(s) else 0) * 1.25)
    ax.xaxis.set_major_locator(mdates.DayLocator(interval=3))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%-d %b"))
    ax.set_ylabel("km from Kharkiv's centre")
    ax.set_xlabel("Date first reported retaken (2022)")


def unplaced_sentence(n: int) -> str:
    """The sentence about recapture reports that name no settlement; empty when there are none."""

    if n == 0:
        return ""
    verb = "names" if n == 1 else "name"
    return (
        f"{prose.capitalise(prose.count(n, 'further recapture report', words=True))} of these days {verb} no "
        "settlement (such as a number of villages, or the area around the city); the chronology lists "
        f"{'it' if n == 1 else 'them'}, but this count cannot."
    )


def counteroffensive_facts(t: dict, events: pd.DataFrame, won: dict, windows: dict) -> dict:
    """Per counteroffensive (won, windows: keyed 'may', 'sept'): the settlements retaken, named and linked to
    their chronology entries, their first and last dates, the farthest, and the reports that name none."""

    facts = {}
    for k, s in won.items():
        far, (a, b) = farthest(s), windows[k]
        first, last = s["start_date"].min(), s["start_date"].max()
        linked = [
            prose.link_md(p, links.chronology_href(e)) for p, e in zip(s["place"], s["event_id"], strict=True)
        ]
        facts |= {
            f"{k}_names": prose.listing(s["place"]),
            f"{k}_names_linked": prose.markdown(prose.listing(linked)),
            f"{k}_first": dates.day(first),
            f"{k}_last": dates.day(last),
            f"{k}_between": dates.period(first, last, "between"),
            f"{k}_between_cap": prose.capitalise(dates.period(first, last, "between")),
            f"{k}_far": f"{far['place']}, {far['km_from_centre']:.0f} km" if far is not None else "unknown",
            f"{k}_unplaced": unplaced_sentence(len(unplaced(t, a, b, events=events))),
        }
    return facts


def rows_view(rows: pd.DataFrame, column: str = "event_id") -> dict:
    """The explorer view of exactly these rows, by their ids: no filter holds a counteroffensive's recapture
    reports or the places it names (they include earlier reports of the same places, and leave out whole regions),
    so a table's or a count's "all N" link names them."""
    ids = sorted(set(rows[column].astype(str)))
    return {"view": "figures" if column == "statement_id" else "events", "ids": ids}


def sept_losses(statements: pd.DataFrame, window) -> pd.DataFrame:
    """The military loss figures of the September days (each claim once), as the chapter's table lists them; the
    count and who gave them are worded once, in chapters.shared (sept_loss_n, sept_loss_who)."""
    return figures_within(statements, *window, LOSSES, MILITARY)


def losses_view(window) -> dict:
    """The explorer filters that hold exactly sept_losses(): military loss figures of measures LOSSES about
    subjects MILITARY whose period lies within the window."""
    return {
        "view": "figures",
        "measure": list(LOSSES),
        "subject": list(MILITARY),
        "from": iso_day(window[0]),
        "to": iso_day(window[1]),
    }


def claim_rows(s: pd.DataFrame) -> pd.DataFrame:
    """Figures (with_roles() statements) as a reader's table: figure with its unit, what it counts, who claimed
    it (with side) and its label."""

    return pd.DataFrame(
        {
            "figure": [
                f"{prose.figure(v, h, q)} {u}"
                for v, h, q, u in zip(s["value"], s["value_high"], s["qualifier"], s["unit"], strict=True)
            ],
            "what": s["measure"].astype(str).to_numpy(),
            "claimed by": [
                f"{attribution.who(c, r, k)} ({sd})"
                for c, r, k, sd in zip(
                    s["claimant"], s["claimant_role"], s["claimant_kind"], s["claimant_side"], strict=True
                )
            ],
            "label": s["verification"].to_numpy(),
        }
    )


# --- Every place the sources name in a counteroffensive, and what they say happened there. ----------------------

WHAT_HAPPENED = {  # the kind of event, in plain words
    "Government regains territory": "retaken",
    "Armed clash": "fighting",
    "Evacuation": "evacuation announced",
    "Shelling/artillery/missile attack": "shelled or struck",
    "Change to group/activity": "withdrawal",
    "Assessment or report": "assessed",
    "Disrupted weapons use": "missile shot down",
    "Looting/property destruction": "destroyed",
    "Foreign force overtakes territory": "taken by Russian forces",
}
ENTERED = "entered"


def what_happened(sub_event_type, summary) -> str:
    """The kind of event in plain words; a report that troops entered a town (no recapture) says 'entered'."""
    if ENTERED in str(summary).lower() and str(sub_event_type) == "Other":
        return ENTERED
    return WHAT_HAPPENED.get(str(sub_event_type), "reported")


def place_table(rows: pd.DataFrame, claimants: pd.DataFrame) -> pd.DataFrame:
    """territory.named_places() rows as a reader's table: date, place, what happened, what the sources say,
    who said it, label."""

    r = attribution.with_roles(rows, claimants)
    return pd.DataFrame(
        {
            "date": [
                dates.period(a, b, precision=p)
                for a, b, p in zip(r["start_date"], r["end_date"], r["date_precision"], strict=True)
            ],
            "place": r["place"].to_numpy(),
            "what happened": [
                what_happened(s, m) for s, m in zip(r["sub_event_type"], r["summary"], strict=True)
            ],
            "what the sources say": r["summary"].to_numpy(),
            "said by": [
                attribution.who(c, ro, k, sd)
                for c, ro, k, sd in zip(
                    r["claimant"], r["claimant_role"], r["claimant_kind"], r["claimant_side"], strict=True
                )
            ],
            "label": r["verification"].to_numpy(),
        }
    )


def places_where(rows: pd.DataFrame, happened: str) -> pd.DataFrame:
    """The rows of named_places() whose event is of one kind (what_happened), first report first."""
    kinds = [what_happened(s, m) for s, m in zip(rows["sub_event_type"], rows["summary"], strict=True)]
    return rows[[k == happened for k in kinds]].reset_index(drop=True)


def _who_said(rows: pd.DataFrame, claimants: pd.DataFrame) -> str:
    r = attribution.with_roles(rows.drop_duplicates("claimant_id"), claimants)
    return prose.listing(
        [
            attribution.who(c, ro, k, sd)
            for c, ro, k, sd in zip(
                r["claimant"], r["claimant_role"], r["claimant_kind"], r["claimant_side"], strict=True
            )
        ]
    )


def scale_facts(t: dict, events: pd.DataFrame, statements: pd.DataFrame, window) -> dict:
    """September at its scale: the area claimed (with who claimed it), the places Russia announced it was leaving,
    the towns the occupation officials said they were evacuating, and the towns Ukrainian troops entered, each
    with who said it."""

    rows = named_places(events, *window)
    area = figures_within(statements, *window, ["area liberated"])
    facts = {
        "sept_area_sentence": area_sentence(area),
        "last_day": dates.day(window[1]),
    }
    for key, kind in (("regroup", "withdrawal"), ("evacuated", "evacuation announced"), ("entered", ENTERED)):
        hit = places_where(rows, kind)
        facts[f"sept_{key}"] = prose.listing(hit.drop_duplicates("place_id")["place"]) if len(hit) else "none"
        facts[f"sept_{key}_who"] = _who_said(hit, t["claimants"]) if len(hit) else "no one"
    return facts


def area_sentence(area: pd.DataFrame) -> str:
    """The ground claimed as liberated, as one sentence: 'According to Volodymyr Zelensky, president of Ukraine,
    Ukraine's forces had liberated about 2,000 km² since the counteroffensive began.' Several claims are listed, each
    attributed; none is said plainly."""
    if len(area) == 0:
        return "The sources give no figure for the ground won."
    if len(area) > 1:
        return f"The ground claimed as liberated since the counteroffensive began: {prose.attributed_reports(area, units=True)}."
    r = area.iloc[0]
    said = attribution.according_to(r["claimant"], r["claimant_role"], r["claimant_kind"], r["claimant_side"])
    ground = prose.figure(r["value"], r["value_high"], r["qualifier"]) + prose.unit_text(
        r["value"], r["unit"]
    )
    return (
        f"{prose.capitalise(said)}, Ukraine's forces had liberated {ground} since the counteroffensive began."
    )
