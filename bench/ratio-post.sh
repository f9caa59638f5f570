#!/usr/bin/env bash
# The consultation (a POST, a new act each time) against the bare page with its audit
# write, in one run, as ../shared/bench/ratio.sh does for a GET page (whose baseline binary
# it reuses: run ratio.sh once first).
#
#   bench/ratio-post.sh URL COOKIE CSRF
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
URL=${1:?usage: ratio-post.sh URL COOKIE CSRF}; COOKIE=${2:?cookie}; export CSRF=${3:?csrf}
DB=${BASELINE_DATABASE_URL:-${DATABASE_URL:?set BASELINE_DATABASE_URL or DATABASE_URL}}
BIN=${BASELINE_TARGET:-/tmp/mandat-bench-baseline-target}/release/baseline
PORT=${BASELINE_PORT:-18500}
DATABASE_URL=$DB BIND=127.0.0.1:$PORT "$BIN" >/tmp/mandat-bench-baseline.log 2>&1 &
bpid=$!
trap 'kill $bpid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/fortunes" 2>/dev/null && break; sleep 0.2; done
run() { wrk -t2 -c64 -d"${BENCH_S:-10}"s --latency "$@" 2>&1; }
B="http://127.0.0.1:$PORT/fortunes-audit"
run "$B" >/dev/null
b1=$(run "$B"); p=$(run -s "$HERE/consult-post.lua" -H "Cookie: $COOKIE" "$URL"); b2=$(run "$B")
rps() { awk '/Requests\/sec/ {print $2}'; }
lat() { awk -v q="$1" '$1==q {print $2}'; }
non2xx() { awk '/Non-2xx/ {print $4}'; }
BR=$(printf '%s\n%s\n' "$(echo "$b1" | rps)" "$(echo "$b2" | rps)" | awk '{s+=$1} END {printf "%.0f", s/NR}')
PR=$(echo "$p" | rps)
echo "baseline/fortunes-audit: ${BR} req/s, p50 $(echo "$b1" | lat 50%), p99 $(echo "$b1" | lat 99%)"
echo "page POST $URL: ${PR} req/s, p50 $(echo "$p" | lat 50%), p99 $(echo "$p" | lat 99%), non-2xx $(echo "$p" | non2xx)"
awk -v p="$PR" -v b="$BR" 'BEGIN {printf "ratio=%.3f\n", p/b}'
