"""Shared fixtures: a scratch copy of data/ that a test may break, and the source documents."""
import csv
import os
import shutil
from pathlib import Path

import pytest

from kharkiv.paths import DATA, ROOT, SEEDS_ENV, seeds_dir


@pytest.fixture
def seeds() -> Path:
    """The source documents; skipped with a reason where absent, but never in CI."""
    folder = seeds_dir()
    if folder is None:
        if os.environ.get("KHARKIV_REQUIRE_SEEDS"):
            pytest.fail(f"source documents not found: set {SEEDS_ENV} or provide ../shared/seeds")
        pytest.skip(f"source documents not found (set {SEEDS_ENV} or provide ../shared/seeds)")
    return folder


class Scratch:
    """A copy of data/ with helpers to edit one cell or one column of a table."""

    def __init__(self, root: Path):
        self.root = root
        shutil.copytree(DATA, root, ignore=shutil.ignore_patterns("geo"))

    def rows(self, table: str) -> list[dict]:
        with open(self.root / f"{table}.csv", encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))

    def write(self, table: str, rows: list[dict], fields: list[str] | None = None) -> None:
        fields = fields or list(rows[0])
        with open(self.root / f"{table}.csv", "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
            w.writeheader()
            w.writerows(rows)

    def set(self, table: str, row: int, column: str, value: str) -> None:
        """Set a cell; row counts data rows from 1, as DataError does."""
        rows = self.rows(table)
        rows[row - 1][column] = value
        self.write(table, rows)


@pytest.fixture
def scratch(tmp_path) -> Scratch:
    return Scratch(tmp_path / "data")


@pytest.fixture(scope="session")
def built_html() -> Path:
    html = ROOT / "_build" / "html"
    if not (html / "index.html").exists():
        pytest.fail("the book is not built: run `make book` (make test builds it first)")
    return html
