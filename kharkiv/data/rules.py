"""Rules that span several fields or tables, which Table Schema cannot express.

Their settings (the period, implied figures, oblast boundaries and tolerance, the unattributed claimant, the
verification labels each side may carry) are read from datapackage.json.
Tables arrive column by column (name -> list of typed values); each rule walks only the columns it needs.
"""

import calendar
import datetime as dt
import itertools
from pathlib import Path

from kharkiv.data import figure_evidence as figures
from kharkiv.data import oblasts
from kharkiv.data.errors import DataError

WORD_QUALIFIERS = {"dozens", "hundreds", "several", "numerous"}
Columns = dict[str, list]


def tuples(table: Columns, *cols: str) -> list[tuple]:
    """(value of each col) for every row of a table; a table without rows has none."""
    if not any(table.values()):
        return []
    return list(zip(*(table[c] for c in cols), strict=True))


def each(table: Columns, *cols: str):
    """(row number from 1, (value of each col)) for every row of a table."""
    return enumerate(tuples(table, *cols), start=1)


def rows(table: Columns) -> list[dict]:
    """The table as row dicts (for the small tables whose rules read whole rows)."""
    return [dict(zip(table, values, strict=True)) for values in zip(*table.values(), strict=True)]


def _order(table, columns, first, last):
    for i, (a, b) in each(columns, first, last):
        if a is not None and b is not None and b < a:
            raise DataError(f"data/{table}.csv", i, last, "date order", f"{b} is before {first} {a}")


def check_all(t: dict[str, Columns], pkg: dict | None = None, data_dir: Path | None = None) -> None:
    pkg = pkg or {}
    _order("events", t["events"], "start_date", "end_date")
    _order("phases", t["phases"], "start_date", "end_date")
    _order("statements", t["statements"], "period_start", "period_end")
    _event_precision(t["events"], pkg.get("x_period"))
    _statement_values(t["statements"])
    _rule_settings(pkg)
    unattributed = _resource(pkg, "claimants").get("x_unattributed")
    if unattributed:
        _claimant_kind_and_side(t["claimants"], unattributed)
    if pkg.get("x_verification_by_side"):
        _verification_by_side(t, pkg["x_verification_by_side"])
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


def _event_precision(events: Columns, period: dict | None) -> None:
    lo = dt.date.fromisoformat(period["start"]) if period else dt.date.min
    hi = dt.date.fromisoformat(period["end"]) if period else dt.date.max
    for i, (precision, s, end) in each(events, "date_precision", "start_date", "end_date"):
        if precision == "day" and end != s:
            raise DataError(
                "data/events.csv",
                i,
                "end_date",
                "day precision",
                "a one-day event must end on its start date",
            )
        if precision == "month":
            first = max(s.replace(day=1), lo)
            last = min(s.replace(day=calendar.monthrange(s.year, s.month)[1]), hi)
            if (s, end) != (first, last):
                raise DataError(
                    "data/events.csv",
                    i,
                    "date_precision",
                    "month precision",
                    f"'month' needs the whole month ({first} to {last}, clipped to the period), "
                    f"not {s} to {end}: use 'range' or 'day'",
                )


def _statement_values(statements: Columns) -> None:
    for i, (qualifier, value, high) in each(statements, "qualifier", "value", "value_high"):
        word = qualifier in WORD_QUALIFIERS
        if word and value is not None:
            raise DataError(
                "data/statements.csv",
                i,
                "value",
                "word qualifier",
                f"qualifier {qualifier!r} stands for an unstated number; value must be empty",
            )
        if not word and value is None:
            raise DataError(
                "data/statements.csv",
                i,
                "value",
                "required with a numeric qualifier",
                f"qualifier {qualifier!r} needs a value",
            )
        if (qualifier == "range") != (high is not None):
            raise DataError(
                "data/statements.csv",
                i,
                "value_high",
                "range",
                "value_high is given exactly when the qualifier is 'range'",
            )
        if high is not None and value is not None and high < value:
            raise DataError(
                "data/statements.csv", i, "value_high", "range order", "value_high is below value"
            )
        if qualifier == "at least" and value == 0:
            raise DataError(
                "data/statements.csv",
                i,
                "value",
                "at least 0",
                "'at least 0' states nothing: give the figure the source states (qualifier 'exact' for none)",
            )


def _claimant_kind_and_side(claimants: Columns, setting: dict) -> None:
    """Only the claimant who stands for 'no one named' is unattributed, in kind and in side alike."""
    kind, side = setting["kind"], setting["side"]
    for i, (name, k, s) in each(claimants, "name", "kind", "side"):
        if (k == kind) == (s == side):
            continue
        if k == kind:
            detail = (
                f"{name!r} has kind {kind!r} (the source names no one), so it has no side: "
                f"side must be {side!r}, not {s!r}"
            )
        else:
            detail = (
                f"{name!r} is a named {k}, so its side is never {side!r} (which means the source names no one): "
                "give the side it speaks for"
            )
        raise DataError("data/claimants.csv", i, "side", "side agrees with kind", detail)


def _verification_by_side(t: dict[str, Columns], setting: dict) -> None:
    """An event's or figure's verification label is one its claimant's side may carry (see datapackage.json)."""
    side = dict(tuples(t["claimants"], "claimant_id", "side"))
    allowed, parties = setting["allowed"], set(setting.get("corroborated_by_another_source", []))
    told_by: dict[str, set] = {}
    for event, source in tuples(t["event_sources"], "event_id", "source_id"):
        told_by.setdefault(event, set()).add(source)
    claims = {
        "events": each(t["events"], "claimant_id", "verification", "event_id"),
        "statements": each(t["statements"], "claimant_id", "verification", "event_id", "source_id"),
    }
    for table, rows_ in claims.items():
        for i, (claimant, label, event, *own) in rows_:
            s = side[claimant]
            if label not in allowed.get(s, []):
                raise DataError(
                    f"data/{table}.csv",
                    i,
                    "verification",
                    "verification agrees with side",
                    f"{label!r} does not fit claimant {claimant!r}, whose side is {s!r}: a claim from that side is "
                    f"{' or '.join(allowed.get(s, [])) or 'never labelled'} (x_verification_by_side in "
                    "data/datapackage.json)",
                )
            documents = told_by.get(event, set()).union(own)
            if label == "corroborated" and s in parties and len(documents) < 2:
                told = (
                    f"event {event} is told by {', '.join(sorted(documents))} alone"
                    if event
                    else "it has no event"
                )
                raise DataError(
                    f"data/{table}.csv",
                    i,
                    "verification",
                    "corroborated by another source",
                    f"claimant {claimant!r} is a party to the war ({s}): its own claim is 'corroborated' only when "
                    f"another document tells the event too, but {told}",
                )


def _enum(pkg: dict, table: str, field: str) -> list | None:
    fields = _resource(pkg, table).get("schema", {}).get("fields", [])
    return next((f.get("constraints", {}).get("enum") for f in fields if f["name"] == field), None)


def _shaped(where: str, value, kind: type):
    if not isinstance(value, kind):
        shape = "an object" if kind is dict else "a list"
        raise DataError(
            "data/datapackage.json", None, None, "rule settings", f"{where} must be {shape}, not {value!r}"
        )
    return value


def _rule_settings(pkg: dict) -> None:
    """The claim rules' settings: of the right shape, naming only values of the vocabularies they constrain."""
    x_unattributed = _resource(pkg, "claimants").get("x_unattributed") or {}
    unattributed = _shaped("claimants.x_unattributed", x_unattributed, dict)
    by_side = _shaped("x_verification_by_side", pkg.get("x_verification_by_side") or {}, dict)
    allowed = _shaped("x_verification_by_side.allowed", by_side.get("allowed", {}), dict)
    parties = by_side.get("corroborated_by_another_source", [])
    _shaped("x_verification_by_side.corroborated_by_another_source", parties, list)
    for s, labels in allowed.items():
        _shaped(f"x_verification_by_side.allowed[{s!r}]", labels, list)
    named = [("claimants.x_unattributed", k, v) for k, v in unattributed.items() if k in ("kind", "side")]
    sides = [*allowed, *parties]
    named += [("x_verification_by_side", "side", s) for s in sides]
    named += [("x_verification_by_side", "verification", v) for labels in allowed.values() for v in labels]
    for where, field, value in named:
        table = "events" if field == "verification" else "claimants"
        vocabulary = _enum(pkg, table, field)
        if vocabulary is not None and value not in vocabulary:
            raise DataError(
                "data/datapackage.json",
                None,
                None,
                "rule settings",
                f"{where} names {value!r}, which is not a {field} of data/{table}.csv "
                f"({', '.join(map(str, vocabulary))})",
            )


def _claim_dates(statements: Columns, sources: Columns) -> None:
    """A claim is made after the days it reports, and no later than the document that reports it."""
    source_date = {s: d for _, (s, d) in each(sources, "source_id", "date")}
    cols = ("claim_date", "period_start", "period_end", "source_id")
    for i, (c, start, end, source) in each(statements, *cols):
        if c is None:
            continue
        if c < end:
            what = "the period it reports starts" if c < start else "the period it reports ends"
            raise DataError(
                "data/statements.csv",
                i,
                "claim_date",
                "claim after its period",
                f"claimed on {c}, before {what} ({start} to {end})",
            )
        if source in source_date and c > source_date[source]:
            raise DataError(
                "data/statements.csv",
                i,
                "claim_date",
                "claim before its source",
                f"claimed on {c}, after the date of its source {source} ({source_date[source]})",
            )


def _figures_in_evidence(statements: Columns, implied: dict[str, str]) -> None:
    for i, (sid, value, high, evidence) in each(
        statements, "statement_id", "value", "value_high", "evidence"
    ):
        if sid in implied:
            continue
        for col, v in (("value", value), ("value_high", high)):
            if v is not None and not figures.stands_in(v, evidence):
                raise DataError(
                    "data/statements.csv",
                    i,
                    col,
                    "figure in evidence",
                    f"{v:g} is not written in the evidence {evidence[:80]!r} (as digits, in millions or "
                    "as a word); if the excerpt implies it, list the statement in x_implied_values",
                )


def _coordinates(places: Columns) -> None:
    for i, (lat, lon, precision) in each(places, "lat", "lon", "coord_precision"):
        has = lat is not None and lon is not None
        if has == (precision == "none") or (lat is None) != (lon is None):
            raise DataError(
                "data/places.csv",
                i,
                "coord_precision",
                "coordinates match precision",
                "lat and lon are both given unless coord_precision is 'none'",
            )


def _within(places: Columns) -> None:
    """A place is never within itself, directly or through a chain of places."""
    parent = {place: within for _, (place, within) in each(places, "place_id", "within")}
    for i, (place, within) in each(places, "place_id", "within"):
        chain, p = [place], within
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


def _near_oblast(places: Columns, setting: dict, data_dir: Path) -> None:
    files = tuple(str(data_dir / f) for f in setting["boundaries"])
    for f in files:
        if not Path(f).is_file():
            raise DataError(
                f"data/{Path(f).relative_to(data_dir)}", None, None, "file exists", "the file is missing"
            )
    bounds = oblasts.boundaries(files)
    tolerance = setting["tolerance_km"]
    for i, (oblast, lat, lon) in each(places, "oblast", "lat", "lon"):
        if oblast is None or lat is None or lon is None:
            continue
        rings = oblasts.find(bounds, oblast)
        if rings is None:
            raise DataError(
                "data/places.csv",
                i,
                "oblast",
                "known oblast",
                f"{oblast!r} has no boundary in {', '.join(setting['boundaries'])}",
            )
        km = oblasts.distance_outside_km(rings, lon, lat)
        if km > tolerance:
            raise DataError(
                "data/places.csv",
                i,
                "lat+lon",
                "coordinates in oblast",
                f"{lat}, {lon} is {km:.0f} km outside {oblast} (tolerance {tolerance} km)",
            )


def _every_event_has_a_source(events: Columns, event_sources: Columns) -> None:
    event_ids = {e for _, (e,) in each(event_sources, "event_id")}
    for i, (event,) in each(events, "event_id"):
        if event not in event_ids:
            raise DataError(
                "data/events.csv",
                i,
                "event_id",
                "has a source",
                "no row in data/event_sources.csv gives its evidence",
            )


def _phases_tile(phases: Columns) -> None:
    """Phases follow each other without gap or overlap."""
    ordered = sorted(enumerate(rows(phases), start=1), key=lambda p: p[1]["order"])
    for (_, a), (i, b) in itertools.pairwise(ordered):
        if b["start_date"] != a["end_date"] + dt.timedelta(days=1):
            raise DataError(
                "data/phases.csv",
                i,
                "start_date",
                "phases tile",
                f"phase {b['phase_id']!r} must start the day after {a['phase_id']!r} ends ({a['end_date']})",
            )
