#!/usr/bin/env bash
# The end-to-end load harness (docs/performance.md, "Gateway"): builds Release, starts the mock
# upstream, a private MariaDB and three gatehouses in front of the mock on free loopback ports,
# and measures direct-to-mock against through-the-gateway in the same run:
#   a) to e)  the gateway without auth, usage to SQLite ("passthrough")
#   f)        the full pipeline: api_key auth, per-key rate limits, usage to SQLite
#   g)        the same with usage (and keys) in MySQL (the MariaDB started for the run)
# Stops what it started, by pid (MariaDB through scripts/test-services/mariadb.sh stop).
#   benchmarks/load/run.sh [build dir]         (default: <repo>/build-load)
# Environment:
#   DURATION=8       seconds per wrk run          STREAMS=2000  concurrent streaming clients
#   PIN=1            gateways on CPU 0; mock, MariaDB, wrk and node on CPU 1 (PIN=0: no pinning)
#   SOAK_SECONDS=0   >0: afterwards, 16 connections through the full-pipeline gateway for that
#                    long; RSS, usage spool and database size every 30 s
#   SOAK_GATEWAY=f   which gateway the soak loads: f (SQLite) or g (MySQL)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
here="$root/benchmarks/load"
build_dir=${1:-$root/build-load}
duration=${DURATION:-8}
streams=${STREAMS:-2000}
soak=${SOAK_SECONDS:-0}
soak_gateway=${SOAK_GATEWAY:-f}
[[ $soak_gateway == f || $soak_gateway == g ]] || { echo "run.sh: SOAK_GATEWAY must be f or g" >&2; exit 2; }
mariadb="$root/scripts/test-services/mariadb.sh"

if ! command -v wrk >/dev/null || ! command -v node >/dev/null ||
  ! { command -v mariadbd || [[ -x /usr/sbin/mariadbd ]]; } >/dev/null; then
  "$root/scripts/install-deps.sh" --test
fi

# Warnings are not errors here: GCC 12 at -O3 reports false positives the CI build (-O2) does not.
if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
  cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
build_dir=$(cd "$build_dir" && pwd) # the gateways run from their own folders
cmake --build "$build_dir" -j"$(nproc)" --target gatehouse gatehouse_mock_upstream \
  gatehouse_provider_openai gatehouse_provider_anthropic gatehouse_auth_api_key >/dev/null
echo "build: $build_dir ($(grep -m1 '^CMAKE_BUILD_TYPE' "$build_dir/CMakeCache.txt" | cut -d= -f2))"

# 2,000 streams through the gateway need ~4,000 descriptors in it and 2,000 in the client.
ulimit -n "$(ulimit -Hn)"

gateway_cpu=() client_cpu=()
if [[ "${PIN:-1}" == 1 && $(nproc) -ge 2 ]]; then
  gateway_cpu=(taskset -c 0) client_cpu=(taskset -c 1)
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-load.XXXXXX")
started_pids=()
mariadb_started=0
cleanup() {
  for pid in "${started_pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${started_pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  # After the gateways, so none of them sees its store vanish mid-request.
  if ((mariadb_started)); then "$mariadb" stop "$work/mariadb" || true; fi
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

# write_config NAME STORAGE_JSON [PLUGIN_JSON]: $work/NAME/gatehouse.json. Every gateway has the
# same server settings, providers and models; they differ in storage and in the auth plugin.
write_config() {
  local dir="$work/$1"
  mkdir -p "$dir"
  cat >"$dir/gatehouse.json" <<JSON
{
  "log_level": "warn",
  "server": {"host": "127.0.0.1", "port": 0, "threads": 2100, "queue_size": 8192,
             "max_keep_alive_requests": 0, "keep_alive_timeout_seconds": 60},
  "storage": $2,
  "usage": {"spool_path": "$dir/usage.spool"},
  "upstream": {"max_connections_per_host": 4096},
  "plugins": [
    {"name": "openai", "path": "libgatehouse_provider_openai.so"},
    {"name": "anthropic", "path": "libgatehouse_provider_anthropic.so"}${3:+,
    $3}
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
}

# start_gateway NAME: runs $work/NAME's gateway on the gateway CPU; sets gateway_pids[NAME] and
# gateway_urls[NAME].
declare -A gateway_pids gateway_urls
start_gateway() {
  local dir="$work/$1" port
  (cd "$dir" && exec "${gateway_cpu[@]}" "$build_dir/bin/gatehouse" --config "$dir/gatehouse.json" \
    --plugin-dir "$build_dir/plugins" >"$dir/gateway.out" 2>"$dir/gateway.err") &
  started_pids+=($!)
  gateway_pids[$1]=$!
  port=$(await_line "$dir/gateway.err" 'listening on' | sed -E 's/.*:([0-9]+).*/\1/')
  gateway_urls[$1]="http://127.0.0.1:$port"
}

field() { node -e 'console.log(JSON.parse(process.argv[1])[process.argv[2]])' "$1" "$2"; }

# provision_keys NAME, before its gateway starts: an admin key made straight on the store by
# `gatehouse admin create-key` (as an operator bootstraps). Its secret stays in this shell.
declare -A admin_keys load_keys load_key_ids
provision_admin_key() {
  admin_keys[$1]=$("$build_dir/bin/gatehouse" admin create-key --name load-admin \
    --config "$work/$1/gatehouse.json" 2>"$work/$1/create-key.err") ||
    { echo "run.sh: create-key for $1 failed:" >&2; cat "$work/$1/create-key.err" >&2; exit 1; }
}
# provision_load_key NAME, once its gateway runs: the key the load uses, made through the admin
# API with limits so high that the limiter counts every request but never refuses one
# (16 connections reach ~1M requests and ~300M tokens a minute at most here).
provision_load_key() {
  local answer
  answer=$(curl -s -w '\n%{http_code}' -X POST "${gateway_urls[$1]}/admin/keys" \
    -H "authorization: Bearer ${admin_keys[$1]}" -H 'content-type: application/json' \
    -d '{"name":"load","limits":{"requests_per_minute":10000000,"tokens_per_minute":10000000000}}')
  if [[ ${answer##*$'\n'} != 201 ]]; then
    echo "run.sh: POST /admin/keys on $1 answered ${answer##*$'\n'}" >&2
    exit 1
  fi
  load_keys[$1]=$(field "${answer%$'\n'*}" key)
  load_key_ids[$1]=$(field "${answer%$'\n'*}" id)
}

# The private MariaDB stands for a database server on another machine: it runs on the client
# CPU, so the gateway's core carries only the gateway. Same server options as the store
# benchmark (benchmarks/store/run.sh): default durability, every commit flushed.
mariadb_started=1
mysql_port=$("${client_cpu[@]}" "$mariadb" start "$work/mariadb" --innodb-buffer-pool-size=512M)

write_config a "{\"driver\": \"sqlite\", \"sqlite\": {\"path\": \"$work/a/gatehouse.db\"}}"
api_key_plugin='{"name": "api_key", "path": "libgatehouse_auth_api_key.so", "config": {}}'
write_config f "{\"driver\": \"sqlite\", \"sqlite\": {\"path\": \"$work/f/gatehouse.db\"}}" \
  "$api_key_plugin"
write_config g "{\"driver\": \"mysql\", \"mysql\": {\"host\": \"127.0.0.1\", \"port\": $mysql_port,
    \"database\": \"gatehouse\", \"user\": \"gatehouse\", \"password\": \"file:$work/mariadb/password\"}}" \
  "$api_key_plugin"
provision_admin_key f
provision_admin_key g
for name in a f g; do start_gateway "$name"; done
provision_load_key f
provision_load_key g
gateway_pid=${gateway_pids[a]}
gateway=${gateway_urls[a]}
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
# The full-pipeline gateways refuse a request without a key, and the rate limiter runs on the
# load key (it reports the key's limit), so f) and g) measure auth and limits, not a bypass.
for name in f g; do
  status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "${gateway_urls[$name]}/v1/chat/completions" \
    -H 'content-type: application/json' -d "$(chat gpt-4o false)")
  [[ $status == 401 ]] || { echo "run.sh: $name answered $status without a key" >&2; exit 1; }
  check "${gateway_urls[$name]}/v1/chat/completions" "$(chat gpt-4o false)" \
    -H "authorization: Bearer ${load_keys[$name]}" -D "$work/$name/check.headers"
  grep -qi '^x-ratelimit-limit-requests: 10000000' "$work/$name/check.headers" ||
    { echo "run.sh: $name's answer carries no requests limit" >&2; exit 1; }
done

# measure KEY LABEL URL CONNECTIONS BODY [HEADERS]: one wrk run; fills rps, p50, p99,
# requests [KEY].
declare -A rps p50 p99 requests
results="$work/results.txt"
# await_idle: waits (at most 120 s) until every gateway has finished the background work an
# earlier run left (the usage writer storing its backlog, at niceness 19 on the gateways' core):
# under 3 % of a core over one second. So each run starts from idle gateways and does not pay
# for the previous one.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
busy_ticks() {
  local pid total=0
  for pid in "${gateway_pids[@]}"; do total=$((total + $(cpu_ticks "$pid"))); done
  echo "$total"
}
await_idle() {
  local before tick_hz
  tick_hz=$(getconf CLK_TCK)
  for _ in $(seq 120); do
    before=$(busy_ticks)
    sleep 1
    (($(busy_ticks) - before < tick_hz * 3 / 100 + 1)) && return 0
  done
  echo "run.sh: the gateways were still busy after 120 s; measuring anyway" >&2
}
measure() {
  local line
  await_idle
  line=$(WRK_BODY="$5" WRK_HEADERS="${6:-}" "${client_cpu[@]}" wrk -t1 -c"$4" -d"${duration}s" \
    --timeout 10s -s "$here/chat.lua" "$3" | grep '^RESULT')
  [[ $line =~ requests=([0-9]+)\ rps=([0-9.]+)\ p50_us=([0-9.]+)\ p99_us=([0-9.]+).*errors=([0-9]+) ]] ||
    { echo "run.sh: wrk printed no result for $2" >&2; exit 1; }
  requests[$1]=${BASH_REMATCH[1]} rps[$1]=${BASH_REMATCH[2]} p50[$1]=${BASH_REMATCH[3]}
  p99[$1]=${BASH_REMATCH[4]}
  printf '%-34s %10s %10s %10s %7s\n' "$2" "${rps[$1]}" "${p50[$1]}" "${p99[$1]}" "${BASH_REMATCH[5]}" |
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

# a) at one connection once more, with the gateway (all its threads) moved onto the core of the
# client and the mock: then no hand-off crosses cores, as in the direct run, and what remains
# is the gateway's own cost. bench_wakeup (benchmarks/machine) measures a cross-core wake-up.
if ((${#gateway_cpu[@]})); then
  taskset -a -p -c 1 "$gateway_pid" >/dev/null
  measure a1s "a) passthrough 1c gateway, same core" "$gateway_chat" 1 "$plain"
  taskset -a -p -c 0 "$gateway_pid" >/dev/null
fi

# f) and g): a)'s traffic through the full pipeline. The passthrough is measured once more just
# before, so a drift of the shared machine between a) and f) shows.
measure a1g2 "a) passthrough 1c gateway, again" "$gateway_chat" 1 "$plain"
measure a16g2 "a) passthrough 16c gateway, again" "$gateway_chat" 16 "$plain"
for name in f g; do
  label="$name) auth+$( [[ $name == f ]] && echo SQLite || echo MySQL)"
  measure "${name}1g" "$label 1c gateway" "${gateway_urls[$name]}/v1/chat/completions" 1 "$plain" \
    "authorization: Bearer ${load_keys[$name]}"
  measure "${name}16g" "$label 16c gateway" "${gateway_urls[$name]}/v1/chat/completions" 16 "$plain" \
    "authorization: Bearer ${load_keys[$name]}"
done

# recorded_requests NAME: requests the store holds for NAME's load key, from the hourly rollups
# GET /admin/usage reads (the usage writer updates them in the transaction that stores the events).
usage_from=$(($(date +%s) - 7200))
recorded_requests() {
  local answer
  answer=$(curl -s "${gateway_urls[$1]}/admin/usage?key_id=${load_key_ids[$1]}&from=$usage_from" \
    -H "authorization: Bearer ${admin_keys[$1]}")
  node -e 'const d = JSON.parse(process.argv[1]).data; console.log(d.length ? d[0].requests : 0)' "$answer"
}
# await_usage NAME SENT SECONDS: waits until the store holds at least SENT requests of NAME's
# load key (wrk does not count the requests still in flight when it stops, so the store may hold
# up to 16 more per run); prints what it found and when.
await_usage() {
  local found waited
  for ((waited = 0; ; waited++)); do
    found=$(recorded_requests "$1")
    if ((found >= $2)); then
      echo "$found recorded for $2 counted by the clients, ${waited} s after the load"
      return 0
    fi
    if ((waited >= $3)); then
      echo "only $found recorded for $2 counted by the clients after ${waited} s"
      return 0
    fi
    sleep 1
  done
}
# One check request plus the two wrk runs per gateway.
usage_f=$(await_usage f $((1 + requests[f1g] + requests[f16g])) 120)
usage_g=$(await_usage g $((1 + requests[g1g] + requests[g16g])) 120)

stream_clients() {
  STREAM_HEADERS="${STREAM_HEADERS:-}" "${client_cpu[@]}" node "$here/stream_clients.mjs" "$@" |
    sed -n 's/^RESULT //p'
}
ttft_direct=$(STREAM_HEADERS="$openai_headers" stream_clients ttft "$direct_chat" "$stream_direct" 1000)
ttft_gateway=$(stream_clients ttft "$gateway_chat" "$stream_gateway" 1000)

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
$( [[ -n ${p50[a1s]:-} ]] && echo "a) added latency at 1 connection, gateway on the client's core: \
p50 $(minus "${p50[a1s]}" "${p50[a1d]}") µs, p99 $(minus "${p99[a1s]}" "${p99[a1d]}") µs")
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
f) full pipeline (api_key auth, rate limits, usage to SQLite), 1 conn, added over passthrough: \
p50 $(minus "${p50[f1g]}" "${p50[a1g]}") µs, p99 $(minus "${p99[f1g]}" "${p99[a1g]}") µs \
(against the passthrough measured again just before: p50 $(minus "${p50[f1g]}" "${p50[a1g2]}") µs, \
p99 $(minus "${p99[f1g]}" "${p99[a1g2]}") µs)
f) full pipeline / passthrough (16 conn): $(ratio "${rps[f16g]}" "${rps[a16g]}") \
($(ratio "${rps[f16g]}" "${rps[a16g2]}") against the passthrough measured again just before)
f) usage to SQLite: $usage_f
g) full pipeline (usage and keys in MySQL), 1 conn, added over passthrough: \
p50 $(minus "${p50[g1g]}" "${p50[a1g]}") µs, p99 $(minus "${p99[g1g]}" "${p99[a1g]}") µs \
(against the passthrough measured again just before: p50 $(minus "${p50[g1g]}" "${p50[a1g2]}") µs, \
p99 $(minus "${p99[g1g]}" "${p99[a1g2]}") µs)
g) full pipeline (MySQL) / passthrough (16 conn): $(ratio "${rps[g16g]}" "${rps[a16g]}") \
($(ratio "${rps[g16g]}" "${rps[a16g2]}") against the passthrough measured again just before)
g) usage to MySQL: $usage_g
f, g) RSS 2 s after their load: $(($(rss_kb "${gateway_pids[f]}") / 1024)) MiB (SQLite), \
$(($(rss_kb "${gateway_pids[g]}") / 1024)) MiB (MySQL)
REPORT

if ((soak > 0)); then
  name=$soak_gateway
  soak_pid=${gateway_pids[$name]}
  # bytes_of PATTERN...: total size of the files that exist.
  bytes_of() { find "$@" -maxdepth 0 -printf '%s\n' 2>/dev/null | awk '{ t += $1 } END { print t + 0 }'; }
  mib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
  sample() {
    local spool database
    spool=$(bytes_of "$work/$name"/usage.spool*)
    if [[ $name == f ]]; then
      database="SQLite $(mib "$(bytes_of "$work/f"/gatehouse.db*)") MiB"
    else
      database="MariaDB data dir $(mib "$(du -sb "$work/mariadb/data" | cut -f1)") MiB"
    fi
    echo "rss $(($(rss_kb "$soak_pid") / 1024)) MiB, spool $(mib "$spool") MiB, $database"
  }
  recorded_before=$(recorded_requests "$name")
  echo "soak: 16 connections through gateway $name (full pipeline) for ${soak}s; every 30 s:"
  WRK_BODY="$plain" WRK_HEADERS="authorization: Bearer ${load_keys[$name]}" "${client_cpu[@]}" \
    wrk -t1 -c16 -d"${soak}s" --timeout 10s -s "$here/chat.lua" \
    "${gateway_urls[$name]}/v1/chat/completions" >"$work/soak.out" &
  wrk_pid=$!
  started_pids+=("$wrk_pid")
  for ((t = 0; t < soak; t += 30)); do
    echo "  t=${t}s $(sample)"
    sleep 30
  done
  wait "$wrk_pid" || true
  soak_result=$(grep '^RESULT' "$work/soak.out")
  echo "  end $(sample)"
  echo "  $soak_result"
  [[ $soak_result =~ requests=([0-9]+) ]]
  echo "  usage: $(await_usage "$name" $((recorded_before + BASH_REMATCH[1])) 900)"
  echo "  drained: $(sample)"
fi
