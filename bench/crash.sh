#!/usr/bin/env bash
# Crash safety at length: tests/cli/test-crash.py with 50 kills per scenario (the demo
# data, an import, an export, single edits) on a larger data set than the test's, and
# its figures: kills survived, records checked, partial files at the target path.
#
#   bash bench/crash.sh [BUILD-DIR] [KILLS] [CLIENTS]
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
build=${1:-_build}
kills=${2:-50}
clients=${3:-20000}

meson compile -C "$build" placements-cli > /dev/null
python3 tests/cli/test-crash.py "$build/src/cli/placements-cli" \
  --kills "$kills" --clients "$clients"
