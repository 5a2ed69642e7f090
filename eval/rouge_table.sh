#!/usr/bin/env bash
# Reproduces the project's ROUGE figures: summarizes a data set with precis, builds the lead
# baseline, and scores them (and the published systems where the set has them) in both modes,
# printing one Markdown table per set, then precis against the lead with the paired interval of
# the difference (is it more than the luck of the 10 clusters?).
#
#   eval/rouge_table.sh [PRECIS] [SHARED]       (defaults: build/precis, ../shared)
#   PRECIS_FLAGS="--lambda 0.5" eval/rouge_table.sh     extra summarize flags (ablations)
#
# Settings (../shared/data/README.md):
#   rpm2_fr_dev       100 words, -n 2 -x -a -c 95 -r 1000 -f A -p 0.5 -t 0 -l 100, no stemming
#   multiling2011_en  250 words, -a -x -2 4 -u -c 95 -r 1000 -n 2 -f A -p 0.5 -t 0 (the published
#                     systems were limited to 240-250 words; no -l cut)
# Unicode mode: letters and digits of any script, elisions split, Snowball stemming (--stem).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib.sh"
setup_eval "$@"
read -r -a extra <<< "${PRECIS_FLAGS:-}"

row() {  # row NAME SET_DIR SYSTEM_DIR ARGS LANG
  printf '| %s | %s | %s | %s | %s |\n' "$1" $(both_modes "$2" "$3" "$4" "$5")
}

table() {  # table SET WORDS ARGS LANG
  local set_dir="$shared/data/$1"
  [ -d "$set_dir" ] || { echo "skipping $1: $set_dir not found" >&2; return; }
  echo
  echo "### $1 ($2 words)"
  echo
  echo "| system | R-1 (rouge155) | R-2 (rouge155) | R-1 (unicode, stemmed) | R-2 (unicode, stemmed) |"
  echo "|---|---|---|---|---|"
  "$here/summarize_set.sh" "$precis" "$set_dir" "$work/$1-precis" --words "$2" "${extra[@]}"
  python3 "$here/lead_baseline.py" "$precis" "$set_dir" "$work/$1-lead" "$2"
  row "**precis**" "$set_dir" "$work/$1-precis" "$3" "$4"
  row "lead" "$set_dir" "$work/$1-lead" "$3" "$4"
  if [ -d "$set_dir/systems" ]; then
    for sys in "$set_dir"/systems/*/; do
      local id; id="$(basename "$sys")"
      [ "$id" = ID10 ] && continue  # a topline built from the references, not a system
      row "$id" "$set_dir" "$sys" "$3" "$4"
    done
  fi
  echo
  echo "precis against lead, cluster by cluster (paired bootstrap; W/T/L = clusters won, tied, lost):"
  echo
  echo "| mode | R-1 difference [95% interval] | W/T/L | verdict | R-2 difference [95% interval] | W/T/L | verdict |"
  echo "|---|---|---|---|---|---|---|"
  versus "$set_dir" "$work/$1-precis" "$work/$1-lead" rouge155 "$3" "$4"
  versus "$set_dir" "$work/$1-precis" "$work/$1-lead" unicode "$3" "$4"
}

table "$FR_SET" "$FR_WORDS" "$FR_ARGS" fr
table "$EN_SET" "$EN_WORDS" "$EN_ARGS" en
