"""Sphinx fixes for the book build (listed in _config.yml under sphinx.extra_extensions)."""

import html
import re
import struct
from pathlib import Path

from sphinx.builders.html._assets import _JavaScript
from sphinx.search.en import SearchEnglish

from kharkiv.plots import style

EXPLORER_PAGE = "notebooks/explorer"
EXPLORER_ASSETS = ("explorer.js", "explorer.css")
# The explorer page shows no code cell, toggle, tab or copy button: it skips these extensions' assets, 15 requests
# fewer on the page that must be interactive within a second.
UNUSED_ON_EXPLORER = (
    "clipboard.min.js", "copybutton.js", "copybutton.css", "togglebutton.js", "togglebutton.css",
    "design-tabs.js", "sphinx-design.min.css", "sphinx-thebe.js", "sphinx-thebe.css",
)  # fmt: skip
UNUSED_INLINE = ("toggleHint", "toggleOpenOnPrint", "togglebuttonSelector", "THEBE_JS_URL")

# A number with thousands separators ("2,850", "12,000") is one word: Sphinx would index and query it as "2" and
# "850", so a search for "2,850" found every page holding a "2" and one for "2850" found nothing. Both sides join
# it ("2850"), so the two spellings are one term. Not after a digit or a comma ("1,2,850" is a list). It is set
# apart from letters around it: Sphinx strips the tags of a notebook's HTML table without a space, so a cell
# "2,850" after a cell "label" reaches the index as "label2,850". The same pattern, to the letter, in the query
# script below.
THOUSANDS = re.compile(r"(?<![0-9,])[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])")


def join_thousands(text: str) -> str:
    """The text with every number written with thousands separators written as its digits alone, a word."""
    return THOUSANDS.sub(lambda m: " " + m[0].replace(",", "") + " ", text)


class SearchEnglishNumbers(SearchEnglish):
    """Sphinx's English search language, reading a number with thousands separators as one word."""

    def split(self, input: str) -> list[str]:
        # the pieces ("2", "850") are not indexed as well: they would only find the number under a wrong one
        return super().split(join_thousands(input))


# Sphinx's search page drops every query term made only of digits (searchtools.js, `queryTerm.match(/^\d+$/)`),
# although the index holds numbers: a reader searching "606" would find nothing. This wraps its query parser
# to join numbers written with separators (THOUSANDS) and to put the numbers back (the stemmer leaves digits as
# they are, on both sides).
SEARCH_NUMBERS_JS = """
document.addEventListener("DOMContentLoaded", () => {
  // runs before searchtools.js's own DOMContentLoaded handler (registered later), so before the first query
  if (typeof Search === "undefined" || !Search._parseQuery) return;
  const parse = Search._parseQuery;
  const thousands = /(?<![0-9,])[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])/g;
  // A result for an index entry points at its empty target <span>: searchtools.js then gets no summary (null) and
  // throws on appendChild. Such a result is summarised from its page, as a result without an anchor is.
  const summary = Search.makeSearchSummary;
  Search.makeSearchSummary = (html, keywords, anchor) =>
    summary(html, keywords, anchor) || summary(html, keywords, "") || document.createElement("p");
  Search._parseQuery = (query) => {
    const joined = query.replace(thousands, (n) => " " + n.replaceAll(",", "") + " ");
    const out = parse(joined);
    for (const term of splitQuery(joined.trim())) {
      if (/^\\d+$/.test(term)) { out[1].add(term); out[3].add(term); }
    }
    return out;
  };
});
"""


PHONE_MEDIA = "(max-width: 600px)"
# an image may already sit in Sphinx's own link to it (a {figure} with :target:, a glued figure): that link is kept,
# for a second <a> inside it would be split off by the parser and leave an empty link (axe: link-name)
IMG = re.compile(
    r'(?P<open><a [^>]*class="[^"]*image-reference[^"]*"[^>]*>\s*)?'
    r'<img (?P<attrs>[^>]*?)src="(?P<src>[^"]*_images/(?P<name>[^"/]+\.png))"(?P<rest>[^>]*)/?>'
)


def _narrow_name(name: str) -> str:
    return name.removesuffix(".png") + ".phone.png"


def _phone_charts(app, pagename, templatename, context, doctree):
    # Every chart drawn through kharkiv.plots.style carries a rendering laid out for a phone inside its PNG:
    # write it beside the full image and let the browser choose it at 600 px or less (<picture>). The <img> keeps
    # the full image, so a click ("open at full size", _static/kharkiv.js) and the desktop page are unchanged.
    # A glued figure shown without alt text gets the words its chart recorded (style.describe).
    body = context.get("body")
    if not body or "_images/" not in body:
        return
    # every image of the book (env.images): a figure glued from another notebook into a page written before that
    # notebook's own page is not yet among the builder's images
    sources = {Path(dest).name: Path(app.srcdir) / src for src, (_docs, dest) in app.env.images.items()}
    sources |= {Path(dest).name: Path(app.srcdir) / src for src, dest in app.builder.images.items()}
    out = Path(app.outdir) / "_images"

    def swap(m):
        src = sources.get(m["name"])
        opened = m["open"] or ""
        if src is None or not src.is_file():
            return m[0]
        data = src.read_bytes()
        full, narrow = style.split_narrow(data)
        tag = m[0][len(opened) :]
        alt = style.png_text(full).get(style.KEY_ALT)
        if alt and re.search(r'alt="(|[^"]*\.png)"', tag):
            tag = re.sub(r'alt="[^"]*"', f'alt="{html.escape(alt)}"', tag, count=1)
        if narrow is None:
            return opened + tag
        out.mkdir(parents=True, exist_ok=True)
        (out / _narrow_name(m["name"])).write_bytes(narrow)
        w, h = (round(v * style.CSS_DPI / style.DPI) for v in struct.unpack(">II", narrow[16:24]))
        srcset = m["src"][: -len(m["name"])] + _narrow_name(m["name"])
        alt_now = re.search(r'alt="([^"]*)"', tag)
        label = html.escape(
            f"Open the chart at full size: {html.unescape(alt_now[1]) if alt_now else 'chart'}"
        )
        picture = (
            f'<picture class="kharkiv-chart"><source media="{PHONE_MEDIA}" srcset="{srcset}" width="{w}" '
            f'height="{h}" />{tag}</picture>'
        )
        if opened:
            return opened.replace('class="', 'class="kharkiv-zoom ', 1) + picture
        # the link is written here, not by kharkiv.js, so that the <img> stays the <picture>'s own child
        return (
            f'<a class="kharkiv-zoom" href="{m["src"]}" title="Open the chart at full size" aria-label="{label}">'
            f"{picture}</a>"
        )

    context["body"] = IMG.sub(swap, body)


def _bibliography_roles(app, pagename, templatename, context, doctree):
    # sphinxcontrib-bibtex marks each entry role="doc-biblioentry", deprecated in ARIA 1.2 and not a listitem
    # of its role="list" container: axe reports both. A list item is what each entry is.
    body = context.get("body")
    if body and "doc-biblioentry" in body:
        context["body"] = body.replace('role="doc-biblioentry"', 'role="listitem"')


def _strip_narrow(app, exception):
    # the full images were copied with their phone rendering inside: drop it, so a desktop reader does not
    # download it twice
    if exception is not None:
        return
    for png in (Path(app.outdir) / "_images").glob("*.png"):
        data = png.read_bytes()
        if style.NARROW_CHUNK in data:
            full, narrow = style.split_narrow(data)
            if narrow is not None:
                png.write_bytes(full)


def _dedupe(assets: list) -> list:
    out, seen = [], set()
    for a in assets:
        key = (a.filename or "", tuple(sorted(a.attributes.items())))
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


def _dedupe_scripts(app, pagename, templatename, context, doctree):
    # sphinx-thebe 0.3.1 and sphinx-togglebutton register their inline scripts twice under Sphinx 7.4;
    # the repeated `const` declaration raises a console error on every page.
    context["script_files"][:] = _dedupe(context["script_files"])


def _scope_assets(app, pagename, templatename, context, doctree):
    # the explorer's text chunks (_static/explorer-text/) are loaded by its script when needed, never as assets
    context["script_files"][:] = [a for a in context["script_files"] if not _is_text_chunk(a.filename)]
    # Jupyter Book adds every .js and .css under _static/ to every page; the explorer's belong to its page only.
    if pagename != EXPLORER_PAGE:
        context["script_files"][:] = [
            a for a in context["script_files"] if not _is_explorer_asset(a.filename)
        ]
        context["css_files"][:] = [a for a in context["css_files"] if not _is_explorer_asset(a.filename)]
    else:
        context["script_files"][:] = [_deferred(a) for a in context["script_files"] if not _unused_here(a)]
        context["css_files"][:] = [a for a in context["css_files"] if not _unused_here(a)]
    if pagename == "search":
        context["script_files"].append(_JavaScript("", body=SEARCH_NUMBERS_JS, priority=900))


def _deferred(asset):
    # the explorer's script waits for the page anyway: let the parser go on while it downloads
    if not (str(asset.filename or "").endswith(".js") and _is_explorer_asset(asset.filename)):
        return asset

    return _JavaScript(asset.filename, priority=asset.priority, **{**asset.attributes, "defer": "defer"})


def _unused_here(asset) -> bool:
    body = asset.attributes.get("body", "") if hasattr(asset, "attributes") else ""
    return str(asset.filename or "").endswith(UNUSED_ON_EXPLORER) or any(k in body for k in UNUSED_INLINE)


def _is_text_chunk(filename) -> bool:
    # Sphinx 7.4 names html_js_files "_static/explorer-text/..."; older releases without the folder
    return str(filename or "").removeprefix("_static/").startswith("explorer-text/")


def _is_explorer_asset(filename) -> bool:
    # explorer.js, explorer.css and the explorer's other scripts (explorer-core.js)
    name = str(filename or "").rpartition("/")[2]
    return name.endswith(EXPLORER_ASSETS) or (name.startswith("explorer-") and name.endswith(".js"))


def _reread_pages_that_glue(app, env, added, changed, removed):
    # Narrative pages paste numbers from notebooks ({glue:text}`nb.ipynb::key`); Sphinx would not re-read an
    # unchanged page, so it would keep stale numbers after a notebook is re-executed.
    if added or changed or removed:
        return [d for d in env.found_docs if d.startswith("book/") and d not in changed]
    return []


def _static_changed(app, env, added, changed, removed):
    # Sphinx copies _static/ only when some page is written: after a change to a stylesheet or script alone it
    # reports "no targets are out of date" and keeps the old copy. Re-writing one page makes it copy them again.

    src, out = Path(app.srcdir) / "_static", Path(app.outdir) / "_static"
    stale = src.is_dir() and any(_differs(f, out / f.relative_to(src)) for f in src.rglob("*") if f.is_file())
    if stale and not (added or changed):
        page = EXPLORER_PAGE if EXPLORER_PAGE in env.found_docs else next(iter(sorted(env.found_docs)), None)
        return [page] if page else []
    return []


def _add_templates(app, config):
    # templates/static/webpack-macros.html: the theme's asset macros, without fontawesome.js on the explorer page

    config.templates_path = [*config.templates_path, str(Path(__file__).parent / "templates")]


def _differs(source, copy) -> bool:
    return not copy.exists() or source.read_bytes() != copy.read_bytes()


def setup(app):
    # replaces Sphinx's "en" (the book's language, so its html_search_language) for this build
    app.add_search_language(SearchEnglishNumbers)
    app.connect("config-inited", _add_templates)
    app.connect("html-page-context", _dedupe_scripts, priority=100)
    app.connect("html-page-context", _scope_assets, priority=110)
    app.connect("html-page-context", _phone_charts, priority=120)
    app.connect("html-page-context", _bibliography_roles, priority=130)
    app.connect("build-finished", _strip_narrow)
    app.connect("env-get-outdated", _reread_pages_that_glue)
    app.connect("env-get-outdated", _static_changed)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
