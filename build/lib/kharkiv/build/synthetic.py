"""A copy of data/ with every table but sources and phases repeated `factor` times, for timing the loader.

Each copy renames its ids (e0001 -> e10001, e20001, ...), slugs and names so that every rule still holds:
the copy is valid, and validate_and_load does all of its work on it. Used by scripts/benchmark.py.
"""

import csv
import json
import shutil
from pathlib import Path

REPEATED = ("claimants", "places", "events", "event_sources", "statements")
STEP = 10000  # id number offset per copy: e0001 -> e10001 -> e20001 ...


def _renamed(table: str, row: dict, k: int) -> dict:
    if k == 0:
        return row
    r = dict(row)
    for col in ("event_id", "statement_id"):
        if col in r:
            r[col] = f"{r[col][0]}{int(r[col][1:]) + k * STEP:04d}" if r[col] else r[col]
    for col in ("claimant_id", "place_id", "within"):
        if r.get(col):
            r[col] = f"{r[col]}-copy{k}"
    if table in ("claimants", "places"):
        r["name"] = f"{r['name']} (copy {k})"
    return r


def scaled_copy(src: Path, dst: Path, factor: int) -> Path:
    """Write a data package `factor` times as large as src to dst (created); return dst."""
    shutil.copytree(src, dst)
    for table in REPEATED:
        with open(src / f"{table}.csv", encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            fields, rows = reader.fieldnames, list(reader)
        with open(dst / f"{table}.csv", "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
            w.writeheader()
            for k in range(factor):
                w.writerows(_renamed(table, r, k) for r in rows)
    pkg = json.loads((src / "datapackage.json").read_text(encoding="utf-8"))
    st = next(r for r in pkg["resources"] if r["name"] == "statements")
    implied = st.get("x_implied_values", {})
    st["x_implied_values"] = {
        _renamed("statements", {"statement_id": i}, k)["statement_id"]: why
        for i, why in implied.items()
        for k in range(factor)
    }
    (dst / "datapackage.json").write_text(json.dumps(pkg, indent=1, ensure_ascii=False), encoding="utf-8")
    return dst
