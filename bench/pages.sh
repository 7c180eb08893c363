#!/usr/bin/env bash
# Page speed with 10,000 published documents, on SQLite, as production runs the site (ReadyToRun publish, Production):
# start-up to the first 200 of /healthz, then wrk on an article page, the news list (page 1), the home page and, as the
# physical reference in the same run and the same Kestrel process, a static file as big as the article's HTML.
# Prints requests/s, p50 and p99 latency, the server's resident memory, the machine and the load, and the targets:
#   article ≥ 50% of the static file's rate · article p99 < 25 ms · resident memory < 400 MB · start to ready < 5 s.
# The seeded database (bench/Seeder: 5,000 news, 3,000 events, 2,000 expert sessions, uk and en, through the real
# editor and publisher) is cached in bench/out/db/ under a hash of the seeder's inputs; each run works on a copy.
# Usage: bench/pages.sh        (PORT=5198 DURATION=20s CONNECTIONS=32 WARMUP=5s QUIET_WAIT=120 may be set;
#                               the environment reaches the site, so e.g. DOTNET_gcServer=0 bench/pages.sh tries workstation GC)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

PORT=${PORT:-5198}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-32}
WARMUP=${WARMUP:-5s}
QUIET_WAIT=${QUIET_WAIT:-120}
DOCUMENTS=10000
OUT=$ROOT/bench/out
BASE=http://127.0.0.1:$PORT
STATIC_DIR=$ROOT/wwwroot/bench # the site serves the repository's top-level wwwroot/ (Program.cs: WebRootPath)
mkdir -p "$OUT"

now_ms() { date +%s%3N; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# Runs a build step quietly; on failure shows the end of its output.
quietly() {
  local log=$1; shift
  if ! "$@" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "failed: $* (full output in $log)" >&2
    exit 1
  fi
}

# --- 1. wrk, and the site built as production builds it ------------------------------------------------------------
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing wrk…"
    quietly "$OUT/apt.log" sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk'
  else
    echo "wrk is missing: install the Debian package 'wrk' (sudo apt-get install wrk) and run again." >&2
    exit 1
  fi
fi

started_run=$(now_ms)
LOAD_AT_START=$(loadavg)
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -m), .NET SDK $(dotnet --version); load average at start: $LOAD_AT_START"

t=$(now_ms)
quietly "$OUT/publish.log" dotnet publish MayorsClub.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$OUT/r2r" -nologo
echo "published (ReadyToRun) in $(( ($(now_ms) - t) / 1000 )) s"

# --- 2. the seeded database: cached under a hash of everything that decides its content ------------------------------
# (The demo content's dates are relative to the day of seeding; an older cache only shifts those 10 demo events.)
seed_key=$(
  {
    # What writes the database: the schema (migrations), the content rules and publisher, the seeder and the demo content.
    # (The snapshot and the site only read it, so changing them keeps the cache.)
    find MayorsClub.Core/Content MayorsClub.Core/Persistence MayorsClub.Core/Setup/DemoContentSeeder.cs MayorsClub.Core/Publishing/DocumentPublisher.cs \
      bench/Seeder umbraco/demo -type f -not -path '*/bin/*' -not -path '*/obj/*' | LC_ALL=C sort | xargs sha256sum
    sha256sum Directory.Build.props Directory.Packages.props global.json
    echo "documents=$DOCUMENTS"
  } | sha256sum | cut -c1-16
)
DB_CACHE=$OUT/db/$seed_key/mayorsclub.sqlite.db
SEED_SECONDS=cached
if [ ! -f "$DB_CACHE" ]; then
  echo "seeding a new database ($DOCUMENTS documents; cache key $seed_key)…"
  t=$(now_ms)
  quietly "$OUT/seeder-build.log" dotnet build bench/Seeder -c Release -o "$OUT/seeder" -nologo
  rm -rf "$OUT/db/$seed_key.partial"
  # The seeder prints its progress; tee keeps it for later.
  dotnet "$OUT/seeder/Seeder.dll" "$OUT/db/$seed_key.partial" "$ROOT" "$DOCUMENTS" 2>&1 | tee "$OUT/seeder.log" | grep -v '^info:' | sed 's/^/  /'
  # Only a complete database becomes the cache (an interrupted seeding leaves .partial behind, removed next time).
  mkdir -p "$OUT/db/$seed_key"
  mv "$OUT/db/$seed_key.partial/mayorsclub.sqlite.db" "$DB_CACHE"
  rm -rf "$OUT/db/$seed_key.partial"
  # Older caches are some 400 MB each and no longer match the code.
  for old in "$OUT"/db/*/; do [ "$old" = "$OUT/db/$seed_key/" ] || rm -rf "$old"; done
  SEED_SECONDS=$(( ($(now_ms) - t) / 1000 ))
  echo "seeded in $SEED_SECONDS s (building the seeder included)"
else
  echo "seeded database: cached ($DB_CACHE, $(du -m "$DB_CACHE" | cut -f1) MB)"
fi

# Everything below cleans up after itself, however the script ends.
DATA=$(mktemp -d "$OUT/pages-data.XXXXXX")
SITE_PID=
cleanup() {
  if [ -n "$SITE_PID" ] && kill -0 "$SITE_PID" 2>/dev/null; then
    kill "$SITE_PID"; wait "$SITE_PID" 2>/dev/null || true
  fi
  rm -f "$STATIC_DIR/static.html"
  rmdir "$STATIC_DIR" 2>/dev/null || true
  rm -rf "$DATA"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
cp "$DB_CACHE" "$DATA/"

# --- 3. start the published site on the copy and time it to ready ----------------------------------------------------
# The machine has 2 cores and other agents build on it: wait a while for it to be quiet, and say how busy it was.
site_ticks() { if [ -n "${SITE_PID:-}" ]; then awk '{print $14 + $15}' "/proc/$SITE_PID/stat"; else echo 0; fi; }
busy_percent() { # of all CPUs over 2 s, less what our own site used
  local a b s1 s2
  read -r -a a < <(grep '^cpu ' /proc/stat); s1=$(site_ticks); sleep 2; read -r -a b < <(grep '^cpu ' /proc/stat); s2=$(site_ticks)
  local idle=$(( (b[4] + b[5]) - (a[4] + a[5]) )) total=0 i
  for i in 1 2 3 4 5 6 7 8; do total=$(( total + b[i] - a[i] )); done
  local busy=$(( total - idle - (s2 - s1) ))
  echo $(( total > 0 && busy > 0 ? 100 * busy / total : 0 ))
}
# Sets BUSY to the other work's share of the CPUs once it is at most 10%, or after QUIET_WAIT seconds of trying.
wait_for_quiet() {
  local waited=0
  while BUSY=$(busy_percent); [ "$BUSY" -gt 10 ] && [ "$waited" -lt "$QUIET_WAIT" ]; do
    [ "$waited" = 0 ] && echo "  the CPUs are $BUSY% busy with other work; waiting up to $QUIET_WAIT s for quiet…"
    sleep 3; waited=$(( waited + 5 ))
  done
  [ "$waited" = 0 ] || echo "  other work: $BUSY% after waiting $waited s"
}
wait_for_quiet
BUSY_BEFORE_START=$BUSY
echo "CPU busy with other work before the start: $BUSY_BEFORE_START%"
SITE_LOG=$OUT/pages-site.log
if curl -fs -o /dev/null "$BASE/healthz"; then echo "something already answers on port $PORT; set PORT" >&2; exit 1; fi
t=$(now_ms)
(cd "$OUT/r2r" && exec env MayorsClub__DataPath="$DATA" MayorsClub__Admin__Password="Bench-admin-1" \
    ASPNETCORE_URLS="$BASE" ASPNETCORE_ENVIRONMENT=Production MayorsClub__BackOffice__PublicUrl="$BASE" \
    dotnet MayorsClub.Web.dll >"$SITE_LOG" 2>&1) &
SITE_PID=$!
until curl -fs -o /dev/null "$BASE/healthz"; do
  if ! kill -0 "$SITE_PID" 2>/dev/null; then echo "the site exited; see $SITE_LOG" >&2; exit 1; fi
  if [ "$(curl -s "$BASE/healthz" || true)" = failed ]; then echo "the site could not start; see $SITE_LOG" >&2; exit 1; fi
  if [ $(( $(now_ms) - t )) -gt 120000 ]; then echo "the site was not ready after 120 s; see $SITE_LOG" >&2; exit 1; fi
  sleep 0.02
done
READY_MS=$(( $(now_ms) - t ))
sleep 0.2 # the site logs its own breakdown just after it says ready
DOCS_IN_SNAPSHOT=$(grep -o 'Published snapshot [0-9]* built: [0-9]* documents in [0-9.]* ms' "$SITE_LOG" | tail -1 || true)
SITE_BREAKDOWN=$(grep -o 'Site ready .*' "$SITE_LOG" | tail -1 || true)
DOC_COUNT=$(sed -E 's/.*built: ([0-9]+) documents.*/\1/' <<<"$DOCS_IN_SNAPSHOT")
mem_mb() { awk -v k="$1:" '$1 == k {printf "%.0f", $2/1024}' "/proc/$SITE_PID/status"; }
RSS_READY=$(mem_mb VmRSS)
echo "start to ready: $READY_MS ms (site's log: ${SITE_BREAKDOWN:-?}); ${DOCS_IN_SNAPSHOT:-snapshot line not found}; resident at ready $RSS_READY MB"

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

# Runs wrk and sets RESULT to its output and OTHER to the share of the CPUs that neither wrk nor the site used meanwhile
# (a neighbour's build on this 2-core machine takes it from both, and the figures drop).
measure() {
  local a b s1 s2 times TIMEFORMAT='%3U %3S'
  read -r -a a < <(grep '^cpu ' /proc/stat); s1=$(site_ticks)
  { time wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$1" >"$OUT/wrk.out"; } 2>"$OUT/wrk.times"
  read -r -a b < <(grep '^cpu ' /proc/stat); s2=$(site_ticks)
  RESULT=$(cat "$OUT/wrk.out")
  times=$(tail -n 1 "$OUT/wrk.times")
  local idle=$(( (b[4] + b[5]) - (a[4] + a[5]) )) total=0 i
  for i in 1 2 3 4 5 6 7 8; do total=$(( total + b[i] - a[i] )); done
  local wrk_ticks; wrk_ticks=$(awk -v t="$times" -v hz="$(getconf CLK_TCK)" 'BEGIN { split(t, x, " "); printf "%d", (x[1] + x[2]) * hz }')
  local other=$(( total - idle - (s2 - s1) - wrk_ticks ))
  OTHER=$(( total > 0 && other > 0 ? 100 * other / total : 0 ))
}

# wrk's latency (e.g. 812.00us, 3.41ms, 1.02s) in milliseconds.
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }
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
met() { if [ "$1" = 1 ]; then echo "met"; else echo "NOT met"; fi; }
echo
echo "== pages.sh: $DOC_COUNT published documents, SQLite, ReadyToRun, Production; wrk -t2 -c$CONNECTIONS -d$DURATION (warm-up $WARMUP each) =="
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -m), .NET SDK $(dotnet --version)"
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
echo "  article ≥ 50% of the static file's rate:  $RATIO%            $(met "$(awk -v r="$RATIO" 'BEGIN { print (r >= 50) }')")"
echo "  article p99 < 25 ms:                       ${P99[0]} ms       $(met "$(awk -v p="${P99[0]}" 'BEGIN { print (p < 25) }')")"
echo "  resident memory < 400 MB (VmRSS after):    $RSS_AFTER MB          $(met "$(awk -v m="$RSS_AFTER" 'BEGIN { print (m < 400) }')")"
echo "  start to ready < 5 s:                      $READY_MS ms        $(met "$(awk -v s="$READY_MS" 'BEGIN { print (s < 5000) }')")"
