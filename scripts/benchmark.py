"""Measure what the book costs as the data grows: load and validation, each notebook, the book build, page sizes.

`--scale N` (repeatable) writes synthetic data at N times today's size into a temporary folder: every event, its
event sources and its statements are copied N times under new ids (the copies pass every rule of the loader,
since they are today's rows), and the package is pointed at that folder with KHARKIV_DATA. For each scale it
reports load and validation time, each notebook's execution time (executed into temporary copies), the book
build time and the largest pages. The data-layer's ids grow past 9,999 only with the id patterns
`e[0-9]{4,}` / `n[0-9]{4,}`: where data/datapackage.json still caps them, the synthetic copy of it is widened
the same way (and says so). If the explorer page exists (notebooks/explorer.html) its weight is reported too.

Timings are printed, never asserted. Targets at 100x (issue 11): load and validate < 2 s, each notebook < 30 s,
no page > 5 MB.

`--weigh DIR` weighs the chapter pages of a built book (DIR: its _build/html) as a reader's first load in Chromium:
every byte of every response (HTML, the theme's and the book's scripts, stylesheets, fonts, images, the search
index), at 1400 px and at 390 px. Target (issue 24): at most 1.2 MB per chapter page at today's data. The scale
runs weigh their books the same way.

`--loop` times the maintainers' loop instead (issue 22), in a fresh clone of HEAD that uses this checkout's
installed .venv (installing is bound by the network, not measured): a fresh `make book`, a no-change `make book`,
`make test` and `make unit` (where the target exists), each with the machine's load average before and after.
Targets: a no-change `make book` in 3 s, `make test` in 4 minutes, `make unit` in 45 s, on an idle 2-core machine.

Usage: python scripts/benchmark.py [--scale N ...] [--no-book] [-j N] [--keep DIR]
       python scripts/benchmark.py --weigh _build/html
       python scripts/benchmark.py --loop [--keep DIR]
"""

import argparse
import csv
import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
MB = 1024 * 1024
TARGETS = {"load": 2.0, "notebook": 30.0, "page": 5 * MB, "first_load": 1.2 * MB}
VIEWPORTS = {"1400px": {"width": 1400, "height": 900}, "390px": {"width": 390, "height": 844}}


def _read(path: Path) -> tuple[list[str], list[dict]]:
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def _write(path: Path, fields: list[str], rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def _widen_ids(package: Path) -> bool:
    """Let event and statement ids grow past four digits in the synthetic copy; True if it had to."""
    text = package.read_text(encoding="utf-8")
    wide = re.sub(r'"([en])\[0-9\]\{4\}"', r'"\1[0-9]{4,}"', text)
    package.write_text(wide, encoding="utf-8")
    return wide != text


def _copy_implied(package: Path, statements: list[dict], n_id, scale: int) -> None:
    """Figures listed as implied by their excerpt stay listed under their copies' ids."""
    meta = json.loads(package.read_text(encoding="utf-8"))
    for res in meta["resources"]:
        implied = res.get("x_implied_values")
        if res["name"] == "statements" and implied:
            res["x_implied_values"] = {n_id(i, k): why for k in range(scale) for i, why in implied.items()}
    package.write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")


def synthesise(scale: int, out: Path) -> dict:
    """Today's data with every event (and its sources and statements) copied `scale` times; returns row counts."""
    shutil.copytree(ROOT / "data", out)
    ef, events = _read(out / "events.csv")
    sf, sources = _read(out / "event_sources.csv")
    nf, statements = _read(out / "statements.csv")
    width = 4 if len(events) * scale < 10_000 and len(statements) * scale < 10_000 else 6
    widened = _widen_ids(out / "datapackage.json") if width > 4 else False
    eid = {e["event_id"]: i for i, e in enumerate(events)}
    nid = {n["statement_id"]: i for i, n in enumerate(statements)}

    def e_id(old, k):
        return f"e{k * len(events) + eid[old] + 1:0{width}d}" if old in eid else old

    def n_id(old, k):  # a figure counted within another points at the copy of that figure
        return f"n{k * len(statements) + nid[old] + 1:0{width}d}"

    new_e, new_s, new_n = [], [], []
    for k in range(scale):
        new_e += [{**e, "event_id": e_id(e["event_id"], k)} for e in events]
        new_s += [{**s, "event_id": e_id(s["event_id"], k)} for s in sources]
        new_n += [
            {
                **n,
                "statement_id": f"n{k * len(statements) + nid[n['statement_id']] + 1:0{width}d}",
                "event_id": e_id(n["event_id"], k) if n["event_id"] else "",
                **({"part_of": n_id(n["part_of"], k)} if n.get("part_of") else {}),
            }
            for n in statements
        ]
    _copy_implied(out / "datapackage.json", statements, n_id, scale)
    _write(out / "events.csv", ef, new_e)
    _write(out / "event_sources.csv", sf, new_s)
    _write(out / "statements.csv", nf, new_n)
    return {"events": len(new_e), "event_sources": len(new_s), "statements": len(new_n), "widened": widened}


def _best(fn, repeat=3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def time_load(data: Path) -> tuple[float, float | None]:
    """Best-of-3 load+validate without and with the evidence check, in a fresh interpreter on that data."""
    code = (
        "import json, time, sys\n"
        "from kharkiv.data.load import validate_and_load\n"
        "from kharkiv.data.paths import seeds_dir\n"
        "def best(**kw):\n"
        "    b = 1e9\n"
        "    for _ in range(3):\n"
        "        t = time.perf_counter(); validate_and_load(**kw); b = min(b, time.perf_counter() - t)\n"
        "    return b\n"
        "print(json.dumps([best(seeds=False), best() if seeds_dir() else None]))\n"
    )
    env = {**os.environ, "KHARKIV_DATA": str(data), "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    if out.returncode != 0:  # the synthetic data broke a rule: say which, as the loader does
        raise SystemExit(f"synthetic data refused: {out.stderr.strip().splitlines()[-1]}")
    return tuple(json.loads(out.stdout.strip().splitlines()[-1]))


def _book_copy(dest: Path) -> Path:
    """The book's sources (not its data) in a scratch folder, so executing and building touch nothing here."""
    ignore = shutil.ignore_patterns(
        "_build", ".venv", ".git", "__pycache__", ".pytest_cache", ".ipynb_checkpoints"
    )
    for name in [
        "_config.yml",
        "_toc.yml",
        "CITATION.cff",
        "CHANGELOG.md",
    ]:  # the errata page includes the changelog
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, dest / name)
    for name in ["book", "notebooks", "_static", "kharkiv", "scripts"]:
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, dest / name, ignore=ignore)
    return dest


def run_notebooks(book: Path, data: Path, jobs: int) -> tuple[dict[str, float], float, str]:
    env = {**os.environ, "KHARKIV_DATA": str(data), "PYTHONPATH": str(book)}
    t0 = time.perf_counter()
    nbs = sorted((book / "notebooks").glob("*.ipynb"))
    for nb in nbs:  # drop the record so every notebook is executed on the synthetic data
        meta = json.loads(nb.read_text(encoding="utf-8"))
        meta["metadata"].pop("kharkiv", None)
        nb.write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    cmd = [sys.executable, str(book / "scripts/execute_notebooks.py"), "-j", str(jobs), *map(str, nbs)]
    out = subprocess.run(cmd, cwd=book, env=env, capture_output=True, text=True)
    times = {m[1]: float(m[2]) for m in re.finditer(r"^executed (\S+) \(([\d.]+) s\)$", out.stdout, re.M)}
    times = {k: v for k, v in times.items()}
    failed = [line[:300] for line in out.stderr.splitlines() if " failed: " in line]
    status = (
        "ok"
        if out.returncode == 0
        else "FAILED: " + "; ".join(failed or out.stderr.strip().splitlines()[-1:])
    )
    return times, time.perf_counter() - t0, status


def build_book(book: Path, data: Path) -> tuple[float, str]:
    env = {**os.environ, "KHARKIV_DATA": str(data), "PYTHONPATH": str(book)}
    t0 = time.perf_counter()
    out = subprocess.run(
        [sys.executable, str(book / "scripts/build_html.py"), "--root", str(book)],
        env=env,
        capture_output=True,
        text=True,
    )
    warnings = (out.stdout + out.stderr).count("WARNING")
    return (
        time.perf_counter() - t0,
        "ok, no warnings" if out.returncode == 0 else f"FAILED, {warnings} warnings",
    )


def _own_assets(text: str, page: Path, html: Path) -> set[Path]:
    """The book's own scripts and stylesheets a page loads (those in or written to _static/, not the theme's):
    a data file registered as an asset by mistake would otherwise go unweighed on every page."""
    own = html.parent.parent / "_static"
    refs = set(re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"#?]+)', text))
    files = {(page.parent / r).resolve() for r in refs}
    static = (html / "_static").resolve()
    return {
        f
        for f in files
        if f.is_file() and f.is_relative_to(static) and (own / f.relative_to(static)).exists()
    }


def page_weights(html: Path) -> list[tuple[str, int]]:
    """Each page's HTML bytes plus the images it shows and the book's own scripts and stylesheets it loads (what
    a reader downloads, less the shared theme)."""
    sizes = []
    for page in html.rglob("*.html"):
        text = page.read_text(encoding="utf-8", errors="replace")
        imgs = set(re.findall(r'<img[^>]+src="([^"]+)"', text))
        extra = sum((page.parent / s).stat().st_size for s in imgs if (page.parent / s).is_file())
        extra += sum(f.stat().st_size for f in _own_assets(text, page, html))
        sizes.append((str(page.relative_to(html)), page.stat().st_size + extra))
    return sorted(sizes, key=lambda x: -x[1])


def first_load_weights(html: Path) -> dict[str, dict[str, int]]:
    """{page: {viewport: bytes}}: each chapter page (notebooks/*.html and the landing page) loaded once in a fresh
    Chromium context, every response counted (the theme's files included), after its images and fonts settle."""
    from playwright.sync_api import sync_playwright

    from kharkiv.build import chromium

    handler = functools.partial(_Quiet, directory=str(html))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    root = f"http://127.0.0.1:{server.server_address[1]}/"
    pages = ["index.html", *sorted(str(p.relative_to(html)) for p in (html / "notebooks").glob("*.html"))]
    out: dict[str, dict[str, int]] = {}
    try:
        with sync_playwright() as p:
            browser = chromium.launch(p)
            for rel in pages:
                for name, viewport in VIEWPORTS.items():
                    context = browser.new_context(viewport=viewport)
                    page = context.new_page()
                    page.goto(root + rel, wait_until="networkidle")
                    sizes = page.evaluate(
                        "() => performance.getEntriesByType('resource').map(r => r.encodedBodySize || r.transferSize)"
                        ".concat([performance.getEntriesByType('navigation')[0].encodedBodySize])"
                    )
                    out.setdefault(rel, {})[name] = int(sum(sizes))
                    context.close()
            browser.close()
    finally:
        server.shutdown()
    return out


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def print_first_loads(weights: dict[str, dict[str, int]]) -> None:
    for rel, by_view in sorted(weights.items(), key=lambda kv: -max(kv[1].values())):
        flags = "  OVER TARGET" if max(by_view.values()) > TARGETS["first_load"] else ""
        views = "  ".join(f"{v} {fmt_bytes(n):>9}" for v, n in by_view.items())
        print(f"  first load {rel:<34} {views}{flags}")


def explorer_weight(html: Path) -> int | None:
    page = html / "notebooks" / "explorer.html"
    if not page.exists():
        return None
    text = page.read_text(encoding="utf-8", errors="replace")
    refs = set(re.findall(r'(?:src|href)="([^"#?]+)', text))
    files = {(page.parent / r).resolve() for r in refs if "explorer" in r}
    own = [f for f in files if f.is_file() and f != page.resolve()]  # the page links to itself (#e0028)
    return page.stat().st_size + sum(p.stat().st_size for p in own)


def fmt_bytes(n: int) -> str:
    return f"{n / MB:.2f} MB" if n >= MB / 10 else f"{n / 1024:.0f} kB"


def bench(scale: int, work: Path, book: bool, jobs: int) -> dict:
    # the synthetic data sits where the book expects data/ (the downloads page links its files)
    tree = _book_copy(Path(tempfile.mkdtemp(prefix=f"book-x{scale}-", dir=work)))
    data = tree / "data"
    counts = synthesise(scale, data)
    note = " (id patterns widened to 5+ digits in the synthetic copy)" if counts["widened"] else ""
    print(
        f"\n== scale x{scale}: {counts['events']} events, {counts['statements']} statements{note}", flush=True
    )
    plain, evidence = time_load(data)
    print(f"load + validate                      {plain:8.3f} s   (target < {TARGETS['load']} s at x100)")
    if evidence is not None:
        print(f"load + validate + evidence check     {evidence:8.3f} s")
    result = {"scale": scale, **counts, "load": plain, "load_evidence": evidence}
    if not book:
        return result
    times, wall, status = run_notebooks(tree, data, jobs)
    for name, seconds in sorted(times.items(), key=lambda x: -x[1]):
        flag = "  OVER TARGET" if seconds > TARGETS["notebook"] else ""
        print(f"  notebook {name:<28} {seconds:8.1f} s{flag}")
    print(f"notebooks (-j {jobs}, wall)              {wall:8.1f} s   {status}", flush=True)
    result.update(notebooks=times, notebooks_wall=wall, notebooks_status=status)
    if status != "ok":
        return result
    seconds, status = build_book(tree, data)
    print(f"book build (HTML and PDF, fresh)     {seconds:8.1f} s   {status}")
    result.update(build=seconds, build_status=status)
    html = tree / "_build" / "html"
    if html.is_dir():
        weights = page_weights(html)
        for name, size in weights[:3]:
            flag = "  OVER TARGET" if size > TARGETS["page"] else ""
            print(f"  page {name:<36} {fmt_bytes(size):>10}{flag}")
        total = sum(p.stat().st_size for p in html.rglob("*") if p.is_file())
        print(f"whole book                           {fmt_bytes(total):>10}")
        result.update(largest_page=weights[0] if weights else None, html_bytes=total)
        first = first_load_weights(html)
        print_first_loads(first)
        result["first_load"] = first
        explorer = explorer_weight(html)
        if explorer is not None:
            print(f"explorer page (with its own assets)  {fmt_bytes(explorer):>10}")
            result["explorer"] = explorer
    return result


LOOP = [  # (what is timed, make target, target seconds)
    ("fresh make book", "book", None),
    ("no-change make book", "book", 3.0),
    ("make test", "test", 240.0),
    ("make unit", "unit", 45.0),
]


def _has_target(clone: Path, target: str) -> bool:
    return re.search(rf"^{target}:", (clone / "Makefile").read_text(encoding="utf-8"), re.M) is not None


def loop(work: Path) -> list[dict]:
    """Time each step of the maintainers' loop in a fresh clone of HEAD, with the machine's load around it."""
    from kharkiv.data.paths import seeds_dir

    clone = work / "clone"
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(ROOT), str(clone)], check=True)
    (clone / ".venv").symlink_to((ROOT / ".venv").resolve())
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "KHARKIV_DATA")}
    env["PYTHONPATH"] = str(clone)
    if seeds_dir():
        env["KHARKIV_SEEDS"] = str(seeds_dir())
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=clone, capture_output=True, text=True)
    print(
        f"loop: a fresh clone of {head.stdout.strip()} in {clone} (the environment is installed, not timed)"
    )
    results = []
    for label, target, goal in LOOP:
        if not _has_target(clone, target):
            print(f"{label:<22}       -     no `make {target}` target yet")
            continue
        before = os.getloadavg()[0]
        t0 = time.perf_counter()
        # -o: the installed environment counts as up to date although the clone's files are newer
        run = subprocess.run(
            ["make", "-o", ".venv/.installed", target], cwd=clone, env=env, capture_output=True, text=True
        )
        seconds, after = time.perf_counter() - t0, os.getloadavg()[0]
        status = "ok" if run.returncode == 0 else f"FAILED (exit {run.returncode})"
        over = "  OVER TARGET" if goal and seconds > goal else ""
        print(f"{label:<22} {seconds:8.1f} s   {status}   load {before:.1f} -> {after:.1f}{over}", flush=True)
        if run.returncode != 0:
            print("  " + "\n  ".join((run.stdout + run.stderr).strip().splitlines()[-10:]))
        results.append(
            {"step": label, "seconds": round(seconds, 1), "status": status, "load": [before, after]}
        )
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--scale", type=int, action="append", help="data size multiple (repeatable; default 1)"
    )
    parser.add_argument("--no-book", action="store_true", help="only time load and validation")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1, help="notebooks run at once")
    parser.add_argument("--keep", type=Path, help="write the synthetic data and books here and keep them")
    parser.add_argument(
        "--loop", action="store_true", help="time make book (fresh, no change), test and unit"
    )
    parser.add_argument(
        "--weigh", type=Path, help="only weigh the chapter pages of this built book (_build/html)"
    )
    args = parser.parse_args()
    if args.weigh:
        weights = first_load_weights(args.weigh.resolve())
        print_first_loads(weights)
        print(json.dumps(weights))
        return
    print(
        f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, load average {os.getloadavg()[0]:.1f}"
    )
    work = args.keep or Path(tempfile.mkdtemp(prefix="kharkiv-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        if args.loop:
            results = loop(work)
        else:
            results = [bench(s, work, not args.no_book, args.jobs) for s in args.scale or [1]]
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print("\n" + json.dumps(results, default=str))


if __name__ == "__main__":
    main()
