#!/usr/bin/env bash
# Page speed with 10,000 published documents, on SQLite, as production runs the site (ReadyToRun publish, Production):
# start-up to the first 200 of /healthz, then wrk on an article page, the news list (page 1), the home page and, as the
# physical reference in the same run and the same Kestrel process, a static file as big as the article's HTML.
# Prints requests/s, p50 and p99 latency, the server's resident memory, the machine and the load, and the targets:
#   article faster than the static file · article p99 < 25 ms · resident memory after the runs < 300 MB · start to ready < 3 s.
# The seeded database (bench/Seeder: 5,000 news, 3,000 events, 2,000 expert sessions, uk and en, through the real
# editor and publisher) is cached in bench/out/db/ under a hash of the seeder's inputs; each run works on a copy.
# Usage: bench/pages.sh        (PORT=5198 DURATION=20s CONNECTIONS=32 WARMUP=5s QUIET_WAIT=120 may be set;
#                               the environment reaches the site, so e.g. DOTNET_gcServer=0 bench/pages.sh tries workstation GC)
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
start_site

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
LOAD_AFTER=$(loadavg)

# --- 6. report --------------------------------------------------------------------------------------------------------
RATIO=$(awk -v a="${RPS[0]}" -v s="${RPS[3]}" 'BEGIN { printf "%.0f", (s > 0 ? 100 * a / s : 0) }')
echo
echo "== pages.sh: $DOC_COUNT published documents, SQLite, ReadyToRun, Production; wrk -t2 -c$CONNECTIONS -d$DURATION (warm-up $WARMUP each) =="
echo "machine: $(machine)"
echo "load average: at start $LOAD_AT_START; before the runs $LOAD_BEFORE; after $LOAD_AFTER"
echo "CPU busy with other work: $BUSY_BEFORE_START% before the site's start; during each run in the table (over 10%: that figure is disturbed)"
echo
printf '| %-12s | %-44s | %8s | %8s | %8s | %8s | %10s |\n' page URL bytes "req/s" "p50 ms" "p99 ms" "other CPU"
printf '|%s|%s|%s|%s|%s|%s|%s|\n' "--------------" "----------------------------------------------" "----------" "----------" "----------" "----------" "------------"
for i in "${!URLS[@]}"; do
  url=${URLS[$i]}; [ ${#url} -gt 44 ] && url="${url:0:41}..."
  printf '| %-12s | %-44s | %8s | %8s | %8s | %8s | %9s%% |\n' "${NAMES[$i]}" "$url" "${BYTES[$i]}" "${RPS[$i]}" "${P50[$i]}" "${P99[$i]}" "${OTHERS[$i]}"
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
