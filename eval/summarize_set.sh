#!/usr/bin/env bash
# Summarizes every cluster of a data set laid out as <set>/<cluster>/docs/*.txt and writes
# OUT/<cluster>.txt, one summary sentence per line (the input `precis eval` scores).
#
#   eval/summarize_set.sh PRECIS SET OUT [summarize flags...]
# e.g. eval/summarize_set.sh build/precis ../shared/data/rpm2_fr_dev /tmp/sys --words 100
set -euo pipefail
precis="$1"; set_dir="$2"; out="$3"; shift 3
mkdir -p "$out"
for cluster in "$set_dir"/*/; do
  [ -d "$cluster/docs" ] || continue
  id="$(basename "$cluster")"
  "$precis" summarize --format json "$@" "$cluster/docs" \
    | python3 -c 'import json,sys; [print(s["text"]) for s in json.load(sys.stdin)["sentences"]]' \
    > "$out/$id.txt.part"
  mv "$out/$id.txt.part" "$out/$id.txt"
done
