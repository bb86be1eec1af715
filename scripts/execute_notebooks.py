"""Execute the stale notebooks in parallel, record what each one read, and write them back only if all succeed.

A notebook is stale when its code cells or any input it used changed (kharkiv/build/freshness.py). Each stale notebook
runs in its own process and kernel (-j at once, default: the number of cores). Before its first cell the kernel
gets an audit hook that notes every file opened for reading and every folder listed under data/ and the
repository; after its last cell the kharkiv modules it imported are added. That record, with each input's hash,
goes into the notebook's metadata, each file hashed as the kernel first opened it (an input changed during the run
leaves the notebook stale, and is reported). Notebooks are executed into temporary copies: if any notebook fails,
or stores an error output, none is written back and the command exits 1, so a failed run never leaves a mix of new
and old outputs. `--check` lists stale notebooks and notebooks with error outputs, and exits 1 if there are any.
A run holds the build lock (scripts/buildlock.py): a second one stops at once, and leftovers of killed runs are
removed. The Jupyter machinery is imported only when a notebook is executed: the no-change check stays fast.

Usage: python scripts/execute_notebooks.py [-j N] [--check] [notebook ...]
"""

import argparse
import ast
import json
import os
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import buildlock

from kharkiv.build import freshness
from kharkiv.data import paths

KERNEL = "kharkiv"  # installed into the venv by `make setup`; falls back to the venv's own python3 kernel
TIMES = paths.ROOT / "_build" / "notebook-times.json"  # last run's durations, to start the longest first
SKIP = (".venv", "_build", ".git", "__pycache__", ".ipynb_checkpoints")

# Runs silently in the kernel before the first cell. It keeps its state in a module of its own, so the
# notebook's namespace and execution counts are untouched.
RECORDER = r"""
def _kharkiv_recorder(roots, skip):
    import hashlib, os, sys, types
    state = types.ModuleType("_kharkiv_recorder")
    state.files, state.dirs = {}, set()  # files: path -> SHA-256 of the file as first opened
    roots = tuple(os.path.realpath(r) + os.sep for r in roots)
    writing = os.O_WRONLY | os.O_RDWR

    def keep(path):
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        if not isinstance(path, str):
            return None
        path = os.path.realpath(path)
        if path.startswith(roots) and not any(part in skip for part in path.split(os.sep)):
            return path
        return None

    def hook(event, args):
        if event == "open":
            path, mode, flags = args
            if (mode is None and flags & writing) or (mode and any(m in mode for m in "wax+")):
                return
            path = keep(path)
            if path and path not in state.files and os.path.isfile(path):
                state.files[path] = None  # first: the open below comes back through this hook
                try:
                    with open(path, "rb") as fh:
                        state.files[path] = hashlib.file_digest(fh, "sha256").hexdigest()
                except OSError:
                    pass
        elif event in ("os.listdir", "os.scandir"):
            if sys._getframe(1).f_code.co_filename.startswith("<frozen importlib"):
                return  # the import system scanning sys.path; imported modules are taken from sys.modules
            path = keep(args[0] if args[0] is not None else ".")
            if path:
                state.dirs.add(path)

    def gdal_reads(module):  # GDAL opens geodata in C, unseen by the hook: report its paths as opens
        for name in ("read_dataframe", "read_arrow", "read_info", "read_bounds"):
            fn = getattr(module, name, None)
            if fn is None:
                continue
            def wrapped(path, *a, _fn=fn, **k):
                if isinstance(path, (str, bytes, os.PathLike)):
                    sys.audit("open", os.fspath(path), "r", 0)
                return _fn(path, *a, **k)
            setattr(module, name, wrapped)

    def report():
        import json
        mods = {getattr(m, "__file__", None) for m in list(sys.modules.values())}
        files = {keep(f): None for f in mods if f and keep(f)} | state.files
        return json.dumps({"files": files, "dirs": sorted(state.dirs)})

    state.report = report
    sys.modules["_kharkiv_recorder"] = state
    sys.addaudithook(hook)
    try:
        import pyogrio
        gdal_reads(pyogrio)
    except ImportError:
        pass

_kharkiv_recorder(ROOTS, SKIP)
del _kharkiv_recorder
"""


def kernel_name() -> str:
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        KernelSpecManager().get_kernel_spec(KERNEL)
        return KERNEL
    except NoSuchKernel:
        return "python3"


def _inputs(report: dict) -> tuple[list[str], dict[str, str]]:
    """The inputs the recorder saw, by name, and the hash of each file as the kernel first opened it."""
    as_read = {freshness.name_of(Path(f)): digest for f, digest in report["files"].items() if digest}
    names = [freshness.name_of(Path(f)) for f in report["files"]]
    names += [
        freshness.DIR + n for n in (freshness.name_of(Path(d)) for d in report["dirs"]) if n is not None
    ]
    # the notebooks themselves are no inputs: their code is hashed, and kernels list their own folder
    names = [n for n in names if n is not None and n.removeprefix(freshness.DIR).split("/")[0] != "notebooks"]
    return names, {n: d for n, d in as_read.items() if n in names}


def _run_cells(client, nb) -> dict:
    """Run every cell with the input recorder installed first; returns what the recorder saw."""
    roots = sorted({str(paths.ROOT), str(paths.DATA)})
    code = RECORDER.replace("ROOTS", repr(roots)).replace("SKIP", repr(SKIP))
    with client.setup_kernel():
        info = client.wait_for_reply(client.kc.kernel_info())
        nb.metadata["language_info"] = info["content"]["language_info"]
        _silent(client, code)
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index, store_history=True)
        return json.loads(
            _silent(client, "", expression="__import__('sys').modules['_kharkiv_recorder'].report()")
        )


def execute(path: Path, out: Path) -> tuple[float, list[str]]:
    """Execute one notebook into `out`; returns seconds taken and its error outputs (raises if a cell fails)."""
    import nbformat
    from jupyter_client.kernelspec import KernelSpecManager
    from nbclient import NotebookClient
    from traitlets.config import Config

    t0, began_ns = time.perf_counter(), time.time_ns()
    nb = nbformat.read(path, as_version=4)
    name = kernel_name()
    # Kernels talk over Unix sockets in a folder of their own: parallel kernels cannot race for a TCP port, and
    # nothing listens on the network. The folder is named with this process's pid, so a killed run's is removed.
    sockets = buildlock.kernel_sockets()
    config = Config({"KernelManager": {"transport": "ipc", "ip": str(sockets / "kernel")}})
    client = NotebookClient(  # the client makes (and so shuts down) its kernel manager, configured here
        nb, config=config, timeout=600, kernel_name=name, resources={"metadata": {"path": str(path.parent)}}
    )
    try:
        report = _run_cells(client, nb)
    finally:
        shutil.rmtree(sockets, ignore_errors=True)
    spec = KernelSpecManager().get_kernel_spec(name)
    nb.metadata["kernelspec"] = {"name": name, "display_name": spec.display_name, "language": spec.language}
    for cell in nb.cells:  # keep committed notebooks free of run-specific noise
        cell.get("metadata", {}).pop("execution", None)
    nb.metadata.setdefault("kharkiv", {}).pop("inputs_sha256", None)
    names, as_read = _inputs(report)
    nb.metadata["kharkiv"].update(freshness.record(nb, names, as_read, since_ns=began_ns))
    changed = freshness.changed_inputs(nb.metadata["kharkiv"])
    if changed:
        print(
            f"{path.name} read {', '.join(changed)} before it changed: recorded as stale (run `make book` again)",
            file=sys.stderr,
            flush=True,
        )
    nbformat.write(nb, out)
    return time.perf_counter() - t0, freshness.error_outputs(nb)


def _silent(client, code: str, expression: str | None = None) -> str | None:
    exprs = {"x": expression} if expression else {}
    reply = client.wait_for_reply(
        client.kc.execute(code, silent=True, store_history=False, user_expressions=exprs)
    )
    content = reply["content"]
    if content["status"] != "ok":
        raise RuntimeError(f"recorder failed in the kernel: {content.get('ename')}: {content.get('evalue')}")
    if expression:
        value = content["user_expressions"]["x"]
        if value["status"] != "ok":
            raise RuntimeError(f"recorder failed in the kernel: {value.get('ename')}: {value.get('evalue')}")
        return ast.literal_eval(value["data"]["text/plain"])  # the repr of a str
    return None


# A kernel that never starts is retried (kernels on TCP ports could race for one port, "Address already in use";
# they now use Unix sockets, and a kernel can still fail to start on a starved machine). A failing cell never is.
KERNEL_START_FAILURES = ("Kernel didn't respond", "Kernel died before replying")


def _execute_retrying(path: Path, out: Path, attempts: int = 3) -> tuple[float, list[str]]:
    for attempt in range(1, attempts + 1):
        try:
            return execute(path, out)
        except RuntimeError as exc:
            if attempt == attempts or not any(m in str(exc) for m in KERNEL_START_FAILURES):
                raise
            print(f"retrying {path.name}: its kernel did not start ({exc})", file=sys.stderr)
    raise AssertionError("unreachable")


def _run(job: tuple[Path, Path]) -> tuple[Path, Path, float, str | None]:
    path, out = job
    try:
        seconds, errors = _execute_retrying(path, out)
    except Exception as exc:
        return (
            path,
            out,
            0.0,
            f"{type(exc).__name__}: {str(exc).strip().splitlines()[-1] if str(exc).strip() else ''}",
        )
    return path, out, seconds, ("stores an error output: " + "; ".join(errors)) if errors else None


def _times() -> dict[str, float]:
    try:
        return json.loads(TIMES.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def execute_all(stale: list[Path], jobs: int) -> list[tuple[Path, str]]:
    """Execute notebooks in parallel into a temporary folder; replace the originals only if all succeeded."""
    TIMES.parent.mkdir(exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".execute-", dir=TIMES.parent))  # same file system: atomic rename
    times = _times()
    stale = sorted(
        stale, key=lambda p: -times.get(p.name, 1e9)
    )  # longest first keeps the cores busy to the end
    try:
        work = [(p, tmp / p.name) for p in stale]
        with ProcessPoolExecutor(max_workers=max(1, min(jobs, len(work)))) as pool:
            results = []
            for path, out, seconds, error in pool.map(_run, work):
                print(f"{'FAILED ' if error else 'executed'} {path.name} ({seconds:.1f} s)", flush=True)
                results.append((path, out, error))
                if not error:
                    times[path.name] = round(seconds, 1)
        TIMES.write_text(json.dumps(times, indent=1, sort_keys=True), encoding="utf-8")
        failed = [(p, e) for p, _, e in results if e]
        if not failed:
            for path, out, _ in results:
                os.replace(out, path)
        return failed
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report; exit 1 if any notebook is stale")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1, help="notebooks run at once")
    parser.add_argument("notebooks", nargs="*", type=Path)
    args = parser.parse_args()
    if args.check:
        return check_and_execute(args)
    with buildlock.held(TIMES.parent):
        buildlock.remove_leftovers(TIMES.parent)
        return check_and_execute(args)


def check_and_execute(args) -> int:
    nbs = [p.resolve() for p in args.notebooks] or sorted(paths.NOTEBOOKS.glob("*.ipynb"))
    stale = {p: freshness.stale_reasons(p) for p in nbs}
    stale = {p: r for p, r in stale.items() if r}
    broken = {p: freshness.error_outputs(freshness.read(p)) for p in nbs if p not in stale}
    broken = {p: e for p, e in broken.items() if e}
    for p, errors in broken.items():
        print(f"error output stored in {p.name}: {'; '.join(errors)}", file=sys.stderr)
    if args.check or not stale:
        for p, reasons in stale.items():
            print(f"stale: {p.name}: {'; '.join(reasons)} (run `make book` and commit it)")
        if not stale and not broken:
            print("notebooks are up to date")
        return 1 if (stale and args.check) or broken else 0
    for p, reasons in stale.items():
        print(f"executing {p.name}: {'; '.join(reasons)}", flush=True)
    t0 = time.perf_counter()
    failed = execute_all(list(stale), args.jobs)
    for p, error in failed:
        print(f"{p.name} failed: {error}", file=sys.stderr)
    if failed:
        print("no notebook was written: fix the failures and run `make book` again", file=sys.stderr)
        return 1
    print(f"{len(stale)} notebook(s) executed in {time.perf_counter() - t0:.1f} s (-j {args.jobs})")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
