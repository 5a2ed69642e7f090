#!/usr/bin/env bash
# The ablation table of eval/README.md: precis with its defaults, then with one component changed
# at a time, on rpm2_fr_dev (100 words) and multiling2011_en (250 words), ROUGE recall in both
# modes (rouge155 = ROUGE-1.5.5 exact; unicode = Unicode tokens with Snowball stemming).
#
#   eval/ablation.sh [PRECIS] [SHARED]       (defaults: build/precis, ../shared)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib.sh"
setup_eval "$@"

# A French background idf table from the OrangeSum corpus (the one variant that needs it).
orangesum="$shared/data/orangesum-news.jsonl.gz"
if [ -f "$orangesum" ]; then
  "$precis" idf build "$orangesum" --lang fr -o "$work/fr.idf" 2>/dev/null
fi

variants=(
  "defaults|"
  "no position prior|--position-weight 0"
  "no MMR redundancy (lambda 1)|--lambda 1"
  "no source diversity|--source-diversity 0"
  "no length window|--min-words 1 --max-words 0"
  "near-duplicates at 0.5 (MEAD)|--redundancy 0.5"
  "continuous LexRank|--threshold 0"
  "no paraphrase filter|--paraphrase 1"
  "paraphrase filter at 0.5|--paraphrase 0.5"
  "concept coverage 0.3|--coverage 0.3"
  "no cleaning|--no-clean"
  "lead selector (filtered)|--selector lead"
)
[ -f "$work/fr.idf" ] && variants+=("OrangeSum background idf (fr only)|--idf $work/fr.idf")

echo "| variant | $FR_SET R-1 | R-2 | R-1 unicode | R-2 unicode | $EN_SET R-1 | R-2 | R-1 unicode | R-2 unicode |"
echo "|---|---|---|---|---|---|---|---|---|"
n=0
for v in "${variants[@]}"; do
  name="${v%%|*}"
  read -r -a flags <<< "${v#*|}"
  n=$((n + 1))
  fr="$work/fr$n" en="$work/en$n"
  "$here/summarize_set.sh" "$precis" "$shared/data/$FR_SET" "$fr" --words "$FR_WORDS" "${flags[@]}"
  fr_scores="$(both_modes "$shared/data/$FR_SET" "$fr" "$FR_ARGS" fr)"
  if [[ " ${flags[*]} " == *" --idf "* ]]; then
    en_scores="- - - -"
  else
    "$here/summarize_set.sh" "$precis" "$shared/data/$EN_SET" "$en" --words "$EN_WORDS" "${flags[@]}"
    en_scores="$(both_modes "$shared/data/$EN_SET" "$en" "$EN_ARGS" en)"
  fi
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$name" $fr_scores $en_scores
done
