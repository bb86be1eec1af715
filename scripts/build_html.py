"""Build the HTML book and its PDF into a fresh folder and swap both in at once, only when the build succeeded.

Nothing is rebuilt when nothing the book is made from changed: the build records the SHA-256 of every source file
(`_config.yml`, `_toc.yml`, `book/`, `notebooks/`, `_static/`, the package, the scripts, the lock, data/; not
tests/, curation/ or the README) with the build options, Python and Chromium in `_build/html/.kharkiv-build.json`,
and a run that finds the same record does no work. Otherwise every page is written into a fresh
`_build/.html-next` (so no stale `_images` or cache-busting `?v=` makes it differ from a clean build); only Sphinx's
parsed sources and myst-nb's outputs (`_build/.doctrees`, `_build/jupyter_execute`, kept from the last good build)
let it skip re-reading unchanged pages. Headless Chromium then prints the fresh pages into the fresh folder's
`kharkiv-book.pdf` (scripts/make_pdf.py), and the finished folder, HTML and PDF together, replaces `_build/html` by
renames: a build that fails or is killed leaves the last good book, and no page links to a PDF that is not there.
`_build/pdf/kharkiv-book.pdf` is then the same file, linked in. A notebook that stores an error output is never
built. The run holds the build lock (scripts/buildlock.py): a second build stops at once.

Usage: python scripts/build_html.py [--root DIR] [jupyter-book options...]
"""

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import buildlock
import make_pdf

from kharkiv.build import chromium as browser
from kharkiv.build.freshness import error_outputs, read

FLAGS = ["-n", "-W", "--keep-going"]
CACHES = [".doctrees", "jupyter_execute"]  # Sphinx's parsed pages and myst-nb's extracted outputs
RECORD = ".kharkiv-build.json"  # in the published folder, so it is swapped in with the book it describes
SCHEME = 1  # version of the record; a book recorded under another scheme is rebuilt
# Not read by the build (tests, curators' notes, CI, caches); the README is excluded by _config.yml.
NOT_SOURCES = {".git", ".venv", "_build", "tests", "curation", ".ci", "README.md"}
NOT_SOURCES |= {"__pycache__", ".pytest_cache", ".ruff_cache", ".import_linter_cache", ".ipynb_checkpoints"}


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


def _files(folder: Path) -> list[Path]:
    found = []
    for dirpath, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in NOT_SOURCES)
        found += [Path(dirpath) / n for n in sorted(names) if n not in NOT_SOURCES and not n.endswith(".pyc")]
    return found


def sources(root: Path) -> dict[str, str]:
    """SHA-256 of every file the book may be made from, by path relative to the root (data/ as `data/...`
    wherever KHARKIV_DATA puts it)."""
    data = Path(os.environ.get("KHARKIV_DATA") or root / "data").resolve()
    found = {p.relative_to(root).as_posix(): p for p in _files(root) if not p.is_relative_to(data)}
    found |= {"data/" + p.relative_to(data).as_posix(): p for p in _files(data)}
    return {
        name: hashlib.sha256(p.read_bytes()).hexdigest() for name, p in sorted(found.items()) if p.is_file()
    }


def build_record(root: Path, flags: list[str]) -> dict:
    """What a build is made from: the sources, the options, and the programs that turn them into a book."""
    chromium = Path(browser.executable())
    stat = chromium.stat() if chromium.exists() else None
    return {
        "scheme": SCHEME,
        "flags": flags,
        "python": sys.version,
        "chromium": [str(chromium.resolve()), stat.st_size, stat.st_mtime_ns] if stat else None,
        "sources": sources(root),
    }


def recorded(html: Path) -> dict | None:
    try:
        return json.loads((html / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def changes(old: dict | None, new: dict) -> str:
    """Why the book is rebuilt, briefly."""
    if old is None or old.get("scheme") != SCHEME:
        return "no record of a previous build"
    files = sorted(
        n
        for n in old["sources"].keys() | new["sources"].keys()
        if old["sources"].get(n) != new["sources"].get(n)
    )
    what = [k for k in new if k != "sources" and old.get(k) != new[k]]
    listed = ", ".join(files[:5]) + (f" and {len(files) - 5} more" if len(files) > 5 else "")
    return "; ".join(filter(None, [listed and f"changed: {listed}", what and f"changed: {', '.join(what)}"]))


def recover(build: Path) -> None:
    """Finish a swap that was interrupted between its two renames."""
    old = build / ".html-old"
    if old.is_dir() and not (build / "html").exists():
        os.replace(old, build / "html")
    shutil.rmtree(old, ignore_errors=True)


def link_pdf(build: Path) -> None:
    """`_build/pdf/kharkiv-book.pdf` is the published book's PDF (a hard link, replaced atomically)."""
    published, target = build / "html" / make_pdf.NAME, build / "pdf" / make_pdf.NAME
    if not published.exists() or (target.exists() and target.samefile(published)):
        return
    target.parent.mkdir(exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    tmp.unlink(missing_ok=True)
    try:
        os.link(published, tmp)
    except OSError:  # a file system without hard links
        shutil.copyfile(published, tmp)
    os.replace(tmp, target)


def build(root: Path, flags: list[str]) -> int:
    out = root / "_build"
    with buildlock.held(out):
        buildlock.remove_leftovers(out)
        recover(out)
        return _build_locked(root, out, flags)


def _build_locked(root: Path, out: Path, flags: list[str]) -> int:
    record = build_record(root, flags)
    why = changes(recorded(out / "html"), record)
    if not why and not (out / "html" / make_pdf.NAME).exists():
        why = f"{make_pdf.NAME} is missing"
    if not why:
        link_pdf(out)
        print(f"the book is up to date: {out / 'html'} (nothing it is made from changed)")
        return 0
    print(f"building the book: {why}", flush=True)
    broken = {p: e for p in toc_notebooks(root) if (e := error_outputs(read(p)))}
    for p, errors in broken.items():
        print(f"{p.relative_to(root)} stores an error output: {'; '.join(errors)}", file=sys.stderr)
    if broken:
        print("not building: re-execute the notebook(s) without errors (make book)", file=sys.stderr)
        return 1
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
    html = fresh / "_build" / "html"
    try:
        make_pdf.print_book(html, root / "_toc.yml")
    except (Exception, SystemExit) as exc:
        print(
            f"printing the PDF failed ({exc}): {out / 'html'} still holds the last good book", file=sys.stderr
        )
        return 1
    # the sources as they were when the build began: one changed since is seen by the next run
    (html / RECORD).write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    if (out / "html").exists():
        os.replace(out / "html", out / ".html-old")
    os.replace(html, out / "html")
    for name in CACHES:
        if (fresh / "_build" / name).is_dir():
            os.replace(fresh / "_build" / name, out / name)
    shutil.rmtree(out / ".html-old", ignore_errors=True)
    shutil.rmtree(fresh, ignore_errors=True)
    link_pdf(out)
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
