#!/usr/bin/env bash
# Builds sdk/examples/hello_provider the way a third party would (against the SDK that
# `cmake --install --component sdk` produced, nothing else), then loads the result into
# the real gateway and asks it for a chat completion.
#
# usage: out_of_tree_test.sh <gatehouse build dir> <hello_provider source dir> [gatehouse binary]
# Without a gateway binary only the install-and-build half runs.
set -euo pipefail

build_dir=$1
example_dir=$2
gateway=${3:-}

work=$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-sdk-oot.XXXXXX")
gateway_pid=""

# kill -0 succeeds on a zombie, so look at the process state instead.
alive() {
  local state
  state=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
  [[ "$state" != Z* ]]
}

cleanup() {
  if [[ -n "$gateway_pid" ]] && alive "$gateway_pid"; then
    kill -TERM "$gateway_pid" 2>/dev/null || true
    for _ in $(seq 50); do alive "$gateway_pid" || break; sleep 0.1; done
    kill -KILL "$gateway_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  if [[ -f "$work/gateway.log" ]]; then
    echo "--- gateway log ---" >&2
    cat "$work/gateway.log" >&2
  fi
  exit 1
}

# --- 1. install the SDK alone --------------------------------------------------------
cmake --install "$build_dir" --prefix "$work/sdk" --component sdk > "$work/install.log" ||
  fail "cmake --install --component sdk failed: $(cat "$work/install.log")"
# The package files sit under lib/ or lib/<multiarch>/, as GNUInstallDirs chose.
package_dir=$(dirname "$(find "$work/sdk" -name GatehouseSDKConfig.cmake -print -quit)")
for file in include/gatehouse/plugin_abi.h include/gatehouse/plugin.hpp include/gatehouse/testing/fake_host.hpp \
            "${package_dir#"$work/sdk/"}"/{GatehouseSDKConfig,GatehouseSDKConfigVersion,GatehousePlugin,GatehouseSDKTargets}.cmake; do
  [[ -f "$work/sdk/$file" ]] || fail "the SDK install lacks $file"
done
[[ "$package_dir" == */cmake/GatehouseSDK ]] || fail "the SDK's CMake package is not in .../cmake/GatehouseSDK"
if grep -rlE '#include <(Poco|rapidjson|boost|cppconn|mysql)' "$work/sdk/include"; then
  fail "an installed SDK header includes a third-party library"
fi

# --- 2. build the example against it, warnings as errors ------------------------------
generator=()
if command -v ninja > /dev/null; then generator=(-G Ninja); fi
cmake -S "$example_dir" -B "$work/build" "${generator[@]}" \
      -DCMAKE_PREFIX_PATH="$work/sdk" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF \
      -DCMAKE_CXX_FLAGS="-Wall -Wextra -Wpedantic -Wshadow -Werror" > "$work/configure.log" 2>&1 ||
  fail "configuring the example failed: $(cat "$work/configure.log")"
grep -q "^GatehouseSDK_DIR:PATH=$work/sdk/" "$work/build/CMakeCache.txt" ||
  fail "find_package(GatehouseSDK) did not pick the freshly installed SDK"
cmake --build "$work/build" > "$work/build.log" 2>&1 || fail "building the example failed: $(cat "$work/build.log")"

plugin="$work/build/libgatehouse_provider_hello.so"
[[ -f "$plugin" ]] || fail "the build did not produce $plugin"
exported=$(nm -D --defined-only "$plugin" | awk '$2 == "T" { print $3 }')
[[ "$exported" == "gatehouse_plugin_descriptor" ]] ||
  fail "the plugin must export only gatehouse_plugin_descriptor, exports: $exported"
echo "out-of-tree build OK: $plugin"

if [[ -z "$gateway" ]]; then
  echo "no gatehouse binary given: the load-into-the-gateway half did not run"
  exit 0
fi
[[ -x "$gateway" ]] || fail "gatehouse binary $gateway is missing"

# --- 3. load it into the gateway -------------------------------------------------------
config="$work/gatehouse.json"
cat > "$config" <<JSON
{
  "log_level": "info",
  "server": { "host": "127.0.0.1", "port": 0, "threads": 2, "queue_size": 16, "shutdown_grace_seconds": 5 },
  "storage": { "driver": "sqlite", "sqlite": { "path": "$work/gatehouse.db" } },
  "plugins": [ { "name": "hello", "path": "$plugin", "config": {} } ],
  "providers": [
    {
      "name": "hello",
      "plugin": "hello",
      "config": { "greeting": "Greetings from out of tree!" },
      "models": [ { "name": "hello-model" } ]
    }
  ]
}
JSON

"$gateway" --check-config "$config" > "$work/check.log" 2>&1 ||
  fail "gatehouse --check-config exited $?: $(cat "$work/check.log")"

"$gateway" --config "$config" 2> "$work/gateway.log" &
gateway_pid=$!
port=""
for _ in $(seq 300); do
  port=$(grep -o 'listening on 127\.0\.0\.1:[0-9]\+' "$work/gateway.log" | head -n 1 | sed 's/.*://') || true
  [[ -n "$port" ]] && break
  alive "$gateway_pid" || fail "the gateway exited before listening"
  sleep 0.1
done
[[ -n "$port" ]] || fail "the gateway did not log 'listening on 127.0.0.1:<port>' within 30 s"

reply=$(curl -sS --max-time 10 -H 'Content-Type: application/json' \
             -d '{"model":"hello-model","messages":[{"role":"user","content":"ping"}]}' \
             "http://127.0.0.1:$port/v1/chat/completions") || fail "the chat completion request failed"
[[ "$reply" == *'"content":"Greetings from out of tree! ping"'* ]] || fail "unexpected reply: $reply"
[[ "$reply" == *'"object":"chat.completion"'* ]] || fail "reply is not a chat.completion: $reply"

stream=$(curl -sS -N --max-time 10 -H 'Content-Type: application/json' \
              -d '{"model":"hello-model","stream":true,"messages":[{"role":"user","content":"ping"}]}' \
              "http://127.0.0.1:$port/v1/chat/completions") || fail "the streamed request failed"
[[ "$stream" == *'"object":"chat.completion.chunk"'* && "$stream" == *'data: [DONE]'* ]] ||
  fail "unexpected stream: $stream"

kill -TERM "$gateway_pid"
status=""
for _ in $(seq 300); do
  if ! alive "$gateway_pid"; then
    wait "$gateway_pid" && status=0 || status=$?
    break
  fi
  sleep 0.1
done
[[ -n "$status" ]] || fail "the gateway did not exit within 30 s of SIGTERM"
gateway_pid=""
[[ "$status" == 0 ]] || fail "the gateway exited $status after SIGTERM, expected 0"
echo "the gateway loaded the out-of-tree plugin, answered with its greeting and exited 0"
