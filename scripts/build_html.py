"""Build the HTML book into a fresh folder and swap it in only when the build succeeded.

Every build writes every page into a fresh `_build/.html-next` (so no stale `_images` or cache-busting `?v=` makes
it differ from a clean build); only Sphinx's parsed sources and myst-nb's outputs (`_build/.doctrees`, `_build/jupyter_execute`, kept
from the last good build) let
it skip re-reading unchanged pages. The finished book replaces `_build/html` by renames, so a build that fails or
is killed leaves the last good book in place. A notebook that stores an error output is never built.

Usage: python scripts/build_html.py [--root DIR] [jupyter-book options...]
"""

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from kharkiv.build.freshness import error_outputs

FLAGS = ["-n", "-W", "--keep-going"]
CACHES = [".doctrees", "jupyter_execute"]  # Sphinx's parsed pages and myst-nb's extracted outputs


def toc_notebooks(root: Path) -> list[Path]:
    """The notebooks the table of contents publishes."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc.get("root", "")]
    stack = list(toc.get("parts", [])) + list(toc.get("chapters", []))
    while stack:
        entry = stack.pop()
        files.append(entry.get("file", ""))
        stack += entry.get("chapters", []) + entry.get("sections", [])
    return [root / f"{f}.ipynb" for f in files if f and (root / f"{f}.ipynb").is_file()]


def recover(build: Path) -> None:
    """Finish a swap that was interrupted between its two renames."""
    old = build / ".html-old"
    if old.is_dir() and not (build / "html").exists():
        os.replace(old, build / "html")
    shutil.rmtree(old, ignore_errors=True)


def build(root: Path, flags: list[str]) -> int:
    broken = {p: e for p in toc_notebooks(root) if (e := error_outputs(nbformat.read(p, as_version=4)))}
    for p, errors in broken.items():
        print(f"{p.relative_to(root)} stores an error output: {'; '.join(errors)}", file=sys.stderr)
    if broken:
        print("not building: re-execute the notebook(s) without errors (make book)", file=sys.stderr)
        return 1
    out = root / "_build"
    out.mkdir(exist_ok=True)
    recover(out)
    fresh = out / ".html-next"
    shutil.rmtree(fresh, ignore_errors=True)
    (fresh / "_build").mkdir(parents=True)
    for name in CACHES:  # moved in, so a failed build never leaves a half-updated cache behind
        if (out / name).is_dir():
            os.replace(out / name, fresh / "_build" / name)
    jb = Path(sys.executable).parent / "jupyter-book"
    cmd = [str(jb), "build", str(root), "--builder", "html", "--path-output", str(fresh), *flags]
    result = subprocess.run(cmd, cwd=root)
    if result.returncode != 0:
        print(f"build failed: {out / 'html'} still holds the last good book", file=sys.stderr)
        return result.returncode
    if (out / "html").exists():
        os.replace(out / "html", out / ".html-old")
    os.replace(fresh / "_build" / "html", out / "html")
    for name in CACHES:
        if (fresh / "_build" / name).is_dir():
            os.replace(fresh / "_build" / name, out / name)
    shutil.rmtree(out / ".html-old", ignore_errors=True)
    shutil.rmtree(fresh, ignore_errors=True)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--root", type=Path, default=Path(__file__).resolve().parents[1], help="the book's folder"
    )
    args, extra = parser.parse_known_args()
    return build(args.root.resolve(), extra or FLAGS)


if __name__ == "__main__":
    sys.exit(main())
