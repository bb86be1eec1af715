"""The package's shape: layers that import only downwards, no import cycle anywhere, nothing imported inside a
function without a reason, and a wheel that carries its data files."""

import ast
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from kharkiv.data.paths import ROOT

PACKAGE = ROOT / "kharkiv"
LAYERS = ["data", "model", "text", "plots", "chapters", "build"]  # bottom to top
# Imported inside a function on purpose: heavy or only present where the function runs (a notebook, Sphinx).
LAZY_OK = ("IPython", "myst_nb", "playwright")


def import_graph(package: Path) -> dict[str, set[str]]:
    """Module -> the modules of the same package it imports (absolute `from pkg... import` only)."""
    name = package.name
    graph: dict[str, set[str]] = {}
    for path in package.rglob("*.py"):
        parts = path.relative_to(package.parent).with_suffix("").parts
        module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        targets = graph.setdefault(module, set())
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == name:
                for alias in node.names:
                    sub = f"{node.module}.{alias.name}"
                    is_module = (package.parent / Path(*sub.split("."))).with_suffix(".py").exists() or (
                        package.parent / Path(*sub.split("."))
                    ).is_dir()
                    targets.add(sub if is_module else node.module)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every import cycle found by a depth-first search (one path per back edge)."""
    found, state, stack = [], {}, []

    def visit(u):
        state[u] = "open"
        stack.append(u)
        for v in sorted(graph.get(u, ())):
            if state.get(v) == "open":
                found.append([*stack[stack.index(v) :], v])
            elif v not in state:
                visit(v)
        stack.pop()
        state[u] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module)
    return found


def test_no_module_of_kharkiv_imports_in_a_cycle():
    assert cycles(import_graph(PACKAGE)) == []


def test_the_cycle_check_finds_a_cycle(tmp_path):
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from pkg.b import f\n")
    (pkg / "b.py").write_text("from pkg.c import g\n")
    (pkg / "c.py").write_text("from pkg.a import h\n")
    assert cycles(import_graph(pkg)) == [["pkg.a", "pkg.b", "pkg.c", "pkg.a"]]


def test_each_layer_imports_only_the_layers_below_it():
    def layer(module):
        parts = module.split(".")
        return LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in LAYERS else None

    upward = [
        (a, b)
        for a, bs in import_graph(PACKAGE).items()
        for b in bs
        if layer(a) is not None and layer(b) is not None and layer(b) > layer(a)
    ]
    assert upward == []


def test_imports_sit_at_the_top_of_their_module():
    inside = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for fn in ast.walk(tree):
            if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                for node in ast.walk(fn):
                    if isinstance(node, ast.Import | ast.ImportFrom):
                        names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
                        names += [a.name for a in node.names]
                        if not any(n.split(".")[0] in LAZY_OK for n in names):
                            inside.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert inside == []


@pytest.mark.slow
def test_a_wheel_carries_the_style_file_and_templates(tmp_path):
    """A regular (non-editable) wheel holds the package data and imports from it (the tables stay in data/, which
    KHARKIV_DATA names, as for any copy of the package outside the repository)."""
    src = tmp_path / "src"  # built from a copy: setuptools writes build/ and egg-info beside the sources
    shutil.copytree(ROOT / "kharkiv", src / "kharkiv", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", src)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(src),
        ],
        check=True,
    )
    wheel = next(tmp_path.glob("kharkiv-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "kharkiv/plots/kharkiv.mplstyle" in names
    assert any(n.startswith("kharkiv/build/templates/") for n in names)
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = "import kharkiv.plots.style as s, kharkiv; print(s.STYLE_FILE.exists(), kharkiv.__file__)"
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={"PYTHONPATH": str(target), "KHARKIV_DATA": str(ROOT / "data")},
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.split()[0] == "True"
    assert out.stdout.split()[1].startswith(str(target))
