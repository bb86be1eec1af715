"""Whether a notebook's stored outputs were computed from its current code cells and the inputs it used.

When scripts/execute_notebooks.py runs a notebook it records, in the notebook's metadata (``kharkiv``), the hash
of its code cells and every input the run touched: each file it read under data/ or the repository (data tables,
geodata, the kharkiv modules it imported, the chart style) and each folder it listed (with the files in it), with their SHA-256. A
notebook is stale when its code changed or any recorded input changed or disappeared; a change to a file it never
read leaves it fresh. Inputs are named by repository path (``data/events.csv``, ``kharkiv/load.py``); ``data/``
means the folder the package reads, so a copy named by KHARKIV_DATA works the same way.

The hash recorded is the input as the notebook read it, never as it is when the run ends: a file's hash is taken
when the kernel first opens it, and an input hashed only at the end (an imported module, a listed folder) that was
modified after the run began is recorded as CHANGED. So a chapter that read old data is always stale.
Notebooks are read as plain JSON (nbformat takes over a second to import; the no-change `make book` checks them all).
"""

import hashlib
import json
from pathlib import Path

from kharkiv.data import paths

SCHEME = 2  # version of the record; a notebook recorded under another scheme is stale
DIR = "dir:"  # prefix of a listed folder's entry: its hash covers the names and bytes of the files it holds
CHANGED = "changed while the notebook ran"  # recorded instead of a hash: never equal to one, so always stale
# A file's modification time comes from a clock that may lag the wall clock by a tick (and a network file system's
# clock by more): an input modified up to this long before the run began counts as modified during it.
MTIME_SLACK_NS = 2_000_000_000


def read(path: Path) -> dict:
    """A notebook file as plain JSON (format 4, as nbformat writes it)."""
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def _source(cell) -> str:
    src = cell["source"]
    return src if isinstance(src, str) else "".join(src)  # the file may split a cell's source into lines


def cells_hash(nb) -> str:
    """SHA-256 over the code cells' sources: Markdown and cell tags do not change what a notebook computes."""
    code = [_source(c) for c in nb["cells"] if c["cell_type"] == "code"]
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


def modified_since(name: str, since_ns: int) -> bool:
    """Whether an input (a folder: itself or a file in it) was modified after `since_ns` (time.time_ns())."""
    path = resolve(name)
    try:
        stats = [path.stat()]
        if name.startswith(DIR):
            stats += [p.stat() for p in path.iterdir() if p.name != "__pycache__"]
    except OSError:
        return True  # gone or unreadable since: not the input the notebook read
    return max(s.st_mtime_ns for s in stats) >= since_ns - MTIME_SLACK_NS


def record(nb, inputs: list[str], as_read: dict[str, str] | None = None, since_ns: int | None = None) -> dict:
    """The metadata block stored in a freshly executed notebook.

    `as_read` maps inputs to their hash when the notebook read them (kept even if the file is gone now); an input
    without one is hashed now, and recorded as CHANGED if it was modified after `since_ns`, when the run began.
    """
    as_read = as_read or {}
    digests = {}
    for name in sorted(set(inputs)):
        now = input_hash(name)
        if as_read.get(name):
            digests[name] = as_read[name]
        elif now is not None:
            changed = since_ns is not None and modified_since(name, since_ns)
            digests[name] = CHANGED if changed else now
    return {"freshness_scheme": SCHEME, "cells_sha256": cells_hash(nb), "inputs": digests}


def changed_inputs(meta: dict) -> list[str]:
    """The recorded inputs that differ from the files as they are now (a record fresh from a run: those that
    changed while the notebook ran)."""
    return [name for name, digest in meta.get("inputs", {}).items() if input_hash(name) != digest]


def stale_reasons(path: Path) -> list[str]:
    """Why a notebook's outputs are out of date; empty if they are fresh."""
    nb = read(path)
    meta = nb.get("metadata", {}).get("kharkiv", {})
    if meta.get("freshness_scheme") != SCHEME:
        return ["it has no record of the inputs it was executed on"]
    reasons = ["its code cells changed"] if meta.get("cells_sha256") != cells_hash(nb) else []
    for name, digest in meta.get("inputs", {}).items():
        now = input_hash(name)
        if digest == CHANGED:
            reasons.append(f"{name} changed while it ran")
        elif now != digest:
            reasons.append(f"{name} {'is gone' if now is None else 'changed'}")
    return reasons


def is_fresh(path: Path) -> bool:
    return not stale_reasons(path)


def error_outputs(nb) -> list[str]:
    """One line per error output stored in a notebook: a notebook with any of them is never published."""
    found = []
    for i, c in enumerate(nb["cells"]):
        for o in c.get("outputs", []) if c["cell_type"] == "code" else []:
            if o["output_type"] == "error":
                src = _source(c)
                found.append(f"cell {i + 1} ({src.splitlines()[0][:50] if src else ''!r}): {o['ename']}")
    return found
