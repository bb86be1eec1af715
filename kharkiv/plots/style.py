"""One look for every chart: the book's style file, colour-blind-safe palettes, a source line, and charts drawn at
the size they are shown at.

Every figure displayed in a notebook is written as a 2x PNG (sharp on high-DPI screens) whose width attribute is
its size at 96 CSS px per inch. The PNG records the smallest text in the chart (in points) and its dpi, so that a
test can compute the displayed text size from the width the browser gives the image (tests/book/test_pages_browser.py
and tests/book/test_phone.py).

A phone (issue 24): the same figure is also laid out again for a 342 px column (narrow_figure: the column's width,
text at least 11 CSS px, panels stacked, legends under the axes, titles rewrapped, fewer ticks) and that PNG is
carried inside the full one, in a private chunk. The book's Sphinx extension (kharkiv.build.sphinxext) writes it
out beside the full image and serves it through <picture> to screens of at most 600 px; a click opens the full one.
"""

import io
import itertools
import pickle
import struct
import textwrap
import zlib
from pathlib import Path

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import matplotlib.ticker as mticker
from matplotlib.category import StrCategoryLocator
from matplotlib.figure import Figure
from matplotlib.gridspec import GridSpec
from matplotlib.text import Annotation, Text

from kharkiv.plots import maps

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
KEY_MIN_PT, KEY_DPI, KEY_ALT = "kharkiv:min-text-pt", "kharkiv:dpi", "kharkiv:alt"
# The phone: a 390 px screen leaves a 342 px column; chart text there is at least 11 CSS px.
PHONE_COLUMN_PX = 342  # the article column the theme leaves at 390 px (measured in Chromium)
PHONE_MIN_TEXT_PX = 11
PHONE_MIN_TEXT_PT = PHONE_MIN_TEXT_PX * 72 / CSS_DPI  # 8.25 pt at the phone column's width
NARROW_WIDTH = round(PHONE_COLUMN_PX / CSS_DPI - 0.12, 2)  # inches; the saved image adds pad_inches each side
CATEGORICAL = (mticker.FixedLocator, StrCategoryLocator)  # axes of named categories, not numbers or dates
NARROW_CHUNK = b"khNa"  # private, ancillary, safe-to-copy PNG chunk holding the narrow rendering


def apply() -> None:
    """Set the book's matplotlib defaults from the style file; deterministic output (no dates in metadata)."""
    plt.style.use(["default", STYLE_FILE])
    _register_png()


def source_line(fig: plt.Figure, text: str = SOURCE_LINE) -> None:
    """Write the source under the chart, bottom left, below everything already drawn (legends, tick labels);
    the saved image grows to hold it (savefig.bbox is tight)."""
    fig.draw_without_rendering()
    box = fig.get_tightbbox(fig._get_renderer())  # inches
    y = (box.y0 - 0.06) / fig.get_figheight()
    x = box.x0 / fig.get_figwidth()
    line = fig.text(x, y, text, ha="left", va="top", fontsize=7.5, color="#555555")
    line._kharkiv_source = True


def _lower_source_lines(fig: Figure) -> None:
    """Put each source line below everything else again: a layout change after source_line (subplots_adjust)
    would otherwise let the map's scale bar or the axes print over it."""
    lines = [t for t in fig.texts if getattr(t, "_kharkiv_source", False)]
    if not lines:
        return
    for t in lines:
        t.set_visible(False)
    box = fig.get_tightbbox(fig._get_renderer())
    for t in lines:
        t.set_position((box.x0 / fig.get_figwidth(), (box.y0 - 0.06) / fig.get_figheight()))
        t.set_visible(True)
    fig.draw_without_rendering()


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


def describe(fig: Figure, alt: str) -> None:
    """Say in words what the figure shows (its alt text); png() records it, and the book uses it where the page
    gives the image none (a glued figure)."""
    fig._kharkiv_alt = plain(alt)


def _png_bytes(fig: Figure, dpi: int) -> bytes:
    maps.relabel_figure(fig, getattr(fig, "_kharkiv_min_pt", 0.0))  # at the layout the figure is saved with
    fig.draw_without_rendering()
    _lower_source_lines(fig)
    smallest = smallest_text_pt(fig)
    meta = {"Software": None, KEY_MIN_PT: f"{smallest:.2f}", KEY_DPI: str(dpi)}
    alt = getattr(fig, "_kharkiv_alt", None)
    if alt:
        meta[KEY_ALT] = alt.encode("latin-1", "replace").decode("latin-1")
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, metadata=meta)
    return buf.getvalue()


def png(fig: Figure, dpi: int = DPI, phone: bool = True) -> tuple[bytes, dict]:
    """The figure as a PNG at dpi with its smallest text recorded, and the display metadata (width and height
    in CSS px) that Jupyter and myst-nb use, so the image is shown at the size it was drawn for. With phone, the
    figure's narrow rendering (narrow_figure) rides along in a private chunk (see with_narrow, narrow_png)."""
    data = _png_bytes(fig, dpi)
    w, h = struct.unpack(">II", data[16:24])
    scale = CSS_DPI / dpi
    if phone:
        small = narrow_figure(fig)
        if small is not None:
            data = with_narrow(data, _png_bytes(small, dpi))
            plt.close(small)
    return data, {"width": round(w * scale), "height": round(h * scale)}


def _chunks(data: bytes):
    pos = 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        yield pos, data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        pos += 12 + length


def with_narrow(full: bytes, narrow: bytes) -> bytes:
    """The full PNG with the narrow one stored in a private chunk just before IEND (viewers ignore it)."""
    body = NARROW_CHUNK + narrow
    chunk = struct.pack(">I", len(narrow)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    return full[:-12] + chunk + full[-12:]


def split_narrow(data: bytes) -> tuple[bytes, bytes | None]:
    """(the full PNG without its narrow chunk, the narrow PNG or None)."""
    for pos, kind, body in _chunks(data):
        if kind == NARROW_CHUNK:
            return data[:pos] + data[pos + 12 + len(body) :], body
    return data, None


def narrow_figure(fig: Figure) -> Figure | None:
    """A copy of fig laid out for a phone's 342 px column: the column's width, every text at least
    PHONE_MIN_TEXT_PT, side-by-side panels stacked, legends under their axes, titles and the source line rewrapped,
    at most four or five ticks on a numeric or date axis. None when the figure cannot be copied."""
    try:
        small = pickle.loads(pickle.dumps(fig))
    except Exception:  # a figure holding an unpicklable callback keeps its one rendering
        return None
    w, h = fig.get_size_inches()
    ncols = _stack_panels(small)
    is_map = any(ax.get_aspect() != "auto" for ax in small.axes)
    height = h * ncols * 0.95 if ncols > 1 else max(h * 0.95, 3.2)
    ratios = _map_ratios(small.axes, len(small.axes)) if ncols > 1 else None
    if is_map and ratios:  # stacked maps: each at the column's width, with room for its title and the notes
        height = NARROW_WIDTH * 0.95 * sum(ratios) + 0.5 * len(ratios) + 1.2
    elif is_map:
        height = max(height, NARROW_WIDTH * h / w * 1.15 + 1.2)
    small.set_size_inches(NARROW_WIDTH, height)
    source = [t.get_text() for t in small.texts if getattr(t, "_kharkiv_source", t.get_text() == SOURCE_LINE)]
    for t in [t for t in small.texts if t.get_text() in source]:
        t.remove()
    for t in small.findobj(Text):
        if t.get_fontsize() < PHONE_MIN_TEXT_PT:
            t.set_fontsize(PHONE_MIN_TEXT_PT)
    for ax in small.axes:
        _narrow_axes(ax)
        relayout = getattr(ax, "_kharkiv_narrow", None)
        if relayout is not None:  # a chart with a phone layout of its own (time_axis.key_event_chart)
            relayout(ax, PHONE_MIN_TEXT_PT)
    if small._suptitle is not None and small._suptitle.get_text():
        sup = small._suptitle
        chars = int(NARROW_WIDTH * 72 * 0.95 / (sup.get_fontsize() * 0.6))
        sup.set_text(textwrap.fill(" ".join(sup.get_text().split()), chars))
    for t in small.texts:  # a note under the chart, rewrapped to the column
        if t is not small._suptitle and max(map(len, t.get_text().splitlines() or [""])) > 40:
            chars = int(NARROW_WIDTH * 72 * 0.95 / (t.get_fontsize() * 0.58))
            t.set_text(textwrap.fill(" ".join(t.get_text().split()), chars))
    for leg in list(small.legends):
        _legend_below(small, leg)
    small.set_layout_engine("constrained")
    _fit_inside(small)
    if source:
        small.draw_without_rendering()
        _pin_legends(small)
        small.set_layout_engine("none")
        chars = int(NARROW_WIDTH * 72 / (PHONE_MIN_TEXT_PT * 0.58))
        source_line(small, "\n".join(textwrap.fill(" ".join(line.split()), chars) for line in source))
        small.texts[-1].set_fontsize(PHONE_MIN_TEXT_PT)
    _fit_width(small)
    small._kharkiv_min_pt = PHONE_MIN_TEXT_PT  # a map places its labels again at this size when saved
    maps.relabel_figure(small, PHONE_MIN_TEXT_PT)
    return small


def _fit_inside(fig: Figure, tries: int = 6) -> None:
    """Lay the phone copy out until everything lies inside its width: a title, note or data label running past
    the right edge is rewrapped, a legend too wide is stacked in one column of wrapped labels, and the figure
    grows taller where rows of names need room (so the axes keep the column's width instead of shrinking)."""
    loosened = []
    for ax in fig.axes:
        gs = ax.get_subplotspec().get_gridspec() if ax.get_subplotspec() is not None else None
        if gs is not None and gs.hspace is not None:
            gs.hspace = None  # a gap set as a share of the full-size panels grows with a taller phone copy
        if (
            ax.get_aspect() == "auto"
        ):  # a data label is kept inside the figure by rewrapping, not by the layout
            loosened += [t for t in ax.texts if t.get_in_layout()]
            for t in loosened:
                t.set_in_layout(False)
    for _ in range(tries):
        fig.draw_without_rendering()
        renderer = fig._get_renderer()
        right = fig.bbox.x1 - 2
        changed = any([_thin_ticks(ax, renderer) for ax in fig.axes])
        changed = any([_room_for_labels(ax, renderer, right) for ax in fig.axes]) or changed
        changed = any([_wrap_to(t, renderer, right) for t in _loose_texts(fig)]) or changed
        changed = any([_stack_legend(fig, leg, renderer, right) for leg in _legends(fig)]) or changed
        changed = any([_legend_under_label(ax, renderer) for ax in fig.axes]) or changed
        changed = _grow_for_rows(fig) or changed
        if not changed:
            break
    for t in loosened:  # the saved image (a tight box) holds every label again
        t.set_in_layout(True)


def _room_for_labels(ax, renderer, right: float) -> bool:
    """Widen a numeric x axis (up to twice its span) so that the data labels right of its bars end inside the
    figure, rather than break them over many lines; True if it widened."""
    if (
        ax.get_aspect() != "auto"
        or ax.xaxis.get_scale() != "linear"
        or isinstance(ax.xaxis.get_major_locator(), (mdates.DateLocator, StrCategoryLocator))
    ):
        return False
    x0, x1 = ax.get_xlim()
    span, width = x1 - x0, ax.bbox.width
    want = x1
    for t in ax.texts:
        box = t.get_window_extent(renderer)
        if isinstance(t, Annotation):
            xy = t.xy if t.xycoords == "data" else None
        else:
            xy = t.get_position() if t.get_transform() is ax.transData else None
        if box.x1 <= right or getattr(t, "_kharkiv_keep", False) or xy is None:
            continue
        room = right - box.width - ax.bbox.x0 - (box.x0 - ax.transData.transform(xy)[0])
        if room > 0 and span > 0:
            want = max(want, x0 + (xy[0] - x0) * width / room)
    want = min(want, x0 + 2 * span)
    if want - x1 < 0.01 * span:
        return False
    ax.set_xlim(x0, want)
    return True


def _thin_ticks(ax, renderer) -> bool:
    """Every other tick of a numeric x axis whose labels would touch; True if it changed."""
    labels = [t for t in ax.get_xticklabels() if t.get_visible() and t.get_text()]
    boxes = sorted((t.get_window_extent(renderer) for t in labels), key=lambda b: b.x0)
    if (
        len(boxes) < 3
        or all(a.x1 + 6 <= b.x0 for a, b in itertools.pairwise(boxes))
        or any(t.get_rotation() for t in labels)
    ):
        return False
    loc = ax.xaxis.get_major_locator()
    if isinstance(loc, mdates.DateLocator):
        dates = mdates.AutoDateLocator(minticks=2, maxticks=max(2, len(boxes) // 2))
        ax.xaxis.set_major_locator(dates)  # the chart's own date format is kept
    elif isinstance(loc, mticker.MaxNLocator):
        ax.xaxis.set_major_locator(mticker.MaxNLocator(nbins=max(2, len(boxes) - 2)))
    elif isinstance(loc, mticker.FixedLocator) and not isinstance(
        ax.xaxis.get_major_formatter(), mticker.FixedFormatter
    ):
        ax.set_xticks(list(ax.get_xticks())[::2])
    else:
        return False
    return True


def _pin_legends(fig: Figure) -> None:
    """Keep each figure legend where the constrained layout put it: without the layout engine an 'outside'
    legend would fall back to the figure's bottom corner, over the source line."""
    renderer = fig._get_renderer()
    for leg in fig.legends:
        box = leg.get_window_extent(renderer).transformed(fig.transFigure.inverted())
        leg.set_loc("lower left")
        leg.set_bbox_to_anchor((box.x0, box.y0), transform=fig.transFigure)
        leg.borderaxespad = 0


def _loose_texts(fig: Figure) -> list[Text]:
    """Titles, notes and data labels: texts a phone may rewrap (not tick labels, legends or rotated text)."""
    out = [t for t in fig.texts if t is not fig._suptitle]
    for ax in fig.axes:
        out += [ax.title, ax._left_title, ax._right_title, ax.xaxis.label, *ax.texts]
    return [t for t in out if t.get_visible() and t.get_text().strip() and not t.get_rotation()]


def _wrap_to(t: Text, renderer, right: float) -> bool:
    """Rewrap t, fewer characters a line, until it ends left of `right` (display px); True if it changed."""
    left = t.get_figure(root=True).bbox.x0 + 2

    def inside() -> bool:
        box = t.get_window_extent(renderer)
        return box.x1 <= right and box.x0 >= left

    if inside():
        return False
    words = " ".join(t.get_text().split())
    chars = max(map(len, t.get_text().splitlines()))
    while chars > 8:
        chars -= max(1, chars // 12)
        t.set_text(textwrap.fill(words, chars, break_long_words=False, break_on_hyphens=False))
        if inside():
            break
    return True


def _legends(fig: Figure) -> list:
    return [*fig.legends, *(ax.get_legend() for ax in fig.axes if ax.get_legend() is not None)]


def _stack_legend(fig: Figure, leg, renderer, right: float) -> bool:
    """A legend wider than the figure: its labels wrapped shorter, in one column; True if it changed."""
    box = leg.get_window_extent(renderer)
    if box.x1 <= right and box.x0 >= fig.bbox.x0 - 1:
        return False
    labels = [t.get_text() for t in leg.get_texts()]
    if leg._ncols > 1:  # first one column, the labels as they are
        wrapped = labels
    else:
        longest = max((len(line) for lab in labels for line in lab.splitlines()), default=0)
        chars = max(10, int(longest * min(0.85, (right - fig.bbox.x0) / max(box.width, 1))))
        wrapped = [textwrap.fill(" ".join(lab.split()), chars) for lab in labels]
    _legend_below(fig, leg, None if leg in fig.legends else leg.axes, wrapped=wrapped, ncol=1)
    return True


def _legend_under_label(ax, renderer) -> bool:
    """An axes legend put below its axes (_legend_below) starts just under the x-axis label, whatever the
    axes' height; True if it moved."""
    leg = ax.get_legend()
    if leg is None or not getattr(leg, "_kharkiv_below", False):
        return False
    parts = [ax.xaxis.label, *ax.get_xticklabels()]
    bottom = min(
        (t.get_window_extent(renderer).y0 for t in parts if t.get_visible() and t.get_text()),
        default=ax.bbox.y0,
    )
    y = (bottom - 6 - ax.bbox.y0) / max(ax.bbox.height, 1)
    _, old = leg.get_bbox_to_anchor().transformed(ax.transAxes.inverted()).p0
    if abs(y - old) * ax.bbox.height < 2:
        return False
    leg.set_bbox_to_anchor((0.0, y), transform=ax.transAxes)
    return True


def _grow_for_rows(fig: Figure) -> bool:
    """Make the figure taller where an axes is shorter than its rows of names need (a categorical y axis whose
    wrapped names would overprint each other, or a height a chart's phone layout asked for); True if it grew."""
    need = 0.0
    for ax in fig.axes:
        want = getattr(ax, "_kharkiv_min_height", 0.0)
        labels = [lab for lab in ax.get_yticklabels() if lab.get_text()]
        if isinstance(ax.yaxis.get_major_locator(), CATEGORICAL) and labels:
            lines = max(len(lab.get_text().splitlines()) for lab in labels)
            size = labels[0].get_fontsize()
            want = max(want, len(labels) * (lines * size * 1.25 + 4) / 72)
        have = ax.get_position().height * fig.get_figheight()
        need = max(need, want - have)
    if need <= 0.02:
        return False
    fig.set_size_inches(fig.get_figwidth(), fig.get_figheight() + need + 0.05)
    return True


def _fit_width(fig: Figure, tries: int = 8) -> None:
    """Narrow the figure until its saved image (tight box: everything drawn) fits the phone column."""
    for _ in range(tries):
        fig.draw_without_rendering()
        width = fig.get_tightbbox(fig._get_renderer()).width
        # a margin: text measured at the screen's dpi runs a little wider at the saved dpi
        target = PHONE_COLUMN_PX / CSS_DPI - 2 * plt.rcParams["savefig.pad_inches"] - 0.15
        excess = width - target
        if excess <= 0.005:
            return
        w, h = fig.get_size_inches()
        fig.set_size_inches(max(1.0, w - excess - 0.02), h)


def _stack_panels(fig: Figure) -> int:
    """Put axes that sit side by side one under another; returns how many columns there were."""
    specs = [(ax, ax.get_subplotspec()) for ax in fig.axes if ax.get_subplotspec() is not None]
    if len(specs) < 2:
        return 1
    grid = specs[0][1].get_gridspec()
    nrows, ncols = grid.get_geometry()
    if ncols < 2 or any(s.get_gridspec() is not grid for _, s in specs):
        return 1
    order = sorted(specs, key=lambda a_s: (a_s[1].colspan.start, a_s[1].rowspan.start))
    stacked = GridSpec(
        nrows * ncols, 1, figure=fig, height_ratios=_map_ratios([ax for ax, _ in order], nrows * ncols)
    )
    for ax, spec in specs:
        r0, r1 = spec.rowspan.start, spec.rowspan.stop
        c0 = spec.colspan.start
        ax.set_subplotspec(stacked[c0 * nrows + r0 : c0 * nrows + r1, 0])
    return ncols


def _map_ratios(axes, rows: int) -> list[float] | None:
    """Height over width of each map when the stacked panels are all maps, one per row, so that each gets the
    height its shape needs (equal rows would leave a wide map floating in a tall one's space); else None."""
    if len(axes) != rows or any(ax.get_aspect() == "auto" for ax in axes):
        return None
    return [
        abs(ax.get_ylim()[1] - ax.get_ylim()[0]) / abs(ax.get_xlim()[1] - ax.get_xlim()[0]) for ax in axes
    ]


def _narrow_axes(ax) -> None:
    fig = ax.get_figure()
    for loc in ("left", "center", "right"):
        text = ax.get_title(loc)
        if text:
            size = ax.title.get_fontsize() if loc == "center" else PHONE_MIN_TEXT_PT
            chars = max(18, int(NARROW_WIDTH * 72 * 0.66 / (max(size, PHONE_MIN_TEXT_PT) * 0.62)))
            ax.set_title(textwrap.fill(" ".join(text.split()), chars), loc=loc)
    for axis in (ax.xaxis, ax.yaxis):
        loc = axis.get_major_locator()
        if isinstance(loc, mdates.AutoDateLocator):
            axis.set_major_locator(mdates.AutoDateLocator(minticks=2, maxticks=4))
        elif isinstance(loc, (mticker.AutoLocator, mticker.MaxNLocator)) and not isinstance(
            loc, mticker.LogLocator
        ):
            axis.set_major_locator(mticker.MaxNLocator(nbins=4))
    for text in ax.texts:  # fewer words on a phone: a data label keeps its first line ("40.6 a week")
        keep = getattr(text, "_kharkiv_keep", False)  # a note that must show every word is rewrapped instead
        if "\n" in text.get_text() and text.get_fontsize() < ax.title.get_fontsize() and not keep:
            text.set_text(text.get_text().split("\n")[0])
    if isinstance(ax.xaxis.get_major_locator(), CATEGORICAL) and ax.get_xticklabels():
        longest = max(len(t.get_text()) for t in ax.get_xticklabels())
        if longest * len(ax.get_xticks()) > 40:  # category names side by side would overprint each other
            for label in ax.get_xticklabels():
                label.set_text(textwrap.fill(" ".join(label.get_text().split()), 14))
            ax.set_xticks(ax.get_xticks(), [lab.get_text() for lab in ax.get_xticklabels()], rotation=90)
    if isinstance(ax.yaxis.get_major_locator(), CATEGORICAL) and ax.get_yticklabels():
        labels = [textwrap.fill(" ".join(lab.get_text().split()), 16) for lab in ax.get_yticklabels()]
        ax.set_yticks(ax.get_yticks(), labels)
    if ax.get_legend() is not None:
        _legend_below(fig, ax.get_legend(), ax)


def _legend_below(
    fig: Figure, leg, ax=None, wrapped: list[str] | None = None, ncol: int | None = None
) -> None:
    handles = getattr(leg, "legend_handles", None) or getattr(leg, "legendHandles", [])
    labels = [t.get_text() for t in leg.get_texts()]
    title = leg.get_title().get_text()
    if not labels:
        return
    wrapped = wrapped or [textwrap.fill(" ".join(lab.split()), 34) for lab in labels]
    ncol = ncol or (2 if max(len(x) for x in labels) <= 14 else 1)
    kwargs = dict(loc="upper left", ncol=ncol, frameon=False, title=title or None, alignment="left")
    kwargs["fontsize"] = max(leg.get_texts()[0].get_fontsize(), PHONE_MIN_TEXT_PT)
    kwargs["title_fontsize"] = kwargs["fontsize"]
    leg.remove()
    if ax is not None:
        ax.legend(handles, wrapped, bbox_to_anchor=(0.0, -0.12), **kwargs)._kharkiv_below = True
    else:
        fig.legend(
            handles,
            wrapped,
            loc="outside lower left",
            ncol=ncol,
            frameon=False,
            title=title or None,
            fontsize=kwargs["fontsize"],
            title_fontsize=kwargs["fontsize"],
        )


def png_text(data: bytes) -> dict[str, str]:
    """The tEXt chunks of a PNG (what png() recorded)."""
    out = {}
    for _, kind, body in _chunks(data):
        if kind == b"tEXt":
            key, _, value = body.partition(b"\0")
            out[key.decode("latin-1")] = value.decode("latin-1")
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
