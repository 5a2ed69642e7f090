# Shared by eval/rouge_table.sh and eval/ablation.sh: the data sets, their ROUGE settings and the
# scoring helpers.

# setup_eval [PRECIS] [SHARED]: sets $precis (default build/precis), $shared (default ../shared)
# and a work folder $work removed on exit.
setup_eval() {
  precis="$(realpath "${1:-$here/../build/precis}")"
  shared="$(realpath "${2:-$here/../../shared}")"
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
}

# Settings from ../shared/data/README.md.
FR_SET=rpm2_fr_dev
FR_WORDS=100
FR_ARGS="-n 2 -x -a -c 95 -r 1000 -f A -p 0.5 -t 0 -l 100"
EN_SET=multiling2011_en
EN_WORDS=250
EN_ARGS="-a -x -2 4 -u -c 95 -r 1000 -n 2 -f A -p 0.5 -t 0"

# score SET_DIR SYSTEM_DIR MODE ARGS LANG -> "R1 R2" (recall, 4 decimals)
score() {
  local mode_flags=(--compat "$3")
  [ "$3" = unicode ] && mode_flags+=(--stem --lang "$5")
  "$precis" eval "${mode_flags[@]}" --rouge-args "$4" --refs "$1" --format json "$2" |
    python3 -c 'import json,sys; m={x["metric"]: x for x in json.load(sys.stdin)["metrics"]}; print("%.4f %.4f" % (m["ROUGE-1"]["R"], m["ROUGE-2"]["R"]))'
}

# both_modes SET_DIR SYSTEM_DIR ARGS LANG -> "R1 R2 R1u R2u"
both_modes() {
  local a b
  a="$(score "$1" "$2" rouge155 "$3" "$4")"
  b="$(score "$1" "$2" unicode "$3" "$4")"
  echo "$a $b"
}

# versus SET_DIR SYSTEM_DIR BASELINE_DIR MODE ARGS LANG -> one Markdown row: the paired
# difference of ROUGE-1 and ROUGE-2 recall with its 95% interval, wins/ties/losses and verdict
# (`precis eval --baseline`).
versus() {
  local mode_flags=(--compat "$4")
  [ "$4" = unicode ] && mode_flags+=(--stem --lang "$6")
  "$precis" eval "${mode_flags[@]}" --rouge-args "$5" --refs "$1" --format json "$2" \
    --baseline "$3" | python3 -c '
import json, sys
mode = sys.argv[1]
m = {x["metric"]: x["R"] for x in json.load(sys.stdin)["baseline"]["metrics"]}
cells = []
for metric in ("ROUGE-1", "ROUGE-2"):
    d = m[metric]
    cells.append("%+.4f [%+.4f, %+.4f]" % (d["difference"], d["ci"][0], d["ci"][1]))
    cells.append("%d/%d/%d" % (d["wins"], d["ties"], d["losses"]))
    cells.append(d["verdict"])
print("| " + mode + " | " + " | ".join(cells) + " |")' "$4"
}
