#!/bin/sh
# How long placements-cli validate takes to refuse files made to be slow: one element
# with 100,000 and 200,000 attributes, the same with namespace declarations, and
# 2,000 elements with 32 attributes each (as many as the reader allows). libxml2
# 2.9.14 checks an element's attributes for duplicates in quadratic time; the reader
# counts them before parsing. Figures are printed, never asserted.
#
#   hostile.sh PLACEMENTS_CLI FIXTURE
#
# FIXTURE is a valid exchange file (tests/fixtures/exchange/valid-referral.xml).
set -eu

cli=$1
fixture=$2
dir=$(mktemp -d "${TMPDIR:-/tmp}/placements-hostile-XXXXXX")
trap 'rm -rf "$dir"' EXIT

# make NAME COUNT FORM: FORM is printf'd with the index, COUNT times, into <header>.
make() {
  awk -v count="$2" -v form="$3" '
    /<header>/ && !done {
      printf "  <header"
      for (i = 0; i < count; i++) printf form, i
      print ">"
      done = 1
      next
    }
    { print }' "$fixture" > "$dir/$1"
}

make attributes-100000.xml 100000 ' a%d="x"'
make attributes-200000.xml 200000 ' a%d="x"'
make namespaces-100000.xml 100000 ' xmlns:p%d="urn:x"'
# Many elements at the cap: valid markup the scan lets through to the parser.
awk '/<records>/ && !done { print; for (i = 0; i < 2000; i++) {
       printf "    <x"; for (j = 0; j < 32; j++) printf " a%d=\"x\"", j; print "/>" }
       done = 1; next } { print }' "$fixture" > "$dir/capped-2000.xml"

printf '%-24s %10s %8s  %s\n' file bytes seconds outcome
for file in attributes-100000.xml attributes-200000.xml namespaces-100000.xml capped-2000.xml; do
  start=$(date +%s.%N)
  outcome=$("$cli" validate "$dir/$file" 2>&1 | sed 's/.*(rule: \(.*\))$/\1/' | head -c 60)
  end=$(date +%s.%N)
  printf '%-24s %10s %8.3f  %s\n' "$file" "$(wc -c < "$dir/$file")" \
    "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" "$outcome"
done
