#!/usr/bin/env python3
"""Builds a JSONL batch for `precis batch` from the OrangeSum news corpus.

Deterministic: the articles are taken in file order and grouped by consecutive runs of --size, so
cluster k holds articles k*size .. k*size+size-1. Consecutive OrangeSum articles are not about one
event; the batch measures throughput and memory on real French text, not summary quality.

Each line: {"id": "orangesum-0001", "documents": [{"name": "orangesum/<article id>.txt",
"text": "<title>\\n\\n<article>"}, ...]} (headline on the first line, as in the evaluation sets;
the OrangeSum "heading" is its reference summary and is left out).
"""
import argparse
import gzip
import json
import sys


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="orangesum-news.jsonl.gz")
    parser.add_argument("--clusters", type=int, default=1000)
    parser.add_argument("--size", type=int, default=10, help="articles per cluster")
    parser.add_argument("-o", "--output", default="-")
    args = parser.parse_args()

    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    written = 0
    docs = []
    with gzip.open(args.corpus, "rt", encoding="utf-8") as corpus:
        for line in corpus:
            if written == args.clusters:
                break
            article = json.loads(line)
            text = (article.get("title") or "").strip() + "\n\n" + (article.get("article") or "")
            docs.append({"name": f"orangesum/{article['id']}.txt", "text": text})
            if len(docs) == args.size:
                written += 1
                record = {"id": f"orangesum-{written:04d}", "documents": docs}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                docs = []
    if out is not sys.stdout:
        out.close()
    if written < args.clusters:
        print(f"make_clusters: only {written} clusters in {args.corpus}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
