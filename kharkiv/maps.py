"""Static base maps from the geodata in data/geo (offline, print-ready)."""

from functools import cache

import geopandas as gpd

from .paths import GEO

REGION = (35.0, 38.9, 48.7, 50.9)  # lon_min, lon_max, lat_min, lat_max: Kharkiv Oblast and the border
CITY = (36.05, 36.55, 49.88, 50.15)  # Kharkiv city and its northern and eastern suburbs
LAND, NEIGHBOUR, BORDER, RIVER = "#F7F7F7", "#E3E3E3", "#444444", "#56B4E9"


@cache
def layer(name: str) -> gpd.GeoDataFrame:
    return gpd.read_file(GEO / name)


def base_map(ax, extent=REGION, rivers: bool = True, labels: bool = True):
    """Oblasts (Kharkiv highlighted), the Russia–Ukraine border, and the Siverskyi Donets and Oskil rivers."""
    admin = layer("admin1_kharkiv_neighbours_ne10m.geojson")
    kharkiv = admin["iso_3166_2"] == "UA-63"
    admin[~kharkiv].plot(ax=ax, color=NEIGHBOUR, edgecolor="white", linewidth=0.8, zorder=1)
    admin[kharkiv].plot(ax=ax, color=LAND, edgecolor="#999999", linewidth=0.8, zorder=1)
    if rivers:
        riv = layer("rivers_ne10m_kharkiv_region.geojson")
        named = riv["name"].fillna("").isin(["Donets", "Seversky Donets", "Oskol"])
        riv[named].plot(ax=ax, color=RIVER, linewidth=1.4, zorder=2)
    layer("ua_ru_border_ne10m.geojson").plot(ax=ax, color=BORDER, linewidth=1.6, linestyle="--", zorder=3)
    ax.set_xlim(extent[0], extent[1])
    ax.set_ylim(extent[2], extent[3])
    ax.set_aspect(1 / 0.64)  # cos(50°): degrees of longitude are shorter than degrees of latitude here
    ax.set_xlabel("Longitude (°E)")
    ax.set_ylabel("Latitude (°N)")
    if labels:
        ax.text(
            0.99, 0.99, "RUSSIA", transform=ax.transAxes, ha="right", va="top", fontsize=9, color="#666666"
        )
        ax.text(
            0.01,
            0.01,
            "Dashed line: Russia–Ukraine border; blue: Siverskyi Donets and Oskil rivers",
            transform=ax.transAxes,
            ha="left",
            va="bottom",
            fontsize=7,
            color="#444444",
        )
    return ax
