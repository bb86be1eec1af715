"""Path constants. Code never edits anything under DATA."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# KHARKIV_DATA points the package at another copy of the tables (tests use it); the default is data/.
DATA = Path(os.environ.get("KHARKIV_DATA") or ROOT / "data")
DATAPACKAGE = DATA / "datapackage.json"
GEO = DATA / "geo"
NOTEBOOKS = ROOT / "notebooks"
BUILD_HTML = ROOT / "_build" / "html"
SEEDS_ENV = "KHARKIV_SEEDS"


def seeds_dir() -> Path | None:
    """The folder holding the source documents: $KHARKIV_SEEDS if set, else ../shared/seeds; None if absent.

    A set $KHARKIV_SEEDS is the only place looked at: a wrong value never falls back to another copy.
    """
    chosen = os.environ.get(SEEDS_ENV)
    folder = Path(chosen) if chosen else ROOT.parent / "shared" / "seeds"
    return folder if folder.is_dir() else None
