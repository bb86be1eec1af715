"""The browser that prints the PDF, measures the explorer and drives the browser tests: Chromium's headless shell
(Debian's chromium-headless-shell, the build Playwright itself runs headless: the same Blink as the full browser,
a quarter less CPU for the same pages), or the Chromium that $CHROMIUM names."""

import os
import shutil
from pathlib import Path

PACKAGE = "chromium-headless-shell"
# Playwright adds --headless itself; nothing leaves the machine, no first-run work
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def executable() -> str:
    """$CHROMIUM, else the headless shell on PATH, else where Debian installs it."""
    return os.environ.get("CHROMIUM") or shutil.which(PACKAGE) or f"/usr/bin/{PACKAGE}"


def missing() -> str | None:
    """What to say when there is no browser to launch; None when there is one."""
    path = executable()
    if Path(path).exists():
        return None
    return (
        f"no Chromium at {path}: install Debian's {PACKAGE} package (apt-get install {PACKAGE}; make does it)"
    )


def launch(playwright):
    """A headless Chromium from Playwright's sync API (close it, or leave the `with sync_playwright()` block)."""
    if why := missing():
        raise SystemExit(why)
    return playwright.chromium.launch(executable_path=executable(), args=ARGS)
