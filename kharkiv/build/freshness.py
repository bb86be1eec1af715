"""Whether a notebook's stored outputs were computed from its current code cells and the inputs it used.

When scripts/execute_notebooks.py runs a notebook it records, in the notebook's metadata (``kharkiv``), the hash
of its code cells and every input the run touched: each file it read under data/ or the repository (data tables,
geodata, the kharkiv modules it imported, the chart style) and each folder it listed (with the files in it), with their SHA-256. A
notebook is stale when its code changed or any recorded input changed or disappeared; a change to a file it never
read leaves it fresh. Inputs are named by repository path (``data/events.csv``, ``kharkiv/load.py``); ``data/``
means the folder the package reads, so a copy named by KHARKIV_DATA works the same way.
"""

import hashlib
import json
from pathlib import Path

import nbformat

from kharkiv.data import paths

SCHEME = 2  # version of the record; a notebook recorded under another scheme is stale
DIR = "dir:"  # prefix of a listed folder's entry: its hash covers the names and bytes of the files it holds


def cells_hash(nb) -> str:
    """SHA-256 over the code cells' sources: Markdown and cell tags do not change what a notebook computes."""
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    return hashlib.sha256(json.dumps(code, ensure_ascii=False).encode()).hexdigest()


def resolve(name: str) -> Path:
    """The file or folder an input name stands for (``data/...`` under the data folder, else under the root)."""
    name = name.removeprefix(DIR)
    if name == "data" or name.startswith("data/"):
        return paths.DATA / name.removeprefix("data").lstrip("/")
    return paths.ROOT / name


def name_of(path: Path) -> str | None:
    """The input name of an absolute path, or None if it lies outside the data folder and the repository."""
    for base, prefix in ((paths.DATA, "data"), (paths.ROOT, "")):
        try:
            rel = path.relative_to(base).as_posix()
        except ValueError:
            continue
        rel = "" if rel == "." else rel
        return "/".join(p for p in (prefix, rel) if p)
    return None


def input_hash(name: str) -> str | None:
    """SHA-256 of an input as it is now; None if it no longer exists."""
    path = resolve(name)
    if name.startswith(DIR):
        if not path.is_dir():
            return None
        h = hashlib.sha256()  # a notebook that lists a folder may show its files' names, sizes or contents
        for p in sorted(path.iterdir()):
            if p.name != "__pycache__":
                h.update(p.name.encode() + b"\0" + (p.read_bytes() if p.is_file() else b"") + b"\0")
        return h.hexdigest()
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


def record(nb, inputs: list[str]) -> dict:
    """The metadata block stored in a freshly executed notebook."""
    return {
        "freshness_scheme": SCHEME,
        "cells_sha256": cells_hash(nb),
        "inputs": {n: input_hash(n) for n in sorted(set(inputs)) if input_hash(n) is not None},
    }


def stale_reasons(path: Path) -> list[str]:
    """Why a notebook's outputs are out of date; empty if they are fresh."""
    nb = nbformat.read(path, as_version=4)
    meta = nb.metadata.get("kharkiv", {})
    if meta.get("freshness_scheme") != SCHEME:
        return ["it has no record of the inputs it was executed on"]
    reasons = ["its code cells changed"] if meta.get("cells_sha256") != cells_hash(nb) else []
    for name, digest in meta.get("inputs", {}).items():
        now = input_hash(name)
        if now != digest:
            reasons.append(f"{name} {'is gone' if now is None else 'changed'}")
    return reasons


def is_fresh(path: Path) -> bool:
    return not stale_reasons(path)


def error_outputs(nb) -> list[str]:
    """One line per error output stored in a notebook: a notebook with any of them is never published."""
    found = []
    for i, c in enumerate(nb.cells):
        for o in c.get("outputs", []) if c.cell_type == "code" else []:
            if o.output_type == "error":
                found.append(
                    f"cell {i + 1} ({c.source.splitlines()[0][:50] if c.source else ''!r}): {o.ename}"
                )
    return found
