"""Check that every evidence excerpt stands verbatim in its source document."""

import re
from pathlib import Path

from .errors import DataError

# Evidence columns per table: (table, evidence column, source column)
EVIDENCE = [
    ("event_sources", "evidence", "source_id"),
    ("statements", "evidence", "source_id"),
    ("phases", "start_evidence", "start_source_id"),
    ("phases", "end_evidence", "end_source_id"),
]


def normalise(text: str) -> str:
    """Collapse whitespace runs (line breaks differ between copies); nothing else is changed."""
    return re.sub(r"\s+", " ", text).strip()


def source_texts(sources: list[dict], seeds: Path) -> dict[str, str]:
    texts = {}
    for i, s in enumerate(sources, start=1):
        path = seeds / s["file"]
        if not path.exists():
            raise DataError("data/sources.csv", i, "file", "source file exists", f"{path} does not exist")
        texts[s["source_id"]] = normalise(path.read_text(encoding="utf-8"))
    return texts


def check_evidence(typed: dict[str, list[dict]], seeds: Path) -> None:
    texts = source_texts(typed["sources"], seeds)
    for table, col, src in EVIDENCE:
        for i, row in enumerate(typed[table], start=1):
            if normalise(row[col]) not in texts[row[src]]:
                raise DataError(
                    f"data/{table}.csv",
                    i,
                    col,
                    "evidence in source",
                    f"{row[col][:60]!r}... is not found verbatim in {row[src]} ({seeds.name}/{_file(typed, row[src])})",
                )


def _file(typed, source_id):
    return next(s["file"] for s in typed["sources"] if s["source_id"] == source_id)
