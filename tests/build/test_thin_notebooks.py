"""Notebooks stay thin (issue 12): the work is done by tested functions of the package, so a notebook reads as
finding, chart, caveat. A helper defined in a notebook cannot be tested or shared; a long cell hides its logic."""

import ast
import json
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[2] / "notebooks").glob("*.ipynb"))
MAX_LINES = 25


def _code_cells(path: Path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] == "code":
            yield i, "".join(cell["source"])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_code_cell_is_longer_than_the_limit(path):
    long = [(i, n) for i, src in _code_cells(path) if (n := len(src.strip().splitlines())) > MAX_LINES]
    assert not long, f"{path.name}: cells over {MAX_LINES} lines (cell index, lines): {long}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_function_or_class_is_defined_in_a_notebook(path):
    defined = [
        (i, node.name)
        for i, src in _code_cells(path)
        for node in ast.walk(ast.parse(src))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
    ]
    assert not defined, f"{path.name}: define these in the kharkiv package and test them there: {defined}"


def test_the_checks_see_a_long_cell_and_a_helper(tmp_path):
    nb = {"cells": [{"cell_type": "code", "source": ["def f():\n", "    return 1\n"] + ["x = 1\n"] * 30}]}
    path = tmp_path / "bad.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    with pytest.raises(AssertionError, match="cells over"):
        test_no_code_cell_is_longer_than_the_limit(path)
    with pytest.raises(AssertionError, match=r"\(0, 'f'\)"):
        test_no_function_or_class_is_defined_in_a_notebook(path)
