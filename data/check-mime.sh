#!/bin/sh
# Builds a private MIME database from the exchange type's definition ($1) and checks that an
# exchange file ($2) is recognised by its name's ending and, renamed, by its contents.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/share/mime/packages"
cp "$1" "$tmp/share/mime/packages/org.example.Placements.xml"
export XDG_DATA_DIRS="$tmp/share:/usr/share" XDG_DATA_HOME="$tmp/none"
update-mime-database "$tmp/share/mime"
cp "$2" "$tmp/referral.placements.xml"
cp "$2" "$tmp/attachment"
status=0
for f in referral.placements.xml attachment; do
  type=$(gio info -a standard::content-type "$tmp/$f" | sed -n 's/^ *standard::content-type: //p')
  echo "$f: $type"
  [ "$type" = application/x-placements-exchange+xml ] || status=1
done
exit $status
