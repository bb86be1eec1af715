"""Measure what the book costs: load and validation time, notebook execution, book build, and sizes.

Timings are printed, never asserted. Usage: python scripts/benchmark.py [--build]
"""

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def timed(label, fn, repeat=3):
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    print(f"{label:<40} {best:8.3f} s (best of {repeat})")


def size(path: Path) -> int:
    return (
        sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
        if path.is_dir()
        else path.stat().st_size
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", action="store_true", help="also time a no-change book rebuild")
    args = parser.parse_args()
    from kharkiv.load import validate_and_load
    from kharkiv.paths import seeds_dir

    timed("load + validate (no evidence check)", lambda: validate_and_load(seeds=False))
    if seeds_dir():
        timed("load + validate + evidence check", lambda: validate_and_load())
    if args.build:
        jb = Path(sys.executable).parent / "jupyter-book"
        timed(
            "book rebuild, nothing changed",
            lambda: subprocess.run(
                [str(jb), "build", str(ROOT), "--builder", "html"], check=True, capture_output=True
            ),
            repeat=1,
        )
    for label, path in [
        ("data/ (bytes)", ROOT / "data"),
        ("notebooks/ (bytes)", ROOT / "notebooks"),
        ("_build/html (bytes)", ROOT / "_build" / "html"),
    ]:
        if path.exists():
            print(f"{label:<40} {size(path):>12,}")


if __name__ == "__main__":
    main()
