#!/usr/bin/env bash
# Create .venv and install harness with the CPU build of torch (never the multi-GB CUDA one).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
. .venv/bin/activate
# torch first, pinned: torch==2.13.0 is the CPU wheel in pip's local wheel folder on these
# machines; a plain `torch` (or a range) would pull a multi-GB CUDA build.
python -m pip install --quiet --disable-pip-version-check "torch==2.13.0"
python -m pip install --quiet --disable-pip-version-check -e ".[test]"
