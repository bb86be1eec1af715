"""The book's Sphinx fixes: the explorer's text chunks are fetched by its script when needed, never as page assets."""

from sphinx.builders.html._assets import _CascadingStyleSheet, _JavaScript

from kharkiv.build import sphinxext


def _scripts(pagename: str, filenames: list[str]) -> list[str]:
    context = {
        "script_files": [_JavaScript(f) for f in filenames],
        "css_files": [_CascadingStyleSheet("_static/kharkiv.css")],
    }
    sphinxext._scope_assets(None, pagename, "page.html", context, None)
    return [str(a.filename) for a in context["script_files"]]


def test_no_page_loads_the_explorer_text_chunks_as_assets():
    # Sphinx 7.4 prefixes html_js_files with "_static/" (at 100x every page once loaded 15 MB of chunks)
    chunks = ["_static/explorer-text/kx-text-events-0.js", "explorer-text/kx-text-figures-3.js"]
    for page in ("book/intro", sphinxext.EXPLORER_PAGE):
        kept = _scripts(page, ["_static/kharkiv.js", *chunks])
        assert not [f for f in kept if "explorer-text" in f], page
        assert "_static/kharkiv.js" in kept


def test_the_explorer_script_loads_on_its_page_only():
    files = ["_static/kharkiv.js", "_static/explorer.js"]
    assert "_static/explorer.js" not in _scripts("notebooks/chronology", files)
    assert "_static/explorer.js" in _scripts(sphinxext.EXPLORER_PAGE, files)
