#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to the whole test suite: installs what is
# missing, builds everything (warnings are errors), and runs every test with CTest.
# Services the tests need (a private MariaDB on a free loopback port, mock upstreams)
# are started by CTest fixtures and stopped after; nothing else needs to be running.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${GATEHOUSE_BUILD_DIR:-$root/build}

"$root/scripts/install-deps.sh" --test
GATEHOUSE_BUILD_DIR=$build_dir "$root/scripts/build.sh" -DGATEHOUSE_WERROR=ON \
  -DGATEHOUSE_BUILD_TESTS=ON -DGATEHOUSE_BUILD_BENCHMARKS=ON

cd "$build_dir"
ctest --output-on-failure --timeout 600 -j "${GATEHOUSE_TEST_JOBS:-2}" "$@"
