# precis batch: both input forms, ordering, determinism across -j, error isolation, exit codes,
# per-cluster overrides, --out-dir, --batch-idf.
source "$(dirname "$0")/lib.sh.inc"
source "$(dirname "$0")/batch_common.sh.inc"

make_clusters "$TMP/clusters"
expected_ids=$'c01\nc02\nc03\nc04\nc05\nc06\nc07\nc08'

# --- folder of clusters: one line per cluster, in sorted order, the summarize JSON plus id.
expect_exit 0 "$PRECIS" batch -j 1 "$TMP/clusters" -o "$TMP/dir1.jsonl"
[ "$(wc -l <"$TMP/dir1.jsonl")" -eq 8 ] || fail "folder input: wanted 8 lines, got $(wc -l <"$TMP/dir1.jsonl")"
[ "$(ids "$TMP/dir1.jsonl")" = "$expected_ids" ] || fail "folder input: ids out of order: $(ids "$TMP/dir1.jsonl" | tr '\n' ' ')"
expect_grep '^precis: batch: 8 clusters, 0 failed$' "$TMP/err"
[ "$(tail -n 1 "$TMP/err")" = "precis: batch: 8 clusters, 0 failed" ] || fail "final stderr line: $(tail -n 1 "$TMP/err")"
grep -q '"summary":"' "$TMP/dir1.jsonl" || fail "no summary field in $(head -c 200 "$TMP/dir1.jsonl")"

# The same object as summarize --format json, plus "id".
"$PRECIS" summarize --format json "$TMP/clusters/c03" >"$TMP/c03.json" 2>/dev/null || fail "summarize c03"
python3 - "$TMP/c03.json" "$TMP/dir1.jsonl" <<'EOF' || fail "batch record differs from summarize --format json"
import json, sys
single = json.load(open(sys.argv[1], encoding="utf-8"))
record = json.loads(open(sys.argv[2], encoding="utf-8").read().splitlines()[2])
assert record.pop("id") == "c03", "id"
assert record == single, "record"
EOF

# --- determinism: byte-identical for every -j.
for j in 2 4; do
  expect_exit 0 "$PRECIS" batch -j "$j" "$TMP/clusters"
  cmp -s "$TMP/out" "$TMP/dir1.jsonl" || fail "folder input: -j $j differs from -j 1"
done

# --- JSONL, "paths" form: the same clusters, the same bytes.
jsonl_paths "$TMP/clusters" >"$TMP/paths.jsonl"
expect_exit 0 "$PRECIS" batch -j 2 "$TMP/paths.jsonl"
cmp -s "$TMP/out" "$TMP/dir1.jsonl" || fail "JSONL paths form differs from the folder form"

# --- JSONL, "documents" form, from a file and from standard input, at several -j.
jsonl_inline "$TMP/clusters" >"$TMP/inline.jsonl"
expect_exit 0 "$PRECIS" batch -j 1 "$TMP/inline.jsonl"
cp "$TMP/out" "$TMP/inline1.jsonl"
cmp -s "$TMP/inline1.jsonl" "$TMP/dir1.jsonl" || fail "JSONL documents form differs from the folder form"
for j in 2 4; do
  "$PRECIS" batch -j "$j" - <"$TMP/inline.jsonl" >"$TMP/stdin.jsonl" 2>"$TMP/err"
  rc=$?
  [ "$rc" -eq 0 ] || fail "stdin -j $j: exit $rc"
  cmp -s "$TMP/stdin.jsonl" "$TMP/inline1.jsonl" || fail "stdin -j $j differs from the file at -j 1"
done
# Through a pipe too (the reader polls non-regular inputs).
cat "$TMP/inline.jsonl" | "$PRECIS" batch -j 3 - >"$TMP/pipe.jsonl" 2>/dev/null
cmp -s "$TMP/pipe.jsonl" "$TMP/inline1.jsonl" || fail "piped stdin differs"
# A byte order mark before the first record is ignored.
{ printf '\xEF\xBB\xBF'; cat "$TMP/inline.jsonl"; } >"$TMP/bom.jsonl"
expect_exit 0 "$PRECIS" batch -j 2 "$TMP/bom.jsonl"
cmp -s "$TMP/out" "$TMP/inline1.jsonl" || fail "a BOM before the first record changed the output"
# A path that is a pipe (process substitution): read once, not opened twice.
"$PRECIS" batch -j 2 <(cat "$TMP/inline.jsonl") >"$TMP/procsub.jsonl" 2>/dev/null
cmp -s "$TMP/procsub.jsonl" "$TMP/inline1.jsonl" || fail "process substitution input differs"
# Progress never goes to stdout, and stderr (not a terminal) only holds the final line.
[ "$(wc -l <"$TMP/err")" -eq 1 ] || fail "stderr not a terminal: wanted only the final line, got: $(cat "$TMP/err")"

# Progress when standard error is a terminal (script(1) provides one): done/total and a rate, on
# stderr only; none with --quiet.
if command -v script >/dev/null; then
  script -qec "'$PRECIS' batch -j 2 '$TMP/inline.jsonl' -o '$TMP/tty.jsonl'" /dev/null >"$TMP/tty.log" 2>&1
  grep -aq 'batch: 8/8 clusters, [0-9.]*/s' "$TMP/tty.log" || fail "no progress on a terminal: $(cat -v "$TMP/tty.log" | head -c 300)"
  cmp -s "$TMP/tty.jsonl" "$TMP/inline1.jsonl" || fail "output differs when stderr is a terminal"
  script -qec "'$PRECIS' batch -q -j 2 '$TMP/inline.jsonl' -o '$TMP/tty.jsonl'" /dev/null >"$TMP/tty.log" 2>&1
  [ ! -s "$TMP/tty.log" ] || fail "--quiet on a terminal printed: $(cat -v "$TMP/tty.log" | head -c 300)"
fi

# --- ordering with clusters of very different sizes (slow first, fast after) at -j 4.
{
  sed -n 1p "$TMP/inline.jsonl"
  for i in $(seq 1 20); do sed -n 7p "$TMP/inline.jsonl" | sed "s/\"id\": \"c07\"/\"id\": \"small$i\"/"; done
  sed -n 1p "$TMP/inline.jsonl" | sed 's/"id": "c01"/"id": "last"/'
} >"$TMP/mixed.jsonl"
expect_exit 0 "$PRECIS" batch -j 4 "$TMP/mixed.jsonl" -o "$TMP/mixed.out"
want=$(printf 'c01\n'; for i in $(seq 1 20); do echo "small$i"; done; echo last)
[ "$(ids "$TMP/mixed.out")" = "$want" ] || fail "mixed sizes: output not in input order"

# --- error isolation: each bad line gives exactly one error record in its place.
good=$(sed -n 6p "$TMP/inline.jsonl")
{
  echo "$good"                                                    # 1 ok (c06)
  echo '{"id": "broken", "documents": [ {"name": "a"'             # 2 not JSON -> id null
  echo '{"documents": [{"name": "a", "text": "x"}]}'              # 3 no id -> id null
  echo ''                                                         # 4 blank: skipped, counted
  echo '{"id": "nodocs"}'                                         # 5 neither documents nor paths
  echo "{\"id\": \"missing\", \"paths\": [\"$TMP/does-not-exist\"]}"  # 6 unreadable path
  echo '{"id": "empty", "documents": []}'                         # 7 no documents
  echo '{"id": "blank", "documents": [{"name": "a", "text": ""}]}'  # 8 no sentence
  echo "$good" | sed 's/^{/{"words": -3, /'                        # 9 bad override
  echo '[1, 2]'                                                   # 10 not an object
  echo "$good" | sed 's/"id": "c06"/"id": "after"/'               # 11 ok
} >"$TMP/bad.jsonl"
expect_exit 3 "$PRECIS" batch -j 2 "$TMP/bad.jsonl" -o "$TMP/bad.out"
[ "$(wc -l <"$TMP/bad.out")" -eq 10 ] || fail "errors: wanted 10 records, got $(wc -l <"$TMP/bad.out")"
[ "$(count_errors "$TMP/bad.out")" -eq 8 ] || fail "errors: wanted 8 error records, got $(count_errors "$TMP/bad.out")"
[ "$(ids "$TMP/bad.out" | tr '\n' ' ')" = "c06 None None nodocs missing empty blank c06 None after " ] ||
  fail "errors: ids $(ids "$TMP/bad.out" | tr '\n' ' ')"
python3 - "$TMP/bad.out" <<'EOF' || fail "error records: wrong line numbers or fields"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
errs = [r for r in recs if "error" in r]
assert [r["line"] for r in errs] == [2, 3, 5, 6, 7, 8, 9, 10], [r["line"] for r in errs]
assert all(set(r) == {"id", "line", "error"} for r in errs), errs
assert "JSON" in errs[0]["error"] and "id" in errs[1]["error"], errs[:2]
assert "does-not-exist" in errs[3]["error"], errs[3]
assert "words" in errs[6]["error"], errs[6]
assert "summary" in recs[0] and "summary" in recs[-1]
EOF
[ "$(tail -n 1 "$TMP/err")" = "precis: batch: 10 clusters, 8 failed" ] || fail "errors: final line $(tail -n 1 "$TMP/err")"

# --fail-fast: the first failure is written in place, then the batch stops with exit 1.
expect_exit 1 "$PRECIS" batch -j 4 --fail-fast "$TMP/bad.jsonl" -o "$TMP/ff.out"
[ "$(wc -l <"$TMP/ff.out")" -eq 2 ] || fail "--fail-fast: wanted 2 records, got $(wc -l <"$TMP/ff.out")"
expect_grep 'fail-fast.*line 2' "$TMP/err"

# --- per-cluster overrides.
{
  echo "$good" | sed 's/^{/{"sentences": 1, /'
  echo "$good" | sed 's/^{/{"words": 30, /'
  echo "$good" | sed 's/^{/{"lang": "en", /'
  echo "$good" | sed 's/^{/{"words": 30, "bytes": 100, /'
  echo "$good" | sed 's/^{/{"lang": "xx", /'
} >"$TMP/over.jsonl"
expect_exit 3 "$PRECIS" batch -j 2 "$TMP/over.jsonl" -o "$TMP/over.out"
python3 - "$TMP/over.out" <<'EOF' || fail "overrides not applied"
import json, sys
r = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert len(r[0]["sentences"]) == 1 and r[0]["budget"]["unit"] == "sentences", r[0]["budget"]
assert r[1]["budget"] == {"limit": 30, "unit": "words", "used": r[1]["budget"]["used"]}, r[1]["budget"]
assert r[1]["budget"]["used"] <= 30
assert r[2]["language"] == "en", r[2]["language"]
assert "error" in r[3] and "at most one" in r[3]["error"], r[3]
assert "error" in r[4] and r[4]["id"] == "c06", r[4]
EOF

# --- --out-dir: one file per cluster in the chosen format, as summarize writes it.
expect_exit 0 "$PRECIS" batch -j 2 --format json --out-dir "$TMP/outdir" "$TMP/clusters"
[ "$(ls "$TMP/outdir" | tr '\n' ' ')" = "c01.json c02.json c03.json c04.json c05.json c06.json c07.json c08.json " ] ||
  fail "--out-dir json: files $(ls "$TMP/outdir" | tr '\n' ' ')"
[ ! -s "$TMP/out" ] || fail "--out-dir: something on stdout"
cmp -s "$TMP/outdir/c03.json" "$TMP/c03.json" || fail "--out-dir c03.json differs from summarize --format json"
expect_exit 0 "$PRECIS" batch -j 2 --format markdown --out-dir "$TMP/outmd" "$TMP/inline.jsonl"
[ "$(ls "$TMP/outmd" | wc -l)" -eq 8 ] && [ -s "$TMP/outmd/c08.md" ] || fail "--out-dir markdown: $(ls "$TMP/outmd")"
"$PRECIS" summarize --format markdown "$TMP/clusters/c08" >"$TMP/c08.md" 2>/dev/null
cmp -s "$TMP/outmd/c08.md" "$TMP/c08.md" || fail "--out-dir c08.md differs from summarize --format markdown"
expect_exit 0 "$PRECIS" batch -j 2 --out-dir "$TMP/outtxt" "$TMP/clusters"
[ -s "$TMP/outtxt/c01.txt" ] || fail "--out-dir text: no c01.txt"
# An id that is not a safe file name fails alone.
printf '%s\n' "$(echo "$good" | sed 's/"id": "c06"/"id": "..\/escape"/')" "$good" >"$TMP/unsafe.jsonl"
expect_exit 3 "$PRECIS" batch -j 2 --format json --out-dir "$TMP/outunsafe" "$TMP/unsafe.jsonl"
[ "$(ls "$TMP/outunsafe")" = "c06.json" ] || fail "unsafe id: $(ls "$TMP/outunsafe")"
[ ! -e "$TMP/escape.json" ] || fail "unsafe id escaped the output folder"
expect_grep 'file name' "$TMP/err"

# --- shared document frequencies over the batch (two passes).
expect_exit 0 "$PRECIS" batch -j 1 --batch-idf "$TMP/clusters" -o "$TMP/bidf1.jsonl"
grep -q '"idf":"table"' "$TMP/bidf1.jsonl" || fail "--batch-idf: records do not say idf table"
expect_exit 0 "$PRECIS" batch -j 4 --batch-idf "$TMP/inline.jsonl" -o "$TMP/bidf4.jsonl"
cmp -s "$TMP/bidf1.jsonl" "$TMP/bidf4.jsonl" || fail "--batch-idf: -j 4 JSONL differs from -j 1 folder"
cmp -s "$TMP/bidf1.jsonl" "$TMP/dir1.jsonl" && fail "--batch-idf: same output as per-cluster idf"
# The first pass counts what `precis idf build` counts over the same documents.
if "$PRECIS" idf build -o "$TMP/batch.idf" "$TMP/clusters" 2>/dev/null; then
  expect_exit 0 "$PRECIS" batch -j 2 --idf "$TMP/batch.idf" "$TMP/clusters"
  cmp -s "$TMP/out" "$TMP/bidf1.jsonl" || fail "--batch-idf differs from --idf with a table built by idf build"
fi

# --- usage and input errors.
expect_exit 2 "$PRECIS" batch --resume "$TMP/clusters"
expect_exit 2 "$PRECIS" batch --batch-idf - <"$TMP/inline.jsonl"
expect_grep 'standard input' "$TMP/err"
expect_exit 2 "$PRECIS" batch --format text "$TMP/clusters"
expect_exit 2 "$PRECIS" batch -j 0 "$TMP/clusters"
expect_exit 2 "$PRECIS" batch -o "$TMP/x" --out-dir "$TMP/y" "$TMP/clusters"
expect_exit 1 "$PRECIS" batch "$TMP/no-such-input"
mkdir -p "$TMP/emptydir"
expect_exit 1 "$PRECIS" batch "$TMP/emptydir"
# An empty JSONL batch is not an error.
: >"$TMP/empty.jsonl"
expect_exit 0 "$PRECIS" batch "$TMP/empty.jsonl"
[ ! -s "$TMP/out" ] || fail "empty batch printed something"
expect_grep '^precis: batch: 0 clusters, 0 failed$' "$TMP/err"

finish
