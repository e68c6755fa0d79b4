#!/usr/bin/env bash
# A private MariaDB for tests and benchmarks: its own data directory, socket and loopback port,
# real authentication, never the system service.
#   mariadb.sh start <dir> [extra mariadbd options...]
#       First start: creates <dir>/data, picks a free port, creates database `gatehouse` and user
#       `gatehouse` (password in <dir>/password) allowed on every database named gatehouse*.
#       Later starts reuse the data, the port and the options, so stop + start is a restart.
#       Writes <dir>/port and <dir>/pid and prints the port.
#   mariadb.sh stop <dir>      stops exactly the server whose pid is in <dir>/pid and waits for it.
#   mariadb.sh status <dir>    exits 0 when that server answers.
set -euo pipefail

command=${1:-}
dir=${2:-}
if [[ -z "$command" || -z "$dir" ]]; then
  echo "usage: $0 start|stop|status <dir> [mariadbd options...]" >&2
  exit 2
fi
shift 2

find_binary() {
  local name
  for name in "$@"; do
    if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return 0; fi
    if [[ -x "/usr/sbin/$name" ]]; then echo "/usr/sbin/$name"; return 0; fi
  done
  echo "mariadb.sh: none of $* found (install mariadb-server)" >&2
  return 1
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

client() {
  "$client_bin" --no-defaults --protocol=socket --socket="$dir/mysqld.sock" -uroot "$@"
}

# True when the pid file names a live server of THIS data folder (a stale file's pid may have
# been reused by an unrelated process).
server_alive() {
  [[ -f "$dir/pid" ]] || return 1
  local pid
  pid=$(cat "$dir/pid")
  kill -0 "$pid" 2>/dev/null &&
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "--datadir=$dir/data"
}

wait_until_answering() {
  local i
  for ((i = 0; i < 300; i++)); do
    if client -e 'SELECT 1' >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$1" 2>/dev/null; then
      echo "mariadb.sh: server exited during start; last lines of $dir/error.log:" >&2
      tail -n 20 "$dir/error.log" >&2 || true
      return 1
    fi
    sleep 0.1
  done
  echo "mariadb.sh: server did not answer within 30 s" >&2
  return 1
}

start() {
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  server_bin=$(find_binary mariadbd mysqld)
  client_bin=$(find_binary mariadb mysql)
  if server_alive; then
    echo "mariadb.sh: already running with pid $(cat "$dir/pid")" >&2
    cat "$dir/port"
    return 0
  fi
  local first_start=0
  if [[ ! -d "$dir/data/mysql" ]]; then
    first_start=1
    rm -rf "$dir/data"
    local install_bin
    # A private tmpdir: servers bootstrapping side by side must not share /tmp's
    # temporary tables (seen failing with "Unknown table 'mysql.tmp_user_sys'").
    mkdir -p "$dir/tmp"
    install_bin=$(find_binary mariadb-install-db mysql_install_db)
    "$install_bin" --no-defaults --datadir="$dir/data" --user="$(id -un)" \
      --auth-root-authentication-method=normal --skip-test-db --tmpdir="$dir/tmp" >"$dir/install.log" 2>&1 || {
      echo "mariadb.sh: mariadb-install-db failed; see $dir/install.log" >&2
      tail -n 20 "$dir/install.log" >&2
      return 1
    }
    free_port >"$dir/port"
    printf '%s\n' "$@" >"$dir/options"
    # Random per data directory; tests read it through the store's file: secret reference.
    python3 -c 'import secrets; print(secrets.token_hex(16))' >"$dir/password"
    chmod 600 "$dir/password"
  fi
  local port options=()
  port=$(cat "$dir/port")
  if [[ -s "$dir/options" ]]; then mapfile -t options <"$dir/options"; fi
  mkdir -p "$dir/tmp"
  "$server_bin" --no-defaults --datadir="$dir/data" --tmpdir="$dir/tmp" --socket="$dir/mysqld.sock" \
    --pid-file="$dir/mysqld.pid" --log-error="$dir/error.log" --user="$(id -un)" \
    --bind-address=127.0.0.1 --port="$port" --skip-name-resolve --character-set-server=utf8mb4 \
    --collation-server=utf8mb4_bin --max-connections=500 "${options[@]}" </dev/null >/dev/null 2>&1 &
  local pid=$!
  echo "$pid" >"$dir/pid"
  wait_until_answering "$pid"
  if ((first_start)); then
    local password
    password=$(cat "$dir/password")
    client <<SQL
CREATE DATABASE IF NOT EXISTS gatehouse CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER IF NOT EXISTS 'gatehouse'@'127.0.0.1' IDENTIFIED BY '$password';
CREATE USER IF NOT EXISTS 'gatehouse'@'localhost' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON \`gatehouse%\`.* TO 'gatehouse'@'127.0.0.1';
GRANT ALL PRIVILEGES ON \`gatehouse%\`.* TO 'gatehouse'@'localhost';
FLUSH PRIVILEGES;
SQL
  fi
  echo "$port"
}

stop() {
  if [[ ! -f "$dir/pid" ]]; then
    echo "mariadb.sh: no pid file in $dir; nothing to stop" >&2
    return 0
  fi
  local pid
  pid=$(cat "$dir/pid")
  if server_alive; then
    kill -TERM "$pid"
    local i
    for ((i = 0; i < 600; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "mariadb.sh: pid $pid still alive after 60 s; killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$dir/pid"
}

status() {
  client_bin=$(find_binary mariadb mysql)
  server_alive && client -e 'SELECT 1' >/dev/null 2>&1
}

case "$command" in
  start) start "$@" ;;
  stop) stop ;;
  status) status ;;
  *) echo "mariadb.sh: unknown command $command" >&2; exit 2 ;;
esac
