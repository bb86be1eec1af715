"""Rules that span several fields or tables, which Table Schema cannot express."""

from .errors import DataError

WORD_QUALIFIERS = {"dozens", "hundreds", "several", "numerous"}


def _order(table, rows, first, last):
    for i, r in enumerate(rows, start=1):
        if r[first] is not None and r[last] is not None and r[last] < r[first]:
            raise DataError(
                f"data/{table}.csv", i, last, "date order", f"{r[last]} is before {first} {r[first]}"
            )


def check_all(t: dict[str, list[dict]]) -> None:
    _order("events", t["events"], "start_date", "end_date")
    _order("phases", t["phases"], "start_date", "end_date")
    _order("statements", t["statements"], "period_start", "period_end")
    for i, r in enumerate(t["events"], start=1):
        if r["date_precision"] == "day" and r["end_date"] != r["start_date"]:
            raise DataError(
                "data/events.csv",
                i,
                "end_date",
                "day precision",
                "a one-day event must end on its start date",
            )
    for i, r in enumerate(t["statements"], start=1):
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
    for i, r in enumerate(t["places"], start=1):
        has = r["lat"] is not None and r["lon"] is not None
        if has == (r["coord_precision"] == "none") or (r["lat"] is None) != (r["lon"] is None):
            raise DataError(
                "data/places.csv",
                i,
                "coord_precision",
                "coordinates match precision",
                "lat and lon are both given unless coord_precision is 'none'",
            )
    _phases_tile(t["phases"])
    event_ids = {r["event_id"] for r in t["event_sources"]}
    for i, r in enumerate(t["events"], start=1):
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
    import datetime as dt
    import itertools

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
