#!/usr/bin/env bash
# Set up (scripts/setup.sh) and run the whole test suite with ruff.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
ruff check harness tests bench
python -m pytest -q -p no:cacheprovider "$@"
