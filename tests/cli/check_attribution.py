#!/usr/bin/env python3
"""Checks a `precis summarize --format json` output against the files it cites.

Usage: check_attribution.py SUMMARY.json MAX_WORDS
Every sentence's [start, end) bytes of its source file, white space collapsed, must equal its
text; the budget must hold; sources, indices and support must be consistent.
"""
import json
import re
import sys


def collapse(text):
    # Unicode white space, as precis collapses it (str.split() splits on the same class).
    return " ".join(text.split())


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
        if collapse(span_text) != s["text"]:
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
