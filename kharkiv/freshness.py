"""Whether a notebook's stored outputs were computed from the current data and package."""

import hashlib
import json
from pathlib import Path

import nbformat

from .paths import DATA, ROOT


def _input_files() -> list[Path]:
    files = [p for p in DATA.rglob("*") if p.is_file()]
    files += list((ROOT / "kharkiv").glob("*.py"))
    return sorted(files)


def inputs_hash(nb) -> str:
    """SHA-256 over the notebook's cell types and sources and every input file's path and bytes."""
    h = hashlib.sha256()
    cells = [(c.cell_type, c.source) for c in nb.cells]
    h.update(json.dumps(cells, ensure_ascii=False).encode())
    for p in _input_files():
        h.update(str(p.relative_to(ROOT)).encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def is_fresh(path: Path) -> bool:
    nb = nbformat.read(path, as_version=4)
    return nb.metadata.get("kharkiv", {}).get("inputs_sha256") == inputs_hash(nb)
