"""kharkiv.chapters.downloads: every file offered whole, counts that agree with their nouns, the citation from CITATION.cff."""

import json

import pandas as pd

from kharkiv.chapters import downloads

PACKAGE = {
    "title": "A dataset",
    "version": "1.2.3",
    "licenses": [{"title": "CC BY 4.0", "name": "CC-BY-4.0", "path": "https://example.org/by/4.0/"}],
    "resources": [
        {"name": "events", "path": "events.csv", "description": "Events", "schema": {"fields": [{}, {}]}},
        {"name": "phases", "path": "phases.csv", "description": "Phases", "schema": {"fields": [{}]}},
    ],
}


def _geo(tmp_path):
    (tmp_path / "border.geojson").write_text(json.dumps({"features": [{}]}), encoding="utf-8")
    (tmp_path / "rivers.geojson").write_text(json.dumps({"features": [{}, {}]}), encoding="utf-8")
    (tmp_path / "SOURCES.md").write_text("provenance", encoding="utf-8")
    return tmp_path


def test_counts_agree_with_their_nouns(tmp_path):
    t = {"events": pd.DataFrame({"x": range(2)}), "phases": pd.DataFrame({"x": [1]})}
    facts = downloads.table_facts(t, PACKAGE)
    assert (facts["rows_events"], facts["rows_phases"]) == ("2 rows", "1 row")
    assert (facts["n_tables"], facts["n_rows"], facts["package_version"]) == ("two", "3", "1.2.3")
    assert downloads.layer_facts(_geo(tmp_path)) == {
        "features_border": "1 feature",
        "features_rivers": "2 features",
    }
    overview = downloads.tables_overview(t, PACKAGE)
    assert overview[["table", "rows", "fields"]].values.tolist() == [["events", 2, 2], ["phases", 1, 1]]


def test_every_file_must_be_linked(tmp_path):
    geo = _geo(tmp_path)
    linked = "\n".join(f"{{download}}`x <{p}>`" for p in downloads.offered(PACKAGE, geo))
    assert downloads.missing_links(linked, PACKAGE, geo) == []
    without = linked.replace("<../data/geo/rivers.geojson>`", "")
    assert downloads.missing_links(without, PACKAGE, geo) == ["../data/geo/rivers.geojson"]
    assert "../data/geo/SOURCES.md" in downloads.offered(PACKAGE, geo)


def test_citation_and_bibtex_come_from_the_citation_file():
    cff = {
        "authors": [{"name": "The contributors"}, {"given-names": "Ada", "family-names": "Lovelace"}],
        "title": "A book",
        "version": "0.1.0",
        "date-released": "2026-01-02",
        "type": "dataset",
        "license": "CC-BY-4.0",
    }
    assert downloads.citation(cff) == (
        "The contributors; Ada Lovelace (2026). A book (version 0.1.0, released 2026-01-02) [dataset]. "
        "Public address not yet set; cite the version. Licence: CC-BY-4.0."
    )
    assert "Available at https://x.org/book." in downloads.citation(cff, "https://x.org/book")
    bib = downloads.bibtex(cff)
    assert bib.startswith("@misc{kharkiv2026,") and "author = {{The contributors; Ada Lovelace}}" in bib
    assert "version = {0.1.0}" in bib and bib.endswith("}")


def test_retired_ids_name_the_row_that_kept_them():
    import pandas as pd

    t = {
        "events": pd.DataFrame(
            {"event_id": ["e0001"], "notes": ["x. Merged from retired event e0009 (same day (and place))."]}
        ),
        "statements": pd.DataFrame({"statement_id": ["n0001"], "notes": [None]}),
    }
    r = downloads.retired_ids(t)
    assert r.to_dict("records") == [
        {
            "retired": "e0009",
            "kind": "event",
            "kept": "e0001",
            "table": "events",
            "why": "same day (and place)",
        }
    ]
