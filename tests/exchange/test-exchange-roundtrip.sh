#!/bin/sh
# The exchange issue's round trip, as a coordinator would run it with placements-cli:
# demo data exported with consent for organisation X, imported into an empty database,
# then exported again from there to X gives the same records (the <records> part of
# both files is byte-identical), and every record the second database holds lists
# exactly as it does in the first.
#
#   test-exchange-roundtrip.sh PLACEMENTS_CLI
set -eu

cli=$(realpath "$1")
work=$(mktemp -d "${TMPDIR:-/tmp}/roundtrip-XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"

fail() {
  echo "not ok: $*" >&2
  exit 1
}

"$cli" --db a.db demo --clients 200 --seed 3 > /dev/null
# The receiver is the organisation most consents name; the sender any care provider.
receiver=$(sqlite3 a.db "SELECT o.exchange_id FROM consent c JOIN organisation o
  ON o.uuid = c.receiver_uuid GROUP BY o.uuid ORDER BY count(*) DESC, o.uuid LIMIT 1")
sender=$(sqlite3 a.db "SELECT exchange_id FROM organisation
  WHERE kind = 'care-provider' AND exchange_id <> '$receiver' ORDER BY uuid LIMIT 1")
[ -n "$receiver" ] && [ -n "$sender" ] || fail "no sender or receiver in the demo data"

"$cli" --db a.db own-organisation "$sender" > /dev/null
"$cli" --db a.db export first.xml --to "$receiver" > /dev/null

# An empty database takes the receiver as its own organisation, imports, then plays
# the sender and exports to the same receiver.
"$cli" --db b.db own-organisation --from-file first.xml > /dev/null
"$cli" --db b.db import first.xml > /dev/null
"$cli" --db b.db own-organisation "$sender" > /dev/null
"$cli" --db b.db export second.xml --to "$receiver" > /dev/null

sed -n '/<records>/,$p' first.xml > first.records
sed -n '/<records>/,$p' second.xml > second.records
[ -s first.records ] || fail "the first export carries no records"
cmp -s first.records second.records || fail "the records of the two exports differ"

clients=$("$cli" --db b.db list clients | tail -n +2 | wc -l)
[ "$clients" -gt 0 ] || fail "no client travelled"

for kind in organisations people clients workplaces buddies pilots placements consents \
            ladder-steps progress-notes buddy-pairings pilot-partners pilot-contacts \
            fundings success-criteria; do
  "$cli" --db a.db list "$kind" | sort > "a.$kind"
  "$cli" --db b.db list "$kind" | sort > "b.$kind"
  missing=$(comm -23 "b.$kind" "a.$kind" | wc -l)
  [ "$missing" -eq 0 ] || fail "$kind: $missing lines of the copy differ from the original"
done

echo "ok: $clients clients made the round trip; the records of both exports are identical"
