#!/usr/bin/env bash
# Several nodes on one PostgreSQL, as production scales out (ReadyToRun, Production, demo content, a throwaway
# PostgreSQL cluster of this script's own, Debian's nginx as the load balancer):
#   1. publish-to-visible across nodes: PUBLISHES publishes through node A's Management API, each timed from the start
#      of the publish request until node B's page answers with the new text (B learns of it by LISTEN/NOTIFY);
#   2. page requests/s through nginx with one node behind it, then with two (the same pages, the same nginx settings).
# Targets (2 cores): across-node p99 < 1 s and p50 < 100 ms; two nodes at least as fast as one through the same nginx.
# Usage: bench/nodes.sh     (DURATION=20s CONNECTIONS=32 PUBLISHES=200 QUIET_WAIT=120 PORT=5198 may be set)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-32}
PUBLISHES=${PUBLISHES:-200}
PORT_A=$((PORT + 1)) PORT_B=$((PORT + 2)) PORT_PG=$((PORT + 3))
A=http://127.0.0.1:$PORT_A B=http://127.0.0.1:$PORT_B LB=http://127.0.0.1:$PORT
CLIENT_ID=bench-publisher
CLIENT_SECRET=bench-publisher-secret-0123456789
NGINX=${NGINX:-/usr/sbin/nginx}
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5,5n | tail -n1)}

ensure_wrk
[ -x "$NGINX" ] || { echo "nginx is missing: install the Debian package 'nginx'." >&2; exit 1; }
[ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL's server programs are missing: install the Debian package 'postgresql'." >&2; exit 1; }
started_run=$(now_ms)
LOAD_AT_START=$(loadavg)
echo "machine: $(machine); load average at start: $LOAD_AT_START"
build_site

# --- a PostgreSQL cluster of our own, the shared media folder, one data folder per node ----------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/mayorsclub-nodes.XXXXXX") # PostgreSQL's own user must reach it
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" != 0 ] || chown postgres: "$WORK"
as_pg "$PG_BIN/initdb" -D "$WORK/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w \
  -o "-p $PORT_PG -k $WORK -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
NODE_PIDS=() NGINX_PID=
EXTRA_CLEANUP+=('for p in "${NODE_PIDS[@]}" $NGINX_PID; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true')
EXTRA_CLEANUP+=('as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$WORK"')
mkdir -p "$WORK/media"

start_node() { # NAME PORT
  local name=$1 port=$2 t; t=$(now_ms)
  (cd "$OUT/r2r" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
      MayorsClub__Database__Provider=PostgreSQL \
      ConnectionStrings__Default="Host=127.0.0.1;Port=$PORT_PG;Username=postgres;Database=mayorsclub" \
      MayorsClub__DataPath="$WORK/data-$name" MayorsClub__MediaPath="$WORK/media" MayorsClub__NodeName="$name" \
      MayorsClub__Admin__Password="Bench-admin-1" MayorsClub__BackOffice__PublicUrl="$LB" \
      MayorsClub__ForwardedHeaders__KnownProxies=127.0.0.1 \
      MayorsClub__ManagementApi__RequireHttps=false MayorsClub__ManagementApi__Clients__0__Id=$CLIENT_ID \
      MayorsClub__ManagementApi__Clients__0__Secret=$CLIENT_SECRET MayorsClub__ManagementApi__Clients__0__Group=Editors \
      MayorsClub__RateLimits__WritesPerMinute=100000 \
      dotnet MayorsClub.Web.dll >"$OUT/nodes-$name.log" 2>&1) &
  NODE_PIDS+=($!)
  until curl -fs -o /dev/null "http://127.0.0.1:$port/healthz"; do
    kill -0 "${NODE_PIDS[-1]}" 2>/dev/null || { echo "node $name exited; see $OUT/nodes-$name.log" >&2; exit 1; }
    [ $(( $(now_ms) - t )) -lt 180000 ] || { echo "node $name was not ready after 180 s; see $OUT/nodes-$name.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "node $name ready in $(( $(now_ms) - t )) ms"
}

start_nginx() { # PORT...: the nodes behind it
  [ -z "$NGINX_PID" ] || { kill "$NGINX_PID"; wait "$NGINX_PID" 2>/dev/null || true; }
  local servers="" p
  for p in "$@"; do servers+="    server 127.0.0.1:$p max_fails=1 fail_timeout=5s;"$'\n'; done
  mkdir -p "$WORK/nginx"
  cat >"$WORK/nginx/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $WORK/nginx/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body; proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi; uwsgi_temp_path $WORK/nginx/uwsgi; scgi_temp_path $WORK/nginx/scgi;
  upstream mayorsclub {
$servers    keepalive 32;
  }
  server {
    listen 127.0.0.1:$PORT;
    location / {
      proxy_pass http://mayorsclub;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header X-Forwarded-Host \$http_host;
      proxy_next_upstream error timeout http_502 http_503;
    }
  }
}
CONF
  "$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log" &
  NGINX_PID=$!
  until curl -fs -o /dev/null "$LB/healthz"; do sleep 0.05; done
}

start_node a "$PORT_A" # migrates and seeds the new database first
start_node b "$PORT_B"

# --- 1. publish on A, read on B -----------------------------------------------------------------------------------
STATE=$WORK/articles.txt
python3 bench/publish_to_visible.py prepare "$A" $CLIENT_ID $CLIENT_SECRET 10 "$STATE"
wait_for_quiet
LOAD_BEFORE_PUBLISH=$(loadavg)
python3 bench/publish_to_visible.py publish "$A" $CLIENT_ID $CLIENT_SECRET "$STATE" $(( PUBLISHES / 10 )) "$B" "$PUBLISHES" \
  | tee "$OUT/nodes-publish.out"
read -r P50 P99 < <(sed -nE 's/^RESULT p50=([0-9.]+) p99=([0-9.]+)$/\1 \2/p' "$OUT/nodes-publish.out")

# --- 2. pages through nginx: one node, then two ----------------------------------------------------------------------
PATHS=$WORK/paths.txt SCRIPT=$WORK/paths.lua
{ echo /uk/; echo /en/; echo /uk/novyny/; cut -d' ' -f2 "$STATE"; } >"$PATHS"
cat >"$SCRIPT" <<LUA
local paths = {}
for line in io.lines("$PATHS") do paths[#paths + 1] = line end
local n = math.random(#paths)
request = function()
  n = n % #paths + 1
  return wrk.format("GET", paths[n])
end
LUA
rps_of() { awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$1"; }
p99_of() { to_ms "$(awk '$1 == "99%" {print $2}' "$1")"; }
errors_of() { grep -hE 'Non-2xx|Socket errors' "$1" | tr -s ' ' | paste -sd';' - || true; }
through_nginx() { # LABEL PORT...
  local label=$1; shift
  start_nginx "$@"
  wrk -t2 -c"$CONNECTIONS" -d5s -s "$SCRIPT" "$LB" >/dev/null # warm-up: JIT, page caches, upstream connections
  wait_for_quiet
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$SCRIPT" "$LB" >"$OUT/nodes-wrk-$label.out"
}
# One and two nodes in turn, ROUNDS times, so neither gains from going second (warmer caches, a calmer machine);
# the figure of each is the mean of its rounds, the p99 that of its last round.
ROUNDS=${ROUNDS:-2}
RPS_ONE_ALL=() RPS_TWO_ALL=()
for round in $(seq 1 "$ROUNDS"); do
  through_nginx one "$PORT_A"
  RPS_ONE_ALL+=("$(rps_of "$OUT/nodes-wrk-one.out")")
  LOAD_ONE=$(loadavg)
  through_nginx two "$PORT_A" "$PORT_B"
  RPS_TWO_ALL+=("$(rps_of "$OUT/nodes-wrk-two.out")")
  LOAD_TWO=$(loadavg)
done
mean() { printf '%s\n' "$@" | awk '{ s += $1 } END { printf "%.0f", s / NR }'; }
RPS_ONE=$(mean "${RPS_ONE_ALL[@]}") RPS_TWO=$(mean "${RPS_TWO_ALL[@]}")
RATIO=$(awk -v a="$RPS_TWO" -v b="$RPS_ONE" 'BEGIN { printf "%.0f", (b > 0 ? 100 * a / b : 0) }')

echo
echo "== nodes.sh: two nodes on one PostgreSQL ($("$PG_BIN/postgres" --version | awk '{print $3}')), demo content, ReadyToRun, Production, nginx $("$NGINX" -v 2>&1 | cut -d/ -f2) =="
echo "machine: $(machine)"
echo "load average: at start $LOAD_AT_START; before the publishes $LOAD_BEFORE_PUBLISH; after the last one-node run $LOAD_ONE; after the last two-node run $LOAD_TWO"
echo "publish on A, visible on B ($PUBLISHES publishes): p50 $P50 ms, p99 $P99 ms"
echo "pages through nginx (wrk -t2 -c$CONNECTIONS -d$DURATION, $(wc -l <"$PATHS") paths):"
echo "  one node:  $RPS_ONE req/s (rounds: ${RPS_ONE_ALL[*]}), p99 $(p99_of "$OUT/nodes-wrk-one.out") ms $(errors_of "$OUT/nodes-wrk-one.out")"
echo "  two nodes: $RPS_TWO req/s (rounds: ${RPS_TWO_ALL[*]}), p99 $(p99_of "$OUT/nodes-wrk-two.out") ms $(errors_of "$OUT/nodes-wrk-two.out") ($RATIO % of one)"
echo "this run took $(( ($(now_ms) - started_run) / 1000 )) s"
echo
echo "targets:"
echo "  across nodes p99 < 1000 ms:        $P99 ms     $(met "$(awk -v p="$P99" 'BEGIN { print (p < 1000) }')")"
echo "  across nodes p50 < 100 ms:         $P50 ms     $(met "$(awk -v p="$P50" 'BEGIN { print (p < 100) }')")"
echo "  two nodes ≥ one through nginx:     $RATIO %      $(met "$(awk -v r="$RATIO" 'BEGIN { print (r >= 100) }')")"
