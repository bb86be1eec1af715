"""Print the built book to one PDF: every page in the order of _toc.yml, printed by headless Chromium (the
browser the tests drive), joined with pypdf, with one bookmark per page.

`make html` (scripts/build_html.py) prints the PDF into the fresh book folder with print_book, before swapping the
HTML and the PDF in together; _build/html/kharkiv-book.pdf is what the landing page and the Downloads page link to.
Run alone, it reprints a built book: writes _build/pdf/kharkiv-book.pdf and a copy at _build/html/kharkiv-book.pdf,
each written to a temporary file and renamed.  python scripts/make_pdf.py [--html _build/html] [--out FILE]
"""

import argparse
import functools
import http.server
import io
import os
import shutil
import sys
import threading
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NAME = "kharkiv-book.pdf"
# Folded tables are opened, so that the printed book holds everything the web book does.
BEFORE_PRINT = """() => {
  document.querySelectorAll('details.kharkiv-fold').forEach(d => d.open = true);
  return Promise.all(Array.from(document.images).map(i => i.complete ? 0 :
    new Promise(r => { i.onload = i.onerror = r; })));
}"""


def toc_pages(toc_file: Path = ROOT / "_toc.yml") -> list[str]:
    """Every page of the book in reading order: the root, then each part's chapters and their sections."""
    toc = yaml.safe_load(toc_file.read_text(encoding="utf-8"))
    pages = [toc["root"]]

    def walk(entries):
        for e in entries or []:
            if "file" in e:
                pages.append(e["file"])
            walk(e.get("sections"))

    for part in toc.get("parts", []):
        walk(part.get("chapters"))
    walk(toc.get("chapters"))
    return [str(Path(p).with_suffix("")) for p in pages]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def print_pages(html: Path, pages: list[str]) -> list[tuple[str, str, bytes]]:
    """(page, title, PDF bytes) for every page, printed from a local server with print styles."""
    from playwright.sync_api import sync_playwright

    missing = [p for p in pages if not (html / f"{p}.html").exists()]
    if missing:
        raise SystemExit(f"make_pdf: pages missing from {html}: {', '.join(missing)} (run `make html` first)")
    if not Path(CHROMIUM).exists():
        raise SystemExit(
            f"make_pdf: no Chromium at {CHROMIUM}: install Debian's chromium package (apt-get install chromium)"
        )
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(html)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    out = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1100, "height": 1400}, color_scheme="light")
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base) else r.abort())
            for name in pages:
                page.goto(base + f"{name}.html", wait_until="load")
                page.emulate_media(media="print")
                page.evaluate(BEFORE_PRINT)
                title = page.evaluate(
                    "(document.querySelector('main h1') || {}).textContent || document.title"
                )
                pdf = page.pdf(
                    format="A4",
                    print_background=True,
                    margin={"top": "16mm", "bottom": "16mm", "left": "14mm", "right": "14mm"},
                    display_header_footer=True,
                    header_template="<span></span>",
                    footer_template=(
                        '<div style="font-size:8px;width:100%;text-align:center;color:#555">'
                        '<span class="title"></span> · <span class="pageNumber"></span></div>'
                    ),
                )
                out.append((name, title.replace("#", "").strip(), pdf))
            browser.close()
    finally:
        httpd.shutdown()
    return out


def join(printed: list[tuple[str, str, bytes]], target: Path) -> int:
    """Join the pages into one PDF with a bookmark per page; returns the number of PDF pages."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for _name, title, data in printed:
        start = len(writer.pages)
        writer.append(PdfReader(io.BytesIO(data)))
        writer.add_outline_item(title=title, page_number=start)
    writer.add_metadata({"/Title": "The Battle of Kharkiv, 2022", "/Producer": "kharkiv make_pdf (pypdf)"})
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    with open(tmp, "wb") as fh:
        writer.write(fh)
    tmp.replace(target)  # never leave a half-written PDF behind
    return len(writer.pages)


def print_book(html: Path, toc_file: Path = ROOT / "_toc.yml") -> int:
    """Print the book in `html` into `html`/kharkiv-book.pdf (through a temporary file renamed over it); returns
    the number of PDF pages."""
    return join(print_pages(html, toc_pages(toc_file)), html / NAME)


def copy_atomic(src: Path, dest: Path) -> None:
    """Copy through a temporary file renamed over `dest`: a full disk or a kill leaves the old file, never a
    truncated one."""
    tmp = dest.with_name(dest.name + ".tmp")
    try:
        shutil.copyfile(src, tmp)
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "pdf" / NAME)
    args = parser.parse_args()
    pages = toc_pages()
    n = join(print_pages(args.html, pages), args.out)
    copy_atomic(args.out, args.html / NAME)
    print(f"make_pdf: {len(pages)} chapters, {n} PDF pages -> {args.out} (and {args.html / NAME})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
