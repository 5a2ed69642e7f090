#!/usr/bin/env python3
"""Are short hard-wrapped articles read whole? A brief of two short paragraphs has too few line
breaks inside its paragraphs for the cleaner to measure a wrap width (eval/layouts.sh wraps whole
articles, which have many). For every document of the given folders, this builds a brief from
its own sentences (its headline, then two paragraphs of one or two sentences), writes it once with
one paragraph a line and once wrapped at 60, 66, 72 or 76 columns (Python's textwrap, no break at
hyphens), segments both with precis and counts the sentences of the flat brief that the wrapped
one does not give back. The choices are drawn from a fixed seed: the same folders give the same
briefs.

Usage: wrapped_briefs.py PRECIS FOLDER...
  e.g. eval/wrapped_briefs.py build/precis ../shared/data/rpm2_fr_dev/*/docs
"""
import json
import os
import random
import subprocess
import sys
import tempfile
import textwrap


def segment(precis, paths):
    """Sentence texts of each path, in order (precis segment, 200 files per call)."""
    out = []
    for i in range(0, len(paths), 200):
        run = subprocess.run([precis, "segment", "--format", "json"] + paths[i:i + 200],
                             check=True, capture_output=True, text=True)
        out += [[s["text"] for s in d["sentences"]] for d in json.loads(run.stdout)["documents"]]
    return out


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    precis, folders = sys.argv[1], sys.argv[2:]
    sources = sorted(os.path.join(f, name) for f in folders for name in os.listdir(f)
                     if name.endswith(".txt"))
    run = subprocess.run([precis, "segment", "--format", "json"] + sources, check=True,
                         capture_output=True, text=True)
    documents = json.loads(run.stdout)["documents"]
    draw = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        flat, wrapped = [], []
        for k, document in enumerate(documents):
            sentences = document["sentences"]
            if len(sentences) < 5:
                continue
            per = draw.choice([1, 2])
            paragraphs = [" ".join(s["text"] for s in sentences[1:1 + per]),
                          " ".join(s["text"] for s in sentences[1 + per:1 + 2 * per])]
            width = draw.choice([60, 66, 72, 76])
            title = document["title"] or "Title"
            for layout, names in (("flat", flat), ("wrapped", wrapped)):
                body = paragraphs if layout == "flat" else [
                    textwrap.fill(p, width, break_long_words=False, break_on_hyphens=False)
                    for p in paragraphs]
                path = os.path.join(tmp, f"{k:05d}.{layout}.txt")
                with open(path, "w", encoding="utf-8") as out:
                    out.write(title + "\n\n" + "\n\n".join(body) + "\n")
                names.append(path)
        expected, got = segment(precis, flat), segment(precis, wrapped)
    same = sum(a == b for a, b in zip(expected, got))
    total = sum(len(a) for a in expected)
    lost = sum(len(set(a) - set(b)) for a, b in zip(expected, got))
    print(f"briefs {len(expected)}, read alike {same}, "
          f"sentences lost when wrapped {lost} of {total}")


if __name__ == "__main__":
    main()
