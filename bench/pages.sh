#!/usr/bin/env bash
# Page speed with 10,000 published documents, on SQLite, as production runs the site (ReadyToRun publish, Production):
# start-up to the first 200 of /healthz, then wrk on an article page, the news list (page 1), the home page and, as the
# physical reference in the same run and the same Kestrel process, a static file as big as the article's HTML; then the
# Delivery API: an item by id, the news children query and an events date-range filter, answered from its cache, and
# again after a restart with the cache off (MayorsClub:DeliveryApi:CacheSizeLimitMegabytes=0).
# Prints requests/s, p50 and p99 latency, the server's resident memory, the machine and the load, and the targets:
#   article faster than the static file · article p99 < 25 ms · resident memory after the runs < 300 MB · start to ready < 3 s;
#   API item by id ≥ 10,000 req/s · API children query and date-range filter ≥ 5,000 req/s with p99 < 20 ms uncached.
# The seeded database (bench/Seeder: 5,000 news, 3,000 events, 2,000 expert sessions, uk and en, through the real
# editor and publisher) is cached in bench/out/db/ under a hash of the seeder's inputs; each run works on a copy.
# Usage: bench/pages.sh        (PORT=5198 DURATION=20s CONNECTIONS=32 WARMUP=5s QUIET_WAIT=120 may be set;
#                               the environment reaches the site, so e.g. DOTNET_gcServer=0 bench/pages.sh tries workstation GC;
#                               DOCUMENTS=300 seeds a small site, only to check that the script runs)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-32}
WARMUP=${WARMUP:-5s}
STATIC_DIR=$ROOT/wwwroot/bench # the site serves the repository's top-level wwwroot/ (Program.cs: WebRootPath)
EXTRA_CLEANUP+=('rm -f "$STATIC_DIR/static.html"; rmdir "$STATIC_DIR" 2>/dev/null || true')

# --- 1. wrk, and the site built as production builds it ------------------------------------------------------------
ensure_wrk
started_run=$(now_ms)
LOAD_AT_START=$(loadavg)
echo "machine: $(machine); load average at start: $LOAD_AT_START"
build_site

# --- 2. the seeded database: cached under a hash of everything that decides its content ------------------------------
seeded_database

# --- 3. start the published site on a copy and time it to ready ------------------------------------------------------
wait_for_quiet
BUSY_BEFORE_START=$BUSY
echo "CPU busy with other work before the start: $BUSY_BEFORE_START%"
# wrk calls from one address: the Delivery API's limit per address is not what is measured.
API_SETTINGS=(MayorsClub__DeliveryApi__RequestsPerMinute=0)
start_site "${API_SETTINGS[@]}"

# --- 4. the URLs, taken from the running site ------------------------------------------------------------------------
status_of() { curl -s -o /dev/null -w '%{http_code}' "$BASE$1"; }
# An article from the middle of the news (from the sitemap: the news list is paged).
mapfile -t ARTICLES < <(curl -fsS "$BASE/sitemap.xml" | grep -oE "<loc>[^<]*/uk/novyny/[^<]+/</loc>" | sed -E 's#^<loc>https?://[^/]+##; s#</loc>$##')
if [ "${#ARTICLES[@]}" -lt 100 ]; then echo "the sitemap lists only ${#ARTICLES[@]} Ukrainian articles; expected thousands" >&2; exit 1; fi
ARTICLE=${ARTICLES[$(( ${#ARTICLES[@]} / 2 ))]}
mkdir -p "$STATIC_DIR"
curl -fsS -o "$STATIC_DIR/static.html" "$BASE$ARTICLE" # the article's own bytes: same size, served as a file
STATIC=/bench/static.html

NAMES=(article "news list p1" home "static file")
URLS=("$ARTICLE" /uk/novyny/ /uk/ "$STATIC")
BYTES=()
for url in "${URLS[@]}"; do
  code=$(status_of "$url")
  if [ "$code" != 200 ]; then echo "$url answered $code, not 200" >&2; exit 1; fi
  BYTES+=("$(curl -fsS "$BASE$url" | wc -c)")
done
echo "article: $ARTICLE (${#ARTICLES[@]} articles on the news list)"

# --- 5. measure -------------------------------------------------------------------------------------------------------
LOAD_BEFORE=$(loadavg)
echo "load average before the runs: $LOAD_BEFORE"

RPS=(); P50=(); P99=(); NOTES=(); OTHERS=()
for i in "${!URLS[@]}"; do
  url=${URLS[$i]}
  # Warm-up: tiered JIT recompiles hot ReadyToRun code, memoized lists fill, connections settle.
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "$BASE$url" >/dev/null
  wait_for_quiet
  measure "$BASE$url"
  if ! kill -0 "$SITE_PID" 2>/dev/null; then echo "the site exited during the run on $url; see $SITE_LOG" >&2; SITE_PID=; exit 1; fi
  result=$RESULT
  OTHERS+=("$OTHER")
  RPS+=("$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$result")")
  P50+=("$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$result")")")
  P99+=("$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$result")")")
  NOTES+=("$(grep -E 'Non-2xx|Socket errors' <<<"$result" | tr -s ' ' | paste -sd';' - || true)")
  printf '%-13s %-60s %8s req/s   p50 %7s ms   p99 %7s ms   other work %3s%%  %s\n' "${NAMES[$i]}" "$url" "${RPS[$i]}" "${P50[$i]}" "${P99[$i]}" "$OTHER" "${NOTES[$i]}"
done
RSS_AFTER=$(mem_mb VmRSS)
HWM_AFTER=$(mem_mb VmHWM)

# --- 5b. the Delivery API: cached, then (the site started again with the cache off) uncached ------------------------
API=/umbraco/delivery/api/v2
# An article's key from the news children query itself; the date range: this month and the two after it (the seeder
# dates events around the day of seeding).
NEWS_QUERY="$API/content?fetch=children:/novyny/&sort=createDate:desc&take=10"
FROM=$(date -u +%Y-%m-01); TO=$(date -u -d "$FROM +3 months" +%Y-%m-%d)
EVENTS_QUERY="$API/content?filter=eventStart%3E$FROM&filter=eventStart%3C$TO&sort=createDate:desc&take=10"
API_NAMES=(); API_URLS=(); API_BYTES=()
ITEM_ID=$(curl -fsS "$BASE$NEWS_QUERY" 2>/dev/null | python3 -c 'import json, sys; print(json.load(sys.stdin)["items"][0]["id"])' 2>/dev/null || true)
if [ -z "$ITEM_ID" ]; then
  echo "the Delivery API's content endpoints do not answer ($(status_of "$NEWS_QUERY") on $NEWS_QUERY): its rows are left out" >&2
else
  API_NAMES=("api item" "api children" "api events")
  API_URLS=("$API/content/item/$ITEM_ID" "$NEWS_QUERY" "$EVENTS_QUERY")
  for url in "${API_URLS[@]}"; do
    code=$(status_of "$url")
    if [ "$code" != 200 ]; then echo "$url answered $code, not 200" >&2; exit 1; fi
    API_BYTES+=("$(curl -fsS "$BASE$url" | wc -c)")
  done
fi

# Runs wrk on each API URL; appends to NAMES, URLS, BYTES, RPS, P50, P99, NOTES, OTHERS with the given suffix.
measure_api() {
  local suffix=$1 i url result
  for i in "${!API_URLS[@]}"; do
    url=${API_URLS[$i]}
    wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "$BASE$url" >/dev/null
    wait_for_quiet
    measure "$BASE$url"
    if ! kill -0 "$SITE_PID" 2>/dev/null; then echo "the site exited during the run on $url; see $SITE_LOG" >&2; SITE_PID=; exit 1; fi
    result=$RESULT
    NAMES+=("${API_NAMES[$i]} $suffix"); URLS+=("$url"); BYTES+=("${API_BYTES[$i]}"); OTHERS+=("$OTHER")
    RPS+=("$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$result")")
    P50+=("$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$result")")")
    P99+=("$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$result")")")
    NOTES+=("$(grep -E 'Non-2xx|Socket errors' <<<"$result" | tr -s ' ' | paste -sd';' - || true)")
    local n=$(( ${#NAMES[@]} - 1 ))
    printf '%-22s %-60s %8s req/s   p50 %7s ms   p99 %7s ms   other work %3s%%  %s\n' "${NAMES[$n]}" "$url" "${RPS[$n]}" "${P50[$n]}" "${P99[$n]}" "$OTHER" "${NOTES[$n]}"
  done
}

API_FIRST=${#NAMES[@]}
if [ ${#API_URLS[@]} -gt 0 ]; then
  [ "$(curl -fsS -o /dev/null -D - "$BASE${API_URLS[0]}" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-cache" {print $2}')" != "" ] \
    || echo "  note: the API's answers carry no X-Cache header: is its cache on?" >&2
  measure_api cached
  kill "$SITE_PID"; wait "$SITE_PID" 2>/dev/null || true; SITE_PID=; rm -rf "$DATA"; DATA=
  start_site "${API_SETTINGS[@]}" MayorsClub__DeliveryApi__CacheSizeLimitMegabytes=0
  measure_api uncached
fi
LOAD_AFTER=$(loadavg)

# --- 6. report --------------------------------------------------------------------------------------------------------
RATIO=$(awk -v a="${RPS[0]}" -v s="${RPS[3]}" 'BEGIN { printf "%.0f", (s > 0 ? 100 * a / s : 0) }')
echo
echo "== pages.sh: $DOC_COUNT published documents, SQLite, ReadyToRun, Production; wrk -t2 -c$CONNECTIONS -d$DURATION (warm-up $WARMUP each) =="
echo "machine: $(machine)"
echo "load average: at start $LOAD_AT_START; before the runs $LOAD_BEFORE; after $LOAD_AFTER"
echo "CPU busy with other work: $BUSY_BEFORE_START% before the site's start; during each run in the table (over 10%: that figure is disturbed)"
echo
printf '| %-21s | %-44s | %8s | %8s | %8s | %8s | %10s |\n' page URL bytes "req/s" "p50 ms" "p99 ms" "other CPU"
printf '|%s|%s|%s|%s|%s|%s|%s|\n' "-----------------------" "----------------------------------------------" "----------" "----------" "----------" "----------" "------------"
for i in "${!URLS[@]}"; do
  url=${URLS[$i]}; [ ${#url} -gt 44 ] && url="${url:0:41}..."
  printf '| %-21s | %-44s | %8s | %8s | %8s | %8s | %9s%% |\n' "${NAMES[$i]}" "$url" "${BYTES[$i]}" "${RPS[$i]}" "${P50[$i]}" "${P99[$i]}" "${OTHERS[$i]}"
done
echo
echo "start to ready:             $READY_MS ms"
echo "resident memory:            $RSS_READY MB at ready; after the runs VmRSS $RSS_AFTER MB, VmHWM (peak) $HWM_AFTER MB"
echo "article / static file:      $RATIO% of the static file's rate"
echo "seeding:                    ${SEED_SECONDS}$( [ "$SEED_SECONDS" = cached ] || echo " s" ); this run took $(( ($(now_ms) - started_run) / 1000 )) s"
echo
echo "targets:"
echo "  article faster than the static file:      $RATIO%            $(met "$(awk -v r="$RATIO" 'BEGIN { print (r >= 100) }')")"
echo "  article p99 < 25 ms:                       ${P99[0]} ms       $(met "$(awk -v p="${P99[0]}" 'BEGIN { print (p < 25) }')")"
echo "  resident memory < 300 MB (VmRSS after):    $RSS_AFTER MB          $(met "$(awk -v m="$RSS_AFTER" 'BEGIN { print (m < 300) }')")"
echo "  start to ready < 3 s:                      $READY_MS ms        $(met "$(awk -v s="$READY_MS" 'BEGIN { print (s < 3000) }')")"
if [ ${#API_URLS[@]} -gt 0 ]; then
  # Rows: API_FIRST+0..2 cached (item, children, events), API_FIRST+3..5 uncached.
  c=$API_FIRST; u=$(( API_FIRST + 3 ))
  echo "  API item by id ≥ 10,000 req/s:             cached ${RPS[$c]} $(met "$(awk -v r="${RPS[$c]}" 'BEGIN { print (r >= 10000) }')"), uncached ${RPS[$u]} $(met "$(awk -v r="${RPS[$u]}" 'BEGIN { print (r >= 10000) }')")"
  for k in 1 2; do
    echo "  ${API_NAMES[$k]} ≥ 5,000 req/s, p99 < 20 ms uncached: ${RPS[$((u + k))]} req/s, p99 ${P99[$((u + k))]} ms (cached ${RPS[$((c + k))]} req/s)   $(met "$(awk -v r="${RPS[$((u + k))]}" -v p="${P99[$((u + k))]}" 'BEGIN { print (r >= 5000 && p < 20) }')")"
  done
fi
