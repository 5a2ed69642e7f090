#!/usr/bin/env python3
"""The lead baseline as published systems define it: the first sentence of each article in turn,
then the second ones, until the budget is filled; the last sentence is cut at the budget, as ROUGE's -l would cut it
(so the baseline is comparable on sets scored without -l).

Usage: lead_baseline.py PRECIS SET OUT WORDS [--titles] [--whole-sentences]
Sentences come from `precis segment` (same cleaning and segmentation as precis); with --titles
each article's headline counts as its first sentence. With --whole-sentences no sentence is cut:
one that does not fit is skipped and the next one that fits is taken, as an extractive system
must do.
"""
import json
import os
import subprocess
import sys


def main():
    precis, set_dir, out, words = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    titles = "--titles" in sys.argv[5:]
    whole = "--whole-sentences" in sys.argv[5:]
    os.makedirs(out, exist_ok=True)
    for cluster in sorted(os.listdir(set_dir)):
        docs = os.path.join(set_dir, cluster, "docs")
        if not os.path.isdir(docs):
            continue
        seg = json.loads(subprocess.run([precis, "segment", "--format", "json", docs],
                                        check=True, capture_output=True).stdout)
        per_doc = []
        for d in seg["documents"]:
            sents = [s["text"] for s in d["sentences"]]
            if titles and d["title"]:
                sents.insert(0, d["title"])
            per_doc.append(sents)
        chosen, total, k = [], 0, 0
        while total < words and any(k < len(s) for s in per_doc):
            for sents in per_doc:
                if k < len(sents) and total < words:
                    length = len(sents[k].split())
                    if whole and total + length > words:
                        continue
                    chosen.append(sents[k])
                    total += length
            k += 1
        if total > words:  # cut the last sentence at the budget
            excess = total - words
            last = chosen[-1].split()
            chosen[-1] = " ".join(last[:len(last) - excess])
        with open(os.path.join(out, cluster + ".txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(chosen) + "\n")


if __name__ == "__main__":
    main()
