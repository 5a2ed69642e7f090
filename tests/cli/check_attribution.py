#!/usr/bin/env python3
"""Checks a `precis summarize --format json` output against the files it cites.

Usage: check_attribution.py SUMMARY.json MAX_WORDS
Every sentence's [start, end) bytes of its source file, white space collapsed, must equal its
text; in a subtitle file, where a sentence may run over several cues, the span must open with
its first word, end with its last and hold all its words in order; in Markdown, whose inline
markup is not text, the span must open with the text and hold all its characters in order; in
a web page, the span read as HTML (tags out, a <br> a space, references decoded) must open with
the sentence's first word, end with its last and hold all its words in order (what the reader
left out, a script or an icon's label inside a paragraph, may stand between them; the source's
"format" tells). The budget must hold; sources, indices and support must be consistent.
"""
import html
import json
import re
import sys


def collapse(text):
    # Unicode white space, as precis collapses it (str.split() splits on the same class).
    return " ".join(text.split())


def words_in_order(span_text, text):
    span_text = html.unescape(span_text)  # WebVTT's "&amp;" is "&" in the text
    words = text.split()
    if not words or not span_text.startswith(words[0]) or not span_text.endswith(words[-1]):
        return False
    at = 0
    for word in words:
        at = span_text.find(word, at)
        if at < 0:
            return False
        at += 1
    return True


def page_text(span_text):
    span_text = re.sub(r"<!--.*?-->", "", span_text, flags=re.S)
    span_text = re.sub(r"<br\s*/?>", " ", span_text, flags=re.I)
    return collapse(re.sub(r"<[^>]*>", "", span_text))


def characters_in_order(span_text, text):
    span_chars, chars = "".join(span_text.split()), "".join(text.split())
    if not chars or not span_chars.startswith(chars[0]):
        return False
    rest = iter(span_chars)
    return all(c in rest for c in chars)


def main():
    summary = json.load(open(sys.argv[1], encoding="utf-8"))
    max_words = int(sys.argv[2])
    errors = []
    sources = summary["sources"]
    for k, src in enumerate(sources):
        if src["id"] != k:
            errors.append(f"source {k} has id {src['id']}")
    words = 0
    seen = set()
    for s in summary["sentences"]:
        src = sources[s["source"]]
        data = open(src["path"], "rb").read()
        span = data[s["start"]:s["end"]]
        try:
            span_text = span.decode("utf-8")
        except UnicodeDecodeError:
            span_text = span.decode("cp1252")
        if src["format"] == "subtitles":
            if not words_in_order(span_text, s["text"]):
                errors.append(f"span {s['start']}-{s['end']} of {src['path']} is {span_text!r}, "
                              f"which does not hold {s['text']!r}")
        elif src["format"] == "markdown":
            if not characters_in_order(span_text, s["text"]):
                errors.append(f"span {s['start']}-{s['end']} of {src['path']} is {span_text!r}, "
                              f"which does not hold {s['text']!r}")
        elif src["format"] == "html":
            if not words_in_order(page_text(span_text), s["text"]):
                errors.append(f"span {s['start']}-{s['end']} of {src['path']} is {span_text!r}, "
                              f"which does not hold {s['text']!r}")
        elif collapse(span_text) != s["text"]:
            errors.append(f"span {s['start']}-{s['end']} of {src['path']} is {span_text!r}, "
                          f"not {s['text']!r}")
        if s["text"] in seen:
            errors.append(f"sentence twice: {s['text']!r}")
        seen.add(s["text"])
        words += len(s["text"].split())
        for sup in s["support"]:
            if sup["source"] == s["source"]:
                errors.append("a sentence supports itself")
            if not 0 <= sup["source"] < len(sources):
                errors.append("support source out of range")
    if summary["budget"]["unit"] == "words" and summary["budget"]["used"] != words:
        errors.append(f"budget.used {summary['budget']['used']} != {words} words")
    if words > max_words:
        errors.append(f"{words} words > {max_words}")
    if summary["summary"] != " ".join(s["text"] for s in summary["sentences"]):
        errors.append("summary is not the sentences joined")
    for e in errors:
        print("attribution:", e, file=sys.stderr)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
