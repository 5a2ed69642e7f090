# precis segment through the real binary: the offset invariant over every sentence, dropped lines
# with reasons, titles, text output, odd encodings.
source "$(dirname "$0")/lib.sh.inc"

expect_exit 0 "$PRECIS" segment --format json "$SAMPLES"
cp "$TMP/out" "$TMP/seg.json"
python3 - "$TMP/seg.json" <<'PY' || fail "segment JSON invariants"
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
assert doc["language"] == "fr", doc["language"]
assert len(doc["documents"]) == 5
errors = []
for d in doc["documents"]:
    data = open(d["path"], "rb").read()
    last_end = 0
    for k, s in enumerate(d["sentences"]):
        text = " ".join(data[s["start"]:s["end"]].decode("utf-8").split())
        if text != s["text"]:
            errors.append(f"{d['path']} sentence {k}: {text!r} != {s['text']!r}")
        if s["index"] != k or s["start"] < last_end or s["tokens"] <= 0:
            errors.append(f"{d['path']} sentence {k}: order/index/tokens")
        last_end = s["end"]
    for line in d["dropped"]:
        if not line["reason"] or data[line["start"]:line["end"]].decode("utf-8").strip() == "":
            errors.append(f"{d['path']}: dropped line without reason or text")
titles = [d["title"] for d in doc["documents"]]
if titles[4] != "Trump a officiellement parlé à Poutine pour mettre fin à la guerre en Ukraine":
    errors.append(f"title of 004: {titles[4]!r}")
dropped4 = " | ".join(l["text"] for l in doc["documents"][4]["dropped"])
for junk in ["Je veux recevoir la lettre d'information", "Notifier de", "Inline Feedbacks",
             "Abonnez-vous à CARITAS", "OSZAR"]:
    if junk not in dropped4:
        errors.append(f"{junk!r} not reported as dropped in 004")
sentences4 = " ".join(s["text"] for s in doc["documents"][4]["sentences"])
for junk in ["lettre d'information", "Akismet", "Commentaires", "CARITAS", "Kersauzie"]:
    if junk in sentences4:
        errors.append(f"boilerplate {junk!r} survived in 004")
for e in errors:
    print(e, file=sys.stderr)
sys.exit(1 if errors else 0)
PY

# Text: one sentence per line, the same sentences as JSON.
expect_exit 0 "$PRECIS" segment "$SAMPLES"
python3 - "$TMP/seg.json" "$TMP/out" <<'PY' || fail "text and JSON disagree"
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
want = [s["text"] for d in doc["documents"] for s in d["sentences"]]
got = [l for l in open(sys.argv[2], encoding="utf-8").read().split("\n") if l]
assert want == got, (len(want), len(got))
PY

# A Windows-1252 file: converted with a warning, offsets into the original bytes.
printf 'Le pr\xe9sident a parl\xe9 \xe0 la presse. Il a \xe9voqu\xe9 l\x92\xe9conomie.\r\n' > "$TMP/cp1252.txt"
expect_exit 0 "$PRECIS" segment --format json "$TMP/cp1252.txt"
expect_grep 'cp1252.txt' "$TMP/err"
python3 - "$TMP/out" "$TMP/cp1252.txt" <<'PY' || fail "cp1252 offsets"
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
data = open(sys.argv[2], "rb").read()
sents = doc["documents"][0]["sentences"]
assert [s["text"] for s in sents] == ["Le président a parlé à la presse.", "Il a évoqué l’économie."], sents
for s in sents:
    assert " ".join(data[s["start"]:s["end"]].decode("cp1252").split()) == s["text"]
PY

# Binary files are skipped with a warning; a folder of only binaries is an error.
mkdir -p "$TMP/bin"
printf 'abc\0def\0' > "$TMP/bin/x.txt"
expect_exit 1 "$PRECIS" segment "$TMP/bin"
expect_grep 'x.txt' "$TMP/err"
expect_exit 0 "$PRECIS" segment "$TMP/bin" "$SAMPLES/001_d1cd692374a06a9c.txt"
expect_grep 'x.txt' "$TMP/err"

# Unreadable input names the file (root can read anything: skip that part as root).
if [ "$(id -u)" -ne 0 ]; then
  cp "$SAMPLES/001_d1cd692374a06a9c.txt" "$TMP/locked.txt"
  chmod 000 "$TMP/locked.txt"
  expect_exit 1 "$PRECIS" segment "$TMP/locked.txt"
  expect_grep 'locked.txt' "$TMP/err"
fi
# A transcript and a newsletter pasted from a mail client: speakers' names and header fields are
# reported as dropped, the subject is the title, and the spans still hold (CRLF line ends).
mkdir -p "$TMP/pasted"
printf 'The Capitol Minute, episode 212\r\n\r\nHOST (JULIA FERN): Welcome back to The Capitol Minute. The Senate passed the ports bill 62 to 37 on Thursday.\r\n\r\nOBI: It is $12.4 billion over five years, mostly for dredging shipping channels at 40 ports.\r\n\r\nFERN: And who voted against the ports bill in the Senate on Thursday?\r\n\r\nOBI: Sen. Curt Lindqvist of Utah led the 37 senators who voted against the ports bill.\r\n' >"$TMP/pasted/podcast.txt"
printf 'From: Deal Sheet <news@example.com>\nSent: Thursday, March 6, 2025 6:12 PM\nSubject: Senate passes the ports bill\n\nHaving trouble viewing this email? View it in your browser.\n\nThe Senate passed a $12.4 billion ports bill on Thursday, sending it to the House for a vote.\n' >"$TMP/pasted/mail.txt"
expect_exit 0 "$PRECIS" segment --format json "$TMP/pasted"
python3 - "$TMP/out" <<'PY' || fail "transcript and e-mail"
import json, sys
docs = {d["path"].rsplit("/", 1)[-1]: d for d in json.load(open(sys.argv[1]))["documents"]}
errors = []
for name, d in docs.items():
    data = open(d["path"], "rb").read()
    for s in d["sentences"]:
        if " ".join(data[s["start"]:s["end"]].decode().split()) != s["text"]:
            errors.append(f"{name}: span of {s['text']!r}")
    for line in d["dropped"]:
        if data[line["start"]:line["end"]].decode() != line["text"]:
            errors.append(f"{name}: span of dropped {line['text']!r}")
podcast = docs["podcast.txt"]
if [l["text"] for l in podcast["dropped"] if l["reason"] == "speaker"] != ["HOST (JULIA FERN):", "OBI:", "FERN:", "OBI:"]:
    errors.append(f"speakers: {podcast['dropped']}")
if any(s["text"].startswith(("HOST", "OBI", "FERN")) for s in podcast["sentences"]):
    errors.append("a sentence opens with a speaker's name")
mail = docs["mail.txt"]
if mail["title"] != "Senate passes the ports bill":
    errors.append(f"mail title {mail['title']!r}")
if [s["text"] for s in mail["sentences"]] != ["The Senate passed a $12.4 billion ports bill on Thursday, sending it to the House for a vote."]:
    errors.append(f"mail sentences {mail['sentences']}")
print("\n".join(errors), file=sys.stderr)
sys.exit(1 if errors else 0)
PY

expect_exit 1 "$PRECIS" segment "$TMP/missing.txt"
expect_grep 'missing.txt' "$TMP/err"

finish
