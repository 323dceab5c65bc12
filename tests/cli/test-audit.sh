#!/bin/sh
# The access log (NEN 7513) through placements-cli: every write is logged with who,
# when, what, which client and which program; the log is append-only; `audit
# --verify` passes on a fresh demo database and fails, naming the entry, once a row
# was changed, inserted or removed with sqlite3 behind the app's back (dropping the
# triggers first, as an attacker would); pruning is logged and keeps it verifiable.
#
#   test-audit.sh PLACEMENTS_CLI
set -eu

cli=$(realpath "$1")
work=$(mktemp -d "${TMPDIR:-/tmp}/audit-XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"

fail() {
  echo "not ok: $*" >&2
  exit 1
}

"$cli" --db a.db demo --clients 40 --seed 5 > /dev/null
"$cli" --db a.db audit --verify > verify.out || fail "a fresh demo database does not verify"
grep -q "intact" verify.out || fail "no verdict: $(cat verify.out)"

# Who, what, which client, which program.
"$cli" --db a.db audit > log.tsv
head -n 1 log.tsv | grep -q "^id	at	user	program	action	kind	client	records	detail$" \
  || fail "unexpected header: $(head -n 1 log.tsv)"
grep -q "	placements-cli demo	create	demo	" log.tsv || fail "the demo data is not logged"
user=$(id -un)
grep -q "	$user	" log.tsv || fail "the OS user is not logged"

# --client gives only that client's entries.
client=$(sqlite3 a.db "SELECT client_uuid FROM audit_event WHERE client_uuid IS NOT NULL
  ORDER BY id LIMIT 1")
[ -n "$client" ] || fail "no entry names a client"
"$cli" --db a.db audit --client "$client" | tail -n +2 > client.tsv
[ -s client.tsv ] || fail "--client printed nothing"
if cut -f 7 client.tsv | grep -v -x "$client" > /dev/null; then
  fail "--client printed other clients' entries"
fi
"$cli" --db a.db audit --since 2999-01-01 | tail -n +2 > future.tsv
[ ! -s future.tsv ] || fail "--since printed entries from before the date"

# Append-only: the app's own triggers refuse changes and deletions.
if sqlite3 a.db "UPDATE audit_event SET os_user = 'x' WHERE id = 1" 2> /dev/null; then
  fail "an UPDATE of the audit log was allowed"
fi
if sqlite3 a.db "DELETE FROM audit_event WHERE id = 1" 2> /dev/null; then
  fail "a DELETE from the audit log was allowed"
fi

# An attacker drops the triggers and changes one entry: --verify names it, exit 1.
cp a.db changed.db
sqlite3 changed.db "DROP TRIGGER audit_event_no_update;
  UPDATE audit_event SET os_user = 'mallory' WHERE id = 3"
uuid=$(sqlite3 changed.db "SELECT uuid FROM audit_event WHERE id = 3")
status=0
"$cli" --db changed.db audit --verify 2> verify.err || status=$?
[ "$status" -eq 1 ] || fail "--verify of a changed log exited with $status"
grep -q "entry 3 ($uuid" verify.err || fail "--verify did not name entry 3: $(cat verify.err)"

# ... or removes one in the middle: the entry after it is named.
cp a.db removed.db
sqlite3 removed.db "DROP TRIGGER audit_event_no_delete; DELETE FROM audit_event WHERE id = 5"
status=0
"$cli" --db removed.db audit --verify 2> verify.err || status=$?
[ "$status" -eq 1 ] || fail "--verify of a log with a removed entry exited with $status"
grep -q "entry 6 " verify.err || fail "--verify did not name entry 6: $(cat verify.err)"

# ... or removes the first ones, as if pruned without saying so.
cp a.db head.db
sqlite3 head.db "DROP TRIGGER audit_event_no_delete; DELETE FROM audit_event WHERE id <= 2"
status=0
"$cli" --db head.db audit --verify 2> verify.err || status=$?
[ "$status" -eq 1 ] || fail "--verify of a log without its start exited with $status"
grep -q "entry 3 " verify.err || fail "--verify did not name entry 3: $(cat verify.err)"

# Pruning: refused without --yes and for entries younger than five years; an old
# run of entries (made old here) goes, the pruning is logged, the log verifies.
if "$cli" --db a.db audit prune 2> /dev/null; then
  fail "audit prune without --yes pruned"
fi
if "$cli" --db a.db audit prune --yes --before 2999-01-01 2> /dev/null; then
  fail "audit prune removed entries younger than five years"
fi
before=$(sqlite3 a.db "SELECT count(*) FROM audit_event")
"$cli" --db a.db audit prune --yes > prune.out
after=$(sqlite3 a.db "SELECT count(*) FROM audit_event")
[ "$after" -eq $((before + 1)) ] || fail "a prune with nothing old changed $before to $after"
"$cli" --db a.db audit | tail -n 1 | grep -q "	prune	" || fail "the pruning is not logged"

# Backdating entries (to make them look prunable) breaks the chain too.
cp a.db aged.db
sqlite3 aged.db "DROP TRIGGER audit_event_no_update;
  UPDATE audit_event SET at = '2015-01-01T00:00:00.000000Z' WHERE id < 10"
status=0
"$cli" --db aged.db audit --verify 2> /dev/null || status=$?
[ "$status" -eq 1 ] || fail "backdating entries went unnoticed"

echo "ok: audit log"
