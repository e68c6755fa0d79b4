#!/usr/bin/env bash
# Installs the Debian 12 packages Gatehouse needs that are not installed yet.
#   scripts/install-deps.sh           build + run dependencies
#   scripts/install-deps.sh --test    also what the test suite and benchmarks need
# Safe to run again: it asks apt only for what is missing.
set -euo pipefail

build_packages=(
  build-essential cmake ninja-build pkg-config ca-certificates curl
  libpoco-dev libboost-dev libboost-filesystem-dev rapidjson-dev
  libmysqlcppconn-dev libsqlite3-dev libssl-dev
)
test_packages=(
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  mariadb-server mariadb-client python3 procps wrk
)

packages=("${build_packages[@]}")
if [[ "${1:-}" == "--test" ]]; then
  packages+=("${test_packages[@]}")
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

# The official-client tests run on Node.js with npm. Machines that ship their own Node.js
# (with npm inside) keep it; otherwise Debian's packages provide both.
if [[ "${1:-}" == "--test" ]] && ! command -v npm >/dev/null 2>&1; then
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  missing+=(npm)
fi

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

as_root=()
if [[ $(id -u) -ne 0 ]]; then
  as_root=(sudo)
fi
echo "install-deps: installing ${missing[*]}"
"${as_root[@]}" apt-get update -q
# The mariadb-server package would start a system-wide server; tests start their own
# private one, so keep the package from starting the service where policy allows.
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
