#!/bin/sh
# Placing benchmark: the ranking of workplaces for a client, as placements-cli
# suggest-workplaces prints it (open, rank every workplace, print), on the demo data set.
#
#   placing.sh PLACEMENTS_CLI
#
# PLACEMENTS_BENCH_CLIENTS (default 100000) sets the size; PLACEMENTS_BENCH_LARGE_DB names
# a demo database of that size to copy instead of generating one (`placements-cli demo
# --clients N --seed 1` made it); the copy is opened, so it may be migrated, never the
# original. With GNU time at /usr/bin/time the peak resident memory is printed too.
# Figures are printed, never asserted: a clock is not a test.
set -eu

cli=$1
clients=${PLACEMENTS_BENCH_CLIENTS:-100000}

dir=$(mktemp -d "${TMPDIR:-/tmp}/placements-bench-XXXXXX")
trap 'rm -rf "$dir"' EXIT
db=$dir/demo.db

if [ -n "${PLACEMENTS_BENCH_LARGE_DB:-}" ]; then
  cp "$PLACEMENTS_BENCH_LARGE_DB" "$db"
  start=$(date +%s.%N)
  "$cli" --db "$db" init >/dev/null
  end=$(date +%s.%N)
  echo "upgrade of the copy to the latest schema: $(awk "BEGIN { printf \"%.3f\", $end - $start }") s"
else
  "$cli" --db "$db" demo --clients "$clients" --seed 1 >/dev/null
fi

workplaces=$("$cli" --db "$db" list workplaces | tail -n +2 | wc -l)
# Five clients spread over the list, so that different care organisations are ranked for.
total=$("$cli" --db "$db" list clients | tail -n +2 | wc -l)
step=$((total / 5))
for n in 1 2 3 4 5; do
  client=$("$cli" --db "$db" list clients | sed -n "$((1 + n * step - step / 2))p" | cut -f1)
  start=$(date +%s.%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%M" -o "$dir/peak" "$cli" --db "$db" suggest-workplaces "$client" \
      > "$dir/out.tsv"
    peak=" (peak $(cat "$dir/peak") KiB)"
  else
    "$cli" --db "$db" suggest-workplaces "$client" > "$dir/out.tsv"
    peak=""
  fi
  end=$(date +%s.%N)
  echo "suggest-workplaces, $workplaces workplaces, client $n: $(awk "BEGIN { printf \"%.3f\", $end - $start }") s$peak"
done
