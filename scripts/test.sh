#!/usr/bin/env bash
# Set up (scripts/setup.sh) and run the whole test suite with ruff, spread over the
# machine's cores by pytest-xdist (-n auto, at most 4 workers; pass -n 0 to run in one process).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
ruff check harness tests bench
python -m pytest -q -p no:cacheprovider -n auto --maxprocesses 4 "$@"
