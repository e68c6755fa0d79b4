#!/usr/bin/env bash
# Writes throwaway TLS material for tests into OUT_DIR (never committed):
#   ca.pem, ca.key           a self-signed test CA
#   server.pem, server.key   a server certificate from that CA for IP 127.0.0.1 and DNS localhost
#   other-ca.pem             an unrelated CA, for "wrong trust anchor" tests
# Keys are ECDSA P-256: quick to make and cheap to handshake in load tests.
set -euo pipefail
out=${1:?usage: make_test_certs.sh OUT_DIR}
mkdir -p "$out"
work=$(mktemp -d "$out/.make_test_certs.XXXXXX")
trap 'rm -rf "$work"' EXIT

ca() { # name, subject
  openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
    -keyout "$work/$1.key" -out "$work/$1.pem" -days 825 -subj "$2" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
}
ca ca "/CN=Gatehouse Test CA"
ca other-ca "/CN=Gatehouse Unrelated Test CA"

openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
  -keyout "$work/server.key" -out "$work/server.csr" -subj "/CN=localhost" 2>/dev/null
cat > "$work/server.ext" <<EXT
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=IP:127.0.0.1,DNS:localhost
EXT
openssl x509 -req -in "$work/server.csr" -CA "$work/ca.pem" -CAkey "$work/ca.key" -CAcreateserial \
  -out "$work/server.pem" -days 825 -extfile "$work/server.ext" 2>/dev/null
openssl verify -CAfile "$work/ca.pem" "$work/server.pem" >/dev/null

chmod 600 "$work"/*.key
# Move into place last, so an interrupted run never leaves a half-made set behind.
for f in ca.key ca.pem other-ca.pem server.key server.pem; do
  mv -f "$work/$f" "$out/$f"
done
