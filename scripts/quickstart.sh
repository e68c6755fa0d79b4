#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a running gateway:
# installs what is missing, builds, writes a local config (SQLite file, `mock`
# provider) and serves on http://127.0.0.1:${GATEHOUSE_PORT:-8080} until Ctrl-C.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${GATEHOUSE_BUILD_DIR:-$root/build}
port=${GATEHOUSE_PORT:-8080}

"$root/scripts/install-deps.sh"
GATEHOUSE_BUILD_DIR=$build_dir "$root/scripts/build.sh" -DGATEHOUSE_BUILD_TESTS=OFF -DGATEHOUSE_BUILD_BENCHMARKS=OFF

run_dir=$build_dir/quickstart
mkdir -p "$run_dir"
config=$run_dir/gatehouse.json
# conf/gatehouse.json is the documented default; the quick start writes its own copy
# so the SQLite file and the plugin folder live in the build tree.
cat > "$config" <<JSON
{
  "log_level": "info",
  "plugin_dir": "$build_dir/plugins",
  "server": { "host": "127.0.0.1", "port": $port },
  "storage": { "driver": "sqlite", "sqlite": { "path": "$run_dir/gatehouse.db" } },
  "plugins": [
    { "name": "mock", "path": "libgatehouse_provider_mock.so" }
  ],
  "providers": [
    {
      "name": "mock",
      "plugin": "mock",
      "config": { "latency_ms": 0, "chunks": 4 },
      "models": [ { "name": "mock-echo", "upstream_model": "echo-1", "aliases": ["gpt-4o-mock"] } ]
    }
  ]
}
JSON

cat <<MSG

Gatehouse is starting on http://127.0.0.1:$port with config $config
Try, from another terminal:

  curl -s http://127.0.0.1:$port/v1/chat/completions \\
    -H 'Content-Type: application/json' \\
    -d '{"model":"mock-echo","messages":[{"role":"user","content":"Hello, Gatehouse"}]}'

Stop it with Ctrl-C.

MSG
exec "$build_dir/bin/gatehouse" --config "$config"
