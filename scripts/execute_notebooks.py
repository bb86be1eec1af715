"""Execute the notebooks whose inputs changed, in place, and record what they were run on.

A notebook's inputs are its own cell sources, every file in data/ and the kharkiv package. Their hash is
stored in the notebook's metadata (kharkiv.inputs_sha256), so `make book` skips fresh notebooks and
tests/test_notebooks.py fails on a committed notebook that is stale.

Usage: python scripts/execute_notebooks.py [--check] [notebook ...]
"""

import argparse
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from kharkiv.freshness import inputs_hash, is_fresh
from kharkiv.paths import NOTEBOOKS


def execute(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    for cell in nb.cells:  # keep committed notebooks free of run-specific noise
        cell.get("metadata", {}).pop("execution", None)
    nb.metadata.setdefault("kharkiv", {})["inputs_sha256"] = inputs_hash(nb)
    nbformat.write(nb, path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale notebooks; exit 1 if any")
    parser.add_argument("notebooks", nargs="*", type=Path)
    args = parser.parse_args()
    paths = args.notebooks or sorted(NOTEBOOKS.glob("*.ipynb"))
    stale = [p for p in paths if not is_fresh(p)]
    for p in stale:
        if args.check:
            print(f"stale: {p} (run `make book` and commit it)")
        else:
            print(f"executing {p.name} ...", flush=True)
            execute(p)
    if not stale:
        print("notebooks are up to date")
    return 1 if (args.check and stale) else 0


if __name__ == "__main__":
    sys.exit(main())
