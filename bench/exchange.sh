#!/bin/sh
# Exchange benchmark: export and import of the demo data set against floors
# measured in the same run.
#
#   exchange.sh PLACEMENTS_CLI XSD
#
# Export floor: what travels, read once by the plain tools: `sqlite3 .dump` of the
# database the import filled plus `xmllint --stream --noout` over the file the export
# wrote. (Before, the floor dumped the whole sender database, which holds far more than
# travels; that figure is still printed, as "old floor".) Import floor: `xmllint
# --stream --noout --schema` over the file plus sqlite3 loading a .dump of what the
# import stored. Import time should be linear in the file: the small set is imported
# too. With GNU time at /usr/bin/time, the peak resident memory of the export and the
# import is printed too. Figures are printed, never asserted: a clock is not a test.
#
# PLACEMENTS_BENCH_CLIENTS (default 100000) and PLACEMENTS_BENCH_SMALL_CLIENTS
# (default 10000) set the sizes; PLACEMENTS_BENCH_KEEP=1 keeps the folder. With
# PLACEMENTS_BENCH_CONSENT_ALL=0 only the demo's own consents count, and the
# message carries the clients of one host (a few percent of the data set).
# PLACEMENTS_BENCH_LARGE_DB names a demo database of the large size to copy instead
# of generating one (`placements-cli demo --clients N --seed 1` made it); the copy is
# opened, so it may be migrated, never the original.
set -eu

cli=$1
xsd=$2
large=${PLACEMENTS_BENCH_CLIENTS:-100000}
small=${PLACEMENTS_BENCH_SMALL_CLIENTS:-10000}
consent_all=${PLACEMENTS_BENCH_CONSENT_ALL:-1}

for tool in sqlite3 xmllint; do
  command -v "$tool" >/dev/null || { echo "exchange.sh: $tool is needed" >&2; exit 77; }
done

dir=$(mktemp -d "${TMPDIR:-/tmp}/placements-bench-XXXXXX")
if [ "${PLACEMENTS_BENCH_KEEP:-0}" = 1 ]; then
  echo "Working in $dir"
else
  trap 'rm -rf "$dir"' EXIT
fi
# The CLI prints in the C locale here, whatever the caller's.
export LANGUAGE=C LC_ALL=C.UTF-8

now () { date +%s%N; }
seconds () { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'; }
# timed FILE COMMAND...: runs COMMAND, its peak resident KiB into FILE.
timed () { out=$1; shift; /usr/bin/time -o "$out" -f %M "$@"; }
untimed () { shift; "$@"; }
timer=untimed
if /usr/bin/time -f %M true >/dev/null 2>&1; then
  timer=timed
fi
ratio () { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# run N: builds a demo database of N clients, exports, imports; sets the figures.
run () {
  n=$1
  db=$dir/demo-$n.db
  file=$dir/message-$n.xml
  target=$dir/imported-$n.db

  if [ "$n" = "$large" ] && [ -n "${PLACEMENTS_BENCH_LARGE_DB:-}" ]; then
    cp "$PLACEMENTS_BENCH_LARGE_DB" "$db"
  else
    "$cli" --db "$db" demo --clients "$n" >/dev/null
  fi
  # The sender is the care provider with the most clients; the receiver the
  # partner most of them consented to.
  own=$(sqlite3 "$db" "SELECT care_organisation_uuid FROM client
                       GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
  to=$(sqlite3 "$db" "SELECT receiver_uuid FROM consent
                      WHERE purpose IN ('placement', 'referral') AND receiver_uuid <> '$own'
                      GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
  "$cli" --db "$db" own-organisation "$own" >/dev/null
  if [ "$consent_all" = 1 ]; then
    # The demo spreads its clients over many hosts, each with its own consents; here
    # every client also consents to the receiver, so that the whole data set travels.
    sqlite3 "$db" "INSERT INTO consent (uuid, created, updated, client_uuid, receiver_uuid,
                     purpose, data_categories, given_by, given_date)
                   SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4'
                                || substr(hex(randomblob(2)), 2) || '-a'
                                || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
                          strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
                          strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
                          c.uuid, '$to', 'placement', 15, 'client', date('now', '-1 day')
                   FROM client c WHERE NOT EXISTS
                     (SELECT 1 FROM consent k WHERE k.client_uuid = c.uuid
                        AND k.receiver_uuid = '$to' AND k.purpose = 'placement'
                        AND k.data_categories = 15 AND k.withdrawn_date IS NULL
                        AND k.expiry_date IS NULL)"
  fi

  # Opened once before the clock starts, so that a migration is not timed.
  "$cli" --db "$db" list organisations >/dev/null

  sync
  t0=$(now)
  $timer "$dir/export-rss-$n.txt" "$cli" --db "$db" export "$file" --to "$to" \
    >"$dir/export-$n.txt"
  t1=$(now)
  sqlite3 "$db" .dump >/dev/null
  t2=$(now)
  export_time=$(seconds "$t0" "$t1")

  # The receiving database knows only itself: its own organisation, with the
  # UUID the sender uses for it.
  "$cli" --db "$target" init >/dev/null
  sqlite3 "$target" "ATTACH '$db' AS sender;
                     INSERT INTO organisation SELECT * FROM sender.organisation
                       WHERE uuid = '$to';
                     INSERT INTO setting (name, value) VALUES ('own-organisation', '$to');"
  sync
  t3=$(now)
  if ! $timer "$dir/import-rss-$n.txt" "$cli" --db "$target" import "$file" \
       >"$dir/import-$n.txt" 2>&1; then
    import_time=
    echo "$n clients: $(cat "$dir/export-$n.txt" | head -1)"
    echo "  export  $export_time s, old floor (whole sender database, without the file)" \
         "$(seconds "$t1" "$t2") s"
    echo "  import  refused: $(cat "$dir/import-$n.txt")"
    return 0
  fi
  t4=$(now)
  import_time=$(seconds "$t3" "$t4")
  # The export's floor: what travelled, as the import stored it, and the file. The
  # old floor: the whole sender database (dumped above, t1 to t2), and the file.
  t8=$(now)
  sqlite3 "$target" .dump >/dev/null
  t9=$(now)
  xmllint --stream --noout "$file"
  t10=$(now)
  export_floor=$(awk -v a="$t8" -v b="$t10" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
  old_floor=$(awk -v a="$t1" -v b="$t2" -v c="$t9" -v d="$t10" \
                'BEGIN { printf "%.2f", ((b - a) + (d - c)) / 1e9 }')
  t4=$(now)
  xmllint --stream --noout --schema "$xsd" "$file" 2>/dev/null
  t5=$(now)
  sqlite3 "$target" .dump >"$dir/dump-$n.sql"
  t6=$(now)
  sqlite3 "$dir/reload-$n.db" <"$dir/dump-$n.sql"
  t7=$(now)
  import_floor=$(awk -v a="$t4" -v b="$t5" -v c="$t6" -v d="$t7" \
                   'BEGIN { printf "%.2f", ((b - a) + (d - c)) / 1e9 }')

  size=$(wc -c <"$file")
  records=$(sed -n 's/.* with \([0-9]*\) records\{0,1\}\..*/\1/p' "$dir/export-$n.txt")
  echo "$n clients: $records records, $((size / 1048576)) MiB"
  echo "  export  $export_time s, floor $export_floor s," \
       "ratio $(ratio "$export_time" "$export_floor") (target <= 1.5);" \
       "old floor (whole sender database) $old_floor s," \
       "ratio $(ratio "$export_time" "$old_floor")"
  echo "  import  $import_time s, floor $import_floor s," \
       "ratio $(ratio "$import_time" "$import_floor") (target <= 1.5)"
  if [ "$timer" = timed ]; then
    echo "  peak resident memory: export $(($(cat "$dir/export-rss-$n.txt") / 1024)) MB," \
         "import $(($(cat "$dir/import-rss-$n.txt") / 1024)) MB (target <= 400)"
  fi
  rm -f "$dir/dump-$n.sql" "$dir/reload-$n.db"
}

run "$small"
small_import=$import_time
small_size=$(wc -c <"$dir/message-$small.xml")
run "$large"
large_size=$(wc -c <"$dir/message-$large.xml")
if [ -n "$small_import" ] && [ -n "$import_time" ]; then
  echo "import linearity: $large/$small clients take" \
       "$(ratio "$import_time" "$small_import")x the time" \
       "for $(ratio "$large_size" "$small_size")x the bytes (target <= 11)"
fi
