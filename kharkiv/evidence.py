"""Check that every source document is the one recorded, and every evidence excerpt stands in it verbatim."""

import hashlib
import re
from pathlib import Path

from .errors import DataError
from .schema import PLAIN_NAME

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


def _document(i: int, s: dict, seeds: Path) -> bytes:
    """The bytes of a source's document, which must be a plain file in the seeds folder."""
    name = s["file"]
    if not PLAIN_NAME.fullmatch(name):
        raise DataError(
            "data/sources.csv",
            i,
            "file",
            "plain file name",
            f"{name!r} must name a file in the documents folder",
        )
    path = seeds / name
    if not path.is_file():
        raise DataError("data/sources.csv", i, "file", "source file exists", f"{path} does not exist")
    return path.read_bytes()


def source_texts(sources: list[dict], seeds: Path) -> dict[str, str]:
    """Normalised text of every source document, after checking its SHA-256 against sources.sha256."""
    texts = {}
    for i, s in enumerate(sources, start=1):
        data = _document(i, s, seeds)
        digest = hashlib.sha256(data).hexdigest()
        if digest != s["sha256"]:
            raise DataError(
                "data/sources.csv",
                i,
                "sha256",
                "checksum",
                f"{seeds.name}/{s['file']} has SHA-256 {digest}: not the document recorded for {s['source_id']}",
            )
        try:
            texts[s["source_id"]] = normalise(data.decode("utf-8"))
        except UnicodeDecodeError as exc:
            raise DataError(
                "data/sources.csv",
                i,
                "file",
                "encoding utf-8",
                f"{s['file']} is not valid UTF-8 ({exc.reason})",
            ) from None
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
