"""The explorer's payload, named once: every table the page's scripts read and every field of each.

kharkiv.chapters.explorer.explorer_data writes exactly these fields (checked by `check`); tests/test_explorer_core.py checks
that every field _static/explorer*.js reads is listed here. Tables are column-wise (one list per field, a row's
values at the same index in each) so the page carries each field name once, however many rows there are. A "code"
field holds an index into `codes[<name>]` (-1: empty); a "row" field an index into another table (-1: none); a "day"
field a day number counted from `base` (None: unknown), whose label is `days.label[day - days.first]`.
"""

# table -> {field: meaning}
TABLES: dict[str, dict[str, str]] = {
    "events": {
        "id": "event id (e0028)",
        "d0": "day: first day",
        "d1": "day: last day",
        "dprec": "code: date precision (day, range, month)",
        "dnote": "text: how the date was fixed",
        "dinf": "1 if the date is inferred",
        "place": "row of places",
        "lprec": "location precision (1 the place, 2 near it, 3 only the region)",
        "type": "code: event type",
        "sub": "code: sub-event type",
        "phase": "row of phases",
        "claimant": "row of claimants",
        "verif": "code: verification",
        "weapon": "code: weapon",
        "target": "code: target",
        "actors": "text: actor1 / actor2",
        "summary": "text: what happened",
        "notes": "text: coding note",
        "cites": "list of [row of sources, excerpt, cited outlet, code: weak sourcing]",
        "csrc": "rows of sources cited (sorted)",
    },
    "figures": {
        "id": "statement id (n0017)",
        "event": "event id or ''",
        "claim": "day: claim date",
        "p0": "day: period start",
        "p1": "day: period end",
        "place": "row of places",
        "scope": "code: scope",
        "unit_name": "text: military unit counted",
        "measure": "code: measure",
        "subject": "code: who or what was counted",
        "value": "number or None",
        "high": "upper bound of a range or None",
        "unit": "code: unit",
        "qual": "code: qualifier",
        "text": "the figure as reported, worded by kharkiv.chapters.explorer.fmt_value ('at least 606 people')",
        "claimant": "row of claimants",
        "verif": "code: verification",
        "source": "row of sources",
        "evidence": "text: the source's words",
        "outlet": "text: outlet the source cites",
        "weak": "code: weak sourcing",
        "notes": "text: coding note",
        "same": "the same count (kharkiv.model.comparable.same_count) as a group number; -1: not a total, "
        "compared with none",
        "conflict": "1 if comparable.conflicting: its count's claimants give different figures",
    },
    "places": {
        "id": "place id",
        "name": "name",
        "kind": "city, village, district, landmark...",
        "within": "row of the place it lies within (-1: none)",
        "x": "projected km east, or None when not mapped",
        "y": "projected km south (SVG y), or None",
        "precision": "coordinate precision (exact, approximate, none)",
    },
    "claimants": {
        "id": "claimant id",
        "name": "name",
        "side": "Ukrainian, Russian, third party or unattributed",
        "who": "who reported, worded for a card ('Oleh Synyehubov, Head of ...')",
    },
    "sources": {"id": "source document id", "title": "title", "publisher": "publisher", "kind": "kind"},
    "phases": {"id": "phase id", "name": "name", "d0": "day: first day", "d1": "day: last day"},
    "days": {"iso": "2022-02-28", "label": "28 February 2022: every day from days.first to the last day"},
}

# top-level fields that are not tables
SCALARS: dict[str, str] = {
    "base": "ISO date of day 0",
    "first": "day number of days.iso[0]",
    "chronology": "the chronology page, relative to the explorer ('' when it does not exist)",
    "downloads": "the downloads page, relative to the explorer",
    "city": "row of the city whose districts the city view labels",
    "frame": "{region, city}: view boxes [x, y, width, height] in projected km",
    "labelled": "rows of places labelled on the region view",
    "codes": "{code name: [label, ...]}",
    "cite": "{title, authors, version, date, base, page}: the book's citation (CITATION.cff, _config.yml)",
    "citing": "{cited outlet: [[text, href], ...]}: each citation linked to its bibliography entry "
    "(kharkiv.chapters.bibliography.citing_html; href '' where it has none)",
    "chunks": "present only at scale: {size, url, columns, events, figures} for the text files",
}
CODES = [
    "type",
    "sub",
    "verif",
    "weapon",
    "target",
    "dprec",
    "measure",
    "subject",
    "unit",
    "qual",
    "scope",
    "weak",
]
CITE = ["title", "authors", "version", "date", "base", "page"]
OPTIONAL = {"chunks"}


def check(payload: dict) -> None:
    """Raise ValueError naming the table and field when the payload differs from TABLES and SCALARS."""
    want = set(TABLES) | set(SCALARS)
    keys = set(payload)
    if keys - want or (want - OPTIONAL) - keys:
        raise ValueError(
            f"explorer payload: unexpected {sorted(keys - want)}, missing {sorted(want - OPTIONAL - keys)}"
        )
    for table, fields in TABLES.items():
        got = set(payload[table])
        if got != set(fields):
            raise ValueError(
                f"explorer payload, {table}: fields {sorted(got ^ set(fields))} differ from the schema"
            )
        lengths = {len(v) for v in payload[table].values()}
        if len(lengths) > 1:
            raise ValueError(f"explorer payload, {table}: columns of different lengths {sorted(lengths)}")
    if set(payload["codes"]) != set(CODES) or set(payload["cite"]) != set(CITE):
        raise ValueError("explorer payload: codes or cite differ from the schema")
