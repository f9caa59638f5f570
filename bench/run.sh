#!/usr/bin/env bash
# The pages a company and a citizen live in, at 10 000 and at 10 000 000 requests, against
# the bare stack (../shared/bench/ratio.sh), in one run per size.
#
#   bench/run.sh                      # sizes 10000 and 10000000 (the second takes long)
#   SIZES="10000 200000" bench/run.sh # other sizes
#   BENCH_S=5 RATIO=/path/to/ratio.sh bench/run.sh
#   BENCH_PURGE=0 bench/run.sh        # a new database is not purged before the pages
#
# For each size: a database mandat_bench_<size> (kept: a second run reuses it; drop it to
# generate again), migrated and generated with `mandat dev generate --requests N
# --consultations 5N --companies N/100` (one large company, Resto Pokébowl, holds a tenth);
# the release server on 127.0.0.1:18400 against it; Jan Peeters (Resto Pokébowl) and Maria
# Abara (a citizen) signed in through the demo identity provider; then ratio.sh on the
# company's Active accesses tab (whole page, then the htmx fragment) and the citizen's
# portal home; bench/ratio-post.sh on a consultation ("Consult now" on one of Jan's active
# mandates, a new act each time) against the bare page with its audit write; last, the
# server's peak memory (VmHWM). Needs DATABASE_URL (a server where it may create those
# databases) and wrk (installed by ratio.sh when run as root).
set -euo pipefail
ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd -- "$ROOT"
# ../shared/bench/ratio.sh from the repository (../../shared from a worktree under wt/).
if [ -z "${RATIO:-}" ]; then
  RATIO=$ROOT/../shared/bench/ratio.sh
  [ -x "$RATIO" ] || RATIO=$ROOT/../../shared/bench/ratio.sh
fi
SIZES=${SIZES:-10000 10000000}
PORT=${BENCH_PORT:-18400}
ADMIN_URL=${DATABASE_URL:?set DATABASE_URL (a PostgreSQL server the bench may create databases on)}
[ -x "$RATIO" ] || { echo "no ratio.sh at $RATIO (set RATIO)" >&2; exit 1; }
cargo build --release --quiet
BIN="$ROOT/target/release/mandat"
with_db() { echo "${ADMIN_URL%/*}/$1"; }
export MANDAT_MODE=development
for n in $SIZES; do
  db="mandat_bench_$n"
  url=$(with_db "$db")
  if ! psql "$ADMIN_URL" -Atqc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
    psql "$ADMIN_URL" -qc "CREATE DATABASE $db"
    companies=$(( n / 100 > 1 ? n / 100 : 1 ))
    echo "== generating $n requests, $(( n * 5 )) consultations, $companies companies"
    DATABASE_URL=$url "$BIN" dev generate --requests "$n" --consultations $(( n * 5 )) \
      --companies "$companies" 2>&1 | grep -v ' INFO '
    # BENCH_PURGE=0 leaves it (at ten million requests it takes long).
    [ "${BENCH_PURGE:-1}" = 0 ] && continue_purge=0 || continue_purge=1
    # The purge's benchmark at this size (the generated requests archived more than 90
    # days ago still hold their personal data); done here so that the server's own jobs
    # find nothing to purge while the pages are measured.
    if [ "$continue_purge" = 1 ]; then
      started=$(date +%s.%N)
      purged=$(DATABASE_URL=$url MANDAT_LOG_FORMAT=json "$BIN" jobs run-once purge 2>&1)
      printf '%s\n' "$purged" | grep -o '"requests_erased[^}]*' || true
      echo "== purge: $(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}') s"
    fi
  fi
  # An unpurged database: the server's own purge job is off while the pages are measured.
  purge_job=()
  [ "${BENCH_PURGE:-1}" = 0 ] && purge_job=(MANDAT_JOB_PURGE_SECONDS=)
  env "${purge_job[@]}" DATABASE_URL=$url MANDAT_BIND=127.0.0.1:$PORT MANDAT_LOG_FORMAT=${MANDAT_LOG_FORMAT:-json} \
    "$BIN" serve >"/tmp/mandat-bench-$n.log" 2>&1 &
  spid=$!
  trap 'kill $spid 2>/dev/null || true' EXIT
  for _ in $(seq 1 100); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/sign-in" 2>/dev/null && break; sleep 0.2; done
  # A signed-in session cookie (mandat_session=...) for the demo person $1.
  session() {
    local jar; jar=$(mktemp)
    local page; page=$(curl -fsS -c "$jar" -b "$jar" "http://127.0.0.1:$PORT/sign-in")
    local csrf; csrf=$(printf '%s' "$page" | sed -n 's/.*name="csrf-token" content="\([^"]*\)".*/\1/p' | head -1)
    curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf=$csrf" \
      --data-urlencode "niss=$1" --data-urlencode "next=/" "http://127.0.0.1:$PORT/sign-in/demo"
    awk '$6 == "mandat_session" {print $6 "=" $7}' "$jar"
    rm -f "$jar"
  }
  jan=$(session 85073003328)
  maria=$(session 90051402426)
  echo "== $n requests ($(date -u +%FT%TZ), $(nproc) cores, $(uname -r))"
  for page in "company tab (page)|/company/tabs/active|$jan|" \
              "company tab (htmx)|/company/tabs/active|$jan|HX-Request: true" \
              "citizen home|/me|$maria|"; do
    IFS='|' read -r name path cookie header <<<"$page"
    echo "-- $name"
    if [ -n "$header" ]; then
      DATABASE_URL=$url "$RATIO" "http://127.0.0.1:$PORT$path" "$cookie" "$header"
    else
      DATABASE_URL=$url "$RATIO" "http://127.0.0.1:$PORT$path" "$cookie"
    fi
  done
  # "Consult now" on one of Jan's active mandates, with the CSRF token of his session.
  tab=$(curl -fsS -b "$jan" "http://127.0.0.1:$PORT/company/tabs/active")
  mandate=$(printf '%s' "$tab" | grep -o '/company/mandates/[0-9a-f-]*' | head -1)
  csrf=$(printf '%s' "$tab" | sed -n 's/.*name="csrf-token" content="\([^"]*\)".*/\1/p' | head -1)
  echo "-- consultation (POST $mandate)"
  DATABASE_URL=$url "$ROOT/bench/ratio-post.sh" "http://127.0.0.1:$PORT$mandate" "$jan" "$csrf"
  echo "-- server memory: $(grep -E 'VmHWM|VmRSS' /proc/$spid/status | tr -s ' \n' ' ')"
  kill $spid 2>/dev/null || true
  wait $spid 2>/dev/null || true
done
