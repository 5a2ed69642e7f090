#!/usr/bin/env python3
"""Copies a data set's documents in another text layout, to check that precis reads the same
articles the same way however their lines are laid out (eval/layouts.sh).

Usage: relayout.py SET OUT LAYOUT
  wrap72   every line wrapped greedily at 72 characters (Python's textwrap), blank lines kept
  wrap60   the same at 60
  fmt75    GNU fmt -w 75 on each line (fmt balances its lines: they break before the width)
  crlf     Windows line breaks
References are not copied: score against SET's own refs.
"""
import os
import subprocess
import sys
import textwrap


def relayout(text, layout):
    if layout == "crlf":
        return text.replace("\n", "\r\n")
    lines = []
    for line in text.split("\n"):
        if not line.strip():
            lines.append("")
        elif layout == "fmt75":
            lines.extend(subprocess.run(["fmt", "-w", "75"], input=line, check=True,
                                        capture_output=True, text=True).stdout.rstrip("\n").split("\n"))
        else:
            width = {"wrap72": 72, "wrap60": 60}[layout]
            lines.extend(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False))
    return "\n".join(lines)


def main():
    set_dir, out, layout = sys.argv[1], sys.argv[2], sys.argv[3]
    for cluster in sorted(os.listdir(set_dir)):
        docs = os.path.join(set_dir, cluster, "docs")
        if not os.path.isdir(docs):
            continue
        target = os.path.join(out, cluster, "docs")
        os.makedirs(target, exist_ok=True)
        for name in sorted(os.listdir(docs)):
            with open(os.path.join(docs, name), encoding="utf-8") as f:
                text = f.read()
            with open(os.path.join(target, name), "w", encoding="utf-8", newline="") as f:
                f.write(relayout(text, layout))


if __name__ == "__main__":
    main()
