"""One look for every chart: colour-blind-safe palette, sizes, and a source line."""

import matplotlib as mpl
import matplotlib.pyplot as plt

# Okabe & Ito (2008), safe for the common colour-vision deficiencies.
OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"]
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
WIDTH, HEIGHT = 9.0, 4.8
SOURCE_LINE = "Source: Battle of Kharkiv book dataset, curated from five source documents"


def apply() -> None:
    """Set the book's matplotlib defaults; deterministic output (no dates in metadata)."""
    mpl.rcParams.update(
        {
            "figure.figsize": (WIDTH, HEIGHT),
            "figure.dpi": 100,
            "savefig.dpi": 100,
            "axes.prop_cycle": mpl.cycler(color=OKABE_ITO),
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.titlesize": 12,
            "axes.titleweight": "bold",
            "axes.titlelocation": "left",
            "font.size": 10,
            "svg.hashsalt": "kharkiv",
            "legend.frameon": False,
        }
    )


def source_line(fig: plt.Figure, text: str = SOURCE_LINE) -> None:
    """Write the source under the chart, bottom left."""
    fig.text(0.01, 0.005, text, ha="left", va="bottom", fontsize=8, color="#555555")
    fig.subplots_adjust(bottom=max(fig.subplotpars.bottom, 0.16))


def figure(nrows: int = 1, ncols: int = 1, **kwargs):
    apply()
    return plt.subplots(nrows, ncols, **kwargs)
