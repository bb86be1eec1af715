"""Static base maps from the geodata in data/geo (offline, print-ready)."""

import math
import textwrap
from functools import cache

import geopandas as gpd
import matplotlib.patheffects as pe
import pandas as pd
import shapely
from matplotlib.collections import LineCollection, PatchCollection
from matplotlib.lines import Line2D
from matplotlib.patches import PathPatch, Rectangle
from matplotlib.path import Path
from matplotlib.text import Text
from matplotlib.transforms import Bbox
from pyproj import Transformer

from kharkiv.data.paths import GEO
from kharkiv.text import prose

REGION = (35.0, 38.9, 48.7, 50.9)  # lon_min, lon_max, lat_min, lat_max: Kharkiv Oblast and the border
CITY = (36.05, 36.55, 49.88, 50.15)  # Kharkiv city and its northern and eastern suburbs
CENTRE = (36.185, 36.262, 49.98, 50.02)  # the city centre and the landmarks just west of it
LAND, NEIGHBOUR, BORDER, RIVER = "#F7F7F7", "#E3E3E3", "#444444", "#56B4E9"


@cache
def layer(name: str) -> gpd.GeoDataFrame:
    return gpd.read_file(GEO / name)


def _polygons(geom):
    return list(geom.geoms) if hasattr(geom, "geoms") else [geom]


def draw_areas(ax, frame: gpd.GeoDataFrame, color, edgecolor="none", linewidth=0.0, zorder=1):
    """Fill the polygons of a frame (holes kept) as one collection. Unlike GeoDataFrame.plot, whose collection is
    a local class, this can be pickled, so that a map gets its phone rendering (style.narrow_figure)."""
    patches = []
    for geom in frame.geometry:
        for poly in _polygons(geom):
            if poly.is_empty or poly.geom_type != "Polygon":
                continue
            rings = [poly.exterior, *poly.interiors]
            path = Path.make_compound_path(*(Path(list(r.coords), closed=True) for r in rings))
            patches.append(PathPatch(path))
    coll = PatchCollection(patches, facecolor=color, edgecolor=edgecolor, linewidth=linewidth, zorder=zorder)
    ax.add_collection(coll)
    return coll


def draw_lines(ax, frame: gpd.GeoDataFrame, color, linewidth=1.0, linestyle="-", zorder=2):
    """Draw the lines of a frame as one (picklable) collection."""
    segs = [list(g.coords) for geom in frame.geometry for g in _polygons(geom) if not g.is_empty]
    coll = LineCollection(segs, colors=color, linewidths=linewidth, linestyles=linestyle, zorder=zorder)
    ax.add_collection(coll)
    return coll


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
    label = ax.text(
        x + km * 500,
        y + 0.015 * (y1 - y0),
        f"{km:g} km",
        ha="center",
        va="bottom",
        fontsize=9,
        zorder=9,
        path_effects=_HALO,
    )
    record(ax, label)


def north_arrow(ax, loc=(0.95, 0.88)) -> None:
    """An arrow pointing to grid north (within a degree of true north over the oblast in UTM 37N)."""
    arrow = ax.annotate(
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
    record(ax, arrow)


# Every label a map helper draws is recorded on its axes (LABELS), so that a test can check that no two overlap and
# the phone rendering can place the point labels again at its own size (relabel). Fixed labels (scale bar, north
# arrow, rivers, countries, notes) stay where they are; point labels are placed greedily around them.
LABELS = "_kharkiv_labels"  # [Text]: every label on the axes, fixed or placed
POINT_LABELS = (
    "_kharkiv_point_labels"  # [(xs, ys, names, options)]: each place_labels call, to redo on a phone
)
KEEP_CLEAR = "_kharkiv_keep_clear"  # data extents (x0, x1, y0, y1) no label may cover
UNLABELLED = "_kharkiv_unlabelled"  # [name]: points left unnamed for want of room
LEADER = {"arrowstyle": "-", "color": "#666666", "lw": 0.6, "shrinkA": 1, "shrinkB": 2}


def record(ax, *texts: Text) -> None:
    """Note texts as labels of the map on ax (see LABELS)."""
    if not hasattr(ax, LABELS):
        setattr(ax, LABELS, [])
    getattr(ax, LABELS).extend(texts)
    for t in texts:  # labels sit inside the map; they never push the layout about
        t.set_in_layout(False)


def labels(ax) -> list[Text]:
    """The labels recorded on ax that are drawn (visible, not empty, still on the axes)."""
    return [t for t in getattr(ax, LABELS, []) if t.axes is ax and t.get_visible() and t.get_text().strip()]


def label_boxes(ax) -> list[Bbox]:
    """The display boxes of the recorded labels, text only (a leader line is not part of its label's box)."""
    ax.figure.draw_without_rendering()
    renderer = ax.figure._get_renderer()
    return [Text.get_window_extent(t, renderer) for t in labels(ax)]


def unlabelled(ax) -> list[str]:
    """Names of points place_labels left unnamed on ax because no free spot was near enough."""
    return list(getattr(ax, UNLABELLED, []))


# Candidate offsets (points) around a dot, nearest first: beside it, then farther out with a leader line.
_ANGLES = range(0, 360, 15)
_RINGS = (12, 22, 34, 48, 64, 82, 104, 128)  # points beyond the dot's edge


def _candidates(r: float):
    """(dx, dy, ha, va, leader) in points around a dot of radius r points: beside it first, then on rings."""
    g = r + 2
    yield g, 0, "left", "center", False
    yield -g, 0, "right", "center", False
    yield 0, g, "center", "bottom", False
    yield 0, -g, "center", "top", False
    for sx, sy in ((1, 1), (1, -1), (-1, 1), (-1, -1)):
        yield sx * 0.7 * g, sy * 0.7 * g, "left" if sx > 0 else "right", "bottom" if sy > 0 else "top", False
    for ring in _RINGS:
        for a in _ANGLES:
            dx, dy = (g + ring) * math.cos(math.radians(a)), (g + ring) * math.sin(math.radians(a))
            ha = "left" if dx > 1 else "right" if dx < -1 else "center"
            va = "bottom" if dy > 1 else "top" if dy < -1 else "center"
            yield round(dx, 1), round(dy, 1), ha, va, True


def _crowding(p, pts, within: float = 80.0) -> int:
    """How many other points lie within `within` display pixels of p: the most crowded are named first, while
    the spots around them are still free."""
    return sum(0 < math.dist(p, q) <= within for q in pts)


def _dot_radius_pt(area_pt2) -> float:
    return max(area_pt2, 36) ** 0.5 / 2


def _dot_box(px, py, area_pt2, dpi):
    r = _dot_radius_pt(area_pt2) * dpi / 72 + 0.5
    return Bbox.from_extents(px - r, py - r, px + r, py + r)


def _box_at(size, p, dx, dy, ha, va, dpi) -> Bbox:
    """The display box of a label of size (width, height) pixels set (dx, dy) points from p, aligned ha and va."""
    w, h = size
    x = p[0] + dx * dpi / 72 - {"left": 0, "center": w / 2, "right": w}[ha]
    y = p[1] + dy * dpi / 72 - {"bottom": 0, "center": h / 2, "top": h}[va]
    return Bbox.from_bounds(x, y, w, h)


def _free(box, p, frame, taken, n_avoid: int, leader: bool) -> bool:
    """Whether a label box fits: inside the frame, clear of every box taken, and, with a leader from the point p,
    the leader crosses no label or dot but its own (the first n_avoid boxes taken are areas it may cross)."""
    inside = frame.contains(box.x0, box.y0) and frame.contains(box.x1, box.y1)
    if not inside or any(box.overlaps(b) for b in taken):
        return False
    return not (leader and _crosses(p, box, [b for b in taken[n_avoid:] if not b.contains(*p)]))


def _crosses(p, box, boxes) -> bool:
    """Whether the leader from display point p to the label box passes through another box."""
    line = shapely.LineString([p, ((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2)])
    return any(line.intersects(shapely.box(b.x0, b.y0, b.x1, b.y1)) for b in boxes)


def place_labels(
    ax, xs, ys, names, fontsize: float = 9, avoid=(), sizes=None, dots: bool = True, **text
) -> list:
    """Name each point so that no label box overlaps another label, a dot, or a box in avoid (display space).

    Greedy, in the order given: each label takes the first free spot of a list of candidates, beside its point and
    then farther out on rings, joined to it by a thin leader line. A point with no free spot within the rings stays
    unnamed and is listed (unlabelled). sizes: marker areas (pt²) of the dots, to keep labels off them; dots=False
    names areas (districts) with no dot: the label is centred on the point and may shift a little, no leader.
    Every label is recorded (LABELS) and the call too, so the phone rendering can place them again (relabel)."""
    xs, ys = list(xs), list(ys)
    names = [
        textwrap.fill(str(n), 22) if len(str(n)) > 24 else str(n) for n in names
    ]  # long names on two lines
    sizes = list(sizes) if sizes is not None else [36.0] * len(xs)
    calls = getattr(ax, POINT_LABELS, [])
    setattr(
        ax, POINT_LABELS, [*calls, (xs, ys, names, dict(fontsize=fontsize, sizes=sizes, dots=dots, **text))]
    )
    return _place(ax, xs, ys, names, fontsize, list(avoid), sizes, dots, text)


def _place(ax, xs, ys, names, fontsize, avoid, sizes, dots, text) -> list:
    fig = ax.figure
    fig.draw_without_rendering()  # the axes take their final size (equal aspect) only at draw time
    renderer = fig._get_renderer()
    frame = ax.get_window_extent(renderer)
    pts = ax.transData.transform(list(zip(xs, ys, strict=True))) if xs else []
    taken = [*avoid, *_kept_clear(ax), *(Text.get_window_extent(t, renderer) for t in labels(ax))]
    if dots:
        taken += [_dot_box(px, py, a, fig.dpi) for (px, py), a in zip(pts, sizes, strict=True)]
    placed, missing = [], []
    rows = list(zip(pts, xs, ys, names, sizes, strict=True))
    for (px, py), x, y, name, area in sorted(rows, key=lambda r: -_crowding(r[0], pts)) if dots else rows:
        if not frame.contains(px, py):
            continue
        options = (
            _candidates(_dot_radius_pt(area))
            if dots
            else (
                (dx, dy, "center", "center", False) for dx, dy in [(0, 0), (0, 6), (0, -6), (8, 0), (-8, 0)]
            )
        )
        size = None
        chosen = None
        for dx, dy, ha, va, leader in options:
            box = _box_at(size, (px, py), dx, dy, ha, va, fig.dpi) if size else None
            if box and not _free(box, (px, py), frame, taken, len(avoid), leader):
                continue  # a label keeps its size wherever it goes: most spots are ruled out without drawing it
            t = ax.annotate(
                name,
                (x, y),
                xytext=(dx, dy),
                textcoords="offset points",
                fontsize=fontsize,
                ha=ha,
                va=va,
                zorder=8,
                path_effects=_HALO,
                annotation_clip=True,
                arrowprops=LEADER if leader else None,
                **text,
            )
            t.update_positions(renderer)  # an annotation finds its place only when drawn
            box = Text.get_window_extent(t, renderer)
            size = (box.width, box.height)
            if _free(box, (px, py), frame, taken, len(avoid), leader):
                chosen = (t, box)
                break
            t.remove()
        if chosen is None:
            missing.append(name)
            continue
        chosen[0]._kharkiv_placed = True
        taken.append(chosen[1])
        placed.append(chosen[0])
        record(ax, chosen[0])
    setattr(ax, UNLABELLED, [*unlabelled(ax), *missing])
    return placed


def relabel_figure(fig, min_pt: float = 0.0) -> None:
    """Place the point labels of every map in fig again, at the figure's final layout (style.png calls this)."""
    for ax in fig.axes:
        if getattr(ax, POINT_LABELS, None):
            relabel(ax, min_pt)


def relabel(ax, min_pt: float) -> None:
    """Place the point labels of ax again (the phone rendering: another size, larger text)."""
    calls = getattr(ax, POINT_LABELS, [])
    for t in [t for t in ax.texts if getattr(t, "_kharkiv_placed", False)]:
        t.remove()
    setattr(ax, UNLABELLED, [])
    for xs, ys, names, opts in calls:
        opts = dict(opts)
        size = max(opts.pop("fontsize"), min_pt)
        sizes, dots = opts.pop("sizes"), opts.pop("dots")
        _place(ax, xs, ys, names, size, [], sizes, dots, opts)


def region_map(ax, extent=REGION, scale_km: float = 50, rivers_named: bool = True):
    """The region in UTM 37N: oblasts, built-up areas, the named rivers, the border, scale bar and north arrow."""
    admin = projected("admin1_kharkiv_neighbours_ne10m.geojson")
    kharkiv = admin["iso_3166_2"] == "UA-63"
    draw_areas(ax, admin[~kharkiv], NEIGHBOUR, edgecolor="white", linewidth=0.8, zorder=1)
    draw_areas(ax, admin[kharkiv], LAND, edgecolor="#999999", linewidth=0.8, zorder=1)
    draw_areas(ax, projected("urban_areas_ne50m_kharkiv_region.geojson"), URBAN, zorder=2)
    riv = projected("rivers_ne10m_kharkiv_region.geojson")
    named = riv[riv["name"].fillna("").isin(list(NAMED_RIVERS))]
    draw_lines(ax, named, RIVER, linewidth=1.4, zorder=3)
    draw_lines(ax, projected("ua_ru_border_ne10m.geojson"), BORDER, linewidth=1.6, linestyle="--", zorder=4)
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
    boxes, renderer = [], ax.figure._get_renderer()
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
        record(ax, t)
        boxes.append(t.get_window_extent(renderer))
    return boxes


def country_label(ax, text: str, lon: float, lat: float) -> None:
    x, y = to_xy(lon, lat)
    t = ax.text(
        x, y, text, fontsize=10, color="#666666", ha="center", va="center", zorder=7, path_effects=_HALO
    )
    record(ax, t)


def inset_ukraine(ax, bounds=(0.0, 0.74, 0.26, 0.26)):
    """A small map of Ukraine in the corner of ax, the Kharkiv region filled and the main map's frame drawn."""
    ins = ax.inset_axes(list(bounds))
    ua = projected("admin1_ukraine_all_ne10m.geojson")
    draw_areas(ins, ua, "#E3E3E3", edgecolor="white", linewidth=0.3)
    draw_areas(ins, ua[ua["iso_3166_2"] == "UA-63"], "#555555")
    ins.autoscale_view()
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


def city_map(ax, extent=CITY, scale_km: float = 5, districts: bool = True):
    """Kharkiv in UTM 37N: its built-up footprint, the district names (gazetteer points), scale bar, north arrow."""
    region_map(ax, extent=extent, scale_km=scale_km)
    urban = projected("urban_areas_ne50m_kharkiv_region.geojson")
    draw_areas(ax, urban, CITY_FILL, edgecolor="#B59A6A", linewidth=0.8, zorder=2)
    if districts:
        district_labels(ax)
    _no_axis_labels(ax)
    return ax


def district_labels(ax, avoid=()) -> list:
    """The city's district names, each centred on its gazetteer point or shifted a little to stay clear."""
    d = points_xy(gazetteer().query("kind == 'district'"))
    names = [n.replace(" District", "") for n in d["name"]]
    return place_labels(
        ax, d["x"], d["y"], names, fontsize=8, avoid=avoid, dots=False, color="#6B5B40", style="italic"
    )


def dot_boxes(ax, xs, ys, sizes) -> list[Bbox]:
    """Display boxes of markers of the given areas (pt²) at data points, for labels to keep clear of."""
    ax.figure.draw_without_rendering()
    pts = ax.transData.transform(list(zip(xs, ys, strict=True))) if len(xs) else []
    return [_dot_box(px, py, a, ax.figure.dpi) for (px, py), a in zip(pts, sizes, strict=True)]


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
    sizes = [220.0]
    handles = [Line2D([], [], marker="*", ls="", color="#000000", markersize=12, label=names[0])]
    for label, frame, colour in groups:
        pts = points_xy(frame.dropna(subset=["lat", "lon"]))
        ax.scatter(pts["x"], pts["y"], s=46, color=colour, edgecolor="white", linewidth=0.8, zorder=6)
        xs, ys, names = xs + list(pts["x"]), ys + list(pts["y"]), names + list(pts["place"])
        sizes += [46.0] * len(pts)
        handles.append(Line2D([], [], marker="o", ls="", color=colour, markersize=7, label=label))
    place_labels(ax, xs, ys, names, avoid=avoid, sizes=sizes)
    return handles


def unplaced_count(frame: pd.DataFrame) -> int:
    """How many rows of a frame of places cannot be drawn for want of a coordinate."""
    return int(frame["lat"].isna().sum())


def retaken_panels(axes, places: pd.DataFrame, frames, titles, colour: str = "#0072B2") -> None:
    """Small multiples: on each region map, the settlements named as retaken by that panel's date, named where
    there is room (the newest first, then Kharkiv's star); the rest are listed by unlabelled(ax)."""
    for ax, frame, title in zip(axes, frames, titles, strict=True):
        region_map(ax, scale_km=50)
        cx, cy = mark_city(ax, places)
        pts = points_xy(frame.dropna(subset=["lat", "lon"]))
        ax.scatter(pts["x"], pts["y"], s=30, color=colour, edgecolor="white", linewidth=0.6, zorder=6)
        ax.set_title(title, fontsize=10, loc="left")
        _no_axis_labels(ax)
        if "start_date" in pts:
            pts = pts.sort_values("start_date", ascending=False, kind="stable")
        city = places.set_index("place_id").loc["kharkiv", "name"]
        place_labels(
            ax,
            [cx, *pts["x"]],
            [cy, *pts["y"]],
            [city, *pts["place"]],
            fontsize=7.5,
            sizes=[220, *[30] * len(pts)],
        )


STRIKES = "Explosions/Remote violence"


MARKER_STEP = 50  # pt² added per further strike at a site...
MARKER_STEPS = (
    8  # ...for at most this many further strikes; more, and the steps shrink so circles stay on the map
)


def marker_area(n, most) -> float:
    """The area (pt²) of the circle for a site with n strikes when the busiest site has most: 40 for one strike,
    50 more for each further one, the steps shrunk where the busiest site would outgrow MARKER_STEPS of them."""
    shrink = min(1.0, MARKER_STEPS / max(int(most) - 1, 1))
    return 40 + MARKER_STEP * (n - 1) * shrink


def strike_sites(parts: dict) -> pd.DataFrame:
    """The placed strikes of city_strikes() by site: place, coordinates (UTM), precision, n strikes, marker area."""
    sites = (
        parts["placed"]
        .groupby(["place", "lat", "lon", "coord_precision"], observed=True)
        .size()
        .rename("n")
        .reset_index()
    )
    sites = points_xy(sites)
    return sites.assign(area=[marker_area(n, sites["n"].max()) for n in sites["n"]])


def _within(x, y, extent) -> bool:
    x0, x1, y0, y1 = _extent_xy(extent)
    return x0 <= x <= x1 and y0 <= y <= y1


def city_strike_map(
    ax,
    parts: dict,
    places: pd.DataFrame,
    colour: str = "#D55E00",
    extent=CITY,
    scale_km: float = 5,
    enlarged=None,
) -> None:
    """The city map with each placed strike site sized by its strikes; approximate points hollow; sites named.

    enlarged: an extent shown on another map (city_strike_maps): its sites are drawn here but named there, and it
    is outlined and labelled. The strikes no map can draw are counted under the maps (city_figure)."""
    city_map(ax, extent=extent, scale_km=scale_km, districts=False)
    cx, cy = mark_city(ax, places)
    sites = strike_sites(parts)
    for r in sites.itertuples():
        hollow = r.coord_precision == "approximate"
        ax.scatter(
            r.x,
            r.y,
            s=r.area,
            zorder=6,
            linewidths=1.6,
            edgecolor=colour,
            facecolor="white" if hollow else colour,
            alpha=0.9,
        )
    xs, ys, areas = [cx, *sites["x"]], [cy, *sites["y"]], [220, *sites["area"]]
    if enlarged is not None:
        _outline(ax, enlarged)
    named = sites[
        [enlarged is None or not _within(x, y, enlarged) for x, y in zip(sites["x"], sites["y"], strict=True)]
    ]
    place_labels(
        ax,
        list(named["x"]),
        list(named["y"]),
        list(named["place"]),
        fontsize=8.5,
        sizes=list(named["area"]),
    )
    district_labels(ax, avoid=dot_boxes(ax, xs, ys, areas))


def _outline(ax, extent) -> None:
    """A thin box round an extent enlarged on another map, labelled under it; labels keep off it (KEEP_CLEAR)."""
    x0, x1, y0, y1 = _extent_xy(extent)
    ax.add_patch(
        Rectangle((x0, y0), x1 - x0, y1 - y0, fill=False, edgecolor="#333333", linewidth=1.0, zorder=7)
    )
    label = ax.annotate(
        "centre, enlarged",
        ((x0 + x1) / 2, y1),
        xytext=(0, 3),
        textcoords="offset points",
        ha="center",
        va="bottom",
        fontsize=8,
        zorder=8,
        path_effects=_HALO,
    )
    record(ax, label)
    setattr(ax, KEEP_CLEAR, [*getattr(ax, KEEP_CLEAR, []), (x0, x1, y0, y1)])


def _kept_clear(ax) -> list[Bbox]:
    """Display boxes of the areas (data extents) that labels keep off, at the axes' present layout."""
    boxes = []
    for x0, x1, y0, y1 in getattr(ax, KEEP_CLEAR, []):
        (a, b), (c, d) = ax.transData.transform([(x0, y0), (x1, y1)])
        boxes.append(Bbox.from_extents(a, b, c, d))
    return boxes


def city_strike_maps(axes, parts: dict, places: pd.DataFrame, colour: str = "#D55E00") -> None:
    """The strikes on the city on two maps: the whole city with the centre outlined, and the centre enlarged,
    where most named landmarks lie (a phone stacks the two)."""
    whole, centre = axes
    city_strike_map(whole, parts, places, colour, enlarged=CENTRE)
    whole.set_title("The whole city", fontsize=10, loc="left")
    city_strike_map(centre, parts, places, colour, extent=CENTRE, scale_km=1)
    centre.set_title("The centre, enlarged", fontsize=10, loc="left")


def not_drawn_note(parts: dict) -> str:
    """The strikes the city map cannot draw, counted in words: those the sources place only in "the city", and
    those at a named place that has no coordinates."""
    whole, unknown = len(parts["city_only"]), len(parts["no_coordinate"])
    bits = []
    if whole:
        bits.append(f"{prose.count(whole, 'strike')} the sources place only in the city as a whole")
    if unknown:
        bits.append(f"{prose.count(unknown, 'strike')} at named places with no known coordinates")
    if not bits:
        return "Every strike on the city is drawn."
    return f"Not drawn: {prose.listing(bits)}."
