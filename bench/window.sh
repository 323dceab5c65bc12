#!/bin/sh
# Usage: window.sh BENCH-WINDOW PLACEMENTS-CLI
# Times the window at 100,000 clients (see bench-window.c). Set BENCH_WINDOW_DB to a demo
# database made by `placements-cli demo --clients 100000 --seed 1` to skip making one, and
# BENCH_WINDOW_RUNS for another number of runs. Needs a display: run it under xvfb-run.
set -eu
bench=$1
cli=$2
runs=${BENCH_WINDOW_RUNS:-7}
db=${BENCH_WINDOW_DB:-}
if [ -z "$db" ]; then
  db=${TMPDIR:-/tmp}/bench-window-100k.db
  if [ ! -f "$db" ]; then
    "$cli" --db "$db.tmp" demo --clients 100000 --seed 1
    mv "$db.tmp" "$db"
  fi
fi
"$bench" "$db" "$runs"
GSK_RENDERER=cairo "$bench" "$db" "$runs"
