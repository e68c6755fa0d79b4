#!/usr/bin/env bash
# Configures and builds Gatehouse into build/ (or $GATEHOUSE_BUILD_DIR).
#   scripts/build.sh [extra cmake -D options...]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${GATEHOUSE_BUILD_DIR:-$root/build}
jobs=${GATEHOUSE_JOBS:-$(nproc)}

cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
cmake --build "$build_dir" -j "$jobs"
