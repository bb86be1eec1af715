"""`.ci/run` finds the source documents without any path of one machine, and fails clearly without them."""

import os
import shutil
import subprocess
from pathlib import Path

from kharkiv.data.paths import ROOT


def _clone(where: Path) -> Path:
    (where / ".ci").mkdir(parents=True)
    shutil.copy(ROOT / ".ci" / "run", where / ".ci" / "run")
    return where


def _run(clone: Path, tmp_path: Path, **env):
    # Stubs: `make` reports what it was given instead of running the checks; `chromium` is "installed".
    stubs = tmp_path / "stubs"
    stubs.mkdir(exist_ok=True)
    (stubs / "make").write_text(
        '#!/bin/sh\necho "make $* seeds=$KHARKIV_SEEDS require=$KHARKIV_REQUIRE_SEEDS"\n'
    )
    (stubs / "chromium").write_text("#!/bin/sh\n")
    for f in stubs.iterdir():
        f.chmod(0o755)
    clean = {k: v for k, v in os.environ.items() if k not in ("KHARKIV_SEEDS", "KHARKIV_REQUIRE_SEEDS")}
    clean["PATH"] = f"{stubs}:{clean['PATH']}"
    return subprocess.run(
        ["bash", str(clone / ".ci" / "run")],
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_without_documents_it_fails_saying_where_it_looked(tmp_path):
    run = _run(_clone(tmp_path / "nowhere" / "main"), tmp_path)
    assert run.returncode == 1
    assert "source documents not found" in run.stderr and "KHARKIV_SEEDS" in run.stderr
    assert "make" not in run.stdout


def test_a_wrong_kharkiv_seeds_is_not_replaced_by_a_guess(tmp_path):
    (tmp_path / "shared" / "seeds").mkdir(parents=True)
    run = _run(_clone(tmp_path / "main"), tmp_path, KHARKIV_SEEDS=str(tmp_path / "missing"))
    assert run.returncode == 1 and "source documents not found" in run.stderr


def test_it_finds_shared_seeds_beside_the_clone_or_a_parent_and_requires_them(tmp_path):
    seeds = tmp_path / "shared" / "seeds"
    seeds.mkdir(parents=True)
    for clone in (tmp_path / "main", tmp_path / "ci" / "job" / "main"):
        run = _run(_clone(clone), tmp_path)
        assert run.returncode == 0, run.stderr
        assert f"make test seeds={seeds} require=1" in run.stdout


def test_it_names_no_path_of_one_machine():
    text = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "/work" not in text and "/home" not in text
