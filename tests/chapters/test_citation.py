"""A citation for every chapter (issue 21): short and full, with the book's version, date and permalink; meta tags;
the book's address from one setting (html.baseurl in _config.yml), CITATION.cff agreeing with it."""

import html
from pathlib import Path

import pytest
import yaml

from kharkiv.build import citation
from kharkiv.data.paths import BUILD_HTML, ROOT


def _chapters() -> list[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    pages = [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]
    return [str(Path(p).with_suffix("")) for p in pages]


def test_a_page_citation_has_version_date_and_permalink():
    cff = citation.read_cff()
    for base in ("", "https://example.org/kharkiv/"):
        c = citation.page_citation(cff, "Chronology", "notebooks/chronology", base)
        link = (base.rstrip("/") + "/" if base else "") + "notebooks/chronology.html"
        assert c["permalink"] == link
        for kind in ("short", "full", "bibtex"):
            assert str(cff["version"]) in c[kind] and link in c[kind], kind
        assert str(cff["date-released"]) in c["full"]
        assert "127.0.0.1" not in c["full"] and "localhost" not in c["full"]


def test_the_address_is_one_setting_and_citation_cff_agrees():
    url = citation.configured_url()
    cff = citation.read_cff()
    assert cff.get("url", "") == url, "CITATION.cff's url must equal html.baseurl in _config.yml"
    assert citation.with_url(cff, "https://x.org")["url"] == "https://x.org"
    assert "url" not in citation.with_url(cff, "")


@pytest.mark.parametrize("page", _chapters())
def test_every_chapter_has_a_citation_and_meta_tags(page):
    built = BUILD_HTML / f"{page}.html"
    if not built.exists():
        pytest.skip("the book is not built (make html)")
    text = built.read_text(encoding="utf-8")
    cff, base = citation.read_cff(), citation.configured_url()
    link = citation.permalink(page, base)
    assert 'class="kharkiv-cite"' in text, page
    box = text[text.index('class="kharkiv-cite"') :]
    assert f"version {cff['version']}" in html.unescape(box) and link in box
    for name in ("citation_title", "citation_author", "citation_date", "citation_public_url"):
        assert f'<meta name="{name}" content="' in text, (page, name)
    assert f'<meta name="citation_public_url" content="{link}"' in text


def test_without_an_address_the_citation_says_so_and_names_the_file():
    cff = citation.read_cff()
    book = citation.page_citation(cff, "", "index", "")
    assert "Available at" not in book["full"]
    assert "public address is not yet set" in book["full"] and "index.html" in book["full"]
    page = citation.page_citation(cff, "Chronology", "notebooks/chronology", "")
    assert "this page is the file notebooks/chronology.html" in page["full"]
    assert (
        "Available at https://x.org/notebooks/chronology.html."
        in citation.page_citation(cff, "Chronology", "notebooks/chronology", "https://x.org/")["full"]
    )
