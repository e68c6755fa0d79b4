#!/usr/bin/env bash
# Runs bench_store against SQLite and a private MariaDB started for the run (default durability
# settings: every commit is flushed to disk), then stops that server.
#   benchmarks/store/run.sh [build dir] [extra benchmark flags...]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build_dir=${1:-${GATEHOUSE_BUILD_DIR:-$root/build}}
shift || true
bench="$build_dir/benchmarks/store/bench_store"
if [[ ! -x "$bench" ]]; then
  echo "run.sh: $bench not found; build the bench_store target first" >&2
  exit 1
fi
server_dir=$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-bench-mariadb.XXXXXX")
cleanup() {
  "$root/scripts/test-services/mariadb.sh" stop "$server_dir" || true
  rm -rf "$server_dir"
}
trap cleanup EXIT
"$root/scripts/test-services/mariadb.sh" start "$server_dir" --innodb-buffer-pool-size=512M >/dev/null
GATEHOUSE_BENCH_MARIADB_DIR="$server_dir" "$bench" "$@"
