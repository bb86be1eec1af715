"""Sphinx fixes for the book build (listed in _config.yml under sphinx.extra_extensions)."""


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


def _reread_pages_that_glue(app, env, added, changed, removed):
    # Narrative pages paste numbers from notebooks ({glue:text}`nb.ipynb::key`); Sphinx would not re-read an
    # unchanged page, so it would keep stale numbers after a notebook is re-executed.
    if added or changed or removed:
        return [d for d in env.found_docs if d.startswith("book/") and d not in changed]
    return []


def setup(app):
    app.connect("html-page-context", _dedupe_scripts, priority=100)
    app.connect("env-get-outdated", _reread_pages_that_glue)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
