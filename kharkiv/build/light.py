"""Lighter pages (issue 24): what every page loads from the theme, trimmed once the book is written.

- The theme's stylesheet bundles Font Awesome (its @font-face and ~1,400 `.fa-*` icon rules, ~92 kB): the rules
  for icons no page or script names are dropped, and the @font-face with them, so no page can request the
  156 kB web font (the icons the book shows are drawn by _static/kharkiv-icons.css).
- The chart PNGs (truecolour RGBA from matplotlib) are written again with an adaptive palette of 256 colours
  (alpha kept), about four times smaller; their text chunks (the smallest text size, the dpi) are kept.
- The search index is loaded by the search page only (templates/layout.html), for the search box only sends the
  reader there.
"""

import io
import re
import struct
import zlib
from pathlib import Path

from PIL import Image

THEME_CSS = ("styles/pydata-sphinx-theme.css",)
# a Font Awesome class in a selector: .fa, .fas/.far/.fab, .fa-solid, .fa-magnifying-glass, .fa-lg ...
FA_CLASS = re.compile(r"\.(fa(?:-[a-z0-9-]+)?|fa[srb])(?![\w-])")
FA_WORD = re.compile(r"(?<![\w-])(fa(?:-[a-z0-9-]+)?|fa[srb])(?![\w-])")
CLASS_ATTR = re.compile(r'class="([^"]*)"')
SCRIPT_SRC = re.compile(r'<script[^>]+src="([^"?#]+)')
FA_FONT = re.compile(r"font awesome", re.IGNORECASE)
FA_KEYFRAMES = re.compile(r"@(?:-webkit-)?keyframes\s+(fa-[\w-]+)")
# PNG chunks that describe the image, not its colour encoding: copied into the palette image
KEPT_CHUNKS = {b"tEXt", b"zTXt", b"iTXt", b"pHYs", b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"tIME"}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
COLOURS = 256


# --- the stylesheet -------------------------------------------------------------------------------------------


def _blocks(css: str) -> list[tuple[str, str | None]]:
    """Top-level items of a stylesheet: (prelude, body) for a block, (statement, None) for `@import ...;` and
    for a top-level comment (only `/*! ... */` licence comments are kept). Strings are respected."""
    out, i, n, start, depth, prelude = [], 0, len(css), 0, 0, ""
    while i < n:
        c = css[i]
        if css.startswith("/*", i):
            end = css.find("*/", i + 2)
            end = n if end < 0 else end + 2
            if depth == 0 and not css[start:i].strip():
                if css.startswith("/*!", i):
                    out.append((css[i:end], None))
                start = end
            i = end
        elif c in "\"'":
            j = i + 1
            while j < n and css[j] != c:
                j += 2 if css[j] == "\\" else 1
            i = j + 1
        else:
            if c == "{":
                if depth == 0:
                    prelude, body_start = css[start:i].strip(), i + 1
                depth += 1
            elif c == "}":
                depth -= 1
                if depth == 0:
                    out.append((prelude, css[body_start:i]))
                    start = i + 1
            elif c == ";" and depth == 0:
                if css[start:i].strip():
                    out.append((css[start:i].strip() + ";", None))
                start = i + 1
            i += 1
    return out


def _selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside :is(), :not() ...)."""
    parts, depth, cur = [], 0, ""
    for c in prelude:
        depth += c == "("
        depth -= c == ")"
        if c == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += c
    return [p.strip() for p in [*parts, cur] if p.strip()]


def _outside_parens(selector: str) -> str:
    # a class inside :not(...) or :is(a, b) does not make the selector impossible: look only outside them
    prev = None
    while prev != selector:
        prev, selector = selector, re.sub(r"\([^()]*\)", "", selector)
    return selector


def _possible(selector: str, used: set[str]) -> bool:
    return all(name in used for name in FA_CLASS.findall(_outside_parens(selector)))


def strip_font_awesome(css: str, used: set[str]) -> str:
    """The stylesheet without Font Awesome's @font-face rules and without every selector that requires a Font
    Awesome class not in `used` (rules left with no selector go too); everything else is kept as it was."""
    out = []
    for prelude, body in _blocks(css):
        if body is None:
            out.append(prelude)
        elif prelude.lower().startswith("@font-face"):
            if not FA_FONT.search(body):
                out.append(f"{prelude}{{{body}}}")
        elif prelude.startswith("@") and re.match(r"@(media|supports|layer|container|document)\b", prelude):
            inner = strip_font_awesome(body, used)
            if inner.strip():
                out.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@"):
            # @keyframes, @page, @property ...: kept whole (unused Font Awesome keyframes are pruned below)
            out.append(f"{prelude}{{{body}}}")
        else:
            kept = [s for s in _selectors(prelude) if _possible(s, used)]
            if kept:
                out.append(f"{','.join(kept)}{{{body}}}")
    return _drop_unused_keyframes("".join(out))


def _drop_unused_keyframes(css: str) -> str:
    # Font Awesome's animations (fa-spin, fa-beat ...) are named only by the icon classes just dropped
    names = set(FA_KEYFRAMES.findall(css))
    for name in names:
        rest = re.sub(r"@(?:-webkit-)?keyframes\s+" + re.escape(name) + r"\b", "", css)
        if not re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", rest):
            css = "".join(
                f"{p}{{{b}}}" if b is not None else p
                for p, b in _blocks(css)
                if not re.fullmatch(r"@(?:-webkit-)?keyframes\s+" + re.escape(name), p)
            )
    return css


def used_fa_classes(outdir: Path) -> set[str]:
    """Every Font Awesome class named by a page's class attributes or by a script a page loads (the theme's
    scripts add a few; its fontawesome.js, which no page loads, names them all)."""
    used, scripts = set(), set()
    for page in outdir.rglob("*.html"):
        text = page.read_text(encoding="utf-8", errors="replace")
        for attr in CLASS_ATTR.findall(text):
            used |= set(FA_WORD.findall(attr))
        scripts |= {(page.parent / src).resolve() for src in SCRIPT_SRC.findall(text)}
    for script in sorted(scripts):
        if script.is_file() and script.is_relative_to(outdir.resolve()):
            text = script.read_text(encoding="utf-8", errors="replace")
            used |= {m for m in FA_WORD.findall(text) if m.startswith("fa-")}
    return used


def _lighter_css(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    used = used_fa_classes(outdir)
    for rel in THEME_CSS:
        path = outdir / "_static" / rel
        if path.is_file():
            css = path.read_text(encoding="utf-8")
            lighter = strip_font_awesome(css, used)
            if lighter != css:
                path.write_text(lighter, encoding="utf-8")


# --- the chart images -----------------------------------------------------------------------------------------


def _chunks(data: bytes):
    i = len(PNG_SIGNATURE)
    while i + 8 <= len(data):
        (length,) = struct.unpack(">I", data[i : i + 4])
        kind = data[i + 4 : i + 8]
        yield kind, data[i : i + 12 + length]
        i += 12 + length


def _chunk(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))


def palette_png(data: bytes) -> bytes:
    """The PNG with an adaptive palette of 256 colours (alpha kept, no dithering: deterministic), its descriptive
    chunks (text, dpi) copied; the original where it is not truecolour or the palette image is not smaller."""
    if not data.startswith(PNG_SIGNATURE):
        return data
    im = Image.open(io.BytesIO(data))
    if im.mode not in ("RGB", "RGBA"):
        return data
    im.load()
    quantised = im.quantize(COLOURS, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    buf = io.BytesIO()
    quantised.save(buf, "PNG", optimize=True)
    fresh = buf.getvalue()
    kept = b"".join(raw for kind, raw in _chunks(data) if kind in KEPT_CHUNKS)
    head = len(PNG_SIGNATURE) + 25  # the signature and IHDR (13 bytes of data)
    out = fresh[:head] + kept + fresh[head:]
    return out if len(out) < len(data) else data


def _lighter_images(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    for png in sorted((Path(app.outdir) / "_images").glob("*.png")):
        data = png.read_bytes()
        lighter = palette_png(data)
        if lighter is not data:
            png.write_bytes(lighter)


def setup(app):
    # after kharkiv.build.sphinxext's own build-finished step (it strips the phone rendering from each PNG)
    app.connect("build-finished", _lighter_images, priority=900)
    app.connect("build-finished", _lighter_css, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
