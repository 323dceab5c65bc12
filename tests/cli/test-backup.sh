#!/bin/sh
# Backups through placements-cli: a backup is a private, consistent copy; backups are
# listed and restored by date; restore refuses a bad file (garbage, cut off, damaged,
# not Placements, newer, a FIFO) with a message naming it and leaves the database as
# it was; a good restore keeps the replaced database as a backup itself.
#
#   test-backup.sh PLACEMENTS_CLI
set -eu

cli=$(realpath "$1")
work=$(mktemp -d "${TMPDIR:-/tmp}/backup-XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"
# The daily backups go to the user's data folder: here, a folder of the test's own.
export XDG_DATA_HOME="$work/data"
backups="$XDG_DATA_HOME/placements/backups"

fail() {
  echo "not ok: $*" >&2
  exit 1
}

dump() {
  sqlite3 "$1" "SELECT uuid, family_name FROM client ORDER BY uuid" | md5sum
}

"$cli" --db a.db demo --clients 30 --seed 4 > /dev/null
"$cli" --db a.db backup copy.db > /dev/null
[ "$(stat -c %a copy.db)" = 600 ] || fail "the backup is mode $(stat -c %a copy.db)"
[ "$(sqlite3 copy.db 'PRAGMA integrity_check')" = ok ] || fail "the backup is damaged"
[ "$(dump copy.db)" = "$(dump a.db)" ] || fail "the backup differs from the database"
ls -a | grep -q '^\.copy\.db\.' && fail "a temporary file was left behind"

# The daily backup: once a day, listed by date.
"$cli" --db a.db backup --daily > daily.out
grep -q "Backup written" daily.out || fail "no daily backup: $(cat daily.out)"
"$cli" --db a.db backup --daily | grep -q "made already" || fail "a second daily backup"
today=$(date +%Y-%m-%d)
# Named after the database and the start of the SHA-256 of its full path.
a=a-$(printf %s "$(realpath a.db)" | sha256sum | cut -c 1-8)
[ "$(stat -c %a "$backups/$a-$today.db")" = 600 ] || fail "the daily backup is not 0600"
[ "$(stat -c %a "$backups")" = 700 ] || fail "the backups folder is not 0700"
# An old one goes when the days kept are past.
sqlite3 "$backups/$a-2001-01-01.db" "CREATE TABLE x (y)"
"$cli" --db a.db backup --daily --keep 3 > /dev/null
[ ! -e "$backups/$a-2001-01-01.db" ] || fail "a backup older than the days kept stayed"
"$cli" --db a.db backups > list.tsv
grep -q "^$today	daily	[0-9]*	$backups/$a-$today.db$" list.tsv || fail "not listed: $(cat list.tsv)"

# Another a.db, in another folder: daily backups of its own, listed and restored as its
# own; neither database's backups are taken for, or removed as, the other's.
mkdir other
"$cli" --db other/a.db demo --clients 3 --seed 9 > /dev/null
"$cli" --db other/a.db backup --daily > /dev/null
[ "$(ls "$backups"/a-*-"$today".db | wc -l)" = 2 ] || fail "two a.db share a daily backup"
"$cli" --db other/a.db backups > other.tsv
[ "$(tail -n +2 other.tsv | wc -l)" = 1 ] && ! grep -q "$backups/$a-" other.tsv \
  || fail "the other a.db lists backups not its own: $(cat other.tsv)"
sqlite3 "$backups/$a-2001-01-02.db" "CREATE TABLE x (y)"
"$cli" --db other/a.db backup --daily --keep 3 > /dev/null
[ -e "$backups/$a-2001-01-02.db" ] || fail "the other a.db removed this one's old backup"
rm "$backups/$a-2001-01-02.db"
"$cli" --db other/a.db restore --date "$today" > /dev/null
[ "$(sqlite3 other/a.db 'SELECT count(*) FROM client')" = 3 ] \
  || fail "the other a.db was restored from this one's backup"

# A change after the backup; restoring by date brings the database back.
client=$("$cli" --db a.db add clients family-name=Nabackup)
before=$(dump a.db)
"$cli" --db a.db restore --date "$today" > restore.out
[ "$(sqlite3 a.db "SELECT count(*) FROM client WHERE uuid = '$client'")" = 0 ] \
  || fail "the restore did not bring the database back"
kept=$(ls "$backups/$a"-*-before-restore.db)
[ "$(dump "$kept")" = "$before" ] || fail "the replaced database was not kept"
[ "$(stat -c %a "$kept")" = 600 ] || fail "the kept database is not 0600"
"$cli" --db a.db audit --verify > /dev/null || fail "the log does not verify after a restore"
"$cli" --db a.db audit | tail -n 1 | grep -q "	restore	" || fail "the restore is not logged"
"$cli" --db a.db check > /dev/null || fail "check fails after a restore"

# An older backup (schema 1, an early version's) is brought up to this version.
cp "$G_TEST_SRCDIR/fixtures/migrations/schema-1.db" old.db
n_old=$(sqlite3 old.db "SELECT count(*) FROM client")
"$cli" --db a.db restore old.db > /dev/null || fail "a backup of an older version was refused"
[ "$(sqlite3 a.db 'PRAGMA user_version')" = "$(sqlite3 copy.db 'PRAGMA user_version')" ] \
  || fail "the older backup was not brought up to this version"
[ "$(sqlite3 a.db 'SELECT count(*) FROM client')" = "$n_old" ] || fail "clients went missing"
"$cli" --db a.db check > /dev/null || fail "check fails after restoring an older backup"
"$cli" --db a.db audit --verify > /dev/null || fail "the log does not verify after that"

# Bad files are refused before anything is touched.
refuse() {
  file=$1
  expected=$2
  before=$(dump a.db)
  n_backups=$(ls "$backups" | wc -l)
  status=0
  "$cli" --db a.db restore "$file" 2> refuse.err || status=$?
  [ "$status" -eq 1 ] || fail "restoring $file exited with $status"
  grep -q "$file" refuse.err || fail "the message does not name $file: $(cat refuse.err)"
  grep -q "$expected" refuse.err || fail "restoring $file: $(cat refuse.err)"
  [ "$(dump a.db)" = "$before" ] || fail "refusing $file changed the database"
  [ "$(ls "$backups" | wc -l)" = "$n_backups" ] || fail "refusing $file wrote a backup"
}
printf 'not a database at all\n' > garbage.db
refuse garbage.db "is not a Placements backup"
head -c 20000 copy.db > cut.db
refuse cut.db "is damaged"
cp copy.db newer.db
sqlite3 newer.db "PRAGMA user_version = 999"
refuse newer.db "newer version"
sqlite3 other.db "CREATE TABLE client (id)"
refuse other.db "is not a Placements database"
cp copy.db broken.db
# Page 2 overwritten in the middle: the header is fine, the tree is not.
printf '%4096s' '' | tr ' ' 'x' | dd of=broken.db bs=4096 seek=3 conv=notrunc 2> /dev/null
refuse broken.db "is damaged"
mkfifo pipe.db
refuse pipe.db "is not a regular file"
refuse missing.db "could not be read"

# The messages are translated.
status=0
LANGUAGE=nl LC_ALL=C.UTF-8 PLACEMENTS_LOCALEDIR="$PLACEMENTS_BUILD_LOCALEDIR" \
  "$cli" --db a.db restore garbage.db 2> nl.err || status=$?
[ "$status" -eq 1 ] || fail "restoring in Dutch exited with $status"
grep -q "garbage.db" nl.err && ! grep -q "is not a Placements backup" nl.err \
  || fail "the Dutch message: $(cat nl.err)"

echo "ok: backups"
