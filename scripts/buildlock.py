"""One build at a time in a `_build` folder, and no leftovers of killed builds.

The lock is `_build/.lock`, held with flock(2) and holding the holder's pid: the kernel releases it when the holder
dies, however it dies, so a lock left by a dead process is simply taken over. A second build stops at once with
"another build is running (pid N)".
"""

import contextlib
import fcntl
import os
import re
import shutil
import tempfile
from pathlib import Path

LOCK = ".lock"
KERNEL_PREFIX = (
    "kharkiv-kernel-"  # + the pid of the process that owns the sockets, so leftovers can be told apart
)


class Busy(SystemExit):
    """Another build holds the lock."""


@contextlib.contextmanager
def held(build: Path):
    """Hold the build lock of `build` (a `_build` folder) for the duration of the block."""
    build.mkdir(parents=True, exist_ok=True)
    fd = os.open(build / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = os.pread(fd, 32, 0).decode(errors="replace").strip() or "unknown"
            raise Busy(f"another build is running (pid {pid}) in {build}: wait for it to finish") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(
            fd
        )  # releases the lock; the file stays, its pid is stale and is overwritten by the next holder


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, owned by someone else
    return True


def kernel_sockets() -> Path:
    """A fresh folder for one process's kernel sockets, named with that process's pid."""
    return Path(tempfile.mkdtemp(prefix=f"{KERNEL_PREFIX}{os.getpid()}-"))


def remove_leftovers(build: Path) -> list[Path]:
    """Remove what killed runs left behind: executions' temporary notebooks (`_build/.execute-*`), half-written
    PDFs and kernel socket folders whose owner is dead. Call it only while holding the lock."""
    gone = [*build.glob(".execute-*"), *build.glob("pdf/*.tmp")]
    pattern = re.compile(rf"{re.escape(KERNEL_PREFIX)}(\d+)-")
    for folder in Path(tempfile.gettempdir()).glob(f"{KERNEL_PREFIX}*"):
        m = pattern.match(folder.name)
        if m and not alive(int(m[1])):  # sockets of a live process, maybe another clone's build, are kept
            gone.append(folder)
    for path in gone:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    return gone
