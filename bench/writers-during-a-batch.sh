#!/bin/bash
# How long a single signed-in submission waits while another user's large batch is being stored: the
# store holds the audit chain's lock only to link a batch's entries, not while it words and writes them.
# Loopback only, bounded: one batch, and single submissions one after another until it is answered.
#
# Usage: bench/writers-during-a-batch.sh [JAR_DIR] [PORT]      (from the repository's root)
#   JAR_DIR  holds policy-evaluator.jar and lib/ (default: target); PORT default 18081
# It writes 6,000 synthetic applications to a workbook, starts `serve` on a fresh H2 store in a temporary
# folder, submits the workbook as the admin and, meanwhile, one application at a time as another account.
set -euo pipefail
JAR_DIR=$(cd "${1:-target}" && pwd)
PORT=${2:-18081}
SAMPLE=$(pwd)/samples/green-textile-factory.json
WORK=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$WORK"' EXIT
cd "$WORK"
java -jar "$JAR_DIR/policy-evaluator.jar" bench --applications 6000 --write-workbook batch.xlsx >/dev/null
PE_ADMIN_USER=admin PE_ADMIN_PASSWORD=admin-password-123 java -jar "$JAR_DIR/policy-evaluator.jar" serve \
    --server.port="$PORT" >server.log 2>&1 &
SERVER=$!
URL=http://127.0.0.1:$PORT
for _ in $(seq 1 60); do curl -s -o /dev/null "$URL/api/programs" && break; sleep 1; done
curl -s -o /dev/null -u admin:admin-password-123 -H 'Content-Type: application/json' \
    -d '{"username":"single","password":"single-password-9","role":"APPLICANT","programs":[]}' "$URL/api/users"
single() {
    curl -s -o /dev/null -w "%{http_code} %{time_total}\n" -u single:single-password-9 \
        -H 'Content-Type: application/json' --data-binary @"$SAMPLE" "$URL/api/evaluations?suggestions=false"
}
single >/dev/null # warm
curl -s -o /dev/null -w "batch of 6000: %{http_code} in %{time_total} s\n" -u admin:admin-password-123 \
    -F "file=@batch.xlsx" "$URL/api/evaluations?suggestions=false" >batch.txt &
BATCH=$!
: >singles.txt
while kill -0 $BATCH 2>/dev/null; do single >>singles.txt; done
cat batch.txt
awk '{n++; s+=$2; if ($2 > m) m = $2; c[$1]++}
     END {printf "single submissions meanwhile: %d, mean %.3f s, longest %.3f s; statuses:", n, s / n, m;
          for (k in c) printf " %s x %d", k, c[k]; print ""}' singles.txt
