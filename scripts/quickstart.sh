#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a running gateway:
# installs what is missing, builds, writes a local config (SQLite file, `mock`
# provider, API keys required), creates the first admin API key on the first run
# (printed once), and serves on http://127.0.0.1:${GATEHOUSE_PORT:-8080} until Ctrl-C.
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
    { "name": "mock", "path": "libgatehouse_provider_mock.so" },
    { "name": "api_key", "path": "libgatehouse_auth_api_key.so" }
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

# Every request needs an API key. The first run makes an admin key; the store keeps only
# its hash, so this is the one time it can be shown.
if ! admin_key=$("$build_dir/bin/gatehouse" admin create-key --name quickstart-admin --if-none --config "$config" \
    2>"$run_dir/create-key.log"); then
  cat "$run_dir/create-key.log" >&2
  exit 1
fi
if [ -n "$admin_key" ]; then
  cat <<MSG

Your first admin API key (shown only this once; keep it somewhere safe):

  $admin_key

MSG
  key_hint=$admin_key
else
  cat <<MSG

This store already has API keys: use the admin key printed on the first run, or make
another one with
  $build_dir/bin/gatehouse admin create-key --name NAME --config $config
MSG
  key_hint='<your admin key>'
fi

cat <<MSG

Gatehouse is starting on http://127.0.0.1:$port with config $config
Try, from another terminal:

  export GATEHOUSE_KEY='$key_hint'
  curl -s http://127.0.0.1:$port/v1/chat/completions \\
    -H "Authorization: Bearer \$GATEHOUSE_KEY" \\
    -H 'Content-Type: application/json' \\
    -d '{"model":"mock-echo","messages":[{"role":"user","content":"Hello, Gatehouse"}]}'
  curl -s http://127.0.0.1:$port/admin/me -H "Authorization: Bearer \$GATEHOUSE_KEY"

Stop it with Ctrl-C.

MSG
exec "$build_dir/bin/gatehouse" --config "$config"
