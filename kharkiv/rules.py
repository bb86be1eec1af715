"""Rules that span several fields or tables, which Table Schema cannot express.

Their settings (the period, implied figures, oblast boundaries and tolerance) are read from datapackage.json.
"""

import calendar
import datetime as dt
import itertools
from pathlib import Path

from . import figures, oblasts
from .errors import DataError

WORD_QUALIFIERS = {"dozens", "hundreds", "several", "numerous"}


def _order(table, rows, first, last):
    for i, r in enumerate(rows, start=1):
        if r[first] is not None and r[last] is not None and r[last] < r[first]:
            raise DataError(
                f"data/{table}.csv", i, last, "date order", f"{r[last]} is before {first} {r[first]}"
            )


def check_all(t: dict[str, list[dict]], pkg: dict | None = None, data_dir: Path | None = None) -> None:
    pkg = pkg or {}
    _order("events", t["events"], "start_date", "end_date")
    _order("phases", t["phases"], "start_date", "end_date")
    _order("statements", t["statements"], "period_start", "period_end")
    _event_precision(t["events"], pkg.get("x_period"))
    _statement_values(t["statements"])
    _claim_dates(t["statements"], t["sources"])
    _figures_in_evidence(t["statements"], _resource(pkg, "statements").get("x_implied_values", {}))
    _coordinates(t["places"])
    _within(t["places"])
    setting = _resource(pkg, "places").get("x_coordinates_in_oblast")
    if setting and data_dir is not None:
        _near_oblast(t["places"], setting, Path(data_dir))
    _phases_tile(t["phases"])
    _every_event_has_a_source(t["events"], t["event_sources"])


def _resource(pkg: dict, name: str) -> dict:
    return next((r for r in pkg.get("resources", []) if r.get("name") == name), {})


def _event_precision(events: list[dict], period: dict | None) -> None:
    lo = dt.date.fromisoformat(period["start"]) if period else dt.date.min
    hi = dt.date.fromisoformat(period["end"]) if period else dt.date.max
    for i, r in enumerate(events, start=1):
        if r["date_precision"] == "day" and r["end_date"] != r["start_date"]:
            raise DataError(
                "data/events.csv",
                i,
                "end_date",
                "day precision",
                "a one-day event must end on its start date",
            )
        if r["date_precision"] == "month":
            s = r["start_date"]
            first = max(s.replace(day=1), lo)
            last = min(s.replace(day=calendar.monthrange(s.year, s.month)[1]), hi)
            if (s, r["end_date"]) != (first, last):
                raise DataError(
                    "data/events.csv",
                    i,
                    "date_precision",
                    "month precision",
                    f"'month' needs the whole month ({first} to {last}, clipped to the period), "
                    f"not {s} to {r['end_date']}: use 'range' or 'day'",
                )


def _statement_values(statements: list[dict]) -> None:
    for i, r in enumerate(statements, start=1):
        word = r["qualifier"] in WORD_QUALIFIERS
        if word and r["value"] is not None:
            raise DataError(
                "data/statements.csv",
                i,
                "value",
                "word qualifier",
                f"qualifier {r['qualifier']!r} stands for an unstated number; value must be empty",
            )
        if not word and r["value"] is None:
            raise DataError(
                "data/statements.csv",
                i,
                "value",
                "required with a numeric qualifier",
                f"qualifier {r['qualifier']!r} needs a value",
            )
        if (r["qualifier"] == "range") != (r["value_high"] is not None):
            raise DataError(
                "data/statements.csv",
                i,
                "value_high",
                "range",
                "value_high is given exactly when the qualifier is 'range'",
            )
        if r["value_high"] is not None and r["value"] is not None and r["value_high"] < r["value"]:
            raise DataError(
                "data/statements.csv", i, "value_high", "range order", "value_high is below value"
            )


def _claim_dates(statements: list[dict], sources: list[dict]) -> None:
    """A claim is made after the days it reports, and no later than the document that reports it."""
    source_date = {s["source_id"]: s["date"] for s in sources}
    for i, r in enumerate(statements, start=1):
        c = r["claim_date"]
        if c is None:
            continue
        if c < r["period_end"]:
            what = "the period it reports starts" if c < r["period_start"] else "the period it reports ends"
            raise DataError(
                "data/statements.csv",
                i,
                "claim_date",
                "claim after its period",
                f"claimed on {c}, before {what} ({r['period_start']} to {r['period_end']})",
            )
        if r["source_id"] in source_date and c > source_date[r["source_id"]]:
            raise DataError(
                "data/statements.csv",
                i,
                "claim_date",
                "claim before its source",
                f"claimed on {c}, after the date of its source {r['source_id']} ({source_date[r['source_id']]})",
            )


def _figures_in_evidence(statements: list[dict], implied: dict[str, str]) -> None:
    for i, r in enumerate(statements, start=1):
        if r["statement_id"] in implied:
            continue
        for col in ("value", "value_high"):
            v = r[col]
            if v is not None and not figures.stands_in(v, r["evidence"]):
                raise DataError(
                    "data/statements.csv",
                    i,
                    col,
                    "figure in evidence",
                    f"{v:g} is not written in the evidence {r['evidence'][:80]!r} (as digits, in millions or "
                    "as a word); if the excerpt implies it, list the statement in x_implied_values",
                )


def _coordinates(places: list[dict]) -> None:
    for i, r in enumerate(places, start=1):
        has = r["lat"] is not None and r["lon"] is not None
        if has == (r["coord_precision"] == "none") or (r["lat"] is None) != (r["lon"] is None):
            raise DataError(
                "data/places.csv",
                i,
                "coord_precision",
                "coordinates match precision",
                "lat and lon are both given unless coord_precision is 'none'",
            )


def _within(places: list[dict]) -> None:
    """A place is never within itself, directly or through a chain of places."""
    parent = {r["place_id"]: r["within"] for r in places}
    for i, r in enumerate(places, start=1):
        chain, p = [r["place_id"]], r["within"]
        while p is not None and p in parent:
            if p in chain:
                loop = " within ".join([*chain[chain.index(p) :], p])
                raise DataError(
                    "data/places.csv",
                    i,
                    "within",
                    "within is not circular",
                    f"the places form a loop: {loop}",
                )
            chain.append(p)
            p = parent[p]


def _near_oblast(places: list[dict], setting: dict, data_dir: Path) -> None:
    files = tuple(str(data_dir / f) for f in setting["boundaries"])
    for f in files:
        if not Path(f).is_file():
            raise DataError(
                f"data/{Path(f).relative_to(data_dir)}", None, None, "file exists", "the file is missing"
            )
    bounds = oblasts.boundaries(files)
    tolerance = setting["tolerance_km"]
    for i, r in enumerate(places, start=1):
        if r["oblast"] is None or r["lat"] is None or r["lon"] is None:
            continue
        rings = oblasts.find(bounds, r["oblast"])
        if rings is None:
            raise DataError(
                "data/places.csv",
                i,
                "oblast",
                "known oblast",
                f"{r['oblast']!r} has no boundary in {', '.join(setting['boundaries'])}",
            )
        km = oblasts.distance_outside_km(rings, r["lon"], r["lat"])
        if km > tolerance:
            raise DataError(
                "data/places.csv",
                i,
                "lat+lon",
                "coordinates in oblast",
                f"{r['lat']}, {r['lon']} is {km:.0f} km outside {r['oblast']} (tolerance {tolerance} km)",
            )


def _every_event_has_a_source(events: list[dict], event_sources: list[dict]) -> None:
    event_ids = {r["event_id"] for r in event_sources}
    for i, r in enumerate(events, start=1):
        if r["event_id"] not in event_ids:
            raise DataError(
                "data/events.csv",
                i,
                "event_id",
                "has a source",
                "no row in data/event_sources.csv gives its evidence",
            )


def _phases_tile(phases: list[dict]) -> None:
    """Phases follow each other without gap or overlap."""
    ordered = sorted(enumerate(phases, start=1), key=lambda p: p[1]["order"])
    for (_, a), (i, b) in itertools.pairwise(ordered):
        if b["start_date"] != a["end_date"] + dt.timedelta(days=1):
            raise DataError(
                "data/phases.csv",
                i,
                "start_date",
                "phases tile",
                f"phase {b['phase_id']!r} must start the day after {a['phase_id']!r} ends ({a['end_date']})",
            )
