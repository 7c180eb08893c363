#!/usr/bin/env bash
# Publish-to-visible with 10,000 published documents, on SQLite, as production runs the site (ReadyToRun, Production):
# 200 publishes of different news articles through the Management API while wrk keeps reading pages (the home page,
# the news list and the 200 articles), each timed from the start of the publish request until the article's page
# answers with the new text, in the same process. Then the page throughput with and without the publishes.
# Targets (2 cores): publish-to-visible p99 < 50 ms; page throughput during the publishes within 20 % of the figure
# without them.
# Usage: bench/publish.sh      (PORT=5198 DURATION=30 CONNECTIONS=32 PUBLISHES=200 QUIET_WAIT=120 may be set)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-32}
PUBLISHES=${PUBLISHES:-200}
CLIENT_ID=bench-publisher
CLIENT_SECRET=bench-publisher-secret-0123456789

ensure_wrk
started_run=$(now_ms)
LOAD_AT_START=$(loadavg)
echo "machine: $(machine); load average at start: $LOAD_AT_START"
build_site
seeded_database
wait_for_quiet
start_site MayorsClub__ManagementApi__RequireHttps=false \
  MayorsClub__ManagementApi__Clients__0__Id=$CLIENT_ID MayorsClub__ManagementApi__Clients__0__Secret=$CLIENT_SECRET \
  MayorsClub__ManagementApi__Clients__0__Group=Editors MayorsClub__RateLimits__WritesPerMinute=100000

STATE=$OUT/publish-articles.txt
PATHS=$OUT/publish-paths.txt
SCRIPT=$OUT/publish-paths.lua
python3 bench/publish_to_visible.py prepare "$BASE" $CLIENT_ID $CLIENT_SECRET "$PUBLISHES" "$STATE"
{ echo /uk/; echo /uk/novyny/; cut -d' ' -f2 "$STATE"; } >"$PATHS"
cat >"$SCRIPT" <<LUA
local paths = {}
for line in io.lines("$PATHS") do paths[#paths + 1] = line end
local n = math.random(#paths)
request = function()
  n = n % #paths + 1
  return wrk.format("GET", paths[n])
end
LUA
echo "pages read by wrk: $(wc -l <"$PATHS") (home, news list, the $PUBLISHES articles)"

rps_of() { awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$1"; }
wrk -t2 -c"$CONNECTIONS" -d5s -s "$SCRIPT" "$BASE" >/dev/null # warm-up: tiered JIT, the page cache, connections

wait_for_quiet
LOAD_BEFORE=$(loadavg)
echo "load average before the runs: $LOAD_BEFORE (other work $BUSY%)"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$SCRIPT" "$BASE" >"$OUT/publish-wrk-quiet.out"
RPS_QUIET=$(rps_of "$OUT/publish-wrk-quiet.out")
echo "pages without publishes: $RPS_QUIET req/s"

wait_for_quiet
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$SCRIPT" "$BASE" >"$OUT/publish-wrk-busy.out" &
WRK_PID=$!
sleep 1
# The publishes are spread over the wrk run, leaving a second at each end.
python3 bench/publish_to_visible.py publish "$BASE" $CLIENT_ID $CLIENT_SECRET "$STATE" $(( DURATION - 3 )) | tee "$OUT/publish-driver.out"
wait "$WRK_PID"
RPS_BUSY=$(rps_of "$OUT/publish-wrk-busy.out")
RSS_AFTER=$(mem_mb VmRSS)
HWM_AFTER=$(mem_mb VmHWM)
LOAD_AFTER=$(loadavg)
read -r P50 P99 < <(sed -nE 's/^RESULT p50=([0-9.]+) p99=([0-9.]+)$/\1 \2/p' "$OUT/publish-driver.out")
RATIO=$(awk -v b="$RPS_BUSY" -v q="$RPS_QUIET" 'BEGIN { printf "%.0f", (q > 0 ? 100 * b / q : 0) }')
NON2XX=$(grep -hE 'Non-2xx|Socket errors' "$OUT/publish-wrk-quiet.out" "$OUT/publish-wrk-busy.out" | tr -s ' ' | paste -sd';' - || true)

echo
echo "== publish.sh: $DOC_COUNT published documents, SQLite, ReadyToRun, Production; $PUBLISHES publishes; wrk -t2 -c$CONNECTIONS -d${DURATION}s =="
echo "machine: $(machine)"
echo "load average: at start $LOAD_AT_START; before the runs $LOAD_BEFORE; after $LOAD_AFTER"
echo "publish-to-visible:         p50 $P50 ms, p99 $P99 ms"
echo "page throughput:            $RPS_QUIET req/s without publishes, $RPS_BUSY req/s during them ($RATIO %)${NON2XX:+; $NON2XX}"
echo "start to ready:             $READY_MS ms"
echo "resident memory:            $RSS_READY MB at ready; after the runs VmRSS $RSS_AFTER MB, VmHWM (peak) $HWM_AFTER MB"
echo "this run took $(( ($(now_ms) - started_run) / 1000 )) s"
echo
echo "targets:"
echo "  publish-to-visible p99 < 50 ms:            $P99 ms     $(met "$(awk -v p="$P99" 'BEGIN { print (p < 50) }')")"
echo "  throughput during publishes ≥ 80 %:        $RATIO %         $(met "$(awk -v r="$RATIO" 'BEGIN { print (r >= 80) }')")"
