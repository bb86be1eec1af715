"""The book's two escapers: text from the data made inert for HTML, and for Markdown (MyST).

Every page that places data text in HTML uses html_text; every value glued as Markdown ({glue:md}) passes its
data text through md_text, so a name like ``**x**``, ``[x](http://…)`` or ``![x](http://…)`` shows as typed.
"""

import html
import re
import string

import pandas as pd

# HTML's own characters become entities (inert in Markdown text and inside inline HTML alike); every other
# ASCII punctuation character is backslash-escaped, which CommonMark defines for all of them.
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
_BACKSLASHED = set(string.punctuation) - set(_ENTITIES)
_BREAKS = re.compile(r"\s*[\r\n]+\s*")  # a line break could end the paragraph and start a block


def _plain(text) -> str:
    """None and missing values as ''; everything else as its text."""
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return ""
    return str(text)


def html_text(text, quote: bool = True) -> str:
    """Data text as safe HTML (a text node or, with quote=True, an attribute value); missing values are ''."""
    return html.escape(_plain(text), quote)


def md_text(text) -> str:
    """Data text made inert for Markdown, also inside the inline HTML a glued value may hold: HTML's characters as
    entities, all other ASCII punctuation backslash-escaped, line breaks as spaces. Only for Markdown: in plain
    text ({glue:text}, HTML) the backslashes would show."""
    return "".join(
        _ENTITIES.get(c) or ("\\" + c if c in _BACKSLASHED else c) for c in _BREAKS.sub(" ", _plain(text))
    )
