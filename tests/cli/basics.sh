# precis --help, --version, subcommand help and exit codes.
source "$(dirname "$0")/lib.sh.inc"

expect_exit 0 "$PRECIS" --help
for sub in segment summarize batch eval idf; do expect_grep "$sub" "$TMP/out"; done
expect_exit 0 "$PRECIS" --version
expect_grep '^precis [0-9]+\.[0-9]+\.[0-9]+' "$TMP/out"
expect_exit 2 "$PRECIS"
expect_exit 2 "$PRECIS" frobnicate
expect_exit 0 "$PRECIS" summarize --help
for opt in --lang --words --bytes --sentences --order --lambda --threshold --damping --idf \
  --min-words --format; do
  expect_grep "$opt" "$TMP/out"
done
expect_grep '0\.85' "$TMP/out"  # defaults are shown
expect_exit 0 "$PRECIS" segment --help

# idf build, then summarize with it; a table for another language is refused.
expect_exit 0 "$PRECIS" idf build "$SAMPLES" -o "$TMP/fr.idf"
expect_grep '^#precis-idf 1' "$TMP/fr.idf"
expect_grep '^documents	5$' "$TMP/fr.idf"
expect_exit 0 "$PRECIS" summarize --idf "$TMP/fr.idf" "$SAMPLES"
expect_exit 0 "$PRECIS" idf build --lang en "$SAMPLES" -o "$TMP/en.idf"
expect_exit 2 "$PRECIS" summarize --lang fr --idf "$TMP/en.idf" "$SAMPLES"
head -c 40 "$TMP/fr.idf" > "$TMP/truncated.idf"
expect_exit 1 "$PRECIS" summarize --idf "$TMP/truncated.idf" "$SAMPLES"
expect_grep 'truncated.idf' "$TMP/err"
printf '{"id": 1, "article": "Le président a parlé. Le ministre aussi."}\n{"text": "Un autre texte."}\n' \
  | gzip > "$TMP/corpus.jsonl.gz"
expect_exit 0 "$PRECIS" idf build "$TMP/corpus.jsonl.gz" -o "$TMP/gz.idf"
expect_grep '^documents	2$' "$TMP/gz.idf"
# A TREC collection file counts one document per <DOC>, and its markup counts as no term: what
# is no sentence of a summary is no term of the table.
for n in 1 2 3; do
  printf '<DOC>\n<DOCNO> APW1998101%s.0240 </DOCNO>\n<HEADLINE>\nFloods close port %s\n</HEADLINE>\n<TEXT>\n<P>\nThe river rose overnight in town %s, officials said.\n</P>\n</TEXT>\n</DOC>\n' "$n" "$n" "$n"
done > "$TMP/apw.txt"
expect_exit 0 "$PRECIS" idf build --lang en "$TMP/apw.txt" -o "$TMP/apw.idf"
expect_grep '^documents	3$' "$TMP/apw.idf"
expect_grep '^flood	3$' "$TMP/apw.idf"
for markup in doc docno headlin text p; do
  grep -q "^$markup	" "$TMP/apw.idf" && fail "idf build counted the markup term '$markup'"
done
grep -q '^apw1998' "$TMP/apw.idf" && fail "idf build counted a DOCNO"
printf 'not json\n' > "$TMP/bad.jsonl"
expect_exit 1 "$PRECIS" idf build "$TMP/bad.jsonl" -o "$TMP/bad.idf"
expect_grep 'bad.jsonl:1' "$TMP/err"
[ -e "$TMP/bad.idf" ] && fail "a failed idf build left a file"

finish
