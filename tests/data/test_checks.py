"""Unit tests of the checking helpers: ids, name folding, figures in evidence, oblast distance, cells."""

import pandas as pd
import pytest

from kharkiv.data import cells, ids, names, oblasts
from kharkiv.data import figure_evidence as figures
from kharkiv.data.paths import GEO


def test_ids_sort_by_number_past_four_digits():
    assert ids.sorted_ids(["e10000", "e9999", "e0001", "e0010"]) == ["e0001", "e0010", "e9999", "e10000"]
    assert ids.sort_key("e10000") > ids.sort_key("e9999")
    assert ids.sort_key("kharkiv") == "kharkiv"  # not an id: unchanged


def test_ids_series_key_sorts_a_frame_by_number():
    df = pd.DataFrame({"event_id": ["e10000", "e9999", "e0002"], "n": [1, 2, 3]})
    out = df.sort_values("event_id", key=ids.series_key)
    assert list(out["event_id"]) == ["e0002", "e9999", "e10000"]
    assert list(df.sort_values(["n", "event_id"], key=ids.series_key)["n"]) == [1, 2, 3]


@pytest.mark.parametrize(
    "twin", ["KHARKIV", " Kharkiv  ", "Khar\u200bkiv", "Kharkіv", "ΚΗΑRΚΙV", "Ｋｈａｒｋｉｖ"]
)
def test_names_fold_to_one(twin):
    assert names.fold(twin) == names.fold("Kharkiv") == "kharkiv"


def test_different_names_stay_apart():
    assert names.fold("Kharkiv") != names.fold("Kharkiv Oblast")
    assert names.fold("Харків") != names.fold("Kharkiv")  # a whole name in Cyrillic is another spelling


@pytest.mark.parametrize(
    ("value", "text", "ok"),
    [
        (6, "at least 6 GAZ Tigr-Ms", True),
        (1400000, "At 1.4 million inhabitants", True),
        (1000, "some 1,000 people", True),
        (2, "both soldiers", True),
        (7, "at least 6 GAZ Tigr-Ms", False),
        (6, "at least 16 GAZ Tigr-Ms", False),
    ],
)
def test_a_figure_stands_in_its_evidence(value, text, ok):
    assert figures.stands_in(value, text) is ok


def test_oblast_distance_is_zero_inside_and_grows_outside():
    bounds = oblasts.boundaries((str(GEO / "admin1_kharkiv_neighbours_ne10m.geojson"),))
    kharkiv = oblasts.find(bounds, "Kharkiv")
    assert oblasts.distance_outside_km(kharkiv, 36.23, 50.0) == 0
    assert 30 < oblasts.distance_outside_km(kharkiv, 38.4, 48.9) < 100  # in Luhansk oblast
    assert oblasts.find(bounds, "Donetsk") is oblasts.find(bounds, "Donets'k")
    assert oblasts.find(bounds, "Atlantis") is None


@pytest.mark.parametrize("raw", ["  ", "\u200b", "\t\u2060"])
def test_blank_cells(raw):
    assert cells.is_blank(raw)
    assert not cells.is_blank(" x ")


def test_a_scaled_copy_of_the_data_is_valid_and_grows_past_four_digit_ids(tmp_path):
    from kharkiv.build.synthetic import scaled_copy
    from kharkiv.data.load import validate_and_load
    from kharkiv.data.paths import DATA

    one = validate_and_load(DATA, seeds=False)
    two = validate_and_load(scaled_copy(DATA, tmp_path / "data", 2), seeds=False)
    assert len(two["events"]) == 2 * len(one["events"])
    assert len(two["statements"]) == 2 * len(one["statements"])
    assert two["events"]["event_id"].str.len().max() == 6  # e10001 and on


def test_the_codebook_lists_the_rules_with_the_package_settings():
    from kharkiv.chapters import codebook
    from kharkiv.data import datapackage as schema

    pkg = schema.package()
    text = " ".join(codebook.rules_table(pkg)["what the loader checks"])
    tolerance = next(r for r in pkg["resources"] if r["name"] == "places")["x_coordinates_in_oblast"]
    assert f"at most {tolerance['tolerance_km']} km" in text
    assert "n0047" in text and "places.name" in text
