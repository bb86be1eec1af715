"""`.ci/run` finds the source documents without any path of one machine, and fails clearly without them; it
installs nothing the Makefile does not: `make book` and `make test` install the system packages themselves
(scripts/system_packages.sh), or say what to install before any long step."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from kharkiv.data.paths import ROOT


def _clone(where: Path) -> Path:
    (where / ".ci").mkdir(parents=True)
    shutil.copy(ROOT / ".ci" / "run", where / ".ci" / "run")
    return where


def _run(clone: Path, tmp_path: Path, **env):
    # Stubs: `make` reports what it was given instead of running the checks.
    stubs = tmp_path / "stubs"
    stubs.mkdir(exist_ok=True)
    (stubs / "make").write_text(
        '#!/bin/sh\necho "make $* seeds=$KHARKIV_SEEDS require=$KHARKIV_REQUIRE_SEEDS"\n'
    )
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


def test_it_installs_nothing_the_makefile_does_not():
    text = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert not any(tool in text for tool in ("apt-get", "pip ", "sudo")), (
        "install it from the Makefile instead"
    )
    assert "chromium-headless-shell" in (ROOT / "scripts" / "system_packages.sh").read_text(encoding="utf-8")


# --- scripts/system_packages.sh: what `make` runs first ---------------------------------------------------------


def _system(tmp_path: Path, uid: int, sudo: bool = True, apt: bool = True, chromium: bool = False, venv=True):
    """Run the check with stub `id`, `sudo` and `apt-get` that log their calls; Chromium named by CHROMIUM."""
    stubs = tmp_path / "bin"
    stubs.mkdir(exist_ok=True)
    log = tmp_path / "calls.log"
    (stubs / "id").write_text(f"#!/bin/sh\necho {uid}\n")
    if sudo:
        (stubs / "sudo").write_text(
            f'#!/bin/sh\necho "sudo $*" >> {log}\n[ "$1" = -n ] && exit 0\nexec "$@"\n'
        )
    if apt:
        (stubs / "apt-get").write_text(f'#!/bin/sh\necho "apt-get $*" >> {log}\n')
    python = sys.executable
    if not venv:  # a Python without ensurepip, as Debian ships it
        (stubs / "python-no-venv").write_text(
            f'#!/bin/sh\ncase "$2" in *ensurepip*) exit 1;; esac\nexec {sys.executable} "$@"\n'
        )
        python = str(stubs / "python-no-venv")
    for f in stubs.iterdir():
        f.chmod(0o755)
    (stubs / "env").symlink_to(shutil.which("env"))  # the only real program the check may find on PATH
    env = {
        "PATH": str(stubs),
        "PYTHON": python,
        "CHROMIUM": shutil.which("chromium-headless-shell") if chromium else str(tmp_path / "no-chromium"),
        "HOME": str(tmp_path),
    }
    run = subprocess.run(
        ["/bin/sh", str(ROOT / "scripts" / "system_packages.sh")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return run, (log.read_text() if log.exists() else "")


def test_as_root_a_missing_chromium_is_installed_with_apt_get(tmp_path):
    run, calls = _system(tmp_path, uid=0)
    assert "installing system packages: chromium-headless-shell" in run.stdout
    assert (
        "apt-get update" in calls
        and "apt-get install -y -qq chromium-headless-shell" in calls
        and "sudo" not in calls
    )
    assert run.returncode == 2 and "still not found" in run.stderr  # the stub installed nothing


def test_with_sudo_it_installs_through_sudo_and_python_venv_too(tmp_path):
    run, calls = _system(tmp_path, uid=1000, venv=False)
    version = "python{}.{}-venv".format(*sys.version_info[:2])
    assert f"installing system packages: chromium-headless-shell {version}" in run.stdout
    assert (
        f"sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell {version}"
        in calls
    )


def test_without_root_or_sudo_it_stops_at_once_saying_what_to_install(tmp_path):
    run, calls = _system(tmp_path, uid=1000, sudo=False)
    assert run.returncode == 2 and calls == ""
    assert "missing system packages: chromium-headless-shell" in run.stderr
    assert "sudo apt-get install chromium-headless-shell" in run.stderr


def test_without_apt_get_it_says_what_to_install_in_words(tmp_path):
    run, calls = _system(tmp_path, uid=0, apt=False)
    assert run.returncode == 2 and calls == ""
    assert "missing system packages: chromium-headless-shell" in run.stderr and "CHROMIUM=" in run.stderr


def test_with_everything_installed_it_does_nothing(tmp_path):
    run, calls = _system(tmp_path, uid=1000, sudo=False, chromium=True)
    assert run.returncode == 0 and run.stdout == run.stderr == "" and calls == ""


def test_make_book_checks_system_packages_before_any_long_step(tmp_path):
    """Without Chromium, and no way to install it, `make book` stops before creating the environment."""
    clone = tmp_path / "clone"
    (clone / "scripts").mkdir(parents=True)
    for name in ("Makefile", "scripts/system_packages.sh", "requirements.txt", "pyproject.toml"):
        shutil.copy(ROOT / name, clone / name)
    stubs = tmp_path / "bin"
    stubs.mkdir()
    (stubs / "id").write_text("#!/bin/sh\necho 1000\n")
    (stubs / "id").chmod(0o755)
    env = {**os.environ, "PATH": f"{stubs}:{os.environ['PATH']}", "CHROMIUM": str(tmp_path / "no-chromium")}
    env.pop("MAKEFLAGS", None)
    for target in ("book", "test"):
        run = subprocess.run(["make", "-C", str(clone), target], env=env, capture_output=True, text=True)
        assert run.returncode != 0 and "missing system packages: chromium-headless-shell" in run.stderr, (
            run.stderr
        )
        assert not (clone / ".venv").exists() and "pip" not in run.stdout
