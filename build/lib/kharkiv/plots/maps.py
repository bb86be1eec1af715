"""Static base maps from the geodata in data/geo (offline, print-ready)."""

from functools import cache

import geopandas as gpd
import matplotlib.patheffects as pe
import pandas as pd
import shapely
from matplotlib.lines import Line2D
from matplotlib.transforms import Bbox
from pyproj import Transformer

from kharkiv.data.paths import GEO

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


# --- Projected maps (UTM zone 37N), with scale bar, north arrow, built-up areas and labels that do not collide ---

UTM = "EPSG:32637"  # metric, low distortion over Kharkiv Oblast
URBAN, CITY_FILL, KHARKIV_EDGE = "#D9C7A7", "#E8DCC4", "#777777"
_TO_UTM = Transformer.from_crs("EPSG:4326", UTM, always_xy=True)
_HALO = [pe.withStroke(linewidth=2.5, foreground="white")]
NAMED_RIVERS = {"Donets": "Siverskyi Donets", "Seversky Donets": "Siverskyi Donets", "Oskol": "Oskil"}


def to_xy(lon, lat):
    """Projected (x, y) in metres of WGS84 lon/lat (scalars or arrays)."""
    return _TO_UTM.transform(lon, lat)


@cache
def projected(name: str) -> gpd.GeoDataFrame:
    return layer(name).to_crs(UTM)


def _extent_xy(extent):
    """lon/lat box -> projected box (the box around the four projected corners)."""
    xs, ys = to_xy([extent[0], extent[1], extent[0], extent[1]], [extent[2], extent[2], extent[3], extent[3]])
    return min(xs), max(xs), min(ys), max(ys)


def scale_bar(ax, km: float, loc=(0.04, 0.05)) -> None:
    """A bar of km kilometres, bottom left, in axes position loc (the map's units are metres)."""
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    x, y = x0 + loc[0] * (x1 - x0), y0 + loc[1] * (y1 - y0)
    ax.plot([x, x + km * 1000], [y, y], color="#222222", lw=3, solid_capstyle="butt", zorder=9)
    ax.text(
        x + km * 500,
        y + 0.015 * (y1 - y0),
        f"{km:g} km",
        ha="center",
        va="bottom",
        fontsize=9,
        zorder=9,
        path_effects=_HALO,
    )


def north_arrow(ax, loc=(0.95, 0.88)) -> None:
    """An arrow pointing to grid north (within a degree of true north over the oblast in UTM 37N)."""
    ax.annotate(
        "N",
        xy=loc,
        xytext=(loc[0], loc[1] - 0.1),
        xycoords="axes fraction",
        ha="center",
        va="center",
        fontsize=10,
        fontweight="bold",
        arrowprops={"arrowstyle": "-|>", "color": "#222222", "lw": 1.5},
        zorder=9,
    )


def _overlaps(box, boxes) -> int:
    return sum(box.overlaps(b) for b in boxes)


OFFSETS = [(6, 4), (6, -12), (-6, 4), (-6, -12), (0, 9), (0, -16), (10, -4), (-10, -4)]


def place_labels(ax, xs, ys, names, fontsize: float = 9, avoid=()) -> list:
    """Name each point, trying eight positions around it and keeping the first that collides with no label
    already placed (nor with avoid, a list of display-space boxes); else the least crowded. Greedy, in order given."""
    fig = ax.figure
    fig.canvas.draw()  # the axes take their final size (equal aspect) only at draw time
    renderer = fig.canvas.get_renderer()
    dots = ax.transData.transform(list(zip(xs, ys, strict=False))) if len(xs) else []
    placed = [*avoid, *(Bbox.from_extents(px - 3, py - 3, px + 3, py + 3) for px, py in dots)]
    texts = []
    for x, y, name in zip(xs, ys, names, strict=False):
        best = None
        for dx, dy in OFFSETS:
            t = ax.annotate(
                str(name),
                (x, y),
                xytext=(dx, dy),
                textcoords="offset points",
                fontsize=fontsize,
                ha="left" if dx > 0 else "right" if dx < 0 else "center",
                zorder=8,
                path_effects=_HALO,
                annotation_clip=True,
            )
            box = t.get_window_extent(renderer)
            score = _overlaps(box, placed) + (
                0 if ax.bbox.contains(box.x0, box.y0) and ax.bbox.contains(box.x1, box.y1) else 5
            )
            if best is None or score < best[0]:
                if best is not None:
                    best[1].remove()
                best = (score, t, box)
            else:
                t.remove()
            if score == 0:
                break
        placed.append(best[2])
        texts.append(best[1])
    return texts


def region_map(ax, extent=REGION, scale_km: float = 50, rivers_named: bool = True):
    """The region in UTM 37N: oblasts, built-up areas, the named rivers, the border, scale bar and north arrow."""
    admin = projected("admin1_kharkiv_neighbours_ne10m.geojson")
    kharkiv = admin["iso_3166_2"] == "UA-63"
    admin[~kharkiv].plot(ax=ax, color=NEIGHBOUR, edgecolor="white", linewidth=0.8, zorder=1)
    admin[kharkiv].plot(ax=ax, color=LAND, edgecolor="#999999", linewidth=0.8, zorder=1)
    projected("urban_areas_ne50m_kharkiv_region.geojson").plot(ax=ax, color=URBAN, linewidth=0, zorder=2)
    riv = projected("rivers_ne10m_kharkiv_region.geojson")
    named = riv[riv["name"].fillna("").isin(list(NAMED_RIVERS))]
    named.plot(ax=ax, color=RIVER, linewidth=1.4, zorder=3)
    projected("ua_ru_border_ne10m.geojson").plot(ax=ax, color=BORDER, linewidth=1.6, linestyle="--", zorder=4)
    x0, x1, y0, y1 = _extent_xy(extent)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")
    for side in ax.spines.values():
        side.set_visible(True)
        side.set_color("#BBBBBB")
    scale_bar(ax, scale_km)
    north_arrow(ax)
    return ax


def river_labels(ax) -> list:
    """Label each named river once, at the middle of its longest visible piece (display boxes returned)."""
    riv = projected("rivers_ne10m_kharkiv_region.geojson")
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    boxes, renderer = [], ax.figure.canvas.get_renderer()
    frame = shapely.box(x0, y0, x1, y1)
    for label in sorted(set(NAMED_RIVERS.values())):
        parts = riv[riv["name"].map(NAMED_RIVERS) == label].geometry.intersection(frame)
        parts = parts[~parts.is_empty]
        if parts.empty:
            continue
        line = max(parts, key=lambda g: g.length)
        p = line.interpolate(0.5, normalized=True)
        t = ax.text(
            p.x,
            p.y,
            label,
            fontsize=8.5,
            color="#1F6E9C",
            style="italic",
            ha="center",
            va="center",
            zorder=7,
            path_effects=_HALO,
        )
        boxes.append(t.get_window_extent(renderer))
    return boxes


def country_label(ax, text: str, lon: float, lat: float) -> None:
    x, y = to_xy(lon, lat)
    ax.text(x, y, text, fontsize=10, color="#666666", ha="center", va="center", zorder=7, path_effects=_HALO)


def inset_ukraine(ax, bounds=(0.0, 0.74, 0.26, 0.26)):
    """A small map of Ukraine in the corner of ax, the Kharkiv region filled and the main map's frame drawn."""
    ins = ax.inset_axes(list(bounds))
    ua = projected("admin1_ukraine_all_ne10m.geojson")
    ua.plot(ax=ins, color="#E3E3E3", edgecolor="white", linewidth=0.3)
    ua[ua["iso_3166_2"] == "UA-63"].plot(ax=ins, color="#555555", linewidth=0)
    ins.set_aspect("equal")
    ins.set_xticks([])
    ins.set_yticks([])
    ins.set_xlabel("")
    ins.set_ylabel("")
    ins.set_facecolor("white")
    for side in ins.spines.values():
        side.set_visible(True)
        side.set_color("#999999")
    ins.text(0.03, 0.05, "Ukraine", transform=ins.transAxes, fontsize=8, color="#444444")
    return ins


def points_xy(df: pd.DataFrame) -> pd.DataFrame:
    """Add projected x, y to a frame with lat/lon (rows without a coordinate are left with NaN)."""
    lon, lat = df["lon"].astype(float), df["lat"].astype(float)
    x, y = to_xy(lon.to_numpy(), lat.to_numpy())
    return df.assign(x=x, y=y)


def gazetteer() -> pd.DataFrame:
    """The open gazetteer in data/geo (verified rows only; never a coordinate typed from memory)."""
    g = pd.read_csv(GEO / "gazetteer_places.csv")
    return g[g["verified"] == "yes"].reset_index(drop=True)


def _no_axis_labels(ax) -> None:
    """GeoPandas labels the axes in metres each time it plots; a map needs no axis labels."""
    ax.set_xlabel("")
    ax.set_ylabel("")


def city_map(ax, extent=CITY, scale_km: float = 5):
    """Kharkiv in UTM 37N: its built-up footprint, the district names (gazetteer points), scale bar, north arrow."""
    region_map(ax, extent=extent, scale_km=scale_km)
    urban = projected("urban_areas_ne50m_kharkiv_region.geojson")
    urban.plot(ax=ax, color=CITY_FILL, edgecolor="#B59A6A", linewidth=0.8, zorder=2)
    d = points_xy(gazetteer().query("kind == 'district'"))
    for r in d.itertuples():
        ax.text(
            r.x,
            r.y,
            r.name.replace(" District", ""),
            fontsize=8,
            color="#7A6A4F",
            ha="center",
            va="center",
            style="italic",
            zorder=3,
            path_effects=_HALO,
        )
    _no_axis_labels(ax)
    return ax


def centre_xy(places: pd.DataFrame, place_id: str = "kharkiv") -> tuple[float, float]:
    row = places.set_index("place_id").loc[place_id]
    return to_xy(float(row["lon"]), float(row["lat"]))


def mark_city(ax, places: pd.DataFrame, place_id: str = "kharkiv") -> tuple[float, float]:
    x, y = centre_xy(places, place_id)
    ax.scatter([x], [y], marker="*", s=220, color="#000000", edgecolor="white", zorder=7)
    return x, y


def settlements_map(
    ax, places: pd.DataFrame, groups, extent=REGION, scale_km: float = 50, inset: bool = True
):
    """The region map with Kharkiv and groups of settlements: groups is [(label, frame with lat/lon/place, colour)].

    Settlements without a coordinate cannot be drawn; the caller says how many (see unplaced_count()).
    Returns the legend handles.
    """

    region_map(ax, extent=extent, scale_km=scale_km)
    avoid = river_labels(ax)
    country_label(ax, "RUSSIA", 37.9, 50.75)
    if inset:
        inset_ukraine(ax)
    cx, cy = mark_city(ax, places)
    xs, ys, names = [cx], [cy], [places.set_index("place_id").loc["kharkiv", "name"]]
    handles = [Line2D([], [], marker="*", ls="", color="#000000", markersize=12, label=names[0])]
    for label, frame, colour in groups:
        pts = points_xy(frame.dropna(subset=["lat", "lon"]))
        ax.scatter(pts["x"], pts["y"], s=46, color=colour, edgecolor="white", linewidth=0.8, zorder=6)
        xs, ys, names = xs + list(pts["x"]), ys + list(pts["y"]), names + list(pts["place"])
        handles.append(Line2D([], [], marker="o", ls="", color=colour, markersize=7, label=label))
    place_labels(ax, xs, ys, names, avoid=avoid)
    return handles


def unplaced_count(frame: pd.DataFrame) -> int:
    """How many rows of a frame of places cannot be drawn for want of a coordinate."""
    return int(frame["lat"].isna().sum())


def retaken_panels(axes, places: pd.DataFrame, frames, titles, colour: str = "#0072B2") -> None:
    """Small multiples: on each region map, the settlements named as retaken by that panel's date."""
    for ax, frame, title in zip(axes, frames, titles, strict=True):
        region_map(ax, scale_km=50)
        mark_city(ax, places)
        pts = points_xy(frame.dropna(subset=["lat", "lon"]))
        ax.scatter(pts["x"], pts["y"], s=30, color=colour, edgecolor="white", linewidth=0.6, zorder=6)
        ax.set_title(title, fontsize=10, loc="left")
        _no_axis_labels(ax)


STRIKES = "Explosions/Remote violence"


def city_strikes(events: pd.DataFrame, city: str = "kharkiv") -> dict[str, pd.DataFrame]:
    """The strikes on the city (events of type Explosions/Remote violence at the city or a place within it), split
    into those that can be placed on the map, those at a landmark no open gazetteer locates, and those the source
    places only in the city as a whole. Every strike is in exactly one part."""
    s = events[
        (events["event_type"] == STRIKES) & ((events["place_id"] == city) | (events["within"] == city))
    ]
    whole_city = s["place_id"] == city
    located = ~whole_city & s["lat"].notna()
    return {"placed": s[located], "no_coordinate": s[~whole_city & ~located], "city_only": s[whole_city]}


MARKER_STEP = 50  # pt² added per further strike at a site...
MARKER_STEPS = (
    8  # ...for at most this many further strikes; more, and the steps shrink so circles stay on the map
)


def marker_area(n, most) -> float:
    """The area (pt²) of the circle for a site with n strikes when the busiest site has most: 40 for one strike,
    50 more for each further one, the steps shrunk where the busiest site would outgrow MARKER_STEPS of them."""
    shrink = min(1.0, MARKER_STEPS / max(int(most) - 1, 1))
    return 40 + MARKER_STEP * (n - 1) * shrink


def city_strike_map(ax, parts: dict, places: pd.DataFrame, colour: str = "#D55E00") -> None:
    """The city map with each placed strike site sized by its strikes; approximate points hollow; sites named."""
    city_map(ax)
    mark_city(ax, places)
    placed = parts["placed"]
    sites = (
        placed.groupby(["place", "lat", "lon", "coord_precision"], observed=True)
        .size()
        .rename("n")
        .reset_index()
    )
    sites = points_xy(sites)
    for r in sites.itertuples():
        hollow = r.coord_precision == "approximate"
        ax.scatter(
            r.x,
            r.y,
            s=marker_area(r.n, sites["n"].max()),
            zorder=6,
            linewidths=1.6,
            edgecolor=colour,
            facecolor="white" if hollow else colour,
            alpha=0.9,
        )
    place_labels(ax, list(sites["x"]), list(sites["y"]), list(sites["place"]), fontsize=8.5)
