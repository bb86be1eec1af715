"""Is a place's coordinate in (or near) the oblast the data gives for it?

Boundaries are Natural Earth admin-1 polygons from data/geo; the test is even-odd point-in-polygon, then the
distance to the boundary in kilometres (local equirectangular, good to well under 1 % at this scale).
Plain numpy: fast, and no geometry library to import when the book only loads its tables.
"""

import json
import math
from functools import lru_cache
from pathlib import Path

import numpy as np

KM_PER_DEG_LAT = 111.2


def _key(name: str) -> str:
    return name.casefold().replace("'", "").replace("’", "").strip()


def _rings(geometry: dict) -> list[np.ndarray]:
    polys = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return [np.asarray(ring, dtype=float) for poly in polys for ring in poly]


@lru_cache(maxsize=4)
def boundaries(files: tuple[str, ...]) -> dict[str, dict]:
    """Geometry of every admin-1 unit in the files, by each of its names (name, name_en, name_alt)."""
    out = {}
    for f in files:
        for feat in json.loads(Path(f).read_text(encoding="utf-8"))["features"]:
            p = feat["properties"]
            names = [p.get("name") or "", p.get("name_en") or "", *(p.get("name_alt") or "").split("|")]
            for n in filter(None, names):
                out.setdefault(_key(n), feat["geometry"])
    return out


def _inside(rings: list[np.ndarray], x: float, y: float) -> bool:
    crossings = 0
    for r in rings:
        x1, y1, x2, y2 = r[:-1, 0], r[:-1, 1], r[1:, 0], r[1:, 1]
        straddle = (y1 > y) != (y2 > y)
        with np.errstate(divide="ignore", invalid="ignore"):
            xs = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
        crossings += int(np.count_nonzero(straddle & (x < xs)))
    return crossings % 2 == 1


def _distance_km(rings: list[np.ndarray], lon: float, lat: float) -> float:
    k = math.cos(math.radians(lat)) * KM_PER_DEG_LAT
    best = math.inf
    for r in rings:
        a = (r[:-1] - (lon, lat)) * (k, KM_PER_DEG_LAT)
        b = (r[1:] - (lon, lat)) * (k, KM_PER_DEG_LAT)
        d = b - a
        t = np.clip(-(a * d).sum(1) / np.maximum((d * d).sum(1), 1e-12), 0, 1)
        best = min(best, float(np.sqrt(((a + t[:, None] * d) ** 2).sum(1)).min()))
    return best


def distance_outside_km(rings: list[np.ndarray], lon: float, lat: float) -> float:
    """0 inside the unit, else the distance to its boundary in km."""
    return 0.0 if _inside(rings, lon, lat) else _distance_km(rings, lon, lat)


def find(bounds: dict[str, dict], oblast: str) -> list[np.ndarray] | None:
    """The rings of the named unit, or None if the files have no unit of that name."""
    geometry = bounds.get(_key(oblast)) or bounds.get(_key(oblast.removesuffix(" Oblast")))
    if geometry is None:
        return None
    if "rings" not in geometry:  # converted once, on first use
        geometry["rings"] = _rings(geometry)
    return geometry["rings"]
