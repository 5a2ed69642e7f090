#!/usr/bin/env bash
# Throughput and peak memory of `precis batch` on 1,000 clusters of 10 real French articles
# (OrangeSum, consecutive groups of 10; see make_clusters.py), at -j 1 and -j 2, 3 runs each,
# median wall time. Build in Release first.
#
#   eval/bench_batch.sh [PRECIS] [WORK_DIR]
#     PRECIS    the binary (default: build/precis)
#     WORK_DIR  where the batch and the outputs go (default: a temporary folder, removed after)
# Environment: CLUSTERS (1000), SIZE (10), RUNS (3), JOBS ("1 2"), CORPUS (the OrangeSum file).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
precis="${1:-$here/../build/precis}"
clusters="${CLUSTERS:-1000}"
size="${SIZE:-10}"
runs="${RUNS:-3}"
jobs_list="${JOBS:-1 2}"
corpus="${CORPUS:-$here/../../shared/data/orangesum-news.jsonl.gz}"

[ -x "$precis" ] || { echo "bench_batch: no binary at $precis (build it in Release)" >&2; exit 1; }
[ -r "$corpus" ] || { echo "bench_batch: corpus not found: $corpus" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench_batch: /usr/bin/time (Debian package time) is needed" >&2; exit 1; }

if [ $# -ge 2 ]; then
  work="$2"
  mkdir -p "$work"
else
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi

batch="$work/orangesum-$clusters-x$size.jsonl"
if [ ! -s "$batch" ]; then
  python3 "$here/make_clusters.py" "$corpus" --clusters "$clusters" --size "$size" -o "$batch"
fi
echo "batch: $batch ($clusters clusters x $size articles, $(($(wc -c <"$batch") / 1024 / 1024)) MiB)"
echo "binary: $precis ($("$precis" --version)); $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ)"
# Other processes on the machine skew wall times: say how busy it was.
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

reference=""
# Wall time is what a user waits; CPU time (user + sys) shows the work when other processes share
# the cores (then wall-time scaling with -j understates what the threads do).
printf '%-4s %-22s %-9s %-11s %-9s %-15s %s\n' jobs "wall s (runs)" "median s" "clusters/s" "CPU s" \
  "CPU clusters/s" "peak RSS MiB"
for j in $jobs_list; do
  walls=() rss=() cpus=()
  for r in $(seq 1 "$runs"); do
    out="$work/out-j$j.jsonl"
    /usr/bin/time -v -o "$work/time.txt" "$precis" batch -q -j "$j" "$batch" -o "$out"
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {
      n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$work/time.txt")
    kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt")
    cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$work/time.txt")
    walls+=("$wall")
    cpus+=("$cpu")
    rss+=("$kb")
  done
  # Same bytes at every -j: the benchmark checks the determinism it relies on.
  if [ -z "$reference" ]; then
    reference="$work/reference.jsonl"
    cp "$out" "$reference"
  elif ! cmp -s "$out" "$reference"; then
    echo "bench_batch: output at -j $j differs from the first run" >&2
    exit 1
  fi
  med=$(printf '%s\n' "${walls[@]}" | median)
  peak=$(printf '%s\n' "${rss[@]}" | sort -n | tail -1)
  cpu_med=$(printf '%s\n' "${cpus[@]}" | median)
  printf '%-4s %-22s %-9s %-11s %-9s %-15s %s\n' "$j" "${walls[*]}" "$med" \
    "$(awk -v c="$clusters" -v s="$med" 'BEGIN { printf "%.1f", c / s }')" "$cpu_med" \
    "$(awk -v c="$clusters" -v s="$cpu_med" 'BEGIN { printf "%.1f", c / s }')" \
    "$(awk -v k="$peak" 'BEGIN { printf "%.1f", k / 1024 }')"
done
failed=$(grep -c '"error"' "$reference" || true)
echo "records: $(wc -l <"$reference"), errors: $failed"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
