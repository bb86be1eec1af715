"""Distances and base-map layers from the geodata copied into data/geo."""

import json
from functools import lru_cache

import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer
from shapely.geometry import Point, shape

from kharkiv.data.paths import GEO

# UTM zone 37N: metric, low distortion over Kharkiv Oblast.
_UTM = Transformer.from_crs("EPSG:4326", "EPSG:32637", always_xy=True)


def _to_metres(geom):
    return shapely.transform(geom, lambda xy: np.column_stack(_UTM.transform(xy[:, 0], xy[:, 1])))


EARTH_RADIUS_KM = 6371.0088
KM_PER = {"km": 1.0, "miles": 1.609344}  # sources state distances in either; data keeps them as stated


def haversine_km(lat1, lon1, lat2, lon2):
    """Great-circle distance in km; works on scalars and arrays."""
    lat1, lon1, lat2, lon2 = map(np.radians, (lat1, lon1, lat2, lon2))
    a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(a))


def read_geojson(name: str) -> dict:
    return json.loads((GEO / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _border_m():
    feature = read_geojson("ua_ru_border_ne10m.geojson")["features"][0]
    return _to_metres(shape(feature["geometry"]))


def km_to_border(lat, lon) -> float:
    """Shortest distance in km from a point to the Ukraine–Russia land border."""
    if pd.isna(lat) or pd.isna(lon):
        return float("nan")
    return _border_m().distance(_to_metres(Point(float(lon), float(lat)))) / 1000


def add_distances(places: pd.DataFrame, centre: tuple[float, float]) -> pd.DataFrame:
    """Add km_from_centre and km_to_border columns (NaN where a place has no coordinate)."""
    out = places.copy()
    lat, lon = out["lat"].astype(float), out["lon"].astype(float)
    out["km_from_centre"] = haversine_km(centre[0], centre[1], lat, lon)
    out["km_to_border"] = [km_to_border(a, b) for a, b in zip(lat, lon, strict=False)]
    return out


def stated_km(distances: pd.DataFrame) -> pd.Series:
    """Distance statements (measure 'distance', unit km or miles) converted to km, for comparison only."""
    return distances["value"].astype(float) * distances["unit"].astype(str).map(KM_PER)
