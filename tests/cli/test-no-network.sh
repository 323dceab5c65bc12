#!/bin/sh
# Nothing goes over a network: the CLI's export, import and validate run under
# strace, and any socket other than AF_UNIX (or a connect to one) fails the test.
# Where a network namespace can be made, they also run without any network at all.
#
#   test-no-network.sh PLACEMENTS_CLI
set -eu

cli=$(realpath "$1")
work=$(mktemp -d "${TMPDIR:-/tmp}/no-network-XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"

fail() {
  echo "not ok: $*" >&2
  exit 1
}

if ! command -v strace > /dev/null || ! strace -f -qq -o /dev/null true 2> /dev/null; then
  echo "skipped: strace is missing or may not trace here" >&2
  exit 77
fi

"$cli" --db a.db demo --clients 50 --seed 8 > /dev/null
receiver=$(sqlite3 a.db "SELECT o.exchange_id FROM consent c JOIN organisation o
  ON o.uuid = c.receiver_uuid GROUP BY o.uuid ORDER BY count(*) DESC, o.uuid LIMIT 1")
sender=$(sqlite3 a.db "SELECT exchange_id FROM organisation
  WHERE kind = 'care-provider' AND exchange_id <> '$receiver' ORDER BY uuid LIMIT 1")
"$cli" --db a.db own-organisation "$sender" > /dev/null

traced() {
  name=$1
  shift
  # LeakSanitizer cannot run under ptrace and would abort the traced program; the
  # sanitized build checks for leaks in every other test.
  ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
  strace -f -qq -e trace=socket,connect,sendto,sendmsg -o "$name.trace" "$cli" "$@" \
    > "$name.out" 2>&1 || fail "$name failed: $(cat "$name.out")"
  # Every socket must be AF_UNIX, and so must every address connected to.
  if grep -E 'socket\(' "$name.trace" | grep -v 'socket\(AF_UNIX' > "$name.bad"; then
    fail "$name opened a socket other than AF_UNIX: $(cat "$name.bad")"
  fi
  if grep -E 'connect\(' "$name.trace" | grep -v 'sa_family=AF_UNIX' > "$name.bad"; then
    fail "$name connected to something other than AF_UNIX: $(cat "$name.bad")"
  fi
  echo "# $name: $(grep -c -E 'socket\(|connect\(' "$name.trace" || true) socket calls, all AF_UNIX"
}

traced export --db a.db export message.xml --to "$receiver"
"$cli" --db b.db own-organisation --from-file message.xml > /dev/null
traced validate validate message.xml
traced import --db b.db import message.xml
[ "$(sqlite3 b.db 'SELECT count(*) FROM client')" -gt 0 ] || fail "the import brought nothing"

# Without any network, as far as this machine lets a test take it away.
for how in "-n" "-rn"; do
  if unshare $how true 2> /dev/null; then
    unshare $how "$cli" --db a.db export offline.xml --to "$receiver" > /dev/null \
      || fail "export fails without a network"
    "$cli" --db c.db own-organisation --from-file offline.xml > /dev/null
    unshare $how "$cli" --db c.db import offline.xml > /dev/null \
      || fail "import fails without a network"
    echo "# export and import ran in a namespace without a network (unshare $how)"
    break
  fi
done

echo "ok: no network"
