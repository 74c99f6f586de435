#!/bin/sh
# Throwaway PKI for test_tls, made fresh in the directory given (P-256 keys,
# valid two days, nothing reused between runs):
#   ca.pem         the CA the client trusts
#   other_ca.pem   a CA nobody's certificate chains to ("wrong CA")
#   localhost.pem  + .key   server certificate for localhost, signed by ca
#   other.pem      + .key   server certificate for other.example, signed by ca
# Usage: make_certs.sh DIR
set -eu
dir=${1:?usage: make_certs.sh DIR}
cd "$dir"

cat > pki.cnf <<'CNF'
[req]
distinguished_name = dn
prompt = no
[dn]
CN = unused
[ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[leaf_localhost]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost
[leaf_other]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:other.example
CNF

newkey="-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes"

make_ca() { # name subject
    openssl req -config pki.cnf -x509 -new $newkey -keyout "$1.key" -out "$1.pem" \
        -days 2 -subj "$2" -extensions ca
}

make_leaf() { # name subject extensions serial
    openssl req -config pki.cnf -new $newkey -keyout "$1.key" -out "$1.csr" -subj "$2"
    openssl x509 -req -in "$1.csr" -CA ca.pem -CAkey ca.key -set_serial "$4" \
        -days 2 -extfile pki.cnf -extensions "$3" -out "$1.pem"
}

make_ca ca "/CN=oarc test CA"
make_ca other_ca "/CN=oarc other CA"
make_leaf localhost "/CN=localhost" leaf_localhost 1001
make_leaf other "/CN=other.example" leaf_other 1002
