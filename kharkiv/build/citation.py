"""How to cite the book and each of its pages (a Sphinx extension listed in _config.yml).

The book's public address is ONE setting, `html.baseurl` in _config.yml (Sphinx's html_baseurl); CITATION.cff gives
the title, authors, version and date. While no address is set, a permalink prints as the page's path in the book
('notebooks/chronology.html'), never as a local server's address.

Every page gets citation meta tags (citation_title, citation_author, citation_date, citation_public_url, ...) and, at
its end, a copyable citation, short and full, with the version, date and permalink (after Our World in Data's
"Cite this work").
"""

import html
from pathlib import Path

import yaml

from kharkiv.data.paths import ROOT

CFF = ROOT / "CITATION.cff"
CONFIG = ROOT / "_config.yml"
SKIP = ("search", "genindex")  # Sphinx's own pages: nothing to cite
BOX_STYLE = (
    ".kharkiv-cite{margin-top:2.5rem;border-top:1px solid var(--pst-color-border,#ccc);padding-top:1rem}"
    ".kharkiv-cite pre{white-space:pre-wrap;overflow-wrap:anywhere;font-size:.85em}"
    ".kharkiv-cite-head{font-weight:600;margin-bottom:.25rem}"
    "@media print{.kharkiv-cite{break-inside:avoid}.kharkiv-cite .copybtn{display:none}}"
)


def read_cff(path: Path = CFF) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def configured_url(path: Path = CONFIG) -> str:
    """The book's public address from _config.yml (html.baseurl); '' while none is known."""
    config = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return str((config.get("html") or {}).get("baseurl") or "").strip()


def with_url(cff: dict, url: str) -> dict:
    """CITATION.cff's content with the book's address (url) from the one setting, when one is set."""
    return {**cff, "url": url} if url else {k: v for k, v in cff.items() if k != "url"}


def authors(cff: dict) -> list[str]:
    return [
        a.get("name") or " ".join(x for x in (a.get("given-names"), a.get("family-names")) if x)
        for a in cff["authors"]
    ]


def permalink(pagename: str, base: str = "") -> str:
    """The page's permanent address: base + path when the book's address is set, else the path alone."""
    path = f"{pagename}.html" if pagename != "index" else ""
    return f"{base.rstrip('/')}/{path}" if base else (path or "index.html")


def book_title(cff: dict) -> str:
    return cff["title"].split(":")[0]  # "The Battle of Kharkiv, 2022", without the subtitle


def page_citation(cff: dict, page_title: str, pagename: str, base: str = "") -> dict[str, str]:
    """short, full and bibtex citations of one page, with the book's version, date and permalink."""
    who = "; ".join(authors(cff))
    year = str(cff["date-released"])[:4]
    link = permalink(pagename, base)
    version, date, title = cff["version"], str(cff["date-released"]), book_title(cff)
    part = f"“{page_title}”, in " if page_title and page_title != title else ""
    key = "kharkiv" + year + "".join(c for c in pagename.split("/")[-1] if c.isalnum())
    if base:
        short_where, where = link, f"Available at {link}."
    else:  # no public address yet: the page's file in the book, said as such (never 'Available at index.html')
        what = "its front page" if pagename == "index" else "this page"
        short_where = f"{link} (public address not yet set)"
        where = f"The book's public address is not yet set; {what} is the file {link} in the book."
    return {
        "short": f"{who} ({year}), {part}{title}, version {version}, {short_where}",
        "full": (
            f"{who} ({year}). {part}{cff['title']}. Version {version}, released {date}. "
            f"{where} Licence {cff.get('license', '')}."
        ),
        "bibtex": (
            f"@misc{{{key},\n  author = {{{{{who}}}}},\n  title = {{{{{page_title or title}}}}},\n"
            f"  howpublished = {{{{{title}, version {version}}}}},\n  year = {{{year}}},\n"
            f"  note = {{Released {date}{'' if base else f'; public address not yet set: {link}'}}}"
            + (f",\n  url = {{{link}}}\n}}" if base else "\n}")
        ),
        "permalink": link,
    }


def meta_tags(cff: dict, page_title: str, pagename: str, base: str = "") -> str:
    """Highwire-style citation meta tags (read by Zotero and Google Scholar)."""
    pairs = [("citation_title", page_title or book_title(cff))]
    pairs += [("citation_author", a) for a in authors(cff)]
    pairs += [
        ("citation_date", str(cff["date-released"])),
        ("citation_publication_date", str(cff["date-released"]).replace("-", "/")),
        ("citation_inbook_title", book_title(cff)),
        ("citation_technical_report_number", f"version {cff['version']}"),
        ("citation_public_url", permalink(pagename, base)),
        ("citation_language", "en"),
    ]
    return "".join(f'<meta name="{k}" content="{html.escape(v)}" />\n' for k, v in pairs)


def cite_box(cite: dict) -> str:
    """The 'Cite this page' block: short, full and BibTeX citations, each copyable (a copy button where the page
    loads sphinx-copybutton, selectable text everywhere)."""

    def block(label: str, text: str) -> str:
        return (
            f'<p class="kharkiv-cite-head">{label}</p>'
            f'<div class="highlight-none notranslate"><div class="highlight"><pre>{html.escape(text)}</pre>'
            "</div></div>\n"
        )

    return (
        f'<style>{BOX_STYLE}</style><aside class="kharkiv-cite" aria-label="Cite this page">'
        '<p class="kharkiv-cite-head">Cite this page</p>'
        + block("Short", cite["short"])
        + block("Full", cite["full"])
        + block("BibTeX", cite["bibtex"])
        + "</aside>\n"
    )


def _page_title(app, pagename: str) -> str:
    title = app.env.titles.get(pagename)
    return title.astext().strip() if title is not None else ""


def _add_citation(app, pagename, templatename, context, doctree):
    if doctree is None or pagename in SKIP:
        return
    cff, base = app.config.kharkiv_cff, app.config.html_baseurl or ""
    title = _page_title(app, pagename)
    context["metatags"] = context.get("metatags", "") + meta_tags(cff, title, pagename, base)
    context["body"] = context.get("body", "") + cite_box(page_citation(cff, title, pagename, base))


def _load_cff(app, config):
    config.kharkiv_cff = with_url(read_cff(), config.html_baseurl or "")


def setup(app):
    app.add_config_value("kharkiv_cff", {}, "html")
    app.connect("config-inited", _load_cff)
    app.connect("html-page-context", _add_citation)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
