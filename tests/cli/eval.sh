# precis eval: a tiny reference set built here (both modes, every input and output form), the
# error cases, and, when ../shared is there, ROUGE-1.5.5's own output on MultiLing 2011
# reproduced line for line.
source "$(dirname "$0")/lib.sh.inc"

# --- A tiny set: two clusters, two references each; system as .txt files and as batch JSONL.
mkdir -p "$TMP/set/c1/refs" "$TMP/set/c2/refs" "$TMP/set/c2/docs" "$TMP/sys"
printf 'the river flooded the village\n' > "$TMP/set/c1/refs/A.txt"
printf 'the river flooded the town\nrain fell all night\n' > "$TMP/set/c1/refs/B.txt"
printf "L'économie française a progressé de 2 %% en 2024.\n" > "$TMP/set/c2/refs/A.txt"
printf "L'économie française progresse.\n" > "$TMP/set/c2/refs/B.txt"
printf 'the river flooded the town\n' > "$TMP/sys/c1.txt"
printf "L'économie française a progressé de 2 %% en 2024.\n" > "$TMP/sys/c2.txt"

expect_exit 0 "$PRECIS" eval --compat rouge155 --refs "$TMP/set" "$TMP/sys"
expect_grep '^mode: rouge155' "$TMP/out"
expect_grep '^ROUGE-1 +0\.[0-9]{5} 0\.[0-9]{5} 0\.[0-9]{5}  0\.[0-9]{5} - 0\.[0-9]{5}' "$TMP/out"
expect_grep '^ROUGE-W-1\.2 ' "$TMP/out"
expect_grep '^ROUGE-SU4 ' "$TMP/out"
expect_grep '^clusters: 2;' "$TMP/out"

# Unicode mode is the default and says so; JSON carries the mode too.
expect_exit 0 "$PRECIS" eval --refs "$TMP/set" "$TMP/sys" --format json --per-cluster --lang fr
expect_grep '"mode": "unicode"' "$TMP/out"
expect_grep '"id": "c2"' "$TMP/out"
expect_grep '"language": "fr"' "$TMP/out"
# c1 against its two references pooled (-f A): R1 = (4 + 5) / (5 + 9) hits over model unigrams.
python3 - "$TMP/out" <<'EOF' || fail "per-cluster figures of the JSON output"
import json, sys
d = json.load(open(sys.argv[1]))
c1 = [c for c in d["per_cluster"] if c["id"] == "c1"][0]["scores"]
assert c1["ROUGE-1"]["hit"] == 9 and c1["ROUGE-1"]["model"] == 14, c1["ROUGE-1"]
assert c1["ROUGE-1"]["R"] == 0.64286, c1["ROUGE-1"]
EOF

# CSV with per-cluster rows; -o writes the file.
expect_exit 0 "$PRECIS" eval --refs "$TMP/set" "$TMP/sys" --format csv --per-cluster -o "$TMP/r.csv"
expect_grep '^mode,scope,metric,R,P,F' "$TMP/r.csv"
expect_grep '^unicode,average,ROUGE-2,' "$TMP/r.csv"
expect_grep '^unicode,c1,ROUGE-L,' "$TMP/r.csv"

# ROUGE-1.5.5 flag spelling; --format rouge prints its lines.
expect_exit 0 "$PRECIS" eval --compat rouge155 --rouge-args "-n 2 -m -s -l 100 -x -c 95 -r 1000 -f B" \
  --refs "$TMP/set" "$TMP/sys" --format rouge --per-cluster
expect_grep '^S ROUGE-2 Average_R: 0\.[0-9]{5} \(95%-conf\.int\. ' "$TMP/out"
expect_grep '^S ROUGE-1 Eval c2\.S R:' "$TMP/out"
grep -q 'ROUGE-L' "$TMP/out" && fail "-x still printed ROUGE-L"

# The batch JSONL form gives the same figures as the .txt files.
printf '{"id": "c1", "sentences": [{"text": "the river flooded the town"}]}\n' > "$TMP/sys.jsonl"
printf '{"id": "c2", "summary": "L%séconomie française a progressé de 2 %% en 2024."}\n' "'" >> "$TMP/sys.jsonl"
expect_exit 0 "$PRECIS" eval --compat rouge155 --refs "$TMP/set" "$TMP/sys" --format csv
cp "$TMP/out" "$TMP/from_txt.csv"
expect_exit 0 "$PRECIS" eval --compat rouge155 --refs "$TMP/set" "$TMP/sys.jsonl" --format csv
cmp -s "$TMP/out" "$TMP/from_txt.csv" || fail "JSONL and .txt systems score differently"

# Manifest form.
printf 'c1\tsys/c1.txt\tset/c1/refs/A.txt\tset/c1/refs/B.txt\n' > "$TMP/manifest.tsv"
printf 'c2\tsys/c2.txt\tset/c2/refs/A.txt\tset/c2/refs/B.txt\n' >> "$TMP/manifest.tsv"
expect_exit 0 "$PRECIS" eval --compat rouge155 --manifest "$TMP/manifest.tsv" --format csv
cmp -s "$TMP/out" "$TMP/from_txt.csv" || fail "manifest and folders score differently"

# An empty system summary scores 0, with a warning (as ROUGE-1.5.5).
mkdir -p "$TMP/sys_empty" && : > "$TMP/sys_empty/c1.txt" && cp "$TMP/sys/c2.txt" "$TMP/sys_empty/"
expect_exit 0 "$PRECIS" eval --refs "$TMP/set" "$TMP/sys_empty" --per-cluster
expect_grep 'warning: cluster c1: empty system summary' "$TMP/err"
expect_grep '^c1 +ROUGE-1 +0\.00000 0\.00000 0\.00000' "$TMP/out"

# --- Errors: one clear line naming the file, exit 1 (2 for usage).
expect_exit 1 "$PRECIS" eval --refs "$TMP/nowhere" "$TMP/sys"
expect_grep 'reference folder not found: .*nowhere' "$TMP/err"
mkdir -p "$TMP/set_empty_ref/c1/refs" && : > "$TMP/set_empty_ref/c1/refs/A.txt"
expect_exit 1 "$PRECIS" eval --refs "$TMP/set_empty_ref" "$TMP/sys"
expect_grep 'empty reference file .*set_empty_ref/c1/refs/A.txt' "$TMP/err"
mkdir -p "$TMP/set_no_ref/c1/docs" "$TMP/set_no_ref/c2/refs" && cp "$TMP/set/c2/refs/A.txt" "$TMP/set_no_ref/c2/refs/"
expect_exit 1 "$PRECIS" eval --refs "$TMP/set_no_ref" "$TMP/sys"
expect_grep 'cluster without references: .*set_no_ref/c1' "$TMP/err"
mkdir -p "$TMP/sys_extra" && cp "$TMP/sys/"*.txt "$TMP/sys_extra/" && printf 'x\n' > "$TMP/sys_extra/c9.txt"
expect_exit 1 "$PRECIS" eval --refs "$TMP/set" "$TMP/sys_extra"
expect_grep 'cluster without references: .*c9.txt' "$TMP/err"
mkdir -p "$TMP/sys_missing" && cp "$TMP/sys/c1.txt" "$TMP/sys_missing/"
expect_exit 1 "$PRECIS" eval --refs "$TMP/set" "$TMP/sys_missing"
expect_grep 'no system summary for cluster c2: .*sys_missing/c2.txt' "$TMP/err"
if [ "$(id -u)" != 0 ]; then  # root reads anything
  mkdir -p "$TMP/sys_locked" && cp "$TMP/sys/"*.txt "$TMP/sys_locked/" && chmod 000 "$TMP/sys_locked/c1.txt"
  expect_exit 1 "$PRECIS" eval --refs "$TMP/set" "$TMP/sys_locked"
  expect_grep 'cannot read system file .*sys_locked/c1.txt' "$TMP/err"
fi
printf 'not json\n' > "$TMP/bad.jsonl"
expect_exit 1 "$PRECIS" eval --refs "$TMP/set" "$TMP/bad.jsonl"
expect_grep 'unreadable system file .*bad.jsonl:1' "$TMP/err"
# ROUGE-W is undefined when -s empties a reference: ROUGE-1.5.5 dies, precis says why.
mkdir -p "$TMP/set_stop/c1/refs" && printf 'That is all.\n' > "$TMP/set_stop/c1/refs/A.txt"
mkdir -p "$TMP/sys_stop" && printf 'It is what it is.\n' > "$TMP/sys_stop/c1.txt"
expect_exit 1 "$PRECIS" eval --compat rouge155 --rouge-args "-n 2 -w 1.2 -s" --refs "$TMP/set_stop" "$TMP/sys_stop"
expect_grep 'cluster c1: ROUGE-W' "$TMP/err"
expect_exit 2 "$PRECIS" eval --compat rouge155 --rouge-args "-t 1" --refs "$TMP/set" "$TMP/sys"
expect_grep '\-t 0' "$TMP/err"
expect_exit 2 "$PRECIS" eval --refs "$TMP/set"
expect_exit 2 "$PRECIS" eval --compat rouge156 --refs "$TMP/set" "$TMP/sys"

# --- --baseline: a paired comparison of two systems on the same clusters.
# Against itself: every difference 0, a tie on each cluster, no verdict either way.
expect_exit 0 "$PRECIS" eval --compat rouge155 --refs "$TMP/set" "$TMP/sys" --baseline "$TMP/sys"
expect_grep '^compared with the baseline .*paired bootstrap, 1000 resamples' "$TMP/out"
expect_grep '^ROUGE-1 R +0\.[0-9]{5} 0\.[0-9]{5}  \+0\.00000   \+0\.00000 - \+0\.00000 0\.000 +0/2/0 +no clear difference$' "$TMP/out"
# Against a baseline that misses most words on both clusters: better, 2 wins of 2.
mkdir -p "$TMP/weak"
printf 'a town\n' > "$TMP/weak/c1.txt"
printf 'Il pleut.\n' > "$TMP/weak/c2.txt"
expect_exit 0 "$PRECIS" eval --refs "$TMP/set" "$TMP/sys" --baseline "$TMP/weak" --format json
python3 - "$TMP/out" <<'EOF2' || fail "--baseline JSON"
import json, sys
d = json.load(open(sys.argv[1]))
r1 = [m for m in d["baseline"]["metrics"] if m["metric"] == "ROUGE-1"][0]["R"]
assert r1["wins"] == 2 and r1["losses"] == 0, r1
assert r1["verdict"] == "system better" and r1["ci"][0] > 0, r1
assert abs(r1["difference"] - (r1["system"] - r1["baseline"])) < 2e-5, r1
EOF2
# Swapped, the verdict flips; CSV carries baseline and difference rows.
expect_exit 0 "$PRECIS" eval --refs "$TMP/set" "$TMP/weak" --baseline "$TMP/sys" --format csv
expect_grep '^unicode,baseline,ROUGE-1,' "$TMP/out"
expect_grep '^unicode,difference,ROUGE-1,-0\.[0-9]{5},' "$TMP/out"
expect_exit 0 "$PRECIS" eval --refs "$TMP/set" "$TMP/weak" --baseline "$TMP/sys"
expect_grep '^ROUGE-1 R .* 0/0/2 +baseline better$' "$TMP/out"
# A baseline without one of the clusters, and the forms a comparison cannot take.
mkdir -p "$TMP/weak_missing" && cp "$TMP/weak/c1.txt" "$TMP/weak_missing/"
expect_exit 1 "$PRECIS" eval --refs "$TMP/set" "$TMP/sys" --baseline "$TMP/weak_missing"
expect_grep 'no system summary for cluster c2: .*weak_missing/c2\.txt not found' "$TMP/err"
expect_exit 2 "$PRECIS" eval --refs "$TMP/set" "$TMP/sys" --baseline "$TMP/weak" --format rouge
expect_exit 2 "$PRECIS" eval --manifest "$TMP/manifest.tsv" --baseline "$TMP/weak"

# --- ROUGE-1.5.5's own output on MultiLing 2011 (10 systems x 10 clusters), reproduced.
ML="$SHARED/data/multiling2011_en"
if [ -f "$ML/published/rouge155_multiling2011.out" ]; then
  : > "$TMP/ours.out"
  for system in "$ML"/systems/ID*; do
    id="$(basename "$system")"
    "$PRECIS" eval --compat rouge155 --rouge-args "-a -x -2 4 -u -c 95 -r 1000 -n 2 -f A -p 0.5 -t 0 -d" \
      --refs "$ML" "$system" --format rouge --per-cluster --peer-id "$id" | tail -n +2 >> "$TMP/ours.out"
  done
  grep -v '^#' "$ML/published/rouge155_multiling2011.out" | sort > "$TMP/theirs.sorted"
  sort "$TMP/ours.out" > "$TMP/ours.sorted"
  cmp -s "$TMP/ours.sorted" "$TMP/theirs.sorted" || {
    fail "ROUGE-1.5.5's MultiLing 2011 output not reproduced"
    diff "$TMP/ours.sorted" "$TMP/theirs.sorted" | head -5 >&2
  }
else
  echo "note: $ML not found, MultiLing 2011 comparison skipped"
fi

finish
