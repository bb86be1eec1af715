#!/bin/sh
# The system packages `make book` and `make test` need beyond Python, make and git, checked before any long step:
#   chromium-headless-shell   Chromium's headless shell: prints the PDF and drives the browser tests ($CHROMIUM
#                             if set, else `chromium-headless-shell` on PATH: kharkiv/build/chromium.py)
#   pythonX.Y-venv            lets $PYTHON create .venv (Debian ships Python without ensurepip)
# Missing ones are installed with apt-get when running as root or with password-less sudo; otherwise this stops at
# once, saying exactly what to install. Takes milliseconds when nothing is missing.
set -eu
PYTHON="${PYTHON:-python3}"
CHROMIUM="${CHROMIUM:-chromium-headless-shell}"

missing=""
command -v "$CHROMIUM" >/dev/null 2>&1 || missing="chromium-headless-shell"
if ! "$PYTHON" -c "import ensurepip, venv" >/dev/null 2>&1; then
  venv=$("$PYTHON" -c 'import sys; print("python%d.%d-venv" % sys.version_info[:2])')
  missing="${missing:+$missing }$venv"
fi
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
  sudo="sudo"
else
  sudo="none"
fi
if [ "$sudo" = none ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "error: missing system packages: $missing" >&2
  if command -v apt-get >/dev/null 2>&1; then
    echo "install them, then run make again:  sudo apt-get install $missing" >&2
  else
    echo "install them with your system's package manager (Chromium: a \`chromium-headless-shell\` command on" >&2
    echo "PATH, or set CHROMIUM=/path/to/chromium), then run make again" >&2
  fi
  exit 2
fi
echo "installing system packages: $missing (apt-get)"
$sudo apt-get update -qq
# shellcheck disable=SC2086  # one word per package
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
if [ "$missing" != "${missing#chromium-headless-shell}" ] && ! command -v "$CHROMIUM" >/dev/null 2>&1; then
  echo "error: apt-get installed chromium-headless-shell but \`$CHROMIUM\` is still not found" >&2
  exit 2
fi
