#!/usr/bin/env bash
# Applications' benchmark, as production runs the site (ReadyToRun publish, Production), on a new demo database:
#   1. accepted membership applications per second through the public form (POST /uk/applications/membership with
#      its antiforgery token and start time from /forms/token): each one validated, given its reference number, stored
#      with its history row and its two e-mails queued in one transaction, answered 303 to the confirmation page — on
#      SQLite and on PostgreSQL (a throwaway cluster with the server's default durability: fsync on). The rate limit and
#      the minimum fill time are lifted for the run; the e-mail dispatcher runs as usual (no SMTP host: .eml files).
#      The rows in the database are counted after each run: "stored/s" is what was really kept.
#   2. the membership page with its form against a news article, both from the page cache (SQLite): requests/s.
# Targets (issue 12): ≥ 200 stored submissions per second on either database; the form page ≥ 80 % of the article's rate.
# Usage: bench/applications.sh   (PORT=5198 DURATION=20s CONNECTIONS=16 WARMUP=3s QUIET_WAIT=120; DRY_RUN=1: 2 s runs)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
DRY_RUN=${DRY_RUN:-0}
if [ "$DRY_RUN" = 1 ]; then DURATION=${DURATION:-2s}; WARMUP=${WARMUP:-1s}; CONNECTIONS=${CONNECTIONS:-4}; QUIET_WAIT=0; fi
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-16}
WARMUP=${WARMUP:-3s}
WORK=$(mktemp -d "$OUT/applications.XXXXXX")
PG_DIR=
EXTRA_CLEANUP+=('stop_postgres; rm -rf "$WORK"')

as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5,5n | tail -n1 || true)
start_postgres() {
  PG_DIR=$(mktemp -d /tmp/mayorsclub-bench-pg.XXXXXX)
  [ "$(id -u)" -ne 0 ] || chown postgres: "$PG_DIR"
  PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=200" \
    -l "$PG_DIR/log" -w start >/dev/null
}
stop_postgres() {
  [ -z "$PG_DIR" ] || { as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$PG_DIR"; PG_DIR=; }
}
stop_site() {
  [ -z "$SITE_PID" ] || { kill "$SITE_PID"; wait "$SITE_PID" 2>/dev/null || true; SITE_PID=; }
  [ -z "$DATA" ] || { rm -rf "$DATA"; DATA=; }
}
count_applications() { # $1: sqlite|postgresql
  if [ "$1" = sqlite ]; then
    python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from Applications").fetchone()[0])' "$DATA/mayorsclub.sqlite.db"
  else
    as_pg psql -h "$PG_DIR" -p "$PG_PORT" -U postgres -d mayorsclub -tAc 'select count(*) from "Applications"'
  fi
}

ensure_wrk
command -v jq >/dev/null || { echo "jq is missing (apt-get install jq)" >&2; exit 1; }
[ -n "$PG_BIN" ] || { echo "PostgreSQL is missing (apt-get install postgresql)" >&2; exit 1; }
echo "machine: $(machine); load average at start: $(loadavg)"
build_site
DB_CACHE=/dev/null # a new database each time: the site seeds the demo content

run_wrk() { # $1 url, $2 lua script or "" → sets OUT_TEXT, RPS, REQUESTS
  local script=(); [ -z "$2" ] || script=(-s "$2")
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "${script[@]}" "$BASE$1" >/dev/null
  wait_for_quiet
  OUT_TEXT=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "${script[@]}" "$BASE$1")
  if grep -q "Non-2xx or 3xx responses" <<<"$OUT_TEXT"; then echo "$1: some answers were not 2xx or 3xx:" >&2; echo "$OUT_TEXT" >&2; exit 1; fi
  RPS=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$OUT_TEXT")
  REQUESTS=$(awk '/requests in/ {print $1}' <<<"$OUT_TEXT")
}

declare -A STORED_RATE P99_SUBMIT
PAGE_RPS=; ARTICLE_RPS=
for provider in sqlite postgresql; do
  settings=(MayorsClub__Applications__SubmissionsPerWindow=100000000 MayorsClub__Applications__MinimumFillSeconds=0)
  if [ "$provider" = postgresql ]; then
    start_postgres
    settings+=(MayorsClub__Database__Provider=PostgreSQL
      "ConnectionStrings__Default=Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres;Database=mayorsclub;Maximum Pool Size=64")
  fi
  wait_for_quiet
  start_site "${settings[@]}"

  # The membership page: the one whose form posts to /uk/applications/membership; an article: a news item.
  urls=$(curl -fsS "$BASE/sitemap.xml" | grep -oE '<loc>[^<]+</loc>' | sed -E 's#</?loc>##g; s#^https?://[^/]+##')
  FORM_PAGE=; ARTICLE=
  for url in $urls; do
    case "$url" in /uk/*) ;; *) continue ;; esac
    if [ -z "$FORM_PAGE" ] && curl -fsS "$BASE$url" | grep -q 'action="/uk/applications/membership"'; then FORM_PAGE=$url; fi
    if [ -z "$ARTICLE" ] && curl -fsS "$BASE$url" | grep -q 'class="[^"]*article'; then
      case "$url" in */novyny/?*) ARTICLE=$url ;; esac
    fi
  done
  [ -n "$FORM_PAGE" ] || { echo "no page carries the membership form" >&2; exit 1; }
  echo "[$provider] membership page: $FORM_PAGE; article: ${ARTICLE:-none found}"

  # A token and a start time, as forms.js gets them; the same ones serve every submission of the run.
  jar=$WORK/jar-$provider
  tokens=$(curl -fsS -c "$jar" "$BASE/forms/token")
  antiforgery=$(awk '$6 ~ /^\.AspNetCore\.Antiforgery\./ { print $6 "=" $7 }' "$jar" | head -1)
  body=$(jq -rn --argjson t "$tokens" '[
      ["fullName", "Олена Бенчмарк"], ["position", "currentMayor"], ["community", "Тестова територіальна громада"],
      ["region", "UA-32"], ["email", "bench.applicant@example.org"], ["phone", "+380 44 123 45 67"],
      ["website", "https://example.org"], ["motivation", "Хочемо обмінюватися досвідом відбудови шкіл і укриттів."],
      ["consent", "true"], ["_started", $t.started], ["__RequestVerificationToken", $t.token]]
    | map("\(.[0] | @uri)=\(.[1] | @uri)") | join("&")')
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $antiforgery" -H 'Content-Type: application/x-www-form-urlencoded' \
    --data "$body" "$BASE/uk/applications/membership")
  [ "$code" = 303 ] || { echo "[$provider] a submission answered $code, not 303 (see $SITE_LOG)" >&2; exit 1; }
  cat >"$WORK/submit.lua" <<LUA
wrk.method = "POST"
wrk.body = "$body"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "$antiforgery"
LUA
  before=$(count_applications "$provider")
  run_wrk /uk/applications/membership "$WORK/submit.lua"
  after=$(count_applications "$provider")
  seconds=$(awk -v d="$DURATION" 'BEGIN { print d + 0 }')
  warmup=$(awk -v d="$WARMUP" 'BEGIN { print d + 0 }')
  # The count includes the warm-up's rows: take the measured run's requests, checked against what was stored.
  stored_total=$(( after - before ))
  [ "$stored_total" -ge "$REQUESTS" ] || { echo "[$provider] $REQUESTS answered but only $stored_total stored" >&2; exit 1; }
  STORED_RATE[$provider]=$(awk -v n="$REQUESTS" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }')
  P99_SUBMIT[$provider]=$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$OUT_TEXT")")
  echo "[$provider] $REQUESTS submissions answered 303 in $DURATION, $stored_total rows added (warm-up of $warmup s included); outbox: e-mails queued with each"

  if [ "$provider" = sqlite ]; then
    run_wrk "$FORM_PAGE" ""; PAGE_RPS=$RPS; PAGE_P99=$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$OUT_TEXT")")
    if [ -n "$ARTICLE" ]; then run_wrk "$ARTICLE" ""; ARTICLE_RPS=$RPS; ARTICLE_P99=$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$OUT_TEXT")"); fi
  fi
  echo "[$provider] load average after the runs: $(loadavg); resident memory: $(mem_mb VmRSS) MB"
  stop_site
  stop_postgres
done

echo
printf '%-44s %12s %10s\n' "" "per second" "p99 ms"
printf '%-44s %12s %10s\n' "membership applications stored (SQLite)" "${STORED_RATE[sqlite]}" "${P99_SUBMIT[sqlite]}"
printf '%-44s %12s %10s\n' "membership applications stored (PostgreSQL)" "${STORED_RATE[postgresql]}" "${P99_SUBMIT[postgresql]}"
printf '%-44s %12s %10s\n' "membership page with its form (cached)" "$PAGE_RPS" "$PAGE_P99"
printf '%-44s %12s %10s\n' "news article (cached)" "${ARTICLE_RPS:-?}" "${ARTICLE_P99:-?}"
echo
for provider in sqlite postgresql; do
  echo "≥ 200 stored submissions/s on $provider: ${STORED_RATE[$provider]} — $(met "$(( STORED_RATE[$provider] >= 200 ? 1 : 0 ))")"
done
if [ -n "$ARTICLE_RPS" ]; then
  share=$(awk -v a="$PAGE_RPS" -v b="$ARTICLE_RPS" 'BEGIN { printf "%.0f", (b > 0 ? 100 * a / b : 0) }')
  echo "form page ≥ 80 % of the article page's rate: $share % — $(met "$(( share >= 80 ? 1 : 0 ))")"
fi
echo "load average at the end: $(loadavg)"
[ "$DRY_RUN" != 1 ] || echo "(dry run: the figures above check the script, not the site)"
