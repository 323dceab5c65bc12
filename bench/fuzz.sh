#!/usr/bin/env bash
# The importer's libFuzzer target under AddressSanitizer and UndefinedBehaviorSanitizer
# for a long run (ten minutes unless FUZZ_SECONDS says otherwise), seeded with the
# exchange fixtures, among them real exports of the demo data. Builds _build-fuzz with
# clang as .ci/run does, then prints libFuzzer's final figures: runs, corpus, findings.
#
#   bash bench/fuzz.sh [SECONDS]
#
# Exits 1 on a finding; the input is kept in _build-fuzz/fuzz-artifacts/.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

seconds=${1:-${FUZZ_SECONDS:-600}}
dir=_build-fuzz
target=$dir/tests/fuzz/fuzz-import

if [[ ! -f $dir/build.ninja ]]; then
  CC=clang meson setup "$dir" -Dfuzzing=true -Db_sanitize=address,undefined \
    -Db_lundef=false --buildtype=debugoptimized
fi
meson compile -C "$dir" tests/fuzz/fuzz-import

work=$dir/fuzz-corpus-long
artifacts=$dir/fuzz-artifacts
mkdir -p "$work" "$artifacts"
log=$dir/fuzz-long.log
rc=0
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:halt_on_error=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0 \
G_SLICE=always-malloc \
  "$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" \
    "$work" tests/fuzz/corpus </dev/null >"$log" 2>&1 || rc=$?

echo "fuzz-import, $seconds s, seeds: $(ls tests/fuzz/corpus | wc -l) files"
grep -E '^(stat::|Done|#[0-9]+ *DONE)' "$log" || true
echo "findings: $(ls "$artifacts" | wc -l) (exit status $rc; the whole output is in $log)"
exit "$rc"
