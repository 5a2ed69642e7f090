#!/usr/bin/env bash
# Stress run (issue 8): unattended batches over broken inputs lose nothing.
#
#  1. A batch of N clusters (default 10,000) mixing valid clusters with every kind of corrupted
#     line and file: it must end with exactly one record per non-blank line, in input order, the
#     exact number of error records expected (by kind), and a summary for every valid cluster.
#  2. The same batch stopped by SIGTERM half-way, then --resume'd: the same records, none twice.
#  3. A 200 MB file: summarized under a time and memory limit (with a sentence cap; without one
#     the outcome is reported: the similarity graph is quadratic in the sentences).
#
#   eval/stress.sh [PRECIS] [N]        PRECIS defaults to build/precis
set -euo pipefail
cd "$(dirname "$0")/.."
PRECIS="$(realpath "${1:-build/precis}")"
N="${2:-10000}"
JOBS="${JOBS:-2}"
[ -x "$PRECIS" ] || { echo "stress.sh: no precis binary at $PRECIS (build it first)" >&2; exit 2; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# --- 1. The mixed batch ----------------------------------------------------------------------
python3 - "$WORK" "$N" samples/appel-trump-poutine <<'PY'
import json, os, random, sys
work, n, samples = sys.argv[1], int(sys.argv[2]), sys.argv[3]
random.seed(8)
articles = [open(os.path.join(samples, f), encoding="utf-8").read()
            for f in sorted(os.listdir(samples)) if f.endswith(".txt")]
files = os.path.join(work, "files")
os.makedirs(files)
def put(name, data):
    path = os.path.join(files, name)
    open(path, "wb").write(data)
    return path
good_paths = [put("good%d.txt" % i, a.encode()) for i, a in enumerate(articles)]
latin1 = put("latin1.txt", articles[3].replace("\u2019", "'").encode("latin-1", "replace"))
utf16 = put("utf16.txt", b"\xff\xfe" + articles[2].encode("utf-16-le"))
binary = put("binary.txt", bytes(random.randrange(256) for _ in range(4096)) + b"\0")
empty = put("empty.txt", b"")
os.makedirs(os.path.join(files, "loop"))
os.symlink("..", os.path.join(files, "loop", "up"))

def docs(k):
    # k of the articles in a random order, so clusters differ.
    return [{"text": a} for a in random.sample(articles, k)]

# kind -> (is_error, line maker). Valid kinds must give a summary record.
kinds = {
    "valid_inline":   (False, lambda i: json.dumps({"id": i, "documents": docs(random.randint(1, 5))})),
    "valid_paths":    (False, lambda i: json.dumps({"id": i, "paths": random.sample(good_paths, 3), "words": 60})),
    "valid_latin1":   (False, lambda i: json.dumps({"id": i, "paths": [latin1, good_paths[0]], "lang": "fr"})),
    "valid_utf16":    (False, lambda i: json.dumps({"id": i, "paths": [utf16], "sentences": 2})),
    "valid_with_bin": (False, lambda i: json.dumps({"id": i, "paths": [binary, empty, good_paths[1]]})),
    "valid_dup":      (False, lambda i: json.dumps({"id": i, "paths": [good_paths[2], good_paths[2]]})),
    "valid_tiny_budget": (False, lambda i: json.dumps({"id": i, "documents": docs(2), "bytes": 3})),
    "bad_json":       (True, lambda i: json.dumps({"id": i, "documents": docs(1)})[: random.randint(1, 60)]),
    "bad_not_object": (True, lambda i: json.dumps([i, "documents"])),
    "bad_no_id":      (True, lambda i: json.dumps({"documents": docs(1)})),
    "bad_no_docs":    (True, lambda i: json.dumps({"id": i})),
    "bad_both":       (True, lambda i: json.dumps({"id": i, "documents": docs(1), "paths": good_paths[:1]})),
    "bad_doc_type":   (True, lambda i: json.dumps({"id": i, "documents": [{"txt": "x"}]})),
    "bad_budget":     (True, lambda i: json.dumps({"id": i, "documents": docs(1), "words": random.choice([0, -3, "ten", 1.5])})),
    "bad_two_budgets": (True, lambda i: json.dumps({"id": i, "documents": docs(1), "words": 10, "bytes": 10})),
    "bad_lang":       (True, lambda i: json.dumps({"id": i, "documents": docs(1), "lang": "de"})),
    "bad_missing_path": (True, lambda i: json.dumps({"id": i, "paths": [os.path.join(files, "nope%s.txt" % i)]})),
    "bad_empty_text": (True, lambda i: json.dumps({"id": i, "documents": [{"text": ""}, {"text": "  \n"}]})),
    "bad_binary_only": (True, lambda i: json.dumps({"id": i, "documents": [{"text": "ab\u0000cd"}]})),
    "bad_raw_bytes":  (True, lambda i: ('{"id": "%s", "documents": [{"text": "caf\xe9"}]}' % i)),
    "bad_boilerplate": (True, lambda i: json.dumps({"id": i, "documents": [{"text": "Accueil\nNewsletter\nPartager"}]})),
}
names = list(kinds)
weights = [6 if not kinds[k][0] else 1 for k in names]
expected = {k: 0 for k in names}
records = []  # (id, is_error) per non-blank line, in order
with open(os.path.join(work, "batch.jsonl"), "wb") as out:
    for i in range(n):
        kind = random.choices(names, weights)[0]
        cid = "c%05d" % i
        line = kinds[kind][1](cid)
        expected[kind] += 1
        data = line.encode("latin-1") if kind == "bad_raw_bytes" else line.encode()
        out.write(data + b"\n")
        # ids only where the line can be read that far
        rid = None if kind in ("bad_json", "bad_not_object", "bad_no_id", "bad_raw_bytes") else cid
        records.append((rid, kinds[kind][0]))
        if random.random() < 0.01:
            out.write(b"\n   \n")  # blank lines: skipped, no record
json.dump({"records": records, "by_kind": expected}, open(os.path.join(work, "expected.json"), "w"))
print("stress: %d clusters, %d expected errors, %d valid" % (
    n, sum(e for _, e in records), sum(not e for _, e in records)))
PY

check_output() {  # check_output FILE LABEL
  python3 - "$WORK/expected.json" "$1" "$2" <<'PY'
import json, sys
exp = json.load(open(sys.argv[1]))
label = sys.argv[3]
got = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8") if l.strip()]
want = exp["records"]
problems = []
if len(got) != len(want):
    problems.append("%d records, expected %d" % (len(got), len(want)))
errors = sum(1 for r in got if "error" in r)
want_errors = sum(1 for _, e in want if e)
for k, (g, (wid, werr)) in enumerate(zip(got, want)):
    if ("error" in g) != werr:
        problems.append("record %d (%s): %s" % (k, wid, g.get("error", "a summary, expected an error")))
    elif wid is not None and g.get("id") != wid:
        problems.append("record %d: id %r, expected %r" % (k, g.get("id"), wid))
    elif not werr and "summary" not in g:
        problems.append("record %d (%s): no summary field" % (k, wid))
    if len(problems) > 5:
        break
print("stress: %s: %d records (%d errors, %d summaries); expected %d (%d errors)" % (
    label, len(got), errors, len(got) - errors, len(want), want_errors))
for p in problems:
    print("  " + p, file=sys.stderr)
sys.exit(1 if problems or errors != want_errors else 0)
PY
}

start=$(date +%s.%N)
set +e
/usr/bin/time -f '%e s, %M KB max RSS' -o "$WORK/time1" \
  "$PRECIS" batch -q -j "$JOBS" -o "$WORK/out.jsonl" "$WORK/batch.jsonl" 2>"$WORK/err1"
status=$?
set -e
echo "stress: batch exit $status, $(tail -1 "$WORK/time1")"
[ "$status" -eq 3 ] || fail "batch exit $status (expected 3: some clusters failed)"
if grep -Eq 'Sanitizer|runtime error|terminate called|internal error' "$WORK/err1"; then
  fail "crash report: $(head -3 "$WORK/err1")"
fi
check_output "$WORK/out.jsonl" "full run" || fail "full run records"
python3 - "$WORK/out.jsonl" <<'PY'
import collections, json, re, sys
c = collections.Counter()
for l in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(l)
    if "error" in r:
        e = re.sub(r"\(byte [0-9]+\).*", "", r["error"])
        e = re.sub(r"^/\S*: ", "<path>: ", e)
        c[e[:60]] += 1
for k, v in c.most_common():
    print("stress:   %5d  %s" % (v, k))
PY

# --- 2. SIGTERM half-way, then --resume ------------------------------------------------------
"$PRECIS" batch -q -j "$JOBS" -o "$WORK/resumed.jsonl" "$WORK/batch.jsonl" 2>"$WORK/err2" &
pid=$!
half=$(python3 -c "print(max(0.5, float('$(tail -1 "$WORK/time1" | cut -d' ' -f1)') / 2))")
sleep "$half"
kill -TERM "$pid" 2>/dev/null || true
set +e
wait "$pid"
status=$?
set -e
before=$(grep -c . "$WORK/resumed.jsonl" || true)
echo "stress: SIGTERM after ${half}s: exit $status, $before records written"
set +e
"$PRECIS" batch -q -j "$JOBS" --resume -o "$WORK/resumed.jsonl" "$WORK/batch.jsonl" 2>"$WORK/err3"
status=$?
set -e
[ "$status" -eq 3 ] || [ "$status" -eq 0 ] || fail "resume exit $status"
check_output "$WORK/resumed.jsonl" "interrupted + resumed" || fail "resumed records"

# --- 3. A 200 MB file ------------------------------------------------------------------------
python3 - "$WORK/big.txt" samples/appel-trump-poutine <<'PY'
import os, sys
samples = sys.argv[2]
texts = [open(os.path.join(samples, f), encoding="utf-8").read()
         for f in sorted(os.listdir(samples))]
with open(sys.argv[1], "w", encoding="utf-8") as out:
    size, i = 0, 0
    while size < 200 * 1024 * 1024:
        # numbered copies: no two paragraphs identical, as in a real dump of many articles
        block = texts[i % len(texts)].replace(". ", ". [%d] " % i, 3) + "\n"
        out.write(block)
        size += len(block.encode())
        i += 1
PY
echo "stress: 200 MB file: $(du -m "$WORK/big.txt" | cut -f1) MB"
set +e
/usr/bin/time -f '%e s, %M KB max RSS' -o "$WORK/time4" timeout 600 \
  "$PRECIS" summarize --max-sentences-per-doc 500 -o "$WORK/big.out" "$WORK/big.txt" 2>"$WORK/err4"
status=$?
set -e
echo "stress: 200 MB, --max-sentences-per-doc 500: exit $status, $(tail -1 "$WORK/time4")"
[ "$status" -eq 0 ] && grep -q '^Sources:' "$WORK/big.out" || fail "200 MB file: $(tail -2 "$WORK/err4")"
# Without a cap: bounded here (8 GB of address space, 5 minutes) so the machine survives; the
# outcome is reported, not required.
set +e
( ulimit -v 8000000; /usr/bin/time -f '%e s, %M KB max RSS' -o "$WORK/time5" timeout 300 \
  "$PRECIS" summarize -o "$WORK/big2.out" "$WORK/big.txt" 2>"$WORK/err5" )
status=$?
set -e
echo "stress: 200 MB, no cap: exit $status, $(cat "$WORK/time5" 2>/dev/null | tail -1), $(tail -1 "$WORK/err5" | head -c 200)"

if [ "$failures" -gt 0 ]; then
  echo "stress: $failures check(s) failed" >&2
  exit 1
fi
echo "stress: all checks passed"
