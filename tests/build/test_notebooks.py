"""Committed notebooks are what the book shows and what nbval checks: fresh, complete, and readable."""

import nbformat
import pytest
import yaml

from kharkiv.build.freshness import error_outputs, stale_reasons
from kharkiv.data.paths import NOTEBOOKS, ROOT

PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))


def test_there_are_notebooks():
    assert PATHS


def _toc_files():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [toc["root"]]
    for part in toc.get("parts", []):
        files += [c["file"] for c in part["chapters"]]
    return files


def test_every_notebook_is_in_the_table_of_contents():
    listed = set(_toc_files())
    assert {f"notebooks/{p.stem}" for p in PATHS} <= listed


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_outputs_are_fresh_against_data_and_package(path):
    reasons = stale_reasons(path)
    assert not reasons, f"{path.name} is stale ({'; '.join(reasons)}): run `make book` and commit it"


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_notebook_names_the_project_kernel(path):
    nb = nbformat.read(path, as_version=4)
    assert nb.metadata.get("kernelspec", {}).get("name") == "kharkiv", "executed outside `make book`?"


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_outputs_are_complete_and_error_free(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count is not None for c in code), "a code cell was never run"
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1)), (
        "cells were not run top to bottom"
    )
    assert not error_outputs(nb)
    assert not [o for c in code for o in c.outputs if o.get("name") == "stderr"], "a warning was printed"


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_readers_see_findings_not_code(path):
    nb = nbformat.read(path, as_version=4)
    shown = [
        c.source[:40]
        for c in nb.cells
        if c.cell_type == "code"
        and not {"hide-input", "remove-input", "remove-cell"} & set(c.metadata.get("tags", []))
    ]
    assert not shown, f"code cells shown to readers: {shown}"


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_every_figure_has_caption_and_alt_text(path):
    nb = nbformat.read(path, as_version=4)
    for c in nb.cells:
        if c.cell_type == "code" and any("image/png" in o.get("data", {}) for o in c.outputs):
            meta = c.metadata.get("mystnb", {})
            assert meta.get("image", {}).get("alt"), f"figure without alt text in: {c.source[:60]}"
            assert meta.get("figure", {}).get("caption"), f"figure without caption in: {c.source[:60]}"
