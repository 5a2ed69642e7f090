#!/usr/bin/env bash
# Builds the libFuzzer targets in build-fuzz/ (clang++) and runs each for SECONDS (default 60).
# Fails on the first target that crashes, leaks, hangs or breaks an invariant; the input that did
# it is left in build-fuzz/artifacts/<target>/ (turn it into a regression test in
# tests/robustness_test.cc). New inputs found are kept in build-fuzz/corpus/<target>/, so the seeds
# in tests/fuzz/corpus/ stay small and reviewed.
#
#   tests/fuzz/run.sh [SECONDS]        e.g. tests/fuzz/run.sh 10 (CI), tests/fuzz/run.sh 3600
#   FUZZ_TARGETS="decode rouge" tests/fuzz/run.sh 30
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds="${1:-60}"
case "$seconds" in
  ''|*[!0-9]*) echo "run.sh: SECONDS must be a whole number, got '$seconds'" >&2; exit 2 ;;
esac
targets=(${FUZZ_TARGETS:-decode summarize batch_line rouge})
jobs="${FUZZ_BUILD_JOBS:-2}"

if ! command -v clang++ >/dev/null; then
  echo "run.sh: clang++ not found (apt-get install clang libclang-rt-14-dev)" >&2
  exit 2
fi
cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DPRECIS_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build build-fuzz -j "$jobs" --target $(printf 'fuzz_%s ' "${targets[@]}")

# Leaks are real bugs for a batch that runs for hours; UBSan must stop at the first report.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
status=0
for target in "${targets[@]}"; do
  corpus="build-fuzz/corpus/$target"
  artifacts="build-fuzz/artifacts/$target"
  mkdir -p "$corpus" "$artifacts"
  log="build-fuzz/fuzz_$target.log"
  echo "== fuzz_$target: ${seconds}s" >&2
  # -rss_limit_mb: a 2 GB allocation on a tiny input is a bug (unbounded growth), not a success.
  if ! "build-fuzz/tests/fuzz/fuzz_$target" "$corpus" "tests/fuzz/corpus/$target" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -artifact_prefix="$artifacts/" -print_final_stats=1 >"$log" 2>&1; then
    echo "run.sh: fuzz_$target FAILED; see $log and $artifacts/" >&2
    grep -E 'ERROR|invariant broken|runtime error|Test unit written' "$log" | head -10 >&2 || true
    status=1
    continue
  fi
  # One summary line per target: runs, speed, coverage.
  runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' || echo '?')
  speed=$(grep -Eo 'stat::average_exec_per_sec: *[0-9]+' "$log" | grep -Eo '[0-9]+$' || echo '?')
  cov=$(grep -Eo 'cov: [0-9]+' "$log" | tail -1 || true)
  echo "fuzz_$target: ${runs} runs in ${seconds}s, ${speed} exec/s, ${cov:-cov: ?}, no crash" >&2
done
exit "$status"
