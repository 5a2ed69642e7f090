#!/usr/bin/env python3
"""Checks a `precis summarize --format json` output of the sample articles rewritten in another
format (Markdown, a web page): every source was read in FORMAT, its title is its article's first
line, and every summary sentence is one of the articles' own, without any of the JUNK strings.

Usage: check_sample_summary.py SUMMARY.json SAMPLES FORMAT [JUNK...]
"""
import glob
import json
import os
import sys


def main():
    summary_path, samples, expected_format, junk = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    summary = json.load(open(summary_path, encoding="utf-8"))
    errors = []
    if len(summary["sources"]) < 5 or len(summary["sentences"]) < 2:
        errors.append(f"{len(summary['sources'])} sources, {len(summary['sentences'])} sentences")
    articles = [open(p, encoding="utf-8").read()
                for p in sorted(glob.glob(os.path.join(samples, "*.txt")))]
    for source, text in zip(summary["sources"], articles):
        if source["format"] != expected_format:
            errors.append(f"{source['path']} read as {source['format']}, not {expected_format}")
        if source["title"] != " ".join(text.splitlines()[0].split()):
            errors.append(f"{source['path']}: title {source['title']!r}")
    collapsed = " ".join(" ".join(a.split()) for a in articles)
    for s in summary["sentences"]:
        if s["text"] not in collapsed:
            errors.append(f"not an article's sentence: {s['text']!r}")
        errors += [f"{j!r} in {s['text']!r}" for j in junk if j in s["text"]]
    for e in errors:
        print(f"{expected_format}:", e, file=sys.stderr)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
