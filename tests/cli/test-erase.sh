#!/bin/sh
# Erasure through placements-cli: a client and everything about them leave the
# database file and its write-ahead log, byte for byte (the name as it is now and
# as it was, a note's text, the exchange bases, the full-text index); the audit log
# keeps the UUID only and still verifies. An ordinary deletion clears the exchange
# bases and the full-text index too. Erasing asks on a terminal and takes --yes.
#
#   test-erase.sh PLACEMENTS_CLI
set -eu

cli=$(realpath "$1")
work=$(mktemp -d "${TMPDIR:-/tmp}/erase-XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"

fail() {
  echo "not ok: $*" >&2
  exit 1
}

# How often @2 occurs in the bytes of file @1, in any case (the index folds it).
count_bytes() {
  if [ -e "$1" ]; then
    grep -a -i -o "$2" "$1" | wc -l
  else
    echo 0
  fi
}

"$cli" --db a.db demo --clients 60 --seed 3 > /dev/null
receiver=$(sqlite3 a.db "SELECT o.exchange_id FROM consent c JOIN organisation o
  ON o.uuid = c.receiver_uuid GROUP BY o.uuid ORDER BY count(*) DESC, o.uuid LIMIT 1")
sender=$(sqlite3 a.db "SELECT exchange_id FROM organisation
  WHERE kind = 'care-provider' AND exchange_id <> '$receiver' ORDER BY uuid LIMIT 1")
"$cli" --db a.db own-organisation "$sender" > /dev/null
"$cli" --db a.db export first.xml --to "$receiver" > /dev/null
erased=$(sqlite3 a.db "SELECT record_uuid FROM exchange_base WHERE kind = 'client'
  ORDER BY record_uuid LIMIT 1")
deleted=$(sqlite3 a.db "SELECT record_uuid FROM exchange_base WHERE kind = 'client'
  ORDER BY record_uuid LIMIT 1 OFFSET 1")
[ -n "$erased" ] && [ -n "$deleted" ] || fail "the export sent no clients"

# Names no other record has: one before, one after a rename; a note of their own.
"$cli" --db a.db set clients "$erased" family-name=Vroegernaamqx > /dev/null
"$cli" --db a.db set clients "$erased" family-name=Wisnaamzq given-name=Voornaamzq > /dev/null
"$cli" --db a.db set clients "$deleted" family-name=Gewoonweggq > /dev/null
"$cli" --db a.db add progress-notes client-uuid="$erased" date=2026-01-05 kind=progress-talk \
  "text=Geheime notitie Notitiewoordzq" > /dev/null
"$cli" --db a.db export second.xml --to "$receiver" > /dev/null
[ "$(sqlite3 a.db "SELECT count(*) FROM exchange_base WHERE record_uuid = '$erased'")" = 1 ] \
  || fail "the export kept no base of the client"
# (The old name is gone already: a deleted row's bytes are zeroed where that is cheap.)
for word in Wisnaamzq Voornaamzq Notitiewoordzq; do
  n=$(($(count_bytes a.db "$word") + $(count_bytes a.db-wal "$word")))
  [ "$n" -gt 0 ] || fail "$word is not in the database to begin with"
done
n_before=$(sqlite3 a.db "SELECT count(*) FROM placement WHERE client_uuid = '$erased'")

# Asking: a script without --yes is refused, and nothing goes.
status=0
"$cli" --db a.db erase "$erased" < /dev/null 2> ask.err || status=$?
[ "$status" -eq 2 ] || fail "erase without --yes from a script exited with $status"
grep -q -- "--yes" ask.err || fail "the refusal does not mention --yes: $(cat ask.err)"
[ "$(sqlite3 a.db "SELECT count(*) FROM client WHERE uuid = '$erased'")" = 1 ] \
  || fail "erase without --yes erased"

# Another program keeps the database open, as the window would: the log is not
# removed at the end, so what the erasure left in it is there to be searched.
mkfifo hold
sqlite3 a.db < hold > /dev/null &
holder=$!
exec 3> hold
echo "SELECT count(*) FROM client;" >&3
"$cli" --db a.db erase --yes "$erased" > erase.out
[ -e a.db-wal ] || fail "the other connection did not keep the log"
grep -q "Erased the client $erased" erase.out || fail "erase said: $(cat erase.out)"

for table in client placement progress_note consent ladder_step attendance allocation \
    buddy_pairing; do
  column=client_uuid
  [ "$table" = client ] && column=uuid
  [ "$(sqlite3 a.db "SELECT count(*) FROM $table WHERE $column = '$erased'")" = 0 ] \
    || fail "$table still has rows of the erased client"
done
[ "$(sqlite3 a.db "SELECT count(*) FROM exchange_base WHERE record_uuid = '$erased'")" = 0 ] \
  || fail "the exchange base of the erased client stayed"

# The bytes of the file and of its log: not a trace, old name or new.
for word in Wisnaamzq Voornaamzq Vroegernaamqx Notitiewoordzq; do
  n=$(($(count_bytes a.db "$word") + $(count_bytes a.db-wal "$word")))
  [ "$n" -eq 0 ] || fail "$word is still $n times in the database file or its log"
done
[ ! -s a.db-wal ] || fail "the write-ahead log was not truncated"
exec 3>&-
wait "$holder"
[ "$(sqlite3 a.db 'PRAGMA integrity_check')" = ok ] || fail "the database is damaged"
"$cli" --db a.db check > /dev/null || fail "check fails after the erasure"

# The log keeps the UUID as a pseudonym, and verifies.
"$cli" --db a.db audit --client "$erased" | tail -n 1 | grep -q "	erase	client	$erased	" \
  || fail "the erasure is not logged"
"$cli" --db a.db audit > log.tsv
grep -q -i "Wisnaamzq" log.tsv && fail "the log holds the name"
"$cli" --db a.db audit --verify > /dev/null || fail "the log does not verify after erasure"
[ "$n_before" -gt 0 ] || echo "# the erased client had no placements"

# An ordinary deletion clears the exchange bases and the full-text index too.
"$cli" --db a.db delete clients "$deleted" > /dev/null
[ "$(sqlite3 a.db "SELECT count(*) FROM exchange_base WHERE record_uuid = '$deleted'")" = 0 ] \
  || fail "deleting left the exchange base"
terms=$(sqlite3 a.db "CREATE VIRTUAL TABLE temp.terms USING fts5vocab (main, client_search, row);
  SELECT count(*) FROM temp.terms WHERE term = 'gewoonweggq'")
[ "$terms" = 0 ] || fail "deleting left the name in the full-text index"

# Retention: the clients whose placements all ended more than N years ago.
"$cli" --db a.db retention --years 1 | tail -n +2 > due.tsv
[ -s due.tsv ] || fail "no client in the demo data is past one year after their care"
cutoff=$(date -d '-1 year' +%Y-%m-%d)
while IFS='	' read -r client ended; do
  open=$(sqlite3 a.db "SELECT count(*) FROM placement WHERE client_uuid = '$client'
    AND (status <> 'ended' OR coalesce(actual_end_date, planned_end_date) >= '$cutoff')")
  [ "$open" = 0 ] || fail "$client is listed though care went on after $cutoff"
  [ "$ended" \< "$cutoff" ] || fail "$client ended $ended, after $cutoff"
done < due.tsv
"$cli" --db a.db retention --years 100 | tail -n +2 > none.tsv
[ ! -s none.tsv ] || fail "clients listed a hundred years after their care"

echo "ok: erasure"
