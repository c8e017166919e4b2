#!/usr/bin/env bash
# Set up everything the test suite needs on a fresh Debian machine, then run it.
# Usage: bash scripts/test.sh [pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages: Debian's Chromium (never a downloaded browser), CJK fonts for screenshots and PDFs,
# pdftotext for the handbook test, Node.js for the independent JS tools.
missing=()
command -v chromium >/dev/null || missing+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
fc-list 2>/dev/null | grep -qi "WenQuanYi Micro Hei" || missing+=(fonts-wqy-microhei)  # TrueType CJK: the handbook PDF embeds it, not Type 3
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v npm >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi

# Python packages, in a virtual environment of the project's own.
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test,lint]"

# A real Learning Record Store for the xAPI tests (tests/lrs.py): Ralph, in a virtual environment of its own, since it
# pins older FastAPI, Starlette and click than coursegen uses (and runs as a service of its own in production too).
[ -x .venv-lrs/bin/python ] || python3 -m venv .venv-lrs
.venv-lrs/bin/python -m pip install -q "ralph-malph[cli,lrs]==5.1.0" "requests>=2.31"

# JavaScript tools the tests load into the browser or run with Node.js.
[ -d tests/js/node_modules ] || npm ci --prefix tests/js --no-audit --no-fund --loglevel=error

# The type checker and the linter on generator/ (settings in pyproject.toml), before the tests: a few seconds,
# so they run on every call rather than on CI only, and a mistake they catch fails the run before the long part.
.venv/bin/python -m mypy
.venv/bin/python -m ruff check generator

export NO_MKDOCS_2_WARNING=1
# Two workers (pytest-xdist), one per core of the 2-core machines this runs on: the suite took 10 min 14 s in one
# process and 8 min 19 s in two. `-n 0` after the other arguments runs it in one process again.
exec .venv/bin/python -m pytest -n 2 "$@"
