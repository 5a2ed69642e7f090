#!/usr/bin/env bash
# Installs the Debian 12 packages precis needs (only those missing), then configures and builds it
# in build/ (Release). With --test, also runs the whole test suite.
#
#   scripts/build.sh            install + build
#   scripts/build.sh --test     install + build + ctest
set -euo pipefail
cd "$(dirname "$0")/.."

run_tests=0
for arg in "$@"; do
  case "$arg" in
    --test) run_tests=1 ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown argument '$arg' (expected --test)" >&2; exit 2 ;;
  esac
done

packages=(g++ make cmake pkg-config libicu-dev libeigen3-dev libcli11-dev nlohmann-json3-dev
          catch2 libstemmer-dev zlib1g-dev python3 parallel)
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
fi
