#!/bin/sh
# A full disk and a read-only folder, as a coordinator's laptop has them: commands that
# only read (list, check, a preview) still work; commands that write say what is wrong
# with the disk or the folder, naming the database, instead of calling it "not a
# Placements database"; the database is left exactly as it was.
#
#   test-cli-disk.sh PLACEMENTS_CLI
#
# It needs a small file system of its own: a tmpfs in a private mount namespace
# (unshare -m as root, unshare -rm as a user where user namespaces are allowed).
# Where neither is possible it says so and is skipped (exit 77).
set -eu

cli=$(realpath "$1")

if [ "${PLACEMENTS_TEST_IN_NAMESPACE:-}" != 1 ]; then
  for how in "-m" "-rm"; do
    if unshare $how true 2>/dev/null; then
      PLACEMENTS_TEST_IN_NAMESPACE=1 exec unshare $how sh "$0" "$@"
    fi
  done
  echo "skipped: no mount namespace to make a small or read-only file system in" >&2
  exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/disk-XXXXXX")
disk="$work/disk"
mkdir "$disk"
cleanup() {
  umount "$disk" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
if ! mount -t tmpfs -o size=4m tmpfs "$disk" 2>/dev/null; then
  echo "skipped: tmpfs cannot be mounted here" >&2
  exit 77
fi

fail() {
  echo "not ok: $*" >&2
  exit 1
}

db="$disk/placements.db"
"$cli" --db "$db" demo --clients 20 --seed 1 > /dev/null
"$cli" --db "$db" own-organisation "$("$cli" --db "$db" list organisations |
  awk -F '\t' 'NR == 2 { print $1 }')" > /dev/null
cp "$db" "$work/before.db"

# expect_refusal WORDS COMMAND...: exit 1, one line naming the database and WORDS.
expect_refusal() {
  words=$1
  shift
  if "$cli" --db "$db" "$@" > "$work/out" 2> "$work/err"; then
    fail "$* succeeded"
  fi
  [ "$(wc -l < "$work/err")" -eq 1 ] || fail "$*: not one line: $(cat "$work/err")"
  grep -qF "$db" "$work/err" || fail "$*: the database is not named: $(cat "$work/err")"
  grep -qF "$words" "$work/err" || fail "$*: does not say “$words”: $(cat "$work/err")"
  if grep -q "not a Placements database" "$work/err"; then
    fail "$*: calls the database damaged: $(cat "$work/err")"
  fi
}

expect_reads() {
  "$cli" --db "$db" list clients > "$work/list" 2> "$work/err" ||
    fail "list on $1: $(cat "$work/err")"
  [ "$(wc -l < "$work/list")" -eq 21 ] || fail "list on $1: $(wc -l < "$work/list") lines"
  "$cli" --db "$db" check > /dev/null 2> "$work/err" || fail "check on $1: $(cat "$work/err")"
  "$cli" --db "$db" own-organisation > /dev/null 2> "$work/err" ||
    fail "own-organisation on $1: $(cat "$work/err")"
}

# The disk full.
dd if=/dev/zero of="$disk/filler" bs=4096 2> /dev/null || true
expect_reads "a full disk"
expect_refusal "the disk is full" init
expect_refusal "the disk is full" own-organisation "$("$cli" --db "$db" list organisations |
  awk -F '\t' 'NR == 3 { print $1 }')"
rm -f "$disk/filler" "$db-wal" "$db-shm"
cmp -s "$db" "$work/before.db" || fail "the database changed on a full disk"

# The same in Dutch.
if [ -n "${PLACEMENTS_BUILD_LOCALEDIR:-}" ] &&
   [ -f "$PLACEMENTS_BUILD_LOCALEDIR/nl/LC_MESSAGES/placements.mo" ]; then
  dutch="LC_ALL=C.UTF-8 LANGUAGE=nl PLACEMENTS_LOCALEDIR=$PLACEMENTS_BUILD_LOCALEDIR"
else
  dutch=""
fi

# The folder read-only.
mount -o remount,ro "$disk"
expect_reads "a read-only folder"
expect_refusal "read-only" init
expect_refusal "read-only" demo
if [ -n "$dutch" ]; then
  env $dutch "$cli" --db "$db" init 2> "$work/err" && fail "init succeeded read-only"
  grep -q "alleen-lezen" "$work/err" || fail "not in Dutch: $(cat "$work/err")"
fi
mount -o remount,rw "$disk"
cmp -s "$db" "$work/before.db" || fail "the database changed in a read-only folder"

echo "ok"
