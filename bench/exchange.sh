#!/bin/sh
# Exchange benchmark: export and import of the demo data set against floors
# measured in the same run (see the issue, part 7).
#
#   exchange.sh PLACEMENTS_CLI XSD
#
# Export floor: `sqlite3 .dump` of the database plus `xmllint --stream --noout`
# over the file. Import floor: `xmllint --stream --noout --schema` over the file
# plus sqlite3 loading a .dump of what the import stored. Import time should be
# linear in the file: the small set is imported too. Figures are printed, never
# asserted: a clock is not a test.
#
# PLACEMENTS_BENCH_CLIENTS (default 100000) and PLACEMENTS_BENCH_SMALL_CLIENTS
# (default 10000) set the sizes; PLACEMENTS_BENCH_KEEP=1 keeps the folder. With
# PLACEMENTS_BENCH_CONSENT_ALL=0 only the demo's own consents count, and the
# message carries the clients of one host (a few percent of the data set).
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
ratio () { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# run N: builds a demo database of N clients, exports, imports; sets the figures.
run () {
  n=$1
  db=$dir/demo-$n.db
  file=$dir/message-$n.xml
  target=$dir/imported-$n.db

  "$cli" --db "$db" demo --clients "$n" >/dev/null
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

  sync
  t0=$(now)
  "$cli" --db "$db" export "$file" --to "$to" >"$dir/export-$n.txt"
  t1=$(now)
  sqlite3 "$db" .dump >/dev/null
  xmllint --stream --noout "$file"
  t2=$(now)
  export_time=$(seconds "$t0" "$t1")
  export_floor=$(seconds "$t1" "$t2")

  # The receiving database knows only itself: its own organisation, with the
  # UUID the sender uses for it.
  "$cli" --db "$target" init >/dev/null
  sqlite3 "$target" "ATTACH '$db' AS sender;
                     INSERT INTO organisation SELECT * FROM sender.organisation
                       WHERE uuid = '$to';
                     INSERT INTO setting (name, value) VALUES ('own-organisation', '$to');"
  sync
  t3=$(now)
  if ! "$cli" --db "$target" import "$file" >"$dir/import-$n.txt" 2>&1; then
    import_time=
    echo "$n clients: $(cat "$dir/export-$n.txt" | head -1)"
    echo "  export  $export_time s, floor $export_floor s," \
         "ratio $(ratio "$export_time" "$export_floor") (target <= 1.5)"
    echo "  import  refused: $(cat "$dir/import-$n.txt")"
    return 0
  fi
  t4=$(now)
  xmllint --stream --noout --schema "$xsd" "$file" 2>/dev/null
  t5=$(now)
  sqlite3 "$target" .dump >"$dir/dump-$n.sql"
  t6=$(now)
  sqlite3 "$dir/reload-$n.db" <"$dir/dump-$n.sql"
  t7=$(now)
  import_time=$(seconds "$t3" "$t4")
  import_floor=$(awk -v a="$t4" -v b="$t5" -v c="$t6" -v d="$t7" \
                   'BEGIN { printf "%.2f", ((b - a) + (d - c)) / 1e9 }')

  size=$(wc -c <"$file")
  records=$(sed -n 's/.* with \([0-9]*\) records\{0,1\}\..*/\1/p' "$dir/export-$n.txt")
  echo "$n clients: $records records, $((size / 1048576)) MiB"
  echo "  export  $export_time s, floor $export_floor s," \
       "ratio $(ratio "$export_time" "$export_floor") (target <= 1.5)"
  echo "  import  $import_time s, floor $import_floor s," \
       "ratio $(ratio "$import_time" "$import_floor") (target <= 1.5)"
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
