"""Check one curator's staging folder against data/datapackage.json.

Usage: .venv/bin/python curation/check.py curation/<name>
Merges data/*.csv with the staging files (events, event_sources, statements, places_new, claimants_new),
validates the whole package with frictionless, and checks every evidence excerpt against its source text
(whitespace runs collapsed to one space; otherwise exact, case and quotes included), including the second
tellings that events quote in their notes ("Also told in s000: «...»").
"""

import csv
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from kharkiv.data.evidence import normalise as norm  # noqa: E402  (the same rule the tests apply)
from kharkiv.data.paths import seeds_dir  # noqa: E402  ($KHARKIV_SEEDS, else ../shared/seeds: works in a worktree too)

SEEDS = seeds_dir() or ROOT.parent / "shared" / "seeds"


def read_rows(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def main(stage):
    stage = Path(stage)
    tmp = Path(tempfile.mkdtemp())
    for p in (ROOT / "data").glob("*.csv"):
        shutil.copy(p, tmp / p.name)
    shutil.copy(ROOT / "data" / "datapackage.json", tmp / "datapackage.json")
    for name, target in [
        ("events", "events"),
        ("event_sources", "event_sources"),
        ("statements", "statements"),
        ("places_new", "places"),
        ("claimants_new", "claimants"),
    ]:
        f = stage / f"{name}.csv"
        if not f.exists():
            continue
        rows = read_rows(f)
        dest = tmp / f"{target}.csv"
        pkg = json.loads((tmp / "datapackage.json").read_text(encoding="utf-8"))
        fields = [x["name"] for r in pkg["resources"] if r["name"] == target for x in r["schema"]["fields"]]
        old = read_rows(dest) if dest.exists() else []
        with open(dest, "w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
            w.writeheader()
            w.writerows(old + rows)
    from frictionless import Package

    report = Package(str(tmp / "datapackage.json")).validate()
    bad = 0
    for task in report.tasks:
        for err in task.errors[:50]:
            bad += 1
            print(f"{task.name}: {err.message}")
    sources = {
        r["source_id"]: norm((SEEDS / r["file"]).read_text(encoding="utf-8"))
        for r in read_rows(tmp / "sources.csv")
    }
    for table in ("event_sources", "statements"):
        for i, r in enumerate(read_rows(tmp / f"{table}.csv"), start=2):
            if norm(r["evidence"]) not in sources.get(r["source_id"], ""):
                bad += 1
                print(f"{table}.csv row {i}: evidence not found in {r['source_id']}: {r['evidence'][:80]!r}")
    # Second tellings in a document that already gives the event its excerpt are quoted in notes: «...».
    for i, r in enumerate(read_rows(tmp / "events.csv"), start=2):
        for sid, quote in re.findall(r"Also told in (s\d{3}): «(.+?)»", r["notes"]):
            if norm(quote) not in sources.get(sid, ""):
                bad += 1
                print(f"events.csv row {i}: quoted telling not found in {sid}: {quote[:80]!r}")
    ev = {r["event_id"] for r in read_rows(tmp / "events.csv")}
    es = {r["event_id"] for r in read_rows(tmp / "event_sources.csv")}
    for e in sorted(ev - es):
        bad += 1
        print(f"event {e} has no row in event_sources")
    print("OK" if not bad else f"{bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
