"""Print the built book to one PDF: every page in the order of _toc.yml, printed by headless Chromium (the
browser the tests drive), joined with pypdf behind a title page and a contents page with page numbers.

On paper and offline (issue 21): pages are printed with print styles (no table or figure past the frame or split
mid-row); the explorer prints as a plain list of every event; page numbers run through the whole book (stamped
after joining, with matching PDF page labels); links between pages become links within the PDF, and links to the
explorer or to files go to the book's public address (html.baseurl in _config.yml) or, while none is set, are
dropped, leaving the id printed; no link points to the server that printed the book. Chapters keep Chromium's
heading outline under one bookmark each.

`make html` (scripts/build_html.py) prints the PDF into the fresh book folder with print_book, before swapping the
HTML and the PDF in together; _build/html/kharkiv-book.pdf is what the landing page and the Downloads page link to.
Run alone, it reprints a built book: writes _build/pdf/kharkiv-book.pdf and a copy at _build/html/kharkiv-book.pdf,
each written to a temporary file and renamed.  python scripts/make_pdf.py [--html _build/html] [--out FILE]
"""

import argparse
import contextlib
import functools
import html as htmlmod
import http.server
import io
import os
import shutil
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from kharkiv.build import chromium

ROOT = Path(__file__).resolve().parents[1]
NAME = "kharkiv-book.pdf"
EXPLORER = "notebooks/explorer"
MARGIN = {"top": "16mm", "bottom": "18mm", "left": "14mm", "right": "14mm"}
# Print styles: nothing past the page frame, no row or figure split across pages, no web-only chrome.
PRINT_CSS = """
@media print {
  .bd-sidebar-primary, .bd-sidebar-secondary, .bd-header, .bd-footer, .prev-next-area, .header-article,
  .copybtn, #pst-back-to-top { display: none !important; }
  .bd-main .bd-content .bd-article-container { max-width: 100% !important; }
  table { width: 100% !important; max-width: 100% !important; table-layout: auto; font-size: 8.5pt; }
  th, td { overflow-wrap: anywhere; word-break: normal; white-space: normal !important; }
  .kharkiv-table-wrap, .table-wrapper, .pst-scrollable-table-container { overflow: visible !important; }
  tr, img, figure, svg, .cell_output img { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  img, svg, figure { max-width: 100% !important; height: auto; }
  h1, h2, h3 { break-after: avoid; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; }
}
"""
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


def print_pages(html: Path, pages: list[str], browser) -> list[tuple[str, str, bytes]]:
    """(page, title, PDF bytes) for every page, printed from a local server with print styles."""
    missing = [p for p in pages if not (html / f"{p}.html").exists()]
    if missing:
        raise SystemExit(f"make_pdf: pages missing from {html}: {', '.join(missing)} (run `make html` first)")
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(html)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    out = []
    page = browser.new_page(viewport={"width": 1100, "height": 1400}, color_scheme="light")
    try:
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base) else r.abort())
        for name in pages:
            page.goto(base + f"{name}.html", wait_until="load")
            page.emulate_media(media="print")
            page.evaluate(BEFORE_PRINT)
            page.add_style_tag(content=PRINT_CSS)
            if name == EXPLORER:
                page.evaluate(EXPLORER_FOR_PRINT, explorer_list())
            title = page.evaluate("(document.querySelector('main h1') || {}).textContent || document.title")
            out.append((name, title.replace("#", "").strip(), _pdf(page)))
    finally:
        page.close()
        httpd.shutdown()
    return out


@contextlib.contextmanager
def open_browser():
    """One headless Chromium for a whole print run: the pages, the front matter and the page numbers (each
    launch costs a second or more)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = chromium.launch(p)  # or SystemExit saying what to install
        try:
            yield browser
        finally:
            browser.close()


def _pdf(page) -> bytes:
    # no footer here: page numbers run through the whole book, so they are stamped after joining (stamp_numbers)
    return page.pdf(format="A4", print_background=True, margin=MARGIN, tagged=True, outline=True)


# The explorer is interactive (filters, a timeline to drag): on paper it is a plain list of every event.
EXPLORER_FOR_PRINT = """(list) => {
  const main = document.querySelector('main article') || document.querySelector('main');
  main.innerHTML = list;
}"""


def explorer_list() -> str:
    """Every event as one line (id, dates, place, summary), the explorer as it reads on paper; text escaped."""
    from kharkiv.data.load import load_tables

    t = load_tables()
    places = dict(zip(t["places"]["place_id"], t["places"]["name"], strict=False))
    ev = t["events"].sort_values(["start_date", "event_id"])
    items = []
    for r in ev.itertuples():
        when = f"{r.start_date:%-d %b %Y}" + (
            "" if r.end_date == r.start_date else f" to {r.end_date:%-d %b %Y}"
        )
        place = places.get(r.place_id, "")
        items.append(
            f"<li><b>{htmlmod.escape(str(r.event_id))}</b> {htmlmod.escape(when)}"
            f"{', ' + htmlmod.escape(str(place)) if place else ''}: {htmlmod.escape(str(r.summary))}</li>"
        )
    url = book_url()
    where = f"at {htmlmod.escape(url)}/{EXPLORER}.html" if url else f"in the web book ({EXPLORER}.html)"
    return (
        "<h1>Explore the events</h1>"
        f"<p>The explorer, with its filters, timeline and a link for every event and figure, is interactive: read it "
        f"{where}. On paper it is this list of every event, by date, each with its id; the Chronology tells "
        "them phase by phase with their sources.</p>"
        f'<ol style="font-size:8.5pt;padding-left:1.2em;list-style:none">{"".join(items)}</ol>'
    )


def book_url() -> str:
    """The book's public address, from the one setting (html.baseurl in _config.yml); '' when none is set."""
    from kharkiv.build.citation import configured_url

    return configured_url().rstrip("/")


def front_matter(chapters: list[tuple[str, int]], first_page: int) -> str:
    """The title page and the contents page (title, version, date, how to cite; every chapter with its page)."""
    from kharkiv.build.citation import page_citation, read_cff

    cff = read_cff()
    cite = page_citation(cff, "", "index", book_url())
    rows, page_no = [], first_page
    for title, n in chapters:
        rows.append(f'<tr><td>{htmlmod.escape(title)}</td><td style="text-align:right">{page_no}</td></tr>')
        page_no += n
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><style>
      body {{ font-family: sans-serif; margin: 0; }}
      .title {{ height: 240mm; display: flex; flex-direction: column; justify-content: center; }}
      h1 {{ font-size: 28pt; margin: 0 0 8mm; }} .sub {{ font-size: 13pt; color: #333; }}
      .cite {{ margin-top: 30mm; font-size: 10pt; border-top: 1px solid #999; padding-top: 4mm; }}
      .toc {{ break-before: page; }} table {{ width: 100%; border-collapse: collapse; font-size: 11pt; }}
      td {{ padding: 1.6mm 0; border-bottom: 1px dotted #bbb; }}
    </style></head><body>
    <section class="title"><h1>{htmlmod.escape(cff["title"].split(":")[0])}</h1>
      <p class="sub">{htmlmod.escape(cff["title"].split(":", 1)[-1].strip())}</p>
      <p class="sub">{htmlmod.escape("; ".join(a.get("name", "") for a in cff["authors"]))}</p>
      <p class="sub">Version {htmlmod.escape(str(cff["version"]))}, released {htmlmod.escape(str(cff["date-released"]))}</p>
      <div class="cite"><p><b>How to cite</b></p><p>{htmlmod.escape(cite["full"])}</p></div></section>
    <section class="toc"><h1>Contents</h1><table>{"".join(rows)}</table></section></body></html>"""


def print_html(browser, documents: list[str], margin: dict | None = None) -> list[bytes]:
    """PDF bytes of each standalone HTML document (front matter, page-number overlays), printed by Chromium."""
    out = []
    page = browser.new_page()
    try:
        page.route("**/*", lambda r: r.abort() if r.request.url.startswith("http") else r.continue_())
        for doc in documents:
            page.set_content(doc, wait_until="load")
            out.append(page.pdf(format="A4", print_background=False, margin=margin or MARGIN, tagged=True))
    finally:
        page.close()
    return out


def numbers_overlay(n: int, label: str) -> str:
    """n A4 pages, each with only its footer: 'label · k' for k = 1..n (stamped onto the joined book)."""
    pages = "".join(
        f'<div class="p"><span>{htmlmod.escape(label)} · {k}</span></div>' for k in range(1, n + 1)
    )
    return f"""<!doctype html><html><head><meta charset="utf-8"><style>
      @page {{ size: A4; margin: 0; }} body {{ margin: 0; }}
      .p {{ height: 297mm; position: relative; break-after: page; overflow: hidden; }}
      .p span {{ position: absolute; bottom: 8mm; left: 0; right: 0; text-align: center;
                 font: 8px sans-serif; color: #555; }}
    </style></head><body>{pages}</body></html>"""


def _page_of(printed: list[tuple[str, str, bytes]], front: int) -> dict[str, int]:
    """{page name: index of its first PDF page in the joined book}."""
    from pypdf import PdfReader

    out, at = {}, front
    for name, _title, data in printed:
        out[name] = at
        at += len(PdfReader(io.BytesIO(data)).pages)
    return out


def relink(writer, starts: dict[str, int], base_url: str) -> dict[str, int]:
    """Rewrite every link of the joined book that points at the printing server: to a book page -> a link within
    the PDF (its first page); to anything else (the explorer, files) -> the public address, or no link while none
    is set. Returns counts by what became of them."""
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        FloatObject,
        NameObject,
        NumberObject,
        TextStringObject,
    )

    done = {"internal": 0, "public": 0, "dropped": 0}
    for page in writer.pages:
        annots = page.get("/Annots")
        if not annots:
            continue
        keep = []
        for ref in annots:
            a = ref.get_object()
            uri = str((a.get("/A") or {}).get("/URI", ""))
            parts = urlsplit(uri)
            if not uri or parts.hostname not in ("127.0.0.1", "localhost", "::1"):
                keep.append(ref)
                continue
            path = parts.path.lstrip("/").removesuffix(".html")
            target = path if path in starts else ("book/intro" if path in ("", "index") else None)
            if target in starts and target != EXPLORER:
                dest = writer.pages[starts[target]].indirect_reference
                a[NameObject("/A")] = DictionaryObject(
                    {
                        NameObject("/S"): NameObject("/GoTo"),
                        NameObject("/D"): ArrayObject(
                            [dest, NameObject("/XYZ"), NumberObject(0), FloatObject(842), NumberObject(0)]
                        ),
                    }
                )
                keep.append(ref)
                done["internal"] += 1
            elif base_url:
                frag = f"#{parts.fragment}" if parts.fragment else ""
                a[NameObject("/A")][NameObject("/URI")] = TextStringObject(
                    f"{base_url}/{parts.path.lstrip('/')}{frag}"
                )
                keep.append(ref)
                done["public"] += 1
            else:  # the tagged PDF's structure still names the annotation: its local address goes too
                del a[NameObject("/A")]
                done["dropped"] += 1
        page[NameObject("/Annots")] = ArrayObject(keep)
    return done


def stamp_numbers(writer, label: str, browser) -> None:
    """Stamp 'label · k' on every page (k running through the book) and set the matching page labels."""
    from pypdf import PdfReader

    overlay = PdfReader(
        io.BytesIO(print_html(browser, [numbers_overlay(len(writer.pages), label)], margin={})[0])
    )
    for page, stamp in zip(writer.pages, overlay.pages, strict=True):
        page.merge_page(stamp)
    writer.set_page_label(0, len(writer.pages) - 1, style="/D", start=1)


def build(printed: list[tuple[str, str, bytes]], target: Path, browser) -> int:
    """The book: title and contents pages, every printed page, links made offline, numbers stamped."""
    from pypdf import PdfReader

    from kharkiv.build.citation import read_cff

    counts = [(title, len(PdfReader(io.BytesIO(data)).pages)) for _n, title, data in printed]
    draft = print_html(browser, [front_matter(counts, 1)])[0]
    n_front = len(PdfReader(io.BytesIO(draft)).pages)
    front = print_html(browser, [front_matter(counts, n_front + 1)])[0]
    cff = read_cff()
    label = f"{cff['title'].split(':')[0]}, version {cff['version']}"
    return join(
        [("front", "Title and contents", front), *printed], target, browser, n_front=n_front, label=label
    )


def join(
    printed: list[tuple[str, str, bytes]], target: Path, browser, n_front: int = 0, label: str = ""
) -> int:
    """Join the pages into one PDF with a bookmark per page (each holding that page's heading outline); returns
    the number of PDF pages."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for _name, title, data in printed:
        writer.append(PdfReader(io.BytesIO(data)), outline_item=title, import_outline=True)
    starts = _page_of(printed[1:], n_front) if n_front else {}
    moved = relink(writer, starts, book_url())
    if label:
        stamp_numbers(writer, label, browser)
    writer.add_metadata(
        {"/Title": "The Battle of Kharkiv, 2022", "/Producer": "kharkiv make_pdf (pypdf)", "/Lang": "en"}
    )
    writer.page_mode = "/UseOutlines"
    print(f"make_pdf: links {moved}")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    with open(tmp, "wb") as fh:
        writer.write(fh)
    tmp.replace(target)  # never leave a half-written PDF behind
    return len(writer.pages)


def print_book(html: Path, toc_file: Path = ROOT / "_toc.yml") -> int:
    """Print the book in `html` into `html`/kharkiv-book.pdf (through a temporary file renamed over it); returns
    the number of PDF pages."""
    with open_browser() as browser:
        return build(print_pages(html, toc_pages(toc_file), browser), html / NAME, browser)


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
    with open_browser() as browser:
        n = build(print_pages(args.html, pages, browser), args.out, browser)
    copy_atomic(args.out, args.html / NAME)
    print(f"make_pdf: {len(pages)} chapters, {n} PDF pages -> {args.out} (and {args.html / NAME})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
