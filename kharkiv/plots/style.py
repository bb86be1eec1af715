"""One look for every chart: the book's style file, colour-blind-safe palettes, a source line, and charts drawn at
the size they are shown at.

Every figure displayed in a notebook is written as a 2x PNG (sharp on high-DPI screens) whose width attribute is
its size at 96 CSS px per inch. The PNG records the smallest text in the chart (in points) and its dpi, so that a
test can compute the displayed text size from the width the browser gives the image (tests/test_pages_browser.py).
"""

import io
import struct
import textwrap
from pathlib import Path

import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.text import Text

STYLE_FILE = Path(__file__).with_name("kharkiv.mplstyle")
# Okabe & Ito (2008), safe for the common colour-vision deficiencies.
OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"]
GREY = "#888888"
SIDE_COLOURS = {
    "Ukrainian": "#0072B2",
    "Russian": "#D55E00",
    "third party": "#009E73",
    "unattributed": "#999999",
}
EVENT_TYPE_COLOURS = {
    "Battles": "#D55E00",
    "Explosions/Remote violence": "#E69F00",
    "Violence against civilians": "#CC79A7",
    "Strategic developments": "#0072B2",
}
MAX_CATEGORIES = 6  # colours or shapes a reader can tell apart; the rest are grouped as "other"
COLUMN_PX = 784  # the book's content column at a 1400 px window
CSS_DPI = 96  # CSS px per inch
DPI = 2 * CSS_DPI  # PNGs at twice their display resolution
WIDTH = round(COLUMN_PX / CSS_DPI - 0.05, 2)  # 8.1 in: drawn at the width it is shown at
HEIGHT = 4.4
MIN_TEXT_PX = 9  # the smallest text a reader should meet, in CSS px at its displayed size
MIN_TEXT_PT = MIN_TEXT_PX * 72 / CSS_DPI  # 6.75 pt at full column width
SOURCE_LINE = "Source: Battle of Kharkiv book dataset, curated from five source documents"
# PNG text chunks written into every chart.
KEY_MIN_PT, KEY_DPI = "kharkiv:min-text-pt", "kharkiv:dpi"


def apply() -> None:
    """Set the book's matplotlib defaults from the style file; deterministic output (no dates in metadata)."""
    plt.style.use(["default", STYLE_FILE])
    _register_png()


def source_line(fig: plt.Figure, text: str = SOURCE_LINE) -> None:
    """Write the source under the chart, bottom left, below everything already drawn (legends, tick labels);
    the saved image grows to hold it (savefig.bbox is tight)."""
    fig.canvas.draw()
    box = fig.get_tightbbox(fig.canvas.get_renderer())  # inches
    y = (box.y0 - 0.06) / fig.get_figheight()
    x = box.x0 / fig.get_figwidth()
    fig.text(x, y, text, ha="left", va="top", fontsize=7.5, color="#555555")


def title(ax, text: str, **kwargs) -> None:
    """Set the axes title, wrapped to the width of the axes so that it never widens the chart."""
    fig = ax.get_figure()
    size = kwargs.get("fontsize", plt.rcParams["axes.titlesize"])
    size = size if isinstance(size, (int, float)) else 11.5
    width_pt = ax.get_position().width * fig.get_figwidth() * 72
    ax.set_title(textwrap.fill(plain(text), max(20, int(width_pt / (size * 0.62)))), **kwargs)


def suptitle(fig, text: str, **kwargs) -> None:
    """A left-aligned figure title, wrapped to the figure's width."""
    size = plt.rcParams["figure.titlesize"]
    size = size if isinstance(size, (int, float)) else 11.5
    chars = max(20, int(fig.get_figwidth() * 72 * 0.96 / (size * 0.62)))
    fig.suptitle(textwrap.fill(plain(text), chars), x=0.01, ha="left", **kwargs)


def figure(nrows: int = 1, ncols: int = 1, **kwargs):
    """plt.subplots in the book's style (default size WIDTH x HEIGHT inches, the column's width)."""
    apply()
    kwargs.setdefault("figsize", (WIDTH, HEIGHT))
    out = plt.subplots(nrows, ncols, **kwargs)
    _register_png()  # after pyplot has set up the inline backend, which registers its own formatter
    return out


def plain(text) -> str:
    """Data text for a chart label. Mathtext is off in the style file (text.parse_math), so text is shown as it is."""
    return "" if text is None else str(text)


def smallest_text_pt(fig: Figure) -> float:
    """The smallest font size (pt) of any visible, non-empty text in the figure, as drawn."""
    sizes = [
        t.get_fontsize()
        for t in fig.findobj(Text)
        if t.get_visible() and t.get_text().strip() and (t.get_alpha() is None or t.get_alpha() > 0)
    ]
    return min(sizes) if sizes else float("inf")


def png(fig: Figure, dpi: int = DPI) -> tuple[bytes, dict]:
    """The figure as a PNG at dpi with its smallest text recorded, and the display metadata (width and height
    in CSS px) that Jupyter and myst-nb use, so the image is shown at the size it was drawn for."""
    fig.canvas.draw()
    smallest = smallest_text_pt(fig)
    buf = io.BytesIO()
    meta = {"Software": None, KEY_MIN_PT: f"{smallest:.2f}", KEY_DPI: str(dpi)}
    fig.savefig(buf, format="png", dpi=dpi, metadata=meta)
    data = buf.getvalue()
    w, h = struct.unpack(">II", data[16:24])
    scale = CSS_DPI / dpi
    return data, {"width": round(w * scale), "height": round(h * scale)}


def png_text(data: bytes) -> dict[str, str]:
    """The tEXt chunks of a PNG (what png() recorded)."""
    out, pos = {}, 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"tEXt":
            key, _, value = body.partition(b"\0")
            out[key.decode("latin-1")] = value.decode("latin-1")
        pos += 12 + length
    return out


def displayed_text_px(min_pt: float, dpi: float, natural_px: float, displayed_px: float) -> float:
    """CSS px of text of min_pt points in a PNG drawn at dpi and shown natural_px -> displayed_px wide."""
    return min_pt * dpi / 72 * displayed_px / natural_px


def _register_png() -> None:
    """Inside IPython, show every matplotlib figure through png() (the inline backend's own formatter is replaced)."""
    try:
        from IPython import get_ipython  # lazy: present only in a notebook kernel
    except ImportError:  # pragma: no cover
        return
    ip = get_ipython()
    if ip is None:
        return
    formatters = ip.display_formatter.formatters
    for mime in ("image/svg+xml", "application/pdf", "image/jpeg"):
        formatters[mime].pop(Figure, None)
    formatters["image/png"].for_type(Figure, png)


_register_png()
