# The scale-out recipe: GNU parallel splits a JSONL batch across several `precis batch` processes;
# the merged output must equal one single run byte for byte.
source "$(dirname "$0")/lib.sh.inc"
source "$(dirname "$0")/batch_common.sh.inc"
command -v parallel >/dev/null || { echo "GNU parallel not found: skipping"; exit 77; }

make_clusters "$TMP/clusters"
jsonl_inline "$TMP/clusters" >"$TMP/one.jsonl"
# 24 clusters: three copies of the eight under different ids.
for k in 1 2 3; do sed "s/\"id\": \"c/\"id\": \"r$k-c/" "$TMP/one.jsonl"; done >"$TMP/in.jsonl"
size=$(wc -c <"$TMP/in.jsonl")
block=$((size / 5 + 1))

expect_exit 0 "$PRECIS" batch -q -j 1 "$TMP/in.jsonl" -o "$TMP/single.jsonl"
[ "$(wc -l <"$TMP/single.jsonl")" -eq 24 ] || fail "single run: $(wc -l <"$TMP/single.jsonl") lines"

# --pipepart: parallel cuts the file itself on line boundaries.
parallel --will-cite --pipepart -a "$TMP/in.jsonl" --block "$block" --keep-order -j 3 \
  "$PRECIS" batch -j 1 - >"$TMP/pipepart.jsonl" 2>"$TMP/pipepart.err"
rc=$?
[ "$rc" -eq 0 ] || fail "parallel --pipepart: exit $rc: $(head -3 "$TMP/pipepart.err")"
cmp -s "$TMP/pipepart.jsonl" "$TMP/single.jsonl" || fail "parallel --pipepart output differs from a single run"
shards=$(grep -c '^precis: batch: ' "$TMP/pipepart.err")
[ "$shards" -ge 3 ] || fail "parallel --pipepart ran $shards process(es), wanted several"

# --pipe: the batch arrives on parallel's standard input (a stream, as from another program).
parallel --will-cite --pipe -N 5 --keep-order -j 3 "$PRECIS" batch -j 1 - \
  <"$TMP/in.jsonl" >"$TMP/pipe.jsonl" 2>"$TMP/pipe.err"
rc=$?
[ "$rc" -eq 0 ] || fail "parallel --pipe: exit $rc: $(head -3 "$TMP/pipe.err")"
cmp -s "$TMP/pipe.jsonl" "$TMP/single.jsonl" || fail "parallel --pipe output differs from a single run"
[ "$(grep -c '^precis: batch: 5 clusters' "$TMP/pipe.err")" -eq 4 ] || fail "parallel --pipe -N 5: wanted 4 full shards: $(cat "$TMP/pipe.err")"

# The Slurm-array recipe: split into shards, one process per shard, concatenate in shard order.
split -n l/4 -d "$TMP/in.jsonl" "$TMP/shard."
for s in "$TMP"/shard.*; do
  "$PRECIS" batch -q -j 1 "$s" -o "$s.out" || fail "shard $s failed"
done
cat "$TMP"/shard.*.out | cmp -s - "$TMP/single.jsonl" || fail "split shards differ from a single run"

finish
