#!/usr/bin/env bash
# Does the layout of the text change the summary? Copies both development sets with their lines
# hard-wrapped (72 and 60 columns, GNU fmt at 75) and with Windows line breaks
# (eval/relayout.py), summarizes every copy with the defaults and prints ROUGE-1/ROUGE-2 recall
# (ROUGE-1.5.5 mode) beside the original's, and how many summaries differ from the original's.
#
#   eval/layouts.sh [PRECIS] [SHARED]       (defaults: build/precis, ../shared; about 30 s)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib.sh"
setup_eval "$@"

echo "| layout | $FR_SET R-1 | R-2 | same summaries | $EN_SET R-1 | R-2 | same summaries |"
echo "|---|---|---|---|---|---|---|"
for layout in original wrap72 wrap60 fmt75 crlf; do
  cells=()
  for lang in fr en; do
    if [ "$lang" = fr ]; then set=$FR_SET words=$FR_WORDS args=$FR_ARGS; else set=$EN_SET words=$EN_WORDS args=$EN_ARGS; fi
    source_dir="$shared/data/$set"
    input="$source_dir"
    if [ "$layout" != original ]; then
      input="$work/$layout/$set"
      python3 "$here/relayout.py" "$source_dir" "$input" "$layout"
    fi
    "$here/summarize_set.sh" "$precis" "$input" "$work/sum-$layout-$set" --words "$words"
    read -r r1 r2 <<< "$(score "$source_dir" "$work/sum-$layout-$set" rouge155 "$args" "$lang")"
    same=0 total=0
    for f in "$work/sum-original-$set"/*.txt; do
      total=$((total + 1))
      cmp -s "$f" "$work/sum-$layout-$set/$(basename "$f")" && same=$((same + 1))
    done
    cells+=("$r1" "$r2" "$same/$total")
  done
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$layout" "${cells[@]}"
done
