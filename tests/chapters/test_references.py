"""kharkiv.chapters.bibliography: the bibliography is taken from the encyclopedia's reference list, nothing added."""

from kharkiv.chapters import bibliography as references
from kharkiv.data.paths import ROOT


def test_parse_keeps_title_outlet_author_and_date_as_printed():
    text = (
        'Harding, Luke (27 February 2022). "Kharkiv governor claims". The Guardian. Archived. '
        '"Shells rain down on Kharkiv". BBC News. 17 March 2022. Archived.'
    )
    e = references.parse(text)
    assert list(e["outlet"]) == ["The Guardian", "BBC News"]
    assert e.iloc[0]["author"] == "Harding, Luke" and e.iloc[0]["date"] == "27 February 2022"
    assert e.iloc[1]["title"] == "Shells rain down on Kharkiv" and e.iloc[1]["date"] == "17 March 2022"


def test_every_bibliography_title_is_in_the_source_document(seeds):
    text = (seeds / "000_c121be9c419ef93c.txt").read_text(encoding="utf-8")
    bib = (ROOT / "book" / "references.bib").read_text(encoding="utf-8")
    titles = [
        line.split("= {{", 1)[1].rstrip("},") for line in bib.splitlines() if line.strip().startswith("title")
    ]
    assert titles
    for title in titles:
        assert title.replace("\\&", "&") in text, title


def test_bibliography_is_up_to_date(seeds, tmp_path):
    from kharkiv.data.load import load_tables

    t = load_tables()
    text = (seeds / "000_c121be9c419ef93c.txt").read_text(encoding="utf-8")
    references.write_bib(t, text, tmp_path / "r.bib")
    assert (tmp_path / "r.bib").read_text() == (ROOT / "book" / "references.bib").read_text(), (
        "book/references.bib is stale: rewrite it with kharkiv.chapters.bibliography.write_bib"
    )
