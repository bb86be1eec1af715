"""`make book`'s build step: no work without a change, HTML and PDF published together or not at all, a rebuild
equal to a clean build, one build at a time, and no leftovers of killed runs (scripts/build_html.py,
scripts/buildlock.py, scripts/make_pdf.py)."""

import base64
import errno
import io
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook
from PIL import Image

from kharkiv.build import freshness
from kharkiv.data.paths import ROOT
from tests.conftest import BUILD_LEFT

PY = sys.executable
sys.path.insert(0, str(ROOT / "scripts"))
import buildlock  # noqa: E402
import make_pdf  # noqa: E402


def _book(root: Path, text: str) -> Path:
    """A two-page book laid out like the real one: a landing page in book/ linking the PDF, and a notebook."""
    (root / "book").mkdir(parents=True, exist_ok=True)
    (root / "_config.yml").write_text("title: Mini\nexecute:\n  execute_notebooks: 'off'\n")
    (root / "_toc.yml").write_text("format: jb-book\nroot: book/intro\nchapters:\n  - file: page\n")
    (root / "book" / "intro.md").write_text(
        f'# Mini\n\n{text}\n\nThe book as one <a href="../{make_pdf.NAME}">PDF</a>.\n'
    )
    nb = new_notebook(cells=[new_markdown_cell("# Page"), new_code_cell("1", execution_count=1)])
    nb.metadata["language_info"] = {"name": "python"}
    nbformat.write(nb, root / "page.ipynb")
    return root


def _build(root: Path, env: dict | None = None, **kw) -> subprocess.Popen:
    cmd = [PY, str(ROOT / "scripts/build_html.py"), "--root", str(root)]
    return subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env or os.environ.copy(), **kw
    )


def _run(root: Path, env: dict | None = None) -> tuple[int, str]:
    proc = _build(root, env)
    out, _ = proc.communicate(timeout=600)
    return proc.returncode, out


def _pdf_links_resolve(html: Path) -> list[str]:
    """Every link to the PDF from every page, with whether its target exists."""
    missing = []
    for page in html.rglob("*.html"):
        for href in re.findall(r'href="([^"#?]*kharkiv-book\.pdf)"', page.read_text(encoding="utf-8")):
            if not (page.parent / href).resolve().is_file():
                missing.append(f"{page.relative_to(html)} -> {href}")
    return missing


def _published(html: Path) -> dict:
    return {p.relative_to(html): p.read_bytes() for p in html.rglob("*") if p.is_file()}


def _png(colour: str) -> str:
    buf = io.BytesIO()
    Image.new("RGB", (4, 4), colour).save(buf, format="PNG")
    return base64.b64encode(buf.getvalue()).decode()


def _with_image(book: Path, colour: str) -> None:
    nb = nbformat.read(book / "page.ipynb", as_version=4)
    nb.cells[1].outputs = [nbformat.v4.new_output("display_data", data={"image/png": _png(colour)})]
    nbformat.write(nb, book / "page.ipynb")


def _kill_when(proc: subprocess.Popen, ready: Path, wait: float) -> None:
    """Kill the build's process group `wait` seconds after `ready` appears (a step of the build has begun)."""
    deadline = time.monotonic() + 300
    while not ready.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(wait)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


@pytest.mark.slow
def test_html_and_pdf_are_published_together_or_the_last_good_book_stays(tmp_path):
    """One book through every kind of run. A second build does nothing. After a one-line change in book/*.md and
    a new image the HTML and the PDF are rebuilt and published together, or neither is and the last good book
    stays: when printing fails, when the build is killed while Sphinx writes, when a warning fails it (-W), when
    it is killed while Chromium prints. The next good build publishes both, clears what the failed runs left, and
    equals a clean build of the same sources (no stale image, no cache-busting query)."""
    book = _book(tmp_path / "book", "first edition")
    _with_image(book, "red")
    code, out = _run(book)
    assert code == 0, out
    html = book / "_build" / "html"
    pdf = html / make_pdf.NAME
    intro = book / "book" / "intro.md"
    assert "first edition" in (html / "book" / "intro.html").read_text()
    assert pdf.read_bytes().startswith(b"%PDF") and (book / "_build" / "pdf" / make_pdf.NAME).samefile(pdf)
    assert (html / "book" / "intro.html").read_text().count(make_pdf.NAME) == 1 and not _pdf_links_resolve(
        html
    )
    before = {p: p.stat().st_mtime_ns for p in html.rglob("*")}
    good = _published(html)

    code, out = _run(book)  # nothing changed: no Sphinx, no Chromium, nothing written
    assert code == 0, out
    assert "up to date" in out and "Jupyter-Book" not in out
    assert {p: p.stat().st_mtime_ns for p in html.rglob("*")} == before

    second = intro.read_text().replace("first edition", "second edition")
    intro.write_text(second)
    _with_image(book, "blue")
    # the PDF cannot be printed: the new HTML is not published either
    code, out = _run(book, {**os.environ, "CHROMIUM": str(tmp_path / "no-chromium")})
    assert code != 0 and "book/intro.md" in out and "last good book" in out, out
    assert _published(html) == good

    fresh = book / "_build" / ".html-next" / "_build" / "html"
    _kill_when(_build(book, start_new_session=True), fresh, 0.5)  # Sphinx is reading or writing now
    assert _published(html) == good and not _pdf_links_resolve(html)

    intro.write_text(second + "\n{ref}`no-such-label`\n")  # a warning, so -W fails the build
    code, out = _run(book)
    assert code != 0 and "no-such-label" in out, out
    assert _published(html) == good

    intro.write_text(second)
    printing = fresh / "objects.inv"  # Sphinx's last file: Chromium prints next
    _kill_when(_build(book, start_new_session=True), printing, 1.0)
    assert _published(html) == good and not _pdf_links_resolve(html)

    code, out = _run(book)  # the next build publishes both and clears what the killed and failed ones left
    assert code == 0, out
    assert "second edition" in (html / "book" / "intro.html").read_text()
    assert pdf.read_bytes().startswith(b"%PDF") and not _pdf_links_resolve(html)
    assert pdf.stat().st_mtime_ns > before[pdf], "the PDF was not printed again"
    assert (book / "_build" / "pdf" / make_pdf.NAME).samefile(pdf)
    assert sorted(p.name for p in (book / "_build").iterdir()) == BUILD_LEFT
    assert [p.name for p in (book / "_build" / "pdf").iterdir()] == [make_pdf.NAME]

    clean = tmp_path / "clean"
    shutil.copytree(book, clean, ignore=shutil.ignore_patterns("_build"))
    code, out = _run(clean)
    assert code == 0, out
    rebuilt, fresh_build = _published(html), _published(clean / "_build" / "html")
    assert sorted(rebuilt) == sorted(fresh_build)
    assert len([n for n in rebuilt if n.parts[0] == "_images"]) == 1
    assert {n: b for n, b in rebuilt.items() if b != fresh_build[n]} == {}


def test_the_pdf_is_copied_into_the_book_atomically(tmp_path, monkeypatch):
    """A full disk during the copy leaves the old PDF whole, and no temporary file."""
    src, dest = tmp_path / "new.pdf", tmp_path / "html" / make_pdf.NAME
    dest.parent.mkdir()
    src.write_bytes(b"%PDF new " * 1000)
    dest.write_bytes(b"%PDF old")

    def full_disk(a, b):
        Path(b).write_bytes(Path(a).read_bytes()[:100])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(make_pdf.shutil, "copyfile", full_disk)
    with pytest.raises(OSError, match="No space"):
        make_pdf.copy_atomic(src, dest)
    assert dest.read_bytes() == b"%PDF old"
    assert [p.name for p in dest.parent.iterdir()] == [make_pdf.NAME]
    monkeypatch.undo()
    make_pdf.copy_atomic(src, dest)
    assert dest.read_bytes() == src.read_bytes()


def _holder(build: Path) -> subprocess.Popen:
    """Another build: a process holding the lock of `build` until killed."""
    code = (
        "import sys, time; sys.path.insert(0, sys.argv[1]); import buildlock; from pathlib import Path\n"
        "with buildlock.held(Path(sys.argv[2])):\n    print('locked', flush=True); time.sleep(300)\n"
    )
    proc = subprocess.Popen(
        [PY, "-c", code, str(ROOT / "scripts"), str(build)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "locked"
    return proc


def _with_error_output(book: Path) -> None:
    """A notebook that stores an error output: the build stops right after taking the lock, cheaply."""
    nb = nbformat.read(book / "page.ipynb", as_version=4)
    nb.cells[1].outputs = [nbformat.v4.new_output("error", ename="ValueError", evalue="x", traceback=[])]
    nbformat.write(nb, book / "page.ipynb")


def test_a_second_build_stops_at_once_and_a_dead_builds_lock_is_taken_over(tmp_path):
    book = _book(tmp_path / "book", "text")
    _with_error_output(book)
    holder = _holder(book / "_build")
    try:
        t0 = time.monotonic()
        code, out = _run(book)
        assert code == 1 and f"another build is running (pid {holder.pid})" in out, out
        assert time.monotonic() - t0 < 30
        executor = _executor_tree(tmp_path / "repo")
        assert _execute(executor).returncode == 0  # another folder, another lock
        holder_repo = _holder(executor / "_build")
        try:
            run = _execute(executor)
            assert run.returncode == 1 and f"another build is running (pid {holder_repo.pid})" in run.stderr
        finally:
            holder_repo.kill()
            holder_repo.wait()
    finally:
        holder.kill()  # dies holding the lock: its pid stays in the file
        holder.wait()
    assert (book / "_build" / ".lock").read_text().strip() == str(holder.pid)
    code, out = _run(book)
    assert code == 1 and "another build" not in out and "page.ipynb stores an error output" in out, out


def _executor_tree(root: Path) -> Path:
    """A repository with the executor, its imports and one fresh notebook (so no kernel is started)."""
    from tests.build.test_tooling import _tree

    _tree(root, [])
    (root / "data").mkdir()
    (root / "notebooks").mkdir()
    nb = new_notebook(cells=[new_code_cell("1")])
    nb.metadata["kharkiv"] = freshness.record(nb, [])
    nbformat.write(nb, root / "notebooks" / "fresh.ipynb")
    return root


def _execute(root: Path, **env) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k != "KHARKIV_DATA"}
    cmd = [PY, str(root / "scripts/execute_notebooks.py"), str(root / "notebooks" / "fresh.ipynb")]
    return subprocess.run(
        cmd,
        cwd=root,
        env={**clean, "PYTHONPATH": str(root), **env},
        capture_output=True,
        text=True,
        timeout=600,
    )


def _dead_pid() -> int:
    proc = subprocess.Popen(["true"])
    proc.wait()
    return proc.pid


def test_the_next_run_removes_what_killed_runs_left(tmp_path):
    """Temporary notebooks and half-written PDFs in _build, and kernel socket folders of dead processes; the
    sockets of live processes (another clone's build) are kept."""
    repo = _executor_tree(tmp_path / "repo")
    (repo / "_build" / ".execute-k1l2").mkdir(parents=True)
    (repo / "_build" / ".execute-k1l2" / "bad.ipynb").write_text("{}")
    (repo / "_build" / "pdf").mkdir()
    (repo / "_build" / "pdf" / "kharkiv-book.tmp").write_bytes(b"%PDF half")
    temp = tmp_path / "temp"
    dead = temp / f"{buildlock.KERNEL_PREFIX}{_dead_pid()}-abc"
    live = temp / f"{buildlock.KERNEL_PREFIX}{os.getpid()}-def"
    for folder in (dead, live):
        folder.mkdir(parents=True)
        (folder / "kernel-1").write_text("")
    run = _execute(repo, TMPDIR=str(temp))
    assert run.returncode == 0 and "up to date" in run.stdout, run.stderr
    assert sorted(p.name for p in (repo / "_build").iterdir()) == [".lock", "pdf"]
    assert not list((repo / "_build" / "pdf").iterdir())
    assert [p.name for p in temp.iterdir()] == [live.name]


def test_kernel_socket_folders_carry_their_owners_pid(tmp_path, monkeypatch):
    monkeypatch.setattr(buildlock.tempfile, "tempdir", str(tmp_path))
    folder = buildlock.kernel_sockets()
    assert folder.parent == tmp_path and folder.name.startswith(f"{buildlock.KERNEL_PREFIX}{os.getpid()}-")
    assert buildlock.remove_leftovers(tmp_path / "_build") == []  # its owner, this process, is alive
    assert folder.exists()


def test_make_html_and_make_pdf_are_one_build():
    """`make pdf` runs no printing of its own after the swap: the PDF is part of the HTML build."""
    makefile = (ROOT / "Makefile").read_text()
    assert "make_pdf.py" not in makefile
    assert re.search(r"^pdf: html\n(?!\t)", makefile, re.M)
