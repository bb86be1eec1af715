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


THIRD_PASS = {  # curation/notes/third_pass.md, "Merged (old id -> kept id)"
    "e0016": "e0013",
    "e0324": "e0315",
    "e0339": "e0340",
    "e0616": "e0358",
    "n0644": "n0008",
    "n0651": "n0335",
}


def test_retired_ids_of_the_third_pass_are_found_with_the_rows_that_kept_them():
    import re

    from kharkiv.data.load import load_tables

    t = load_tables()
    r = downloads.retired_ids(t)
    kept = dict(zip(r["retired"], r["kept"], strict=True))
    assert {k: kept.get(k) for k in THIRD_PASS} == THIRD_PASS
    assert r["retired"].is_unique and (r["why"] != "").all()
    # every id a note names as retired, in whatever words, is published
    named = set()
    for table in ("events", "statements"):
        for note in t[table]["notes"].dropna():
            named |= set(re.findall(r"\bretired (?:event |statement |figure )?([en]\d{4,})", note))
    assert named <= set(r["retired"]), sorted(named - set(r["retired"]))


def test_the_retired_ids_download_is_written_and_offered(tmp_path):
    retired = pd.DataFrame(
        [
            {
                "retired": "e0009",
                "kind": "event",
                "kept": "e0001",
                "table": "events",
                "why": "same day, and place",
            }
        ]
    )
    path = tmp_path / downloads.RETIRED_FILE
    assert downloads.write_retired(retired, path) == 1
    assert pd.read_csv(path).to_dict("records") == retired.to_dict("records")
    shown = downloads.retired_table(retired)
    assert shown.iloc[0].tolist() == ["e0009", "an event", "e0001", "same day, and place"]
    assert downloads.retired_facts(retired)["n_retired"] == "1 retired identifier"
    assert downloads.RETIRED_FILE in downloads.offered(PACKAGE, _geo(tmp_path))


def test_the_published_retired_ids_agree_with_the_data():
    from kharkiv.data.load import load_tables
    from kharkiv.data.paths import NOTEBOOKS

    published = pd.read_csv(NOTEBOOKS / downloads.RETIRED_FILE, dtype=str, keep_default_na=False)
    assert published.to_dict("records") == downloads.retired_ids(load_tables()).to_dict("records")
