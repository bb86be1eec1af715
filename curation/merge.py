"""Merge curators' staging folders into data/ (run by the lead; staging folders are then removed).

Usage: .venv/bin/python curation/merge.py curation/<name> [...]
Rows are appended; places_new/claimants_new rows whose id already exists are reported and skipped only
when identical in name, otherwise the merge stops. phases.csv, if present, replaces data/phases.csv.
"""

import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
TARGETS = {
    "events": "events",
    "event_sources": "event_sources",
    "statements": "statements",
    "places_new": "places",
    "claimants_new": "claimants",
}
KEYS = {
    "events": ["event_id"],
    "event_sources": ["event_id", "source_id"],
    "statements": ["statement_id"],
    "places": ["place_id"],
    "claimants": ["claimant_id"],
}


def fields(table):
    pkg = json.loads((DATA / "datapackage.json").read_text())
    return [f["name"] for r in pkg["resources"] if r["name"] == table for f in r["schema"]["fields"]]


def read(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def write(table, rows):
    with open(DATA / f"{table}.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=fields(table), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def merge(stage: Path):
    for name, table in TARGETS.items():
        f = stage / f"{name}.csv"
        if not f.exists():
            continue
        rows = read(DATA / f"{table}.csv")
        seen = {tuple(r[k] for k in KEYS[table]): r for r in rows}
        for r in read(f):
            r = {k: (r.get(k) or "").strip() for k in fields(table)}
            key = tuple(r[k] for k in KEYS[table])
            if key in seen:
                if table in ("places", "claimants") and seen[key]["name"] == r["name"]:
                    print(f"{stage.name}: {table} {key} already present, kept the existing row")
                    continue
                sys.exit(f"{stage.name}: duplicate {table} key {key}")
            seen[key] = r
            rows.append(r)
        write(
            table, sorted(rows, key=lambda r: tuple(r[k] for k in KEYS[table])) if table != "places" else rows
        )
    if (stage / "phases.csv").exists():
        write("phases", read(stage / "phases.csv"))


if __name__ == "__main__":
    for s in sys.argv[1:]:
        merge(Path(s))
