"""The maintainers' tooling: precise freshness, all-or-nothing execution, and builds that never half-publish."""

import functools
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from kharkiv.build import freshness
from kharkiv.data import paths
from kharkiv.data.paths import NOTEBOOKS, ROOT

PY = sys.executable


@functools.cache
def _executor_needs() -> tuple[str, ...]:
    """The repository files the executor itself imports (the package's __init__ brings in the loader)."""
    code = (
        "import sys; sys.path[:0] = [sys.argv[1] + '/scripts', sys.argv[1]]; import execute_notebooks; "
        "print('\\n'.join(m.__file__ for m in list(sys.modules.values()) if getattr(m, '__file__', None)))"
    )
    out = subprocess.run(
        [PY, "-c", code, str(ROOT)], env=_env(ROOT), capture_output=True, text=True, check=True
    )
    files = [Path(f) for f in out.stdout.split("\n") if f]
    return tuple(
        sorted(
            str(f.relative_to(ROOT))
            for f in files
            if f.is_relative_to(ROOT) and f.relative_to(ROOT).parts[0] in ("kharkiv", "scripts")
        )
    )


def _env(root: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "KHARKIV_DATA"}
    env["PYTHONPATH"] = str(root)
    return env


def _execute(root: Path, *notebooks: Path, jobs: int = 2) -> subprocess.CompletedProcess:
    cmd = [PY, str(root / "scripts/execute_notebooks.py"), "-j", str(jobs), *map(str, notebooks)]
    return subprocess.run(cmd, cwd=root, env=_env(root), capture_output=True, text=True, timeout=600)


def _tree(root: Path, files: list[str]) -> Path:
    """A copy of the repository holding only `files` (paths relative to the root), plus the executor."""
    for name in [*files, *_executor_needs(), "scripts/execute_notebooks.py"]:
        dest = root / name
        dest.parent.mkdir(parents=True, exist_ok=True)
        if (ROOT / name).is_file() and not dest.exists():
            shutil.copy2(ROOT / name, dest)
    return root


def _outputs(nb) -> list:
    return [c.get("outputs") for c in nb.cells if c.cell_type == "code"]


# --- freshness: precise, and never fooled ---------------------------------------------------------------


@pytest.fixture
def fake_repo(tmp_path, monkeypatch):
    (tmp_path / "data").mkdir()
    (tmp_path / "kharkiv").mkdir()
    for name, text in [("data/a.csv", "x\n1\n"), ("data/b.csv", "y\n2\n"), ("kharkiv/helper.py", "X = 1\n")]:
        (tmp_path / name).write_text(text)
    monkeypatch.setattr(paths, "ROOT", tmp_path)
    monkeypatch.setattr(paths, "DATA", tmp_path / "data")
    nb = new_notebook(cells=[new_markdown_cell("# t"), new_code_cell("1 + 1")])
    nb.metadata["kharkiv"] = freshness.record(nb, ["data/a.csv", "kharkiv/helper.py"])
    path = tmp_path / "nb.ipynb"
    nbformat.write(nb, path)
    return tmp_path, path


def test_unread_input_change_leaves_notebook_fresh(fake_repo):
    root, path = fake_repo
    (root / "data/b.csv").write_text("y\n3\n")
    (root / "kharkiv/other.py").write_text("Y = 2\n")
    assert freshness.stale_reasons(path) == []


@pytest.mark.parametrize("change", ["data/a.csv", "kharkiv/helper.py"])
def test_recorded_input_change_makes_notebook_stale(fake_repo, change):
    root, path = fake_repo
    (root / change).write_text((root / change).read_text() + "# edited\n")
    assert freshness.stale_reasons(path) == [f"{change} changed"]


def test_removed_input_and_code_change_make_notebook_stale(fake_repo):
    root, path = fake_repo
    (root / "data/a.csv").unlink()
    nb = nbformat.read(path, as_version=4)
    nb.cells[1].source = "1 + 2"
    nbformat.write(nb, path)
    assert freshness.stale_reasons(path) == ["its code cells changed", "data/a.csv is gone"]


def test_markdown_edit_keeps_notebook_fresh_and_old_records_are_stale(fake_repo):
    _root, path = fake_repo
    nb = nbformat.read(path, as_version=4)
    nb.cells[0].source = "# a better title"
    nbformat.write(nb, path)
    assert freshness.is_fresh(path)
    nb.metadata["kharkiv"] = {"inputs_sha256": "0" * 64}  # the former all-inputs hash
    nbformat.write(nb, path)
    assert not freshness.is_fresh(path)


def test_listed_folder_is_stale_when_a_file_in_it_changes(fake_repo):
    root, path = fake_repo
    nb = nbformat.read(path, as_version=4)
    nb.metadata["kharkiv"] = freshness.record(nb, ["dir:data"])
    nbformat.write(nb, path)
    assert freshness.is_fresh(path)
    (root / "data/b.csv").write_text("y\n30\n")
    assert freshness.stale_reasons(path) == ["dir:data changed"]


def test_an_input_is_recorded_as_the_notebook_read_it_not_as_it_is_after_the_run(fake_repo):
    root, path = fake_repo
    nb = nbformat.read(path, as_version=4)
    as_read = freshness.input_hash("data/a.csv")
    (root / "data/a.csv").write_text("x\n2\n")  # saved while the notebook ran
    nb.metadata["kharkiv"] = freshness.record(nb, ["data/a.csv"], {"data/a.csv": as_read})
    nbformat.write(nb, path)
    assert freshness.stale_reasons(path) == ["data/a.csv changed"]
    (root / "data/a.csv").unlink()  # read, then deleted during the run: still recorded, so stale
    nb.metadata["kharkiv"] = freshness.record(nb, ["data/a.csv"], {"data/a.csv": as_read})
    nbformat.write(nb, path)
    assert freshness.stale_reasons(path) == ["data/a.csv is gone"]


def test_an_input_hashed_at_the_end_and_modified_during_the_run_is_recorded_stale(fake_repo):
    """An imported module is hashed when the run ends: modified after the run began, it is recorded as changed."""
    root, path = fake_repo
    hour_ago = time.time_ns() - 3600 * 10**9
    for f in (root / "data/b.csv", root / "kharkiv/helper.py"):
        os.utime(f, ns=(hour_ago, hour_ago))
    began = time.time_ns()
    (root / "kharkiv/helper.py").write_text("X = 2\n")
    nb = nbformat.read(path, as_version=4)
    nb.metadata["kharkiv"] = freshness.record(nb, ["kharkiv/helper.py", "data/b.csv"], since_ns=began)
    nbformat.write(nb, path)
    assert freshness.stale_reasons(path) == ["kharkiv/helper.py changed while it ran"]


@pytest.mark.slow
def test_an_input_changed_mid_run_leaves_the_notebook_stale(tmp_path):
    """The notebook reads a data file and imports a module, then both change before the run ends (here the
    notebook changes them itself, so the timing is certain): the record is not that of the changed files."""
    (path,) = _mini_repo(
        tmp_path,
        {
            "reader": [
                "open('../data/a.csv').read()",
                "import kharkiv.helper",
                "open('../data/a.csv', 'a').write('3\\n'); open('../kharkiv/helper.py', 'a').write('# edited\\n')",
            ]
        },
    )
    (tmp_path / "data" / "a.csv").write_text("x\n1\n")
    (tmp_path / "kharkiv" / "helper.py").write_text("X = 1\n")
    result = _execute(tmp_path, path)
    assert result.returncode == 0, result.stderr[-2000:]
    check = subprocess.run(
        [PY, str(tmp_path / "scripts/execute_notebooks.py"), "--check", str(path)],
        cwd=tmp_path,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
    )
    assert check.returncode == 1, check.stdout
    assert "stale: reader.ipynb" in check.stdout
    assert "data/a.csv changed" in check.stdout and "kharkiv/helper.py changed" in check.stdout
    assert "recorded as stale" in result.stderr  # and the run said so


# --- the record is complete --------------------------------------------------------------------------------


def _smallest(notebooks, pred=lambda nb: True):
    fit = [(len(nb.cells), p) for p, nb in notebooks if pred(nb)]
    return min(fit)[1] if fit else None


def _recorded(nb) -> list[str]:
    return list(nb.metadata.get("kharkiv", {}).get("inputs", {}))


def _chosen():
    """The smallest notebook, and the smallest that reads geodata (read in C by GDAL, the hard case)."""
    nbs = [(p, nbformat.read(p, as_version=4)) for p in sorted(NOTEBOOKS.glob("*.ipynb"))]
    geo = _smallest(nbs, lambda nb: any(n.startswith("data/geo/") for n in _recorded(nb)))
    return sorted({p for p in (_smallest(nbs), geo) if p})


@pytest.mark.slow
@pytest.mark.parametrize("path", _chosen(), ids=lambda p: p.name)
def test_recorded_inputs_are_all_a_notebook_needs(tmp_path, path):
    """Executed in a copy that holds only its recorded inputs, a notebook gives the same outputs and record.

    A file it needs but did not record would be missing there: the run fails or its outputs differ.
    """
    if freshness.is_fresh(path):
        reference = nbformat.read(path, as_version=4)
    else:  # record it first, in a full copy, so the test does not depend on the committed state
        full = _tree(tmp_path / "full", [str(p.relative_to(ROOT)) for p in ROOT.glob("kharkiv/*")])
        shutil.copytree(ROOT / "data", full / "data")
        _tree(full, ["CITATION.cff", "_toc.yml", "_config.yml", f"notebooks/{path.name}"])
        result = _execute(full, full / "notebooks" / path.name)
        assert result.returncode == 0, result.stderr[-2000:]
        reference = nbformat.read(full / "notebooks" / path.name, as_version=4)
    recorded = _recorded(reference)
    files = [n for n in recorded if not n.startswith(freshness.DIR)]
    for d in (n.removeprefix(freshness.DIR) for n in recorded if n.startswith(freshness.DIR)):
        files += [str(p.relative_to(ROOT)) for p in (ROOT / d).iterdir() if p.is_file()]
    pruned = _tree(tmp_path / "pruned", [*files, f"notebooks/{path.name}"])
    result = _execute(pruned, pruned / "notebooks" / path.name)
    assert result.returncode == 0, result.stderr[-2000:]
    rerun = nbformat.read(pruned / "notebooks" / path.name, as_version=4)
    assert _recorded(rerun) == recorded
    assert _outputs(rerun) == _outputs(reference)


# --- all or nothing --------------------------------------------------------------------------------------------


def _mini_repo(root: Path, cells: dict[str, list]) -> list[Path]:
    _tree(root, [])
    (root / "data").mkdir()
    out = []
    for name, sources in cells.items():
        nb = new_notebook(cells=[c if not isinstance(c, str) else new_code_cell(c) for c in sources])
        out.append(root / "notebooks" / f"{name}.ipynb")
        out[-1].parent.mkdir(exist_ok=True)
        nbformat.write(nb, out[-1])
    return out


@pytest.mark.slow  # starts kernels
def test_one_failing_notebook_writes_none_back(tmp_path):
    good, bad = _mini_repo(tmp_path, {"good": ["print('ok')"], "bad": ["1 / 0"]})
    before = {p: p.read_bytes() for p in (good, bad)}
    result = _execute(tmp_path, good, bad)
    assert result.returncode == 1
    assert "bad.ipynb failed: " in result.stderr and "ZeroDivisionError" in result.stderr
    assert {p: p.read_bytes() for p in (good, bad)} == before
    assert not list((tmp_path / "_build").glob(".execute-*")), "temporary copies were left behind"


@pytest.mark.slow  # starts kernels
def test_stored_error_output_fails_execution_and_check(tmp_path):
    allowed = new_code_cell("1 / 0", metadata={"tags": ["raises-exception"]})  # runs on, stores the error
    (path,) = _mini_repo(tmp_path, {"errs": [allowed]})
    before = path.read_bytes()
    result = _execute(tmp_path, path)
    assert result.returncode == 1 and "stores an error output" in result.stderr
    assert path.read_bytes() == before
    nb = nbformat.read(path, as_version=4)  # the same notebook, committed with its error output
    nb.cells[0].outputs = [
        nbformat.v4.new_output("error", ename="ZeroDivisionError", evalue="", traceback=[])
    ]
    nb.cells[0].execution_count = 1
    nb.metadata["kharkiv"] = freshness.record(nb, [])
    nbformat.write(nb, path)
    result = _execute(tmp_path, path)
    assert result.returncode == 1 and "error output stored in errs.ipynb" in result.stderr


@pytest.mark.slow  # starts kernels
def test_successful_run_writes_all_with_their_record_and_its_kernels_talk_over_unix_sockets(tmp_path):
    """Each notebook is written back with its record and a second run does nothing. The kernels run side by side
    on Unix sockets, a folder each: on TCP ports they could race for one port."""
    transport = "from ipykernel.kernelapp import IPKernelApp\nprint(IPKernelApp.instance().transport)"
    paths_ = _mini_repo(tmp_path, {"one": ["print(1)", transport], "two": ["print(2)", transport]})
    result = _execute(tmp_path, *paths_)
    assert result.returncode == 0, result.stderr
    for p in paths_:
        nb = nbformat.read(p, as_version=4)
        assert nb.metadata["kharkiv"]["freshness_scheme"] == freshness.SCHEME
        assert nb.cells[0].outputs[0]["text"].strip() in {"1", "2"}
        assert [o.get("text", "").strip() for o in nb.cells[1].outputs] == ["ipc"]
    assert "over TCP" not in result.stderr
    assert "up to date" in _execute(tmp_path, *paths_).stdout


# --- builds that never half-publish ------------------------------------------------------------------------


def _mini_book(root: Path, text: str) -> Path:
    root.mkdir(exist_ok=True)
    (root / "_config.yml").write_text("title: Mini\nexecute:\n  execute_notebooks: 'off'\n")
    (root / "_toc.yml").write_text("format: jb-book\nroot: intro\nchapters:\n  - file: page\n")
    (root / "intro.md").write_text(f"# Mini\n\n{text}\n")
    nb = new_notebook(cells=[new_markdown_cell("# Page"), new_code_cell("1", execution_count=1)])
    nb.metadata["language_info"] = {"name": "python"}
    nbformat.write(nb, root / "page.ipynb")
    return root


def _build(root: Path, **kw):
    cmd = [PY, str(ROOT / "scripts/build_html.py"), "--root", str(root)]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kw)


def test_notebook_with_error_output_is_never_built(tmp_path):
    book = _mini_book(tmp_path / "book", "first")
    nb = nbformat.read(book / "page.ipynb", as_version=4)
    nb.cells[1].outputs = [nbformat.v4.new_output("error", ename="ValueError", evalue="x", traceback=[])]
    nbformat.write(nb, book / "page.ipynb")
    proc = _build(book)
    out, _ = proc.communicate(timeout=120)
    assert proc.returncode == 1 and "page.ipynb stores an error output" in out
    assert not (book / "_build" / "html").exists()


def test_make_test_runs_lint_first():
    makefile = (ROOT / "Makefile").read_text()
    test_rule = next(line for line in makefile.splitlines() if line.startswith("test:"))
    assert test_rule.split(":", 1)[1].split()[0] == "lint"
    assert "ruff check" in makefile and "ruff format --check" in makefile


def test_lock_is_hashed_and_installed_with_hashes():
    lock = (ROOT / "requirements.txt").read_text()
    pins = [line for line in lock.splitlines() if line and not line.startswith((" ", "#"))]
    assert pins and all("==" in p and p.rstrip().endswith("\\") for p in pins), "every pin has its hashes"
    assert "--require-hashes" in (ROOT / "Makefile").read_text()
    direct = [
        line.split("==")[0].strip().lower()
        for line in (ROOT / "requirements.in").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    locked = {p.split("==")[0].lower() for p in pins}
    assert set(direct) <= locked, "run `make lock` after editing requirements.in"
    assert all("#" in line for line in (ROOT / "requirements.in").read_text().splitlines() if "==" in line)


def test_datapackage_version_is_the_latest_release_in_the_changelog():
    import re

    releases = re.findall(
        r"^## (\d+\.\d+\.\d+) \((\d{4}-\d{2}-\d{2})\)", (ROOT / "CHANGELOG.md").read_text(), re.M
    )
    version = json.loads((paths.DATAPACKAGE).read_text(encoding="utf-8"))["version"]
    assert releases, "CHANGELOG.md has no dated release"
    assert version == releases[0][0], (
        f"datapackage version {version} is not the latest release {releases[0][0]}"
    )
    citation = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    cited = re.search(r"^version: (\S+)$", citation, re.M).group(1)
    released = re.search(r'^date-released: "(\S+)"$', citation, re.M).group(1)
    assert (cited, released) == releases[0], (
        f"CITATION.cff cites version {cited} of {released}; the latest release is {releases[0]}"
    )


def _executor_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("execute_notebooks", ROOT / "scripts/execute_notebooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_kernel_that_does_not_start_is_retried_but_a_failing_cell_is_not(monkeypatch, tmp_path):
    ex = _executor_module()
    calls = []

    def flaky(path, out):
        calls.append(path)
        if len(calls) == 1:
            raise RuntimeError("Kernel didn't respond in 60 seconds")
        return 1.0, []

    monkeypatch.setattr(ex, "execute", flaky)
    assert ex._execute_retrying(tmp_path / "a.ipynb", tmp_path / "out.ipynb") == (1.0, [])
    assert len(calls) == 2

    def failing_cell(path, out):
        calls.append(path)
        raise RuntimeError("a cell raised")

    calls.clear()
    monkeypatch.setattr(ex, "execute", failing_cell)
    with pytest.raises(RuntimeError, match="a cell raised"):
        ex._execute_retrying(tmp_path / "a.ipynb", tmp_path / "out.ipynb")
    assert len(calls) == 1


def test_the_benchmark_copies_every_file_outside_the_book_that_a_page_includes(tmp_path):
    """A page that includes a file the benchmark's copy lacks fails the scale build (it once lacked the changelog)."""
    import importlib.util
    import re

    spec = importlib.util.spec_from_file_location("benchmark", ROOT / "scripts" / "benchmark.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    copy = bench._book_copy(tmp_path)
    for page in (ROOT / "book").glob("*.md"):
        for target in re.findall(r"```\{(?:literal)?include\} (\S+)", page.read_text(encoding="utf-8")):
            assert (copy / "book" / target).resolve().exists(), (
                f"{page.name} includes {target}: not in the copy"
            )


def test_the_benchmark_times_the_loop_in_a_fresh_clone(tmp_path, monkeypatch, capsys):
    """`benchmark.py --loop` runs each make target in a clone of HEAD and reports its time and the load; a target
    the Makefile lacks is reported, not failed. (A tiny repository stands in for the book: nothing is built.)"""
    import importlib.util

    spec = importlib.util.spec_from_file_location("benchmark", ROOT / "scripts" / "benchmark.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    repo = tmp_path / "repo"
    (repo / ".venv").mkdir(parents=True)
    (repo / "Makefile").write_text("book:\n\t@echo built > built.txt\ntest:\n\t@exit 3\n")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run([*git, "-C", str(repo), "add", "Makefile"], check=True)
    subprocess.run([*git, "-C", str(repo), "commit", "-q", "-m", "m"], check=True)
    monkeypatch.setattr(bench, "ROOT", repo)
    results = bench.loop(tmp_path / "work")
    assert [r["step"] for r in results] == ["fresh make book", "no-change make book", "make test"]
    assert [r["status"] for r in results] == ["ok", "ok", "FAILED (exit 2)"]
    assert all(len(r["load"]) == 2 and r["seconds"] >= 0 for r in results)
    assert (tmp_path / "work" / "clone" / "built.txt").exists() and not (repo / "built.txt").exists()
    assert "no `make unit` target yet" in capsys.readouterr().out
