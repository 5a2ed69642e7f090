# precis batch --resume: after a crash (a truncated last line) and after SIGINT/SIGTERM, a resumed
# run skips what is done and appends the rest, ending with the same bytes as one full run.
source "$(dirname "$0")/lib.sh.inc"
source "$(dirname "$0")/batch_common.sh.inc"

make_clusters "$TMP/clusters"
jsonl_inline "$TMP/clusters" >"$TMP/in.jsonl"
expect_exit 0 "$PRECIS" batch -j 2 "$TMP/in.jsonl" -o "$TMP/full.jsonl"
[ "$(wc -l <"$TMP/full.jsonl")" -eq 8 ] || fail "full run: $(wc -l <"$TMP/full.jsonl") lines"

# A crash mid-write: three complete lines, then half of the fourth.
head -n 3 "$TMP/full.jsonl" >"$TMP/part.jsonl"
sed -n 4p "$TMP/full.jsonl" | head -c 100 >>"$TMP/part.jsonl"
expect_exit 0 "$PRECIS" batch -j 2 --resume "$TMP/in.jsonl" -o "$TMP/part.jsonl"
cmp -s "$TMP/part.jsonl" "$TMP/full.jsonl" || fail "resume after a truncated line: differs from a full run"
expect_grep 'partial last line' "$TMP/err"
expect_grep '^precis: batch: 5 clusters, 0 failed, 3 skipped' "$TMP/err"

# Resuming a finished file does nothing.
expect_exit 0 "$PRECIS" batch -j 2 --resume "$TMP/in.jsonl" -o "$TMP/part.jsonl"
cmp -s "$TMP/part.jsonl" "$TMP/full.jsonl" || fail "resume of a complete file changed it"
expect_grep '^precis: batch: 0 clusters, 0 failed, 8 skipped' "$TMP/err"

# Without --resume the file is rewritten from scratch.
expect_exit 0 "$PRECIS" batch -j 2 "$TMP/in.jsonl" -o "$TMP/part.jsonl"
cmp -s "$TMP/part.jsonl" "$TMP/full.jsonl" || fail "a plain rerun did not overwrite"

# Error records count as done too: an unparseable line (no id) is matched by its line number.
{ head -n 2 "$TMP/in.jsonl"; echo '{"id": '; sed -n 3,8p "$TMP/in.jsonl"; } >"$TMP/bad.jsonl"
expect_exit 3 "$PRECIS" batch -j 2 "$TMP/bad.jsonl" -o "$TMP/badfull.jsonl"
head -n 4 "$TMP/badfull.jsonl" >"$TMP/badpart.jsonl"
expect_exit 0 "$PRECIS" batch -j 2 --resume "$TMP/bad.jsonl" -o "$TMP/badpart.jsonl"
cmp -s "$TMP/badpart.jsonl" "$TMP/badfull.jsonl" || fail "resume past an error record: differs"

# A file that is not a batch output is left alone.
echo 'hello' >"$TMP/other.txt"
expect_exit 1 "$PRECIS" batch --resume "$TMP/in.jsonl" -o "$TMP/other.txt"
[ "$(cat "$TMP/other.txt")" = hello ] || fail "resume modified a foreign file"

# --out-dir: existing files are skipped.
expect_exit 0 "$PRECIS" batch -j 2 --format json --out-dir "$TMP/od" "$TMP/clusters"
rm "$TMP/od/c05.json"
echo stale >"$TMP/od/c02.json"
expect_exit 0 "$PRECIS" batch -j 2 --format json --resume --out-dir "$TMP/od" "$TMP/clusters"
[ -s "$TMP/od/c05.json" ] || fail "--out-dir resume: c05.json not rewritten"
[ "$(cat "$TMP/od/c02.json")" = stale ] || fail "--out-dir resume: an existing file was redone"
expect_grep '1 clusters, 0 failed, 7 skipped' "$TMP/err"

# Signals: standard input stays open (a FIFO), so the batch is waiting for more when it is
# stopped; every line already summarized must be in the file, and a resume completes it.
# Job control on, so that the background job does not ignore SIGINT.
set -m
for sig in INT TERM; do
  rm -f "$TMP/fifo" "$TMP/sig.jsonl"
  mkfifo "$TMP/fifo"
  "$PRECIS" batch -j 2 - -o "$TMP/sig.jsonl" <"$TMP/fifo" 2>"$TMP/sigerr" &
  pid=$!
  exec 3>"$TMP/fifo"
  head -n 5 "$TMP/in.jsonl" >&3
  for _ in $(seq 1 200); do
    [ "$({ wc -l <"$TMP/sig.jsonl"; } 2>/dev/null || echo 0)" -ge 5 ] && break
    sleep 0.05
  done
  kill -"$sig" "$pid"
  wait "$pid"
  rc=$?
  exec 3>&-
  want=$([ "$sig" = INT ] && echo 130 || echo 143)
  [ "$rc" -eq "$want" ] || fail "SIG$sig: exit $rc, wanted $want"
  grep -q "interrupted by SIG$sig" "$TMP/sigerr" || fail "SIG$sig: no message: $(cat "$TMP/sigerr")"
  head -n 5 "$TMP/full.jsonl" | cmp -s - "$TMP/sig.jsonl" || fail "SIG$sig: the finished lines are not all in the file"
  expect_exit 0 "$PRECIS" batch -j 2 --resume "$TMP/in.jsonl" -o "$TMP/sig.jsonl"
  cmp -s "$TMP/sig.jsonl" "$TMP/full.jsonl" || fail "SIG$sig: resume did not complete the file"
done
set +m

# A failed cluster with an id (a document without "text") and a number beyond a double are error
# records once, and stay once after --resume.
printf '%s\n' '{"id": "x", "documents": [{"txt": "a"}]}' '{"id": "y", "words": 1e999, "documents": []}' \
  >"$TMP/errs.jsonl"
expect_exit 3 "$PRECIS" batch "$TMP/errs.jsonl" -o "$TMP/errs.out"
expect_grep '"id":null,"line":2,"error":"invalid JSON' "$TMP/errs.out"
cp "$TMP/errs.out" "$TMP/errs.first"
expect_exit 0 "$PRECIS" batch --resume "$TMP/errs.jsonl" -o "$TMP/errs.out"
cmp -s "$TMP/errs.out" "$TMP/errs.first" || fail "--resume wrote error records again: $(cat "$TMP/errs.out")"

finish
