# Shared by the page benchmarks (pages.sh, publish.sh): wrk, the ReadyToRun build, the cached 10,000-document
# database, starting the site on a copy of it, and measuring how busy the machine is. Source it from bench/*.sh
# after `cd` to the repository root; it sets ROOT, OUT, PORT, BASE, DOCUMENTS and cleans up when the script ends.

ROOT=$PWD
PORT=${PORT:-5198}
QUIET_WAIT=${QUIET_WAIT:-120}
DOCUMENTS=${DOCUMENTS:-10000} # a smaller seed (e.g. DOCUMENTS=300) only to check that a script runs
OUT=$ROOT/bench/out
BASE=http://127.0.0.1:$PORT
mkdir -p "$OUT"

now_ms() { date +%s%3N; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
machine() { echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -m), .NET SDK $(dotnet --version)"; }

# Runs a build step quietly; on failure shows the end of its output.
quietly() {
  local log=$1; shift
  if ! "$@" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "failed: $* (full output in $log)" >&2
    exit 1
  fi
}

ensure_wrk() {
  command -v wrk >/dev/null && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing wrk…"
    quietly "$OUT/apt.log" sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk'
  else
    echo "wrk is missing: install the Debian package 'wrk' (sudo apt-get install wrk) and run again." >&2
    exit 1
  fi
}

# The site built as production builds it, in $OUT/r2r.
build_site() {
  local t; t=$(now_ms)
  quietly "$OUT/publish.log" dotnet publish MayorsClub.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -o "$OUT/r2r" -nologo
  echo "published (ReadyToRun) in $(( ($(now_ms) - t) / 1000 )) s"
}

# Sets DB_CACHE to the seeded database, seeding it first when no cache matches the code that writes it, and
# SEED_SECONDS to how long that took ("cached" when it did not).
# (The demo content's dates are relative to the day of seeding; an older cache only shifts those 10 demo events.)
seeded_database() {
  local seed_key t
  seed_key=$(
    {
      # What writes the database: the schema (migrations), the content rules and publisher, the seeder and the demo content.
      # (The snapshot and the site only read it, so changing them keeps the cache.)
      find MayorsClub.Core/Content MayorsClub.Core/Persistence MayorsClub.Core/Setup/DemoContentSeeder.cs MayorsClub.Core/Publishing/DocumentPublisher.cs \
        bench/Seeder umbraco/demo -type f -not -path '*/bin/*' -not -path '*/obj/*' | LC_ALL=C sort | xargs sha256sum
      sha256sum Directory.Build.props Directory.Packages.props global.json
      echo "documents=$DOCUMENTS"
      # Counts of each kind (bench/search.sh); unset for pages.sh, whose cache key stays as it was.
      [ -z "${MAYORSCLUB_SEED_NEWS:-}${MAYORSCLUB_SEED_EVENTS:-}${MAYORSCLUB_SEED_SESSIONS:-}" ] \
        || echo "counts=${MAYORSCLUB_SEED_NEWS:-}/${MAYORSCLUB_SEED_EVENTS:-}/${MAYORSCLUB_SEED_SESSIONS:-}"
    } | sha256sum | cut -c1-16
  )
  DB_CACHE=$OUT/db/$seed_key/mayorsclub.sqlite.db
  SEED_SECONDS=cached
  if [ -f "$DB_CACHE" ]; then
    echo "seeded database: cached ($DB_CACHE, $(du -m "$DB_CACHE" | cut -f1) MB)"
    return
  fi

  echo "seeding a new database ($DOCUMENTS documents; cache key $seed_key)…"
  t=$(now_ms)
  quietly "$OUT/seeder-build.log" dotnet build bench/Seeder -c Release -o "$OUT/seeder" -nologo
  rm -rf "$OUT/db/$seed_key.partial"
  # The seeder prints its progress; tee keeps it for later.
  dotnet "$OUT/seeder/Seeder.dll" "$OUT/db/$seed_key.partial" "$ROOT" "$DOCUMENTS" 2>&1 | tee "$OUT/seeder.log" | grep -v '^info:' | sed 's/^/  /'
  if [ "${PIPESTATUS[0]}" != 0 ]; then echo "the seeder failed; see $OUT/seeder.log" >&2; exit 1; fi
  # Only a complete database becomes the cache (an interrupted seeding leaves .partial behind, removed next time).
  mkdir -p "$OUT/db/$seed_key"
  mv "$OUT/db/$seed_key.partial/mayorsclub.sqlite.db" "$DB_CACHE"
  rm -rf "$OUT/db/$seed_key.partial"
  # Older caches are some 400 MB each and no longer match the code.
  local old
  for old in "$OUT"/db/*/; do [ "$old" = "$OUT/db/$seed_key/" ] || rm -rf "$old"; done
  SEED_SECONDS=$(( ($(now_ms) - t) / 1000 ))
  echo "seeded in $SEED_SECONDS s (building the seeder included)"
}

# Everything below cleans up after itself, however the script ends; a script adds its own steps to EXTRA_CLEANUP.
SITE_PID=
DATA=
EXTRA_CLEANUP=()
bench_cleanup() {
  if [ -n "$SITE_PID" ] && kill -0 "$SITE_PID" 2>/dev/null; then
    kill "$SITE_PID"; wait "$SITE_PID" 2>/dev/null || true
  fi
  local step
  for step in "${EXTRA_CLEANUP[@]}"; do eval "$step"; done
  [ -z "$DATA" ] || rm -rf "$DATA"
}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

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

mem_mb() { awk -v k="$1:" '$1 == k {printf "%.0f", $2/1024}' "/proc/$SITE_PID/status"; }

# Starts the published site on a copy of $DB_CACHE (extra settings as NAME=value arguments) and waits for /healthz.
# Sets SITE_PID, SITE_LOG, READY_MS, RSS_READY, DOC_COUNT and prints the start-up line.
start_site() {
  DATA=$(mktemp -d "$OUT/site-data.XXXXXX")
  cp "$DB_CACHE" "$DATA/"
  SITE_LOG=$OUT/$(basename "$0" .sh)-site.log
  if curl -fs -o /dev/null "$BASE/healthz"; then echo "something already answers on port $PORT; set PORT" >&2; exit 1; fi
  local t; t=$(now_ms)
  (cd "$OUT/r2r" && exec env MayorsClub__DataPath="$DATA" MayorsClub__Admin__Password="Bench-admin-1" \
      ASPNETCORE_URLS="$BASE" ASPNETCORE_ENVIRONMENT=Production MayorsClub__BackOffice__PublicUrl="$BASE" "$@" \
      dotnet MayorsClub.Web.dll >"$SITE_LOG" 2>&1) &
  SITE_PID=$!
  until curl -fs -o /dev/null "$BASE/healthz"; do
    if ! kill -0 "$SITE_PID" 2>/dev/null; then echo "the site exited; see $SITE_LOG" >&2; SITE_PID=; exit 1; fi
    if [ "$(curl -s "$BASE/healthz" || true)" = failed ]; then echo "the site could not start; see $SITE_LOG" >&2; exit 1; fi
    if [ $(( $(now_ms) - t )) -gt 120000 ]; then echo "the site was not ready after 120 s; see $SITE_LOG" >&2; exit 1; fi
    sleep 0.02
  done
  READY_MS=$(( $(now_ms) - t ))
  sleep 0.2 # the site logs its own breakdown just after it says ready
  local snapshot_line breakdown
  snapshot_line=$(grep -oE 'Published snapshot [0-9]+ (built|loaded): [0-9]+ documents in [0-9.]+ ms' "$SITE_LOG" | tail -1 || true)
  breakdown=$(grep -o 'Site ready .*' "$SITE_LOG" | tail -1 || true)
  DOC_COUNT=$(sed -E 's/.*(built|loaded): ([0-9]+) documents.*/\2/' <<<"$snapshot_line")
  RSS_READY=$(mem_mb VmRSS)
  echo "start to ready: $READY_MS ms (site's log: ${breakdown:-?}); ${snapshot_line:-snapshot line not found}; resident at ready $RSS_READY MB"
}

# wrk's latency (e.g. 812.00us, 3.41ms, 1.02s) in milliseconds.
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }

met() { if [ "$1" = 1 ]; then echo "met"; else echo "NOT met"; fi; }

# wrk on one URL: RESULT holds its report, OTHER the share of the CPUs (in %) that neither the site nor wrk used
# during the run (other work on the machine, which disturbs the figure).
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
