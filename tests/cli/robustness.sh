# Bad inputs and faults through the real binary: each ends with a sensible result, or a one-line
# error naming the file with a non-zero exit code, never a crash. Faults: -o is atomic under
# kill -9, a full disk and a closed stdout end with a clear message.
source "$(dirname "$0")/lib.sh.inc"

# expect_error CODE WHAT CMD...: exits CODE, stderr's last line is one "precis: ..." line naming
# WHAT, and nothing that looks like a crash (sanitizer report, abort, terminate, trace).
expect_error() {
  local want="$1" what="$2"
  shift 2
  expect_exit "$want" "$@"
  local last
  # Usage errors (exit 2) add CLI11's "Run with --help" hint; warnings may come first.
  last="$(grep -v -e '^precis: warning: ' -e '^Run with --help' "$TMP/err" | tail -1)"
  [[ "$last" == "precis: "*"$what"* ]] || fail "error does not name '$what': $last ($*)"
  [ "$(grep -vc -e '^precis: warning: ' -e '^Run with --help' "$TMP/err")" -eq 1 ] ||
    fail "not a one-line error: $*"
  no_crash
}

no_crash() {
  if grep -Eq 'Sanitizer|runtime error|terminate called|Aborted|internal error|Segmentation' \
      "$TMP/err"; then
    fail "crash report on stderr: $(head -3 "$TMP/err")"
  fi
}

D="$TMP/in"
mkdir -p "$D"

# --- Bad inputs ------------------------------------------------------------------------------
mkdir "$D/nofiles"
expect_error 1 "$D/nofiles" "$PRECIS" summarize "$D/nofiles"
expect_error 1 "$D/nope" "$PRECIS" summarize "$D/nope"

for kind in empty blank boiler; do
  mkdir "$D/$kind"
done
: >"$D/empty/a.txt"
printf ' \n\t\r\n\xc2\xa0\n' >"$D/blank/a.txt"
printf 'Accueil\nPartager sur Facebook\nNewsletter\nTous droits réservés\n' >"$D/boiler/a.txt"
for kind in empty blank boiler; do
  expect_error 1 "$D/$kind/a.txt" "$PRECIS" summarize "$D/$kind"
done

# No sentence punctuation at all: the cleaner takes such lines for headings.
mkdir "$D/nopunct"
printf 'Titre\n\nle président a parlé hier devant les députés de la réforme des retraites\net de la dette publique sans conclure\n' \
  >"$D/nopunct/a.txt"
expect_error 1 "$D/nopunct/a.txt" "$PRECIS" summarize "$D/nopunct"
expect_exit 0 "$PRECIS" summarize --no-clean "$D/nopunct"
expect_grep 'président a parlé' "$TMP/out"

# One 1 MB sentence without a full stop, beside a real article: linear, so fast.
mkdir "$D/huge"
python3 - "$D/huge/a.txt" <<'PY'
import sys
words = "le président a parlé hier devant les députés".split()
body = " ".join(words[(i * 7 + i // 3) % 8] for i in range(150000))
open(sys.argv[1], "w", encoding="utf-8").write("Titre de l'article\n\n" + body + "\n")
PY
cp "$SAMPLES/000_d174e9558c95ac9a.txt" "$D/huge/"
start=$(date +%s%N)
expect_exit 0 "$PRECIS" summarize --format json "$D/huge"
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$elapsed_ms" -lt 20000 ] || fail "1 MB sentence took ${elapsed_ms} ms"
python3 "$(dirname "$0")/check_attribution.py" "$TMP/out" 100 || fail "attribution (1 MB sentence)"

# Encodings: Latin-1, Windows-1252, UTF-16 with BOM, damaged UTF-8, CRLF, lone CR. Each gives a
# summary whose offsets hold in the original bytes (check_attribution decodes them).
mkdir "$D/enc"
python3 - "$D/enc" "$SAMPLES/003_1a2f9d317092050c.txt" <<'PY'
import os, sys
out, sample = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
text = sample.replace("\u2019", "'").replace("\u00a0", " ").replace("\u202f", " ")
text = "".join(c for c in text if ord(c) < 256 or c in "\u20ac\u201c\u201d\u2026\u0153")
def w(name, data): open(os.path.join(out, name), "wb").write(data)
w("latin1.txt", "".join(c for c in text if ord(c) < 256).encode("latin-1"))
w("cp1252.txt", text.encode("cp1252", errors="replace"))
w("utf16le.txt", b"\xff\xfe" + text.encode("utf-16-le"))
w("utf16be.txt", b"\xfe\xff" + text.encode("utf-16-be"))
w("crlf.txt", text.replace("\n", "\r\n").encode())
w("cr.txt", text.replace("\n", "\r").encode())
raw = text.encode()
w("damaged.txt", raw[: len(raw) // 2] + b"\xff" + raw[len(raw) // 2 :])
PY
for f in latin1 cp1252 utf16le utf16be crlf cr damaged; do
  expect_exit 0 "$PRECIS" summarize --format json --lang fr "$D/enc/$f.txt"
  no_crash
  python3 - "$TMP/out" "$D/enc/$f.txt" <<'PY' || fail "attribution in $f.txt"
import json, sys
s = json.load(open(sys.argv[1], encoding="utf-8"))
raw = open(sys.argv[2], "rb").read()
assert s["sentences"], "empty summary"
enc = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}.get(raw[:2])
for x in s["sentences"]:
    piece = raw[x["start"]:x["end"]]
    if enc:
        got = piece.decode(enc)
    else:
        try:
            got = piece.decode("utf-8")
        except UnicodeDecodeError:
            got = piece.decode("cp1252", errors="replace")
    assert " ".join(got.split()) == x["text"], (got, x["text"])
    assert "\r" not in x["text"]
PY
  case "$f" in
    latin1|cp1252|damaged) expect_grep "warning: .*$f.txt: not valid UTF-8" "$TMP/err" ;;
  esac
done

# Subtitles: the sample articles cut into SubRip cues of two short lines (CRLF) and WebVTT cues
# with tags and sound labels. A folder walk takes .srt and .vtt; every summary sentence is one
# of the article's own sentences, whole, with no cue number, timing or markup in it, and its
# span runs from its first word to its last in the file.
mkdir "$D/subs"
python3 - "$D/subs" "$SAMPLES" <<'PY'
import glob, os, sys
out, samples = sys.argv[1], sys.argv[2]
def stamp(ms, sep):
    return "%02d:%02d:%02d%s%03d" % (ms // 3600000, ms // 60000 % 60, ms // 1000 % 60, sep, ms % 1000)
for n, path in enumerate(sorted(glob.glob(os.path.join(samples, "*.txt")))):
    # The article's paragraphs (its lines of more than 12 words: no headline, no menu).
    lines = open(path, encoding="utf-8").read().splitlines()[1:]
    words = " ".join(line for line in lines if len(line.split()) > 12).split()
    lines = [" ".join(words[k:k + 6]) for k in range(0, len(words), 6)]
    vtt = n % 2 == 1
    cues = ["WEBVTT\n"] if vtt else []
    for k in range(0, len(lines), 2):
        t = k * 1000
        timing = stamp(t, "." if vtt else ",") + " --> " + stamp(t + 1900, "." if vtt else ",")
        text = "\n".join(lines[k:k + 2])
        if vtt and k % 6 == 0:
            text = "<v Narrator><i>" + text + "</i>"
        cue = timing + "\n" + text if vtt else str(k // 2 + 1) + "\n" + timing + "\n" + text
        cues.append(cue + "\n")
        if k % 10 == 4:
            cues.append(stamp(t + 1950, "." if vtt else ",") + " --> " + stamp(t + 1990, "." if vtt else ",") + "\n[Musique]\n")
    data = "\n".join(cues)
    name = os.path.basename(path)[:-4] + (".vtt" if vtt else ".srt")
    open(os.path.join(out, name), "wb").write((data if vtt else data.replace("\n", "\r\n")).encode())
PY
[ "$(ls "$D/subs" | wc -l)" -eq "$(ls "$SAMPLES"/*.txt | wc -l)" ] || fail "subtitles not written"
expect_exit 0 "$PRECIS" summarize --format json "$D/subs"
python3 "$(dirname "$0")/check_attribution.py" "$TMP/out" 100 || fail "attribution (subtitles)"
python3 - "$TMP/out" "$SAMPLES" <<'PY' || fail "subtitles: a summary sentence is not an article's"
import glob, json, os, sys
summary = json.load(open(sys.argv[1], encoding="utf-8"))
assert len(summary["sources"]) >= 5 and len(summary["sentences"]) >= 2, summary
assert all(source["format"] == "subtitles" for source in summary["sources"]), summary["sources"]
articles = " ".join(" ".join(open(p, encoding="utf-8").read().split())
                    for p in glob.glob(os.path.join(sys.argv[2], "*.txt")))
for s in summary["sentences"]:
    assert s["text"] in articles, s["text"]
    for junk in ("-->", "<", "[", "00:0"):
        assert junk not in s["text"], s["text"]
PY

# Markdown: the sample articles as html2text writes a page (a menu of links, the headline as
# "# ", words in links, reference links, emphasis, an image between paragraphs), half of them
# named .md, half .txt. Both read as Markdown: the headline is the title, and every summary
# sentence is one of the article's own, without a link's target or an emphasis mark.
mkdir "$D/md"
python3 - "$D/md" "$SAMPLES" <<'PY'
import glob, os, sys
out, samples = sys.argv[1], sys.argv[2]
for n, path in enumerate(sorted(glob.glob(os.path.join(samples, "*.txt")))):
    lines = open(path, encoding="utf-8").read().splitlines()
    paragraphs = [line for line in lines[1:] if len(line.split()) > 12]
    page = ["[Aller au contenu](#main)", "",
            "  * [Actualité](/actualite/)", "  * [International](/international/)", "",
            "# " + lines[0].strip(), ""]
    for k, paragraph in enumerate(paragraphs):
        words = paragraph.split()
        words[2] = "[" + words[2]
        words[4] = words[4] + "](/tag/%d-%d/ \"Sujet\")" % (n, k)
        words[7] = "**" + words[7] + "**"
        words[10] = "_" + words[10] + "_"
        words[12] = "[" + words[12] + "][%d]" % (k + 1)
        page += [" ".join(words), "", "![Photo %d](https://img.example/%d.jpg)" % (k, k), ""]
    page += ["[%d]: https://example.com/ref/%d" % (k + 1, k) for k in range(len(paragraphs))]
    name = os.path.basename(path)[:-4] + (".md" if n % 2 == 0 else ".txt")
    open(os.path.join(out, name), "w", encoding="utf-8").write("\n".join(page) + "\n")
PY
expect_exit 0 "$PRECIS" summarize --format json "$D/md"
python3 "$(dirname "$0")/check_attribution.py" "$TMP/out" 100 || fail "attribution (markdown)"
python3 "$(dirname "$0")/check_sample_summary.py" "$TMP/out" "$SAMPLES" markdown \
  "](" "**" "_" "[" "/tag/" "https://" || fail "markdown: a summary sentence is not an article's"

# Web pages: the sample articles as a news site serves them (a script and a style in the head, a
# cookie banner, a menu, the headline in the article's header, a byline, a share bar, words in
# links and emphasis, entities, a photo and its caption, a "read also" box, a newsletter form, a
# related-articles section and a footer), half of them named .html, half .txt. Both read as
# HTML: the headline is the title, every summary sentence is one of the article's own, and its
# span, read as HTML, is its text.
mkdir "$D/html"
python3 - "$D/html" "$SAMPLES" <<'PY'
import glob, html, os, sys
out, samples = sys.argv[1], sys.argv[2]
for n, path in enumerate(sorted(glob.glob(os.path.join(samples, "*.txt")))):
    lines = open(path, encoding="utf-8").read().splitlines()
    paragraphs = [line for line in lines[1:] if len(line.split()) > 12]
    body = []
    for k, paragraph in enumerate(paragraphs):
        words = [html.escape(w, quote=False) for w in paragraph.split()]
        words[2] = '<a href="/tag/%d-%d/">' % (n, k) + words[2]
        words[4] = words[4] + "</a>"
        words[7] = "<strong>" + words[7] + "</strong>"
        words[9] = words[9].replace("e", "&#101;", 1)
        words[10] = words[10].replace("\u00e9", "&eacute;")
        body.append("<p>" + "\n    ".join(" ".join(words[i:i + 9]) for i in range(0, len(words), 9))
                    + "</p>")
        if k == 0:
            body.append('<figure><img src="a.jpg"><figcaption>Photo %d. AFP</figcaption></figure>' % n)
            body.append('<div class="share-bar"><a>Partager</a> <a>Tweeter</a></div>')
        if k == 1:
            body.append("<aside><h3>Lire aussi</h3><a>Un autre article sur le sujet</a></aside>")
    page = ['<!DOCTYPE html>', '<html lang="fr"><head><meta charset="utf-8">',
            "<title>%s | Le Journal</title>" % html.escape(lines[0].strip()),
            '<script>var t = "<p>pas du texte</p>"; if (a < b) {}</script>',
            "<style>p > a { color: red }</style></head>", '<body class="article-page">',
            '<div id="cookie-consent" style="display:none">Nous utilisons des cookies.</div>',
            '<header class="site-header"><a href="/">Le Journal</a><nav><ul>'
            "<li><a>Actualité</a></li><li><a>International</a></li></ul></nav></header>",
            "<main><article><header><h1>%s</h1>" % html.escape(lines[0].strip()),
            '<p class="byline">Par <a href="/auteur">La Rédaction</a></p></header>']
    page += body
    page += ['<form class="newsletter"><label>Votre e-mail</label><button>S\'inscrire</button></form>',
             '</article><section class="related"><h2>Sur le même sujet</h2>'
             "<article><h3>Un autre titre</h3><p>Un résumé d'un autre article.</p></article>"
             "</section></main>", "<footer>&copy; 2025 Le Journal</footer>", "</body></html>"]
    name = os.path.basename(path)[:-4] + (".html" if n % 2 == 0 else ".txt")
    open(os.path.join(out, name), "w", encoding="utf-8").write("\n".join(page) + "\n")
PY
expect_exit 0 "$PRECIS" summarize --format json "$D/html"
python3 "$(dirname "$0")/check_attribution.py" "$TMP/out" 100 || fail "attribution (html)"
python3 "$(dirname "$0")/check_sample_summary.py" "$TMP/out" "$SAMPLES" html \
  "<" "&" "Partager" "cookies" "Lire aussi" "Photo" "Le Journal" ||
  fail "html: a summary sentence is not an article's"
expect_exit 0 "$PRECIS" segment --format json "$D/html"
python3 - "$TMP/out" <<'PY' || fail "html: the page's furniture reached the sentences"
import json, sys
segmented = json.load(open(sys.argv[1], encoding="utf-8"))
for doc in segmented["documents"]:
    for s in doc["sentences"]:
        for junk in ("pas du texte", "color: red", "cookies", "Actualité", "Partager", "AFP",
                     "Lire aussi", "e-mail", "Un autre titre", "autre article", "2025"):
            assert junk not in s["text"], (doc["path"], s["text"])
PY

# Binary and NUL bytes: skipped with a warning; alone, an error naming the folder.
mkdir "$D/bin"
head -c 4096 /dev/urandom >"$D/bin/a.txt"
printf 'Du texte.\0Puis un NUL.' >"$D/bin/b.txt"
expect_error 1 "$D/bin" "$PRECIS" summarize "$D/bin"
expect_grep "warning: $D/bin/a.txt: binary" "$TMP/err"
cp "$SAMPLES"/00[01]*.txt "$D/bin/"
expect_exit 0 "$PRECIS" summarize "$D/bin"
expect_grep 'Sources:' "$TMP/out"

# A device is refused at once (reading /dev/zero whole would never end).
expect_error 1 "/dev/zero" timeout 10 "$PRECIS" summarize /dev/zero
expect_grep 'not a regular file' "$TMP/err"

# Very long lines: the whole sample cluster's text on one line per file.
mkdir "$D/longlines"
for f in "$SAMPLES"/*.txt; do
  { head -1 "$f"; echo; tail -n +2 "$f" | tr '\n' ' '; echo; } >"$D/longlines/$(basename "$f")"
done
expect_exit 0 "$PRECIS" summarize --format json "$D/longlines"
python3 "$(dirname "$0")/check_attribution.py" "$TMP/out" 100 || fail "attribution (long lines)"

# A directory symlink loop: each file once.
mkdir -p "$D/loop/sub"
cp "$SAMPLES"/00[01]*.txt "$D/loop/"
ln -s .. "$D/loop/sub/up"
ln -s "$D/loop" "$D/loop/self"
expect_exit 0 timeout 20 "$PRECIS" summarize --format json "$D/loop"
python3 -c "import json,sys; n=len(json.load(open('$TMP/out'))['sources']); sys.exit(n != 2)" ||
  fail "symlink loop: not 2 sources"

# An unreadable file: as root everything is readable, so drop to nobody when possible.
mkdir "$D/perm"
cp "$SAMPLES/000_d174e9558c95ac9a.txt" "$D/perm/secret.txt"
chmod 000 "$D/perm/secret.txt"
chmod 755 "$TMP" "$D" "$D/perm"
if [ "$(id -u)" -ne 0 ]; then
  expect_error 1 "$D/perm/secret.txt" "$PRECIS" summarize "$D/perm/secret.txt"
  expect_grep 'Permission denied' "$TMP/err"
elif command -v setpriv >/dev/null && setpriv --reuid=nobody --regid=nogroup --clear-groups true \
    2>/dev/null && setpriv --reuid=nobody --regid=nogroup --clear-groups test -x "$PRECIS"; then
  as_nobody=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
  expect_error 1 "$D/perm/secret.txt" "${as_nobody[@]}" "$PRECIS" summarize "$D/perm/secret.txt"
  expect_grep 'Permission denied' "$TMP/err"
  # Inside a folder it is a warning and the rest goes on.
  cp "$SAMPLES/001_d1cd692374a06a9c.txt" "$D/perm/"
  chmod 644 "$D/perm/001_d1cd692374a06a9c.txt"
  expect_exit 0 "${as_nobody[@]}" "$PRECIS" summarize "$D/perm"
  expect_grep "warning: $D/perm/secret.txt: cannot read: Permission denied" "$TMP/err"
else
  echo "note: unreadable-file check skipped (root, and cannot run the binary as nobody)" >&2
fi

# Duplicates: the same article twice changes nothing and never appears twice.
mkdir "$D/dup"
cp "$SAMPLES"/*.txt "$D/dup/"
cp "$SAMPLES/000_d174e9558c95ac9a.txt" "$D/dup/005_copy.txt"
expect_exit 0 "$PRECIS" summarize --format json "$SAMPLES"
cp "$TMP/out" "$TMP/orig.json"
expect_exit 0 "$PRECIS" summarize --format json "$D/dup"
python3 - "$TMP/orig.json" "$TMP/out" <<'PY' || fail "duplicate article changed the summary"
import json, sys
a, b = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:])
texts = [x["text"] for x in b["sentences"]]
assert len(texts) == len(set(texts)), "a sentence appears twice"
assert texts == [x["text"] for x in a["sentences"]], "summary differs"
PY

# One document; one sentence; a budget below any sentence (empty summary, a warning, exit 0).
expect_exit 0 "$PRECIS" summarize --sentences 2 "$SAMPLES/000_d174e9558c95ac9a.txt"
expect_grep '\[1\]' "$TMP/out"
mkdir "$D/one"
printf 'Titre\n\nDonald Trump et Vladimir Poutine se sont entretenus au téléphone jeudi.\n' >"$D/one/a.txt"
expect_exit 0 "$PRECIS" summarize "$D/one"
expect_grep '^Donald Trump et Vladimir Poutine se sont entretenus au téléphone jeudi. \[1\]' "$TMP/out"
expect_exit 0 "$PRECIS" summarize --bytes 5 "$SAMPLES"
expect_grep 'warning: no sentence fits the budget of 5 bytes' "$TMP/err"

# Other languages: German and Russian summarize; Chinese gets through cleaning and segmenting.
mkdir "$D/de" "$D/ru" "$D/zh"
printf 'Kanzler spricht\n\nDer Bundeskanzler sagte am Montag in Berlin, die Verhandlungen mit den Gewerkschaften würden fortgesetzt. Die Opposition kritisierte die Regierung scharf für ihre Haushaltspolitik.\n' >"$D/de/a.txt"
printf 'Президент выступил\n\nПрезидент России заявил в понедельник, что переговоры будут продолжены в ближайшее время. Оппозиция резко раскритиковала правительство за бюджетную политику страны.\n' >"$D/ru/a.txt"
printf '新闻标题在这里\n\n国家主席周一在北京发表重要讲话，强调经济发展的重要性和改革的必要性。会议由国务院总理主持，各部委负责人出席了会议并作了发言。\n' >"$D/zh/a.txt"
expect_exit 0 "$PRECIS" summarize "$D/de"
expect_grep 'Bundeskanzler' "$TMP/out"
expect_exit 0 "$PRECIS" summarize "$D/ru"
expect_grep 'Президент' "$TMP/out"
expect_exit 0 "$PRECIS" segment "$D/zh"
expect_grep '^会议由国务院总理主持' "$TMP/out"

# --idf: missing, truncated, garbage, another language with --lang forced.
expect_exit 0 "$PRECIS" idf build --lang en -o "$TMP/en.idf" "$SAMPLES"
expect_error 2 "$D/missing.idf" "$PRECIS" summarize --idf "$D/missing.idf" "$SAMPLES"
head -c 40 "$TMP/en.idf" >"$D/cut.idf"
expect_error 1 "$D/cut.idf" "$PRECIS" summarize --idf "$D/cut.idf" "$SAMPLES"
printf 'garbage\n' >"$D/junk.idf"
expect_error 1 "$D/junk.idf" "$PRECIS" summarize --idf "$D/junk.idf" "$SAMPLES"
expect_error 2 "idf" "$PRECIS" summarize --lang fr --idf "$TMP/en.idf" "$SAMPLES"

# ROUGE inputs: an empty or missing reference, a missing system summary, each named; an empty
# system summary scores 0.
E="$D/eval"
mkdir -p "$E/sys" "$E/refs/c1/refs" "$E/refs/c2/refs"
echo "the cat sat on the mat." >"$E/sys/c1.txt"
: >"$E/sys/c2.txt"
echo "the cat was on the mat." >"$E/refs/c1/refs/a.txt"
echo "a dog barked." >"$E/refs/c2/refs/a.txt"
expect_exit 0 "$PRECIS" eval --format json --refs "$E/refs" "$E/sys"
python3 - "$TMP/out" <<'PY' || fail "eval with an empty system summary: $(head -c 300 "$TMP/out")"
import json, math, sys
def walk(x):
    if isinstance(x, dict):
        for v in x.values(): yield from walk(v)
    elif isinstance(x, list):
        for v in x: yield from walk(v)
    elif isinstance(x, float):
        yield x
values = list(walk(json.load(open(sys.argv[1]))))
assert values and all(math.isfinite(v) for v in values)
PY
: >"$E/refs/c2/refs/a.txt"
expect_error 1 "$E/refs/c2/refs/a.txt" "$PRECIS" eval --refs "$E/refs" "$E/sys"
echo "a dog barked." >"$E/refs/c2/refs/a.txt"
mkdir "$E/refs/c3"
echo "x." >"$E/sys/c3.txt"
expect_error 1 "$E/sys/c3.txt" "$PRECIS" eval --refs "$E/refs" "$E/sys"
rm -r "$E/refs/c3" "$E/sys/c3.txt" "$E/sys/c2.txt"
expect_error 1 "c2" "$PRECIS" eval --refs "$E/refs" "$E/sys"
expect_error 1 "$E/nope" "$PRECIS" eval --refs "$E/nope" "$E/sys"

# Batch: malformed lines and missing fields become error records (naming the line) while the
# others go on; exit 3 says some clusters failed.
good='{"id":"ok","documents":[{"text":"Titre\n\nDonald Trump et Vladimir Poutine se sont entretenus au téléphone jeudi pendant une heure."}]}'
printf '%s\n' "$good" 'not json' '{"id":"b"}' '{"id":"c","documents":[{"txt":"x"}]}' \
  '{"id":"d","documents":[{"text":""}]}' '' '{"id":"e","paths":["/nonexistent/x.txt"]}' \
  '{"id":"f","documents":[{"text":"x"}],"words":0}' '[1]' >"$D/batch.jsonl"
printf '{"id":"g","documents":[{"text":"caf\xe9"}]}\n' >>"$D/batch.jsonl"
expect_exit 3 "$PRECIS" batch -q -j 2 "$D/batch.jsonl"
no_crash
python3 - "$TMP/out" <<'PY' || fail "batch error records: $(cat "$TMP/out" | head -c 600)"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert len(recs) == 9, len(recs)  # 10 lines, one blank
assert "summary" in recs[0] and recs[0]["id"] == "ok"
assert all("error" in r and r["error"] for r in recs[1:]), recs
assert [r["line"] for r in recs[1:]] == [2, 3, 4, 5, 7, 8, 9, 10]
assert [r["id"] for r in recs[1:]] == [None, "b", "c", "d", "e", "f", None, None]
PY

# --- Faults ----------------------------------------------------------------------------------
# A full disk for stdout.
if [ -w /dev/full ]; then
  "$PRECIS" summarize "$SAMPLES" >/dev/full 2>"$TMP/err"
  status=$?
  [ "$status" -eq 1 ] || fail "> /dev/full: exit $status"
  expect_grep '^precis: standard output: cannot write: No space left on device$' "$TMP/err"
  no_crash
fi
# A full disk for -o (never -o /dev/full: the rename would replace the device): a tiny tmpfs,
# filled up. The error names the file, the old file stays whole, no temporary file is left.
full="$TMP/full"
mkdir "$full"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=16k tmpfs "$full" 2>/dev/null; then
  trap 'umount "$full" 2>/dev/null; rm -rf "$TMP"' EXIT
  printf 'old summary\n' >"$full/summary.txt"
  dd if=/dev/zero of="$full/filler" bs=1k count=64 2>/dev/null
  expect_error 1 "$full/summary.txt" "$PRECIS" summarize -o "$full/summary.txt" "$SAMPLES"
  expect_grep 'No space left on device' "$TMP/err"
  [ "$(cat "$full/summary.txt")" = "old summary" ] || fail "full disk: old file damaged"
  [ -z "$(find "$full" -name '.summary.txt.tmp.*')" ] || fail "full disk: temporary file left"
  umount "$full"
else
  echo "note: full-disk check for -o skipped (cannot mount a tmpfs)" >&2
fi

# -o into a missing folder, or onto a folder: named, nothing left behind.
expect_error 1 "$D/no/such/dir/out.txt" "$PRECIS" summarize -o "$D/no/such/dir/out.txt" "$SAMPLES"
mkdir "$D/outdir"
expect_error 1 "$D/outdir" "$PRECIS" summarize -o "$D/outdir" "$SAMPLES"
[ -z "$(ls -A "$D/outdir")" ] || fail "-o onto a folder wrote into it"
[ -z "$(find "$D" -maxdepth 1 -name '.outdir.tmp.*')" ] || fail "-o onto a folder left a temporary"

# A closed stdout (| head): precis keeps the default SIGPIPE action, like cat and grep: it ends
# at once, silently, status 141 (or 0 when everything fit in the pipe before head left). With
# SIGPIPE ignored by the caller, the write fails instead: a one-line EPIPE error, exit 1.
big="$TMP/big"
mkdir "$big"
for i in $(seq 1 40); do cp "$SAMPLES/000_d174e9558c95ac9a.txt" "$big/$i.txt"; done
"$PRECIS" summarize --format json --sentences 400 --min-words 1 "$SAMPLES" "$big" 2>"$TMP/err" \
  | head -c 10 >/dev/null
status=${PIPESTATUS[0]}
[ "$status" -eq 141 ] || [ "$status" -eq 0 ] || fail "| head: exit $status"
[ ! -s "$TMP/err" ] || fail "| head: stderr not empty: $(head -2 "$TMP/err")"
(
  trap '' PIPE
  "$PRECIS" summarize --format json --sentences 400 --min-words 1 "$SAMPLES" "$big" \
    2>"$TMP/err" | { head -c 10 >/dev/null; sleep 1; }
  echo "${PIPESTATUS[0]}" >"$TMP/status"
)
status=$(cat "$TMP/status")
if [ "$(wc -c <"$TMP/err")" -gt 0 ] || [ "$status" -ne 0 ]; then
  [ "$status" -eq 1 ] || fail "ignored SIGPIPE: exit $status"
  expect_grep '^precis: standard output: cannot write: Broken pipe$' "$TMP/err"
fi

# -o is atomic: kill -9 in the middle of a long run leaves the old file whole, and no temporary
# file under its name (mkstemp's hidden .NAME.tmp.XXXXXX is the only trace allowed, and only
# while running).
mkdir "$D/slow"
python3 - "$D/slow" <<'PY'
import os, sys
words = "commission dossier séance matin ministre rapport budget vote".split()
for d in range(3):
    lines = ["Titre %d" % d, ""]
    for i in range(2500):
        lines.append("La %s numéro %d a examiné le %s %d pendant la %s du %s. " % (
            words[i % 8], i % 97, words[(i + d) % 8], i, words[(i * 3) % 8], words[(i * 5) % 8]))
    open(os.path.join(sys.argv[1], "%d.txt" % d), "w", encoding="utf-8").write("\n".join(lines))
PY
printf 'old content\n' >"$TMP/result.txt"
"$PRECIS" summarize -o "$TMP/result.txt" "$D/slow" 2>/dev/null &
pid=$!
sleep 0.5
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
if [ "$(cat "$TMP/result.txt")" != "old content" ]; then
  # It finished before the kill: then the file must be the whole summary.
  expect_grep '^Sources:' "$TMP/result.txt"
fi
# An interrupted run may leave its hidden temporary file (nothing removes it after kill -9), but
# never a half-written file under the target's name; a completed run leaves none.
rm -f "$TMP"/.result.txt.tmp.*
expect_exit 0 "$PRECIS" summarize -o "$TMP/result.txt" "$SAMPLES"
expect_grep '^Sources:' "$TMP/result.txt"
[ -z "$(find "$TMP" -maxdepth 1 -name '.result.txt.tmp.*')" ] ||
  fail "temporary file left after a completed run"

finish
