"""Addresses and coordinates taken from public references: each one https, each with its basis, each title as printed,
and every landmark that an event uses placed inside the city."""

import csv

import pytest

from kharkiv.chapters import bibliography
from kharkiv.data.paths import DATA

CITY = "kharkiv"
# The city's built-up footprint (Natural Earth urban areas, data/geo/SOURCES.md): lon 35.93-36.48, lat 49.78-50.16.
CITY_BOX = {"lat": (49.78, 50.16), "lon": (35.93, 36.48)}


def rows(name: str) -> list[dict]:
    with open(DATA / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


LINKED = [
    ("sources.csv", "url", "url_basis"),
    ("reference_links.csv", "url", "basis"),
]


@pytest.mark.parametrize(("name", "url", "basis"), LINKED)
def test_every_address_is_https_and_every_row_has_a_basis(name, url, basis):
    table = rows(name)
    assert table
    for i, r in enumerate(table, start=2):
        assert r[basis].strip(), f"{name} line {i}: no {basis}"
        if r[url]:
            assert r[url].startswith("https://") and " " not in r[url], f"{name} line {i}: {r[url]!r}"


def test_reference_links_status_matches_the_address():
    for i, r in enumerate(rows("reference_links.csv"), start=2):
        assert bool(r["url"]) == (r["status"] != "not established"), f"reference_links.csv line {i}"


def test_outlet_variants_have_a_basis_and_one_canonical_name_each():
    table = rows("outlets.csv")
    variants = [r["variant"] for r in table]
    assert len(variants) == len(set(variants))
    assert all(r["basis"].strip() and r["canonical"].strip() for r in table)
    canon = {r["canonical"] for r in table}
    assert all(c in variants for c in canon), "a canonical name maps to itself"


def test_every_reference_link_is_an_entry_of_the_reference_list_as_printed(seeds):
    text = (seeds / "000_c121be9c419ef93c.txt").read_text(encoding="utf-8")
    entries = bibliography.parse(bibliography.reference_list(text))
    printed = set(zip(entries["outlet"], entries["title"], entries["date"], strict=True))
    for i, r in enumerate(rows("reference_links.csv"), start=2):
        assert (r["outlet"], r["title"], r["date"]) in printed, (
            f"reference_links.csv line {i}: {r['title']!r}"
        )


def test_sources_without_an_address_say_so():
    for r in rows("sources.csv"):
        if not r["url"]:
            assert "not established" in r["url_basis"].lower(), r["source_id"]


def test_every_landmark_an_event_uses_that_has_coordinates_lies_inside_the_city():
    places = {r["place_id"]: r for r in rows("places.csv")}
    used = {r["place_id"] for r in rows("events.csv")}
    checked = 0
    for pid in sorted(used):
        p = places[pid]
        if p["within"] != CITY or not p["lat"]:
            continue
        lat, lon = float(p["lat"]), float(p["lon"])
        assert CITY_BOX["lat"][0] <= lat <= CITY_BOX["lat"][1], (pid, lat)
        assert CITY_BOX["lon"][0] <= lon <= CITY_BOX["lon"][1], (pid, lon)
        assert p["coord_source"].strip(), pid
        checked += 1
    assert checked > 0


def test_located_landmarks_say_where_the_coordinate_comes_from():
    for r in rows("places.csv"):
        if r["within"] == CITY and r["coord_precision"] != "none":
            assert r["lat"] and r["lon"] and r["coord_source"].strip(), r["place_id"]
        if r["coord_precision"] == "none":
            assert not r["lat"] and not r["lon"], r["place_id"]
