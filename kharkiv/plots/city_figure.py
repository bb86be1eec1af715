"""The figure of the strikes on the city as the chapters show it (the chronology and civilian harm): two maps, the
whole city and its centre enlarged, under one title, with the strikes no map can draw counted in words."""

import pandas as pd

from kharkiv.plots import maps, style

CREDIT = "Map: Natural Earth urban area (public domain); district points: OpenStreetMap (ODbL)"


def city_strike_figure(parts: dict, places: pd.DataFrame, title: str, colour: str = "#D55E00"):
    """parts: harm.city_strikes(); title: the answer the figure gives. A phone stacks the two maps."""
    fig, axes = style.figure(1, 2, figsize=(style.WIDTH, 5.2))
    maps.city_strike_maps(axes, parts, places, colour)
    fig.subplots_adjust(left=0.01, right=0.99, top=0.84, bottom=0.07, wspace=0.04)
    style.suptitle(fig, title)
    style.source_line(fig, f"{maps.not_drawn_note(parts)}\n{CREDIT}")
    return fig
