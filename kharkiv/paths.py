"""Path constants. Code never edits anything under DATA."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# KHARKIV_DATA points the package at another copy of the tables (tests use it); the default is data/.
DATA = Path(os.environ.get("KHARKIV_DATA") or ROOT / "data")
DATAPACKAGE = DATA / "datapackage.json"
GEO = DATA / "geo"
NOTEBOOKS = ROOT / "notebooks"
BUILD_HTML = ROOT / "_build" / "html"
SEEDS_ENV = "KHARKIV_SEEDS"


def seeds_dir() -> Path | None:
    """The folder holding the source documents: $KHARKIV_SEEDS, else ../shared/seeds; None if neither exists."""
    candidates = [os.environ.get(SEEDS_ENV), ROOT.parent / "shared" / "seeds"]
    for c in candidates:
        if c and Path(c).is_dir():
            return Path(c)
    return None
