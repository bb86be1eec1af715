"""The helper package: distances, phases on a time axis, escaping tables, the codebook, freshness."""

import math

import nbformat
import pandas as pd
import pytest

from kharkiv.build.freshness import cells_hash
from kharkiv.chapters import codebook
from kharkiv.data import datapackage as schema
from kharkiv.data.load import load_tables
from kharkiv.model import geo, periods
from kharkiv.text import html_tables as tables


def test_haversine_matches_a_known_distance():
    # One degree of latitude is about 111.2 km anywhere.
    assert geo.haversine_km(50.0, 36.0, 51.0, 36.0) == pytest.approx(111.19, abs=0.05)


def test_kharkiv_lies_about_30_km_from_the_border():
    # s000: "located just 30 kilometres (19 mi) south of the Russia–Ukraine border".
    assert geo.km_to_border(50.00544, 36.23163) == pytest.approx(30, abs=3)


def test_distance_to_border_is_nan_without_a_coordinate():
    assert math.isnan(geo.km_to_border(None, None))


def test_add_distances_keeps_every_row():
    places = load_tables()["places"]
    out = geo.add_distances(places, (50.00544, 36.23163))
    assert len(out) == len(places)
    assert out.loc[places["lat"].isna().to_numpy(), "km_from_centre"].isna().all()


def test_phase_of_assigns_each_date_to_its_phase():
    phases = load_tables()["phases"]
    first, last = phases.sort_values("order").iloc[[0, -1]].itertuples()
    dates = pd.Series(pd.to_datetime([first.start_date, last.end_date, "2023-01-01"]))
    assert list(periods.phase_of(dates, phases).fillna("none")) == [first.phase_id, last.phase_id, "none"]


def test_tables_escape_every_cell_and_header():
    html = tables.html_table(pd.DataFrame({"<th>": ["<script>x</script>", None]}))
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;th&gt;" in html


def test_codebook_lists_every_field_with_counts():
    res = schema.resources()["events"]
    t = codebook.field_table(res, load_tables()["events"])
    assert list(t["field"]) == [f["name"] for f in res["schema"]["fields"]]
    assert (t.loc[t["required"] == "yes", "filled"] == len(load_tables()["events"])).all()


def test_cells_hash_changes_with_a_cell_but_not_with_outputs():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
    before = cells_hash(nb)
    nb.cells[0].outputs = [
        nbformat.v4.new_output("execute_result", data={"text/plain": "2"}, execution_count=1)
    ]
    assert cells_hash(nb) == before
    nb.cells[0].source = "1 + 2"
    assert cells_hash(nb) != before
