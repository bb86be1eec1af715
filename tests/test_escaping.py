"""Text from the data is shown as text: markup or script in a field never becomes part of the page."""

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from kharkiv.paths import NOTEBOOKS, ROOT

from .conftest import visit

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PAYLOAD = (
    '<script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 2">'
    'Tampered <b id="injected">summary</b>'
)


def test_markup_in_a_summary_shows_as_plain_text(scratch, tmp_path, monkeypatch, browser):
    rows = scratch.rows("events")
    i = next(k for k, r in enumerate(rows, start=1) if r["start_date"] <= "2022-03-02")
    scratch.set("events", i, "summary", PAYLOAD)
    monkeypatch.setenv("KHARKIV_DATA", str(scratch.root))

    book = tmp_path / "book"
    book.mkdir()
    nb = nbformat.read(NOTEBOOKS / "assault.ipynb", as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3").execute()  # the kernel inherits KHARKIV_DATA
    nbformat.write(nb, book / "assault.ipynb")
    shutil.copy(ROOT / "_config.yml", book / "_config.yml")
    (book / "_toc.yml").write_text("format: jb-book\nroot: assault\n")
    build = subprocess.run(
        [str(Path(sys.executable).parent / "jupyter-book"), "build", str(book), "--builder", "html"],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr[-2000:]

    page, _errors, _ = visit(browser, (book / "_build" / "html" / "assault.html").as_uri())
    assert page.evaluate("window.__pwned") is None, "script from the data ran"
    assert page.query_selector("#injected") is None, "markup from the data became an element"
    assert PAYLOAD in page.inner_text("body"), "the tampered text is not shown literally"
    page.close()
