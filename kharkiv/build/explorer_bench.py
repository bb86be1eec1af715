"""Measure the explorer page in headless Chromium: bytes transferred, time until it is interactive, and how long a
filter takes to answer; at today's data or at N times as many synthetic rows.

Timings are printed (scripts/benchmark.py calls measure_explorer), never asserted in tests.
Usage: python -m kharkiv.build.explorer_bench [--scale 100] [html_dir]
"""

import argparse
import functools
import gzip
import http.server
import shutil
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd

from kharkiv.build import chromium, synthetic
from kharkiv.chapters import explorer
from kharkiv.data.load import validate_and_load
from kharkiv.data.paths import BUILD_HTML, DATA

PAGE = "notebooks/explorer.html"


def synthetic_tables(t: dict, scale: int) -> dict:
    """In memory, without the loader (quick, for tests): scale copies of every event, its sources and its figures, with new ids (beyond four digits) and dates shifted
    by up to a week within the battle; texts are the real ones (evidence must be verbatim)."""
    if scale <= 1:
        return t
    lo, hi = t["events"]["start_date"].min(), t["events"]["end_date"].max()
    digits = max(len(i) - 1 for i in [*t["events"]["event_id"], *t["statements"]["statement_id"]])

    def renumber(i, k):  # e0028 -> e990028 in copy 99: unique, and beyond four digits
        return i if k == 0 or not isinstance(i, str) else f"{i[0]}{k * 10**digits + int(i[1:])}"

    ev, es, st = [], [], []
    for k in range(scale):
        shift = pd.Timedelta(days=k % 7)
        e = t["events"].copy()
        e["event_id"] = e["event_id"].map(lambda i, k=k: renumber(i, k))
        for c in ("start_date", "end_date"):
            e[c] = (e[c] + shift).clip(lo, hi)
        s = t["event_sources"].copy()
        s["event_id"] = s["event_id"].map(lambda i, k=k: renumber(i, k))
        n = t["statements"].copy()
        for c in ("statement_id", "event_id"):
            n[c] = n[c].map(lambda i, k=k: renumber(i, k))
        ev.append(e)
        es.append(s)
        st.append(n)
    out = dict(t)
    out["events"] = pd.concat(ev, ignore_index=True)
    out["event_sources"] = pd.concat(es, ignore_index=True)
    out["statements"] = pd.concat(st, ignore_index=True)
    return out


def scaled_book(html_dir: Path, scale: int, out_dir: Path) -> Path:
    """A copy of the built book whose explorer page holds scale times the data (the rest of the page unchanged)."""
    shutil.copytree(html_dir, out_dir, dirs_exist_ok=True)
    with (
        tempfile.TemporaryDirectory() as tmp
    ):  # the data layer's valid scaled copy, loaded as the book loads it
        tables = validate_and_load(synthetic.scaled_copy(DATA, Path(tmp) / "data", scale), seeds=False)
    replace_explorer(out_dir, explorer.page_html(tables, text_dir=out_dir / "_static" / "explorer-text"))
    return out_dir


def replace_explorer(html_dir: Path, fragment: str) -> None:
    """Put another explorer (page_html of other tables) into a built book's explorer page, in place."""
    page = Path(html_dir) / PAGE
    text = page.read_text(encoding="utf-8")
    a, b = text.index(explorer.BEGIN), text.index(explorer.END) + len(explorer.END)
    page.write_text(text[:a] + fragment + text[b:], encoding="utf-8")


def _sizes(html_dir: Path, url: str) -> tuple[int, int]:
    f = html_dir / urlparse(url).path.lstrip("/")
    body = f.read_bytes() if f.is_file() else b""
    return len(body), len(gzip.compress(body, 6))


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def measure_explorer(html_dir: Path = BUILD_HTML, runs: int = 3) -> dict:
    """Load the explorer of a built book over HTTP; return bytes transferred (raw and as gzip would send them),
    milliseconds until the page is interactive (best of runs), and the slowest of a few filters in ms."""
    from playwright.sync_api import sync_playwright  # lazy: heavy, needed only when measuring

    html_dir = Path(html_dir)
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(html_dir))
    )
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}/{PAGE}"
    out = {"events": None, "bytes": 0, "gzip_bytes": 0, "interactive_ms": None, "filter_ms": None}
    try:
        with sync_playwright() as p:
            browser = chromium.launch(p)
            tti, filt, dcl = [], [], []
            for run in range(runs):
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                bodies = []
                if run == 0:
                    page.on("requestfinished", lambda r, b=bodies: b.append(r))
                page.goto(url, wait_until="load")
                page.wait_for_function("document.getElementById('kx-explorer').dataset.ready === '1'")
                tti.append(page.evaluate("window.kxExplorer.readyAt"))
                at_ready = len(bodies)
                dcl.append(page.evaluate(_DCL_JS))
                out.setdefault("script_ms", []).append(page.evaluate("window.kxExplorer.startMs"))
                filt.append(page.evaluate(_FILTER_JS))
                if run == 0:
                    # what the server sent: the files themselves (it does not compress), until interactive,
                    # then what the reader's actions fetched (the texts of large data)
                    sizes = [_sizes(html_dir, r.url) for r in bodies]
                    out["bytes"] = sum(a for a, _ in sizes[:at_ready])
                    out["gzip_bytes"] = sum(b for _, b in sizes[:at_ready])
                    out["requests"] = at_ready
                    out["later_bytes"] = sum(a for a, _ in sizes[at_ready:])
                    out["events"] = page.evaluate("document.getElementById('kx-explorer').dataset.events")
                page.close()
            browser.close()
    finally:
        httpd.shutdown()
    out["interactive_ms"] = round(min(tti))
    out["dom_content_loaded_ms"] = round(min(dcl))
    best = min(filt, key=lambda f: max(f["times"]))
    out["filter_ms"] = round(max(best["times"]), 1)
    out["filters_ms"] = [round(x, 1) for x in best["times"]]
    out["first_text_search_ms"] = round(min(f["cold"] for f in filt))
    out["script_ms"] = round(min(out["script_ms"]), 1)
    return out


_DCL_JS = "performance.getEntriesByType('navigation')[0].domContentLoadedEventStart"

# Each filter is set and cleared the way a reader does it (a value picked in its select, then removed with its
# button: option 0 of a select is "add another…", which changes nothing); timed until the next frame is drawn.
# A step that leaves the state as it was would time nothing: it throws, so the benchmark fails instead.
_FILTER_JS = """async () => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const times = [];
  const timed = async (f) => {
    const before = JSON.stringify(window.kxExplorer.state()), t0 = performance.now();
    f();
    await frame();
    times.push(performance.now() - t0);
    if (JSON.stringify(window.kxExplorer.state()) === before) throw new Error(`a timed step changed nothing: ${f}`);
  };
  const pick = (id, i) => () => { const s = document.getElementById(id); s.selectedIndex = i;
    s.dispatchEvent(new Event('change')); };
  const unpick = (id) => () => document.getElementById(id).parentNode.querySelector('.kx-chip').click();
  await frame();
  await timed(pick('kx-f-type', 1));
  await timed(pick('kx-f-verif', 2));
  await timed(unpick('kx-f-type'));
  await timed(unpick('kx-f-verif'));
  await timed(() => window.kxExplorer.set({view: 'figures', from: '2022-03-01', to: '2022-04-30'}));
  await timed(() => window.kxExplorer.set({view: 'events'}));
  // the first text search may have to fetch the texts (large data): timed until it has answered
  const t0 = performance.now();
  window.kxExplorer.set({view: 'events', q: 'kharkiv shelling'});
  while (document.getElementById('kx-status').textContent.includes('loading')) await frame();
  await frame();
  const cold = performance.now() - t0;
  await timed(() => window.kxExplorer.set({view: 'events', q: 'freedom square'}));
  return {times, cold};
}"""


def measure_at_scale(html_dir: Path = BUILD_HTML, scale: int = 1, runs: int = 3) -> dict:
    """measure_explorer on the built book, or on a temporary copy holding scale times the events."""
    if scale <= 1:
        return measure_explorer(html_dir, runs)
    with tempfile.TemporaryDirectory() as tmp:
        return measure_explorer(scaled_book(Path(html_dir), scale, Path(tmp) / "html"), runs)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html_dir", nargs="?", type=Path, default=BUILD_HTML)
    parser.add_argument("--scale", type=int, default=1, help="times as many synthetic events (default 1)")
    args = parser.parse_args()
    print(f"explorer at {args.scale}x: {measure_at_scale(args.html_dir, args.scale)}")


if __name__ == "__main__":
    main()
