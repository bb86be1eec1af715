"""Check that every source document is the one recorded, and every evidence excerpt stands in it verbatim."""

import hashlib
import unicodedata
from pathlib import Path

from kharkiv.data.datapackage import PLAIN_NAME
from kharkiv.data.errors import DataError
from kharkiv.data.rules import rows, tuples

# Evidence columns per table: (table, evidence column, source column)
EVIDENCE = [
    ("event_sources", "evidence", "source_id"),
    ("statements", "evidence", "source_id"),
    ("phases", "start_evidence", "start_source_id"),
    ("phases", "end_evidence", "end_source_id"),
]


def normalise(text: str) -> str:
    """Collapse whitespace runs (line breaks differ between copies); nothing else is changed.

    str.split() splits at exactly the characters the pattern \\s matches (Unicode whitespace), so this
    equals re.sub(r"\\s+", " ", text).strip() and is several times faster.
    """
    return " ".join(text.split())


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


def check_evidence(typed: dict[str, dict[str, list]], seeds: Path) -> None:
    """Every excerpt of every evidence column, found verbatim in its source (tables given column by column)."""
    sources = rows(typed["sources"])
    texts = source_texts(sources, seeds)
    for table, col, src in EVIDENCE:
        pairs = tuples(typed[table], col, src)
        # Each distinct (excerpt, source) is searched once; a miss is then named at its first row.
        missing = {p for p in dict.fromkeys(pairs) if normalise(p[0]) not in texts[p[1]]}
        for i, (excerpt, source) in enumerate(pairs if missing else [], start=1):
            if (excerpt, source) in missing:
                where = f"{source} ({seeds.name}/{_file(sources, source)})"
                raise DataError(
                    f"data/{table}.csv",
                    i,
                    col,
                    "evidence in source",
                    f"{excerpt[:60]!r}... is not found verbatim in {where}{_why(excerpt, texts[source])}",
                )


def _form(text: str) -> str:
    return next((f for f in ("NFC", "NFD") if unicodedata.is_normalized(f, text)), "a mix of NFC and NFD")


def _why(excerpt: str, text: str) -> str:
    """Why a missing excerpt is missing, when only its Unicode normalisation differs (invisible on screen)."""
    if normalise(unicodedata.normalize("NFC", excerpt)) not in unicodedata.normalize("NFC", text):
        return ""
    return (
        f": it is there, but in a different Unicode normalisation (the excerpt is saved in {_form(excerpt)}, "
        f"the document in {_form(text)}: the letters look the same but are encoded differently); "
        f"save the excerpt in {_form(text)}"
    )


def _file(sources: list[dict], source_id: str) -> str:
    return next(s["file"] for s in sources if s["source_id"] == source_id)
