#!/usr/bin/env bash
# The end-to-end load harness (docs/performance.md, "Gateway"): builds Release, starts the mock
# upstream and a gatehouse in front of it on free loopback ports, and measures direct-to-mock
# against through-the-gateway in the same run. Stops what it started, by pid.
#   benchmarks/load/run.sh [build dir]         (default: <repo>/build-load)
# Environment:
#   DURATION=8       seconds per wrk run          STREAMS=2000  concurrent streaming clients
#   PIN=1            gateway on CPU 0; mock, wrk and node on CPU 1 (PIN=0: no pinning)
#   SOAK_SECONDS=0   >0: afterwards, 16 connections through the gateway for that long, RSS every 30 s
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
here="$root/benchmarks/load"
build_dir=${1:-$root/build-load}
duration=${DURATION:-8}
streams=${STREAMS:-2000}
soak=${SOAK_SECONDS:-0}

if ! command -v wrk >/dev/null || ! command -v node >/dev/null; then
  "$root/scripts/install-deps.sh" --test
fi

# Warnings are not errors here: GCC 12 at -O3 reports false positives the CI build (-O2) does not.
if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
  cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build_dir" -j"$(nproc)" --target gatehouse gatehouse_mock_upstream \
  gatehouse_provider_openai gatehouse_provider_anthropic >/dev/null
echo "build: $build_dir ($(grep -m1 '^CMAKE_BUILD_TYPE' "$build_dir/CMakeCache.txt" | cut -d= -f2))"

# 2,000 streams through the gateway need ~4,000 descriptors in it and 2,000 in the client.
ulimit -n "$(ulimit -Hn)"

gateway_cpu=() client_cpu=()
if [[ "${PIN:-1}" == 1 && $(nproc) -ge 2 ]]; then
  gateway_cpu=(taskset -c 0) client_cpu=(taskset -c 1)
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-load.XXXXXX")
started_pids=()
cleanup() {
  for pid in "${started_pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${started_pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

# Waits (at most 10 s) for a line matching $2 in file $1 and prints it.
await_line() {
  for _ in $(seq 100); do
    if grep -m1 -E "$2" "$1" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "run.sh: no '$2' in $1:" >&2
  cat "$1" >&2
  return 1
}

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }

"${client_cpu[@]}" "$build_dir/bin/gatehouse_mock_upstream" --host 127.0.0.1 --port 0 --no-record \
  >"$work/mock.out" 2>"$work/mock.err" &
started_pids+=($!)
mock_port=$(await_line "$work/mock.out" 'listening on' | sed -E 's/.*:([0-9]+).*/\1/')
mock="http://127.0.0.1:$mock_port"

export GATEHOUSE_LOAD_KEY="sk-load-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
cat >"$work/gatehouse.json" <<JSON
{
  "log_level": "warn",
  "server": {"host": "127.0.0.1", "port": 0, "threads": 2100, "queue_size": 8192,
             "max_keep_alive_requests": 0, "keep_alive_timeout_seconds": 60},
  "storage": {"driver": "sqlite", "sqlite": {"path": "$work/gatehouse.db"}},
  "usage": {"spool_path": "$work/usage.spool"},
  "upstream": {"max_connections_per_host": 4096},
  "plugins": [
    {"name": "openai", "path": "libgatehouse_provider_openai.so"},
    {"name": "anthropic", "path": "libgatehouse_provider_anthropic.so"}
  ],
  "providers": [
    {"name": "openai", "plugin": "openai",
     "config": {"base_url": "$mock/v1", "api_key": "env:GATEHOUSE_LOAD_KEY"},
     "models": [
       {"name": "gpt-4o"},
       {"name": "stream-20", "upstream_model": "mock-chunks-20/gpt-4o"},
       {"name": "stream-drip", "upstream_model": "mock-drip-250+chunks-20/gpt-4o"}]},
    {"name": "anthropic", "plugin": "anthropic",
     "config": {"base_url": "$mock", "api_key": "env:GATEHOUSE_LOAD_KEY"},
     "models": [{"name": "claude", "upstream_model": "claude-sonnet-4-5"}]}
  ]
}
JSON
(cd "$work" && exec "${gateway_cpu[@]}" "$build_dir/bin/gatehouse" --config "$work/gatehouse.json" \
  --plugin-dir "$build_dir/plugins" >"$work/gateway.out" 2>"$work/gateway.err") &
started_pids+=($!)
gateway_pid=${started_pids[-1]}
gateway_port=$(await_line "$work/gateway.err" 'listening on' | sed -E 's/.*:([0-9]+).*/\1/')
gateway="http://127.0.0.1:$gateway_port"
sleep 1
idle_rss_start=$(rss_kb "$gateway_pid")

system_prompt='You are a helpful assistant for the finance team. Answer briefly.'
question='What is the travel reimbursement limit for a one-night stay in Paris?'
messages="\"messages\":[{\"role\":\"system\",\"content\":\"$system_prompt\"},"
messages+="{\"role\":\"user\",\"content\":\"$question\"}]"
chat() { echo "{\"model\":\"$1\",\"stream\":$2,\"max_tokens\":256,$messages}"; }
anthropic_body="{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":256,\"system\":\"$system_prompt\","
anthropic_body+="\"messages\":[{\"role\":\"user\",\"content\":\"$question\"}]}"
openai_headers="authorization: Bearer $GATEHOUSE_LOAD_KEY"
anthropic_headers="x-api-key: $GATEHOUSE_LOAD_KEY|anthropic-version: 2023-06-01"
direct_chat="$mock/v1/chat/completions"
gateway_chat="$gateway/v1/chat/completions"

# Every route answers 200 before anything is measured.
check() {
  local status
  status=$(curl -s -o "$work/check.out" -w '%{http_code}' -X POST "$1" -H 'content-type: application/json' \
    "${@:3}" -d "$2")
  if [[ "$status" != 200 ]]; then
    echo "run.sh: $1 answered $status: $(head -c 300 "$work/check.out")" >&2
    exit 1
  fi
}
check "$direct_chat" "$(chat gpt-4o false)" -H "authorization: Bearer $GATEHOUSE_LOAD_KEY"
check "$gateway_chat" "$(chat gpt-4o false)"
check "$gateway_chat" "$(chat claude false)"
check "$gateway_chat" "$(chat stream-20 true)"
check "$mock/v1/messages" "$anthropic_body" -H "x-api-key: $GATEHOUSE_LOAD_KEY" \
  -H 'anthropic-version: 2023-06-01'

# measure KEY LABEL URL CONNECTIONS BODY [HEADERS]: one wrk run; fills rps, p50, p99 [KEY].
declare -A rps p50 p99
results="$work/results.txt"
measure() {
  local line
  line=$(WRK_BODY="$5" WRK_HEADERS="${6:-}" "${client_cpu[@]}" wrk -t1 -c"$4" -d"${duration}s" \
    --timeout 10s -s "$here/chat.lua" "$3" | grep '^RESULT')
  [[ $line =~ rps=([0-9.]+)\ p50_us=([0-9.]+)\ p99_us=([0-9.]+).*errors=([0-9]+) ]] ||
    { echo "run.sh: wrk printed no result for $2" >&2; exit 1; }
  rps[$1]=${BASH_REMATCH[1]} p50[$1]=${BASH_REMATCH[2]} p99[$1]=${BASH_REMATCH[3]}
  printf '%-34s %10s %10s %10s %7s\n' "$2" "${rps[$1]}" "${p50[$1]}" "${p99[$1]}" "${BASH_REMATCH[4]}" |
    tee -a "$results"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
minus() { awk -v a="$1" -v b="$2" -v d="${3:-1}" 'BEGIN { printf "%.1f", (a - b) / d }'; }

printf '%-34s %10s %10s %10s %7s\n' scenario 'req/s' 'p50 µs' 'p99 µs' errors | tee "$results"
plain=$(chat gpt-4o false)
measure a1d "a) passthrough 1c direct" "$direct_chat" 1 "$plain" "$openai_headers"
measure a1g "a) passthrough 1c gateway" "$gateway_chat" 1 "$plain"
measure a16d "a) passthrough 16c direct" "$direct_chat" 16 "$plain" "$openai_headers"
measure a16g "a) passthrough 16c gateway" "$gateway_chat" 16 "$plain"
measure b16d "b) anthropic 16c direct" "$mock/v1/messages" 16 "$anthropic_body" "$anthropic_headers"
measure b16g "b) anthropic 16c gateway" "$gateway_chat" 16 "$(chat claude false)"
stream_direct=$(chat mock-chunks-20/gpt-4o true)
stream_gateway=$(chat stream-20 true)
measure c1d "c) stream-20 1c direct" "$direct_chat" 1 "$stream_direct" "$openai_headers"
measure c1g "c) stream-20 1c gateway" "$gateway_chat" 1 "$stream_gateway"
measure c16d "c) stream-20 16c direct" "$direct_chat" 16 "$stream_direct" "$openai_headers"
measure c16g "c) stream-20 16c gateway" "$gateway_chat" 16 "$stream_gateway"

stream_clients() {
  STREAM_HEADERS="${STREAM_HEADERS:-}" "${client_cpu[@]}" node "$here/stream_clients.mjs" "$@" |
    sed -n 's/^RESULT //p'
}
ttft_direct=$(STREAM_HEADERS="$openai_headers" stream_clients ttft "$direct_chat" "$stream_direct" 1000)
ttft_gateway=$(stream_clients ttft "$gateway_chat" "$stream_gateway" 1000)
field() { node -e 'console.log(JSON.parse(process.argv[1])[process.argv[2]])' "$1" "$2"; }

# 20 events 250 ms apart: every stream stays open ~5.5 s, so all of them overlap. A first
# byte or a gap later than 1.25 s is a stall; nothing may take longer than 60 s.
many_direct=$(STREAM_HEADERS="$openai_headers" stream_clients concurrent "$direct_chat" \
  "$(chat mock-drip-250+chunks-20/gpt-4o true)" "$streams" "${started_pids[0]}" 1250 60000)
many_gateway=$(stream_clients concurrent "$gateway_chat" "$(chat stream-drip true)" "$streams" \
  "$gateway_pid" 1250 60000)
sleep 2
idle_rss_after=$(rss_kb "$gateway_pid")

ttft_p50=$(minus "$(field "$ttft_gateway" ttft_p50_us)" "$(field "$ttft_direct" ttft_p50_us)")
ttft_p99=$(minus "$(field "$ttft_gateway" ttft_p99_us)" "$(field "$ttft_direct" ttft_p99_us)")
cat <<REPORT | tee -a "$results"

a) added latency at 1 connection: p50 $(minus "${p50[a1g]}" "${p50[a1d]}") µs, \
p99 $(minus "${p99[a1g]}" "${p99[a1d]}") µs
a) throughput at 16 connections: gateway / direct = $(ratio "${rps[a16g]}" "${rps[a16d]}")
b) translated / passthrough through the gateway (16 conn): $(ratio "${rps[b16g]}" "${rps[a16g]}") req/s
c) 20-chunk stream, 1 conn: $(minus "${p50[c1g]}" "${p50[c1d]}") µs more per stream at p50 \
($(minus "${p50[c1g]}" "${p50[c1d]}" 23) µs per event: role, 20 pieces, finish, [DONE])
c) 20-chunk streams at 16 conn: gateway / direct = $(ratio "${rps[c16g]}" "${rps[c16d]}")
c) time to first byte, 1000 sequential streams, direct:  $ttft_direct
c) time to first byte, 1000 sequential streams, gateway: $ttft_gateway
c) TTFT overhead: p50 $ttft_p50 µs, p99 $ttft_p99 µs
d) $streams concurrent streams (20 chunks, 250 ms apart), direct: $many_direct
d) $streams concurrent streams through the gateway: $many_gateway
e) gateway RSS: $((idle_rss_start / 1024)) MiB idle at start, \
$((idle_rss_after / 1024)) MiB 2 s after the load
REPORT

if ((soak > 0)); then
  echo "soak: 16 connections through the gateway for ${soak}s; RSS (MiB) every 30 s:"
  WRK_BODY="$plain" "${client_cpu[@]}" wrk -t1 -c16 -d"${soak}s" -s "$here/chat.lua" "$gateway_chat" \
    >"$work/soak.out" &
  wrk_pid=$!
  started_pids+=($wrk_pid)
  for ((t = 0; t < soak; t += 30)); do
    echo "  t=${t}s $(($(rss_kb "$gateway_pid") / 1024))"
    sleep 30
  done
  wait "$wrk_pid" || true
  echo "  end $(($(rss_kb "$gateway_pid") / 1024)); $(grep '^RESULT' "$work/soak.out")"
fi
