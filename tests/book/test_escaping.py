"""Text from the data is shown as text: markup or script in a field never becomes part of the page. End to end
on one tampered build (the chronology and the codebook as one small book); the builders' escaping is unit-tested
beside them (tests/chapters, tests/text)."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from kharkiv.chapters import codebook
from kharkiv.data.errors import DataError
from kharkiv.data.load import validate_and_load
from kharkiv.data.paths import NOTEBOOKS, ROOT
from tests.conftest import Scratch, visit

PAYLOAD = (
    '<script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 2">'
    'Tampered <b id="injected">summary</b>'
)
# Markdown that would become live if the text were rendered as Markdown (bold, an outside image, a link).
MARKDOWN = "**bold** ![](http://example.invalid/x.png) [link](javascript:window.__pwned=5) `code`"


def _build_book(notebooks: list[str], root: Path) -> Path:
    """Execute the notebooks on $KHARKIV_DATA and build them alone as one book; return its HTML folder."""
    book = root / "book"
    book.mkdir()
    for notebook in notebooks:
        nb = nbformat.read(NOTEBOOKS / notebook, as_version=4)
        NotebookClient(nb, timeout=300, kernel_name="python3").execute()  # the kernel inherits KHARKIV_DATA
        nbformat.write(nb, book / notebook)
    shutil.copy(ROOT / "_config.yml", book / "_config.yml")
    first, *rest = (Path(n).stem for n in notebooks)
    (book / "_toc.yml").write_text(
        f"format: jb-book\nroot: {first}\nchapters:\n" + "".join(f"  - file: {n}\n" for n in rest)
    )
    build = subprocess.run(
        [str(Path(sys.executable).parent / "jupyter-book"), "build", str(book), "--builder", "html"],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    return book / "_build" / "html"


def _tamper_package(scratch) -> dict:
    path = scratch.root / "datapackage.json"
    pkg = json.loads(path.read_text(encoding="utf-8"))
    pkg["title"] = f"Title {MARKDOWN}"
    pkg["description"] = f"Description {MARKDOWN}"
    pkg["licenses"][0]["title"] = f"Licence {MARKDOWN} {PAYLOAD}"
    events = next(r for r in pkg["resources"] if r["name"] == "events")
    events["title"] = f"Events {MARKDOWN}"
    events["description"] = f"Table description {PAYLOAD} {MARKDOWN}"
    events["schema"]["fields"][0]["description"] = f"Field description {MARKDOWN} {PAYLOAD}"
    path.write_text(json.dumps(pkg, indent=1), encoding="utf-8")
    return pkg


@pytest.fixture(scope="module")
def tampered_book(tmp_path_factory) -> Path:
    """One book of the chronology and the codebook, built from a copy of data/ with markup in an event's summary
    and in the datapackage's titles and descriptions (the one tampered build these tests share)."""
    root = tmp_path_factory.mktemp("tampered")
    scratch = Scratch(root / "data")
    rows = scratch.rows("events")
    i = next(k for k, r in enumerate(rows, start=1) if r["start_date"] >= "2022-05-01")  # inside a fold
    scratch.set("events", i, "summary", PAYLOAD)
    _tamper_package(scratch)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KHARKIV_DATA", str(scratch.root))
        return _build_book(["chronology.ipynb", "codebook.ipynb"], root)


@pytest.mark.slow
def test_markup_in_a_summary_shows_as_plain_text(tampered_book, browser):
    # The chronology shows every event's summary (phases folded: opened so that the text is rendered).
    page, _errors, _ = visit(browser, (tampered_book / "chronology.html").as_uri())
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert page.evaluate("window.__pwned") is None, "script from the data ran"
    assert page.query_selector("#injected") is None, "markup from the data became an element"
    assert PAYLOAD in page.inner_text("body"), "the tampered text is not shown literally"
    page.close()


@pytest.mark.slow
def test_markup_in_the_datapackage_shows_as_plain_text_in_the_codebook(tampered_book, browser):
    page, _errors, outside = visit(browser, (tampered_book / "codebook.html").as_uri())
    main = page.query_selector("main") or page.query_selector("body")
    text = main.inner_text()
    assert page.evaluate("window.__pwned") is None, "script from the datapackage ran"
    assert page.query_selector("#injected") is None, "markup from the datapackage became an element"
    assert not [u for u in outside if "example.invalid" in u], "the page requested an image named in the data"
    assert not main.query_selector_all("img"), "an image from the datapackage became an element"
    assert not main.query_selector_all("a[href^='javascript']"), "a link from the datapackage became live"
    assert not [s for s in main.query_selector_all("strong") if "bold" in s.inner_text()]
    for shown in (
        f"Licence {MARKDOWN} {PAYLOAD}",
        f"Events {MARKDOWN}",
        f"Table description {PAYLOAD} {MARKDOWN}",
    ):
        assert shown in text, f"not shown literally: {shown[:40]!r}"
    page.close()


def test_codebook_text_is_escaped_html():
    pkg = {
        "x_period": {"start": '2022-02-24<img src=x onerror="alert(1)">', "end": "**2022-09-11**"},
        "licenses": [{"title": "![](http://example.invalid/x.png)<script>alert(1)</script>"}],
    }
    out = codebook.package_html(pkg).data
    assert "<img" not in out and "<script" not in out
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in out and "**2022-09-11**" in out
    head = codebook.table_heading_html({"name": "events", "title": "<b>x</b>", "path": "a.csv"}, 3).data
    assert "<b>" not in head and "&lt;b&gt;x&lt;/b&gt;" in head


def test_markup_in_the_period_is_refused_by_the_loader(scratch):
    path = scratch.root / "datapackage.json"
    pkg = json.loads(path.read_text(encoding="utf-8"))
    pkg["x_period"]["start"] = '2022-02-24<img src=x onerror="window.__pwned = 3">'
    path.write_text(json.dumps(pkg, indent=1), encoding="utf-8")
    with pytest.raises(DataError) as info:
        validate_and_load(scratch.root, seeds=False)
    assert (info.value.file, info.value.rule) == ("data/datapackage.json", "package structure")
