#!/usr/bin/env bash
# Set up (scripts/setup.sh) and score the repo's own candidates.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
exec harness score candidates/ "$@"
