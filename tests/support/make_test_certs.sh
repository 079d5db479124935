#!/usr/bin/env bash
# Writes a throwaway PKI for TLS tests into DIR: a CA (ca.pem), a server certificate for
# 127.0.0.1/localhost signed by it (server.pem, server.key), a second server key+cert for pin
# tests (other.pem, other.key), and the SHA-256 public-key pins of both (server.pin, other.pin).
# Certificates a client must refuse: wronghost.pem (another host name, same CA), expired.pem
# (same CA and host, no longer valid) and selfsigned.pem (the right host, signed by itself).
# Usage: make_test_certs.sh DIR
set -euo pipefail
dir="$1"
cd "$dir"
quiet() { "$@" >/dev/null 2>&1; }

quiet openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
    -subj "/CN=selfcare test CA" -keyout ca.key -out ca.pem \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"

issue() {  # name [days]
    quiet openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=$1" \
        -keyout "$1.key" -out "$1.csr"
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' > "$1.ext"
    quiet openssl x509 -req -in "$1.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -days "${2:-2}" \
        -extfile "$1.ext" -out "$1.pem"
    printf 'sha256//%s' "$(openssl x509 -in "$1.pem" -pubkey -noout | openssl pkey -pubin -outform der \
        | openssl dgst -sha256 -binary | openssl base64 -A)" > "$1.pin"
    rm -f "$1.csr" "$1.ext"
}
issue server
issue other
# Valid until a day before it was issued: expired whatever the clock says.
issue expired -1

# The right host name, but vouched for by nobody but itself.
quiet openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj "/CN=127.0.0.1" \
    -keyout selfsigned.key -out selfsigned.pem \
    -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" -addext "extendedKeyUsage=serverAuth"

# A certificate for another host name, signed by the same CA (host verification must fail).
quiet openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=wrong-host" \
    -keyout wronghost.key -out wronghost.csr
printf 'subjectAltName=DNS:wrong-host.example\n' > wronghost.ext
quiet openssl x509 -req -in wronghost.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
    -extfile wronghost.ext -out wronghost.pem
rm -f wronghost.csr wronghost.ext
