# precis summarize through the real binary: formats, attribution, budget, determinism, -o, stdin.
source "$(dirname "$0")/lib.sh.inc"
CHECK="$(dirname "$0")/check_attribution.py"

# JSON: the attribution invariant for every sentence, the budget, the schema.
expect_exit 0 "$PRECIS" summarize --format json "$SAMPLES"
cp "$TMP/out" "$TMP/a.json"
python3 "$CHECK" "$TMP/a.json" 100 || fail "attribution invariant (default budget)"
for key in '"language": "fr"' '"unit": "words"' '"limit": 100' '"support"' '"sources"' '"options"'; do
  expect_grep "$key" "$TMP/a.json"
done

# Byte-identical across runs.
expect_exit 0 "$PRECIS" summarize --format json "$SAMPLES"
cmp -s "$TMP/out" "$TMP/a.json" || fail "two runs differ"

# Other budgets hold too.
for w in 30 60 150; do
  expect_exit 0 "$PRECIS" summarize --format json --words "$w" "$SAMPLES"
  python3 "$CHECK" "$TMP/out" "$w" || fail "attribution invariant (--words $w)"
done
expect_exit 0 "$PRECIS" summarize --format json --bytes 400 "$SAMPLES"
python3 - "$TMP/out" <<'PY' || fail "--bytes 400 exceeded"
import json, sys
s = json.load(open(sys.argv[1], encoding="utf-8"))
assert len(s["summary"].encode()) <= 400, len(s["summary"].encode())
assert s["budget"]["used"] == len(s["summary"].encode())
PY
expect_exit 0 "$PRECIS" summarize --format json --sentences 2 "$SAMPLES"
python3 -c "import json,sys; assert len(json.load(open('$TMP/out'))['sentences']) == 2" \
  || fail "--sentences 2"

# Text: markers and the numbered source list; markdown: footnotes.
expect_exit 0 "$PRECIS" summarize "$SAMPLES"
expect_grep '\[[0-9]+(, [0-9]+)*\]' "$TMP/out"
expect_grep '^Sources:' "$TMP/out"
expect_grep '^\[5\] .*004_04058d18a2330ae6.txt' "$TMP/out"
expect_exit 0 "$PRECIS" summarize --format markdown "$SAMPLES"
expect_grep '\[\^1\]: ' "$TMP/out"

# -o writes the file whole; no temporary file left behind.
expect_exit 0 "$PRECIS" summarize --format json -o "$TMP/result.json" "$SAMPLES"
cmp -s "$TMP/result.json" "$TMP/a.json" || fail "-o output differs from stdout"
[ -z "$(ls -A "$TMP" | grep '\.tmp\.')" ] || fail "temporary file left behind"
[ -s "$TMP/out" ] && fail "-o also wrote to stdout"

# Standard input is one document.
expect_exit 0 "$PRECIS" summarize --sentences 2 - < "$SAMPLES/003_1a2f9d317092050c.txt"
expect_grep '\[1\]' "$TMP/out"
expect_grep '^\[1\] -' "$TMP/out"

# Fifteen articles share one sentence: the text marker shows ten sources and counts the rest,
# JSON lists all fourteen supporters.
mkdir -p "$TMP/many"
for i in $(seq 1 15); do
  printf 'Le conseil municipal de Lyon a voté jeudi la gratuité des transports pour les étudiants.\n\nLe quartier numéro %s prépare une fête de rue pour le week-end prochain avec des concerts.\n' "$i" \
    > "$TMP/many/$(printf %02d "$i").txt"
done
expect_exit 0 "$PRECIS" summarize --sentences 1 "$TMP/many"
expect_grep '^Le conseil municipal .*\[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, \+5\]$' "$TMP/out"
expect_exit 0 "$PRECIS" summarize --sentences 1 --format json "$TMP/many"
python3 -c "import json,sys; s=json.load(open('$TMP/out'))['sentences'][0]; assert len(s['support']) == 14, s" \
  || fail "support list of 14"

# Lead baseline and rank order run and keep the contract.
expect_exit 0 "$PRECIS" summarize --format json --selector lead "$SAMPLES"
python3 "$CHECK" "$TMP/out" 100 || fail "attribution invariant (lead)"
expect_exit 0 "$PRECIS" summarize --format json --order rank --lang fr "$SAMPLES"
python3 "$CHECK" "$TMP/out" 100 || fail "attribution invariant (rank)"

# Usage errors name the option and exit 2; input errors name the file and exit 1.
expect_exit 2 "$PRECIS" summarize --lambda 2 "$SAMPLES"
expect_grep 'lambda' "$TMP/err"
expect_exit 2 "$PRECIS" summarize --words 10 --bytes 10 "$SAMPLES"
expect_exit 2 "$PRECIS" summarize --order random "$SAMPLES"
expect_exit 2 "$PRECIS" summarize --lang de "$SAMPLES"
expect_exit 2 "$PRECIS" summarize --words 0 "$SAMPLES"
# A negative count must not wrap around to a huge unsigned value.
for flag in --max-docs --max-sentences-per-doc --max-graph-sentences --min-words --words; do
  expect_exit 2 "$PRECIS" summarize "$flag" -1 "$SAMPLES"
  expect_grep "$flag: '-1' is not a whole number" "$TMP/err"
done
expect_exit 2 "$PRECIS" summarize
expect_exit 1 "$PRECIS" summarize "$TMP/does-not-exist"
expect_grep 'does-not-exist' "$TMP/err"
mkdir -p "$TMP/empty"
expect_exit 1 "$PRECIS" summarize "$TMP/empty"
expect_grep 'empty' "$TMP/err"
[ "$(wc -l < "$TMP/err")" -eq 1 ] || fail "error is not one line"
expect_exit 1 "$PRECIS" summarize -o "$TMP/no/such/dir/out.txt" "$SAMPLES"
expect_grep 'out.txt' "$TMP/err"

# A budget smaller than any sentence: an empty summary and a warning, not a failure.
expect_exit 0 "$PRECIS" summarize --words 2 "$SAMPLES"
expect_grep 'budget' "$TMP/err"

# --threads: the same bytes for every thread count, on the samples and on a cluster of 400
# generated articles (700 KB: the automatic choice takes several threads on a multi-core machine).
for n in 1 2 3 0; do
  expect_exit 0 "$PRECIS" summarize --format json --threads "$n" "$SAMPLES"
  cmp -s "$TMP/out" "$TMP/a.json" || fail "--threads $n changes the samples' summary"
done
mkdir -p "$TMP/large"
python3 - "$TMP/large" <<'PY'
import random, sys
rng = random.Random(7)
topic = ("gouvernement ministre réforme retraites syndicats grève Assemblée vote députés projet "
         "loi manifestation Paris Lyon économie budget milliards euros croissance président "
         "opposition accord négociations travail salariés").split()
glue = "le la les des du et a pour dans sur avec contre après selon".split()
for d in range(400):
    sentences = []
    for _ in range(rng.randint(8, 20)):
        words = [rng.choice(topic) if rng.random() < 0.5 else rng.choice(glue)
                 for _ in range(rng.randint(10, 24))]
        words.append(str(rng.randint(1, 3000)))
        sentences.append(" ".join(words).capitalize() + ".")
    with open(f"{sys.argv[1]}/{d:03d}.txt", "w", encoding="utf-8") as f:
        f.write(f"Article {d} sur la réforme des retraites\n\n" + " ".join(sentences) + "\n")
PY
expect_exit 0 "$PRECIS" summarize --format json --threads 1 "$TMP/large"
cp "$TMP/out" "$TMP/large1.json"
for n in 2 4 0; do
  expect_exit 0 "$PRECIS" summarize --format json --threads "$n" "$TMP/large"
  cmp -s "$TMP/out" "$TMP/large1.json" || fail "--threads $n changes a 400-article summary"
done
# Usage errors name the option; the default is shown in --help.
for bad in -1 abc 1.5 257; do
  expect_exit 2 "$PRECIS" summarize --threads "$bad" "$SAMPLES"
  expect_grep 'threads' "$TMP/err"
done
expect_exit 0 "$PRECIS" summarize --help
expect_grep '--threads INT=0' "$TMP/out"
# batch runs clusters in parallel (-j) and each summary on one thread: no --threads there.
expect_exit 2 "$PRECIS" batch --threads 2 "$SRC/samples"
expect_grep 'threads' "$TMP/err"

# Articles in the TREC/DUC layout (tags on lines of their own, a hard-wrapped paragraph, an AP
# dateline), named without .txt as the collections name them: a folder walk finds them by their
# opening "<DOC>" (and skips other files without .txt), no tag and no dateline reaches the
# summary, and every span is still the file's bytes.
mkdir -p "$TMP/duc"
for n in 1 2 3; do
  {
    printf '<DOC>\n<DOCNO> APW1998101%s.0240 </DOCNO>\n<HEADLINE>\nFloods close the port city\n</HEADLINE>\n<TEXT>\n<P>\n' "$n"
    printf 'PORT CITY (AP) _ Heavy rain flooded the harbour district on Friday and the\n'
    printf 'authorities closed the port to ships for the %s time this year, officials said.\n</P>\n<P>\n' "$n"
    printf 'The mayor said that repairs to the sea wall would cost several million dollars\n'
    printf 'and that work would begin in the spring once the water level had dropped.\n</P>\n</TEXT>\n</DOC>\n'
  } > "$TMP/duc/APW1998101$n.0240"
done
printf 'Notes for the editor, not an article at all, and no markup in it.\n' > "$TMP/duc/NOTES"
expect_exit 0 "$PRECIS" summarize --format json --words 60 "$TMP/duc"
python3 "$CHECK" "$TMP/out" 60 || fail "attribution invariant (TREC layout)"
python3 - "$TMP/out" <<'PY' || fail "TREC layout: tags or a dateline in the summary"
import json, sys
s = json.load(open(sys.argv[1], encoding="utf-8"))
assert s["sentences"], "no sentence"
for x in s["sentences"]:
    assert "<" not in x["text"] and "(AP)" not in x["text"], x["text"]
assert s["sources"][0]["title"] == "Floods close the port city", s["sources"][0]
assert len(s["sources"]) == 3 and all("APW" in x["path"] for x in s["sources"]), s["sources"]
assert all("part" not in x for x in s["sources"]), s["sources"]
PY

# The same three articles as one collection file (Gigaword, AQUAINT: a day of wire per file):
# three sources, each named by its DOCNO, with spans into the one file.
cat "$TMP"/duc/APW* > "$TMP/apw_eng_1998"
expect_exit 0 "$PRECIS" summarize --format json --words 60 "$TMP/apw_eng_1998"
python3 "$CHECK" "$TMP/out" 60 || fail "attribution invariant (collection file)"
python3 - "$TMP/out" <<'PY' || fail "collection file: not one source per <DOC>"
import json, sys
s = json.load(open(sys.argv[1], encoding="utf-8"))
parts = [x.get("part") for x in s["sources"]]
assert parts == ["APW19981011.0240", "APW19981012.0240", "APW19981013.0240"], s["sources"]
assert all(x["title"] == "Floods close the port city" for x in s["sources"]), s["sources"]
for x in s["sentences"]:
    assert "<" not in x["text"] and "(AP)" not in x["text"], x["text"]
PY
expect_exit 0 "$PRECIS" summarize "$TMP/apw_eng_1998"
expect_grep 'apw_eng_1998 \(APW19981012\.0240\) — Floods close the port city' "$TMP/out"

finish
