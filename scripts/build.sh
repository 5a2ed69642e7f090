#!/usr/bin/env bash
# Installs the Debian 12 packages precis needs (only those missing), then configures and builds it
# in build/ (Release). With --test, also runs the whole test suite, then again under ASan+UBSan
# in build-asan/, then each libFuzzer target briefly (tests/fuzz/run.sh, build-fuzz/).
#
#   scripts/build.sh            install + build
#   scripts/build.sh --test     install + build + ctest (Release, then sanitizers) + fuzz
set -euo pipefail
cd "$(dirname "$0")/.."

run_tests=0
for arg in "$@"; do
  case "$arg" in
    --test) run_tests=1 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown argument '$arg' (expected --test)" >&2; exit 2 ;;
  esac
done

packages=(g++ make cmake pkg-config libicu-dev libeigen3-dev libcli11-dev nlohmann-json3-dev
          catch2 libstemmer-dev zlib1g-dev python3 parallel
          clang libclang-rt-14-dev)  # clang + libFuzzer runtime: tests/fuzz/
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "build.sh: installing ${missing[*]}" >&2
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}"
fi

jobs="$(nproc 2>/dev/null || echo 2)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j "$jobs"

if [ "$run_tests" -eq 1 ]; then
  ctest --test-dir build --output-on-failure -j "$jobs"

  # The same suite under AddressSanitizer + UndefinedBehaviorSanitizer: memory errors and UB
  # that the Release run survives by luck. Any report fails the test that triggered it.
  cmake -S . -B build-asan -DPRECIS_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
  cmake --build build-asan -j "$jobs"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j "$jobs"

  # Each libFuzzer target for a few seconds, so a regression on hostile input is caught here.
  if command -v clang++ >/dev/null; then
    FUZZ_BUILD_JOBS="$jobs" tests/fuzz/run.sh "${PRECIS_FUZZ_SECONDS:-10}"
  else
    echo "build.sh: clang++ not found, fuzz targets skipped" >&2
  fi
fi
