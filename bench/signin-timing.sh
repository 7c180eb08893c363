#!/usr/bin/env bash
# Does the back-office sign-in take as long for an unknown e-mail as for a known one with a wrong password? And does the
# Management API's token endpoint take as long for an unknown client id as for a known one with a wrong secret?
# Starts the Release build in Production on a new SQLite database, then sends 50 wrong sign-ins for each, interleaved,
# and prints the median and quartiles of curl's total time per request. Each request names its own client address
# through X-Forwarded-For (127.0.0.1 is configured as the proxy), so that the per-address throttling and rate limit,
# which would answer at once, stay out of the measurement.
# Usage: bench/signin-timing.sh      (N=50 PORT=5198 by default)
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-5198}
N=${N:-50}
BASE="http://127.0.0.1:$PORT"
OUT=$PWD/bench/out
DATA=$(mktemp -d)
JAR=$(mktemp)
mkdir -p "$OUT"
dotnet build MayorsClub.Web -c Release -o "$OUT/jit" -nologo -v quiet >/dev/null

(cd "$OUT/jit" && exec env MayorsClub__DataPath="$DATA" MayorsClub__DemoContent=false \
    MayorsClub__Admin__Email=admin@bench.local MayorsClub__Admin__Password="Bench-admin-1" \
    MayorsClub__ManagementApi__Clients__0__Id=bench-client MayorsClub__ManagementApi__Clients__0__Group=Editors \
    MayorsClub__ManagementApi__Clients__0__Secret=bench-secret-0123456789abcdef MayorsClub__ManagementApi__RequireHttps=false \
    MayorsClub__BackOffice__PublicUrl="$BASE" MayorsClub__ForwardedHeaders__KnownProxies__0=127.0.0.1 \
    ASPNETCORE_URLS="$BASE" ASPNETCORE_ENVIRONMENT=Production \
    dotnet MayorsClub.Web.dll >"$OUT/signin-timing-site.log" 2>&1) &
SITE_PID=$!
trap 'kill $SITE_PID 2>/dev/null || true; wait $SITE_PID 2>/dev/null || true; rm -rf "$DATA" "$JAR"' EXIT
until curl -fs -o /dev/null "$BASE/healthz"; do
  kill -0 "$SITE_PID" 2>/dev/null || { echo "the site exited; see $OUT/signin-timing-site.log" >&2; exit 1; }
  sleep 0.2
done

TOKEN=$(curl -fsS -c "$JAR" "$BASE/umbraco/login" | sed -nE 's/.*name="__RequestVerificationToken" type="hidden" value="([^"]+)".*/\1/p' | head -1)
attempt() { # e-mail, client address → seconds
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -b "$JAR" -H "X-Forwarded-For: $2" \
    --data-urlencode "Email=$1" --data-urlencode "Password=Wrong-password-9" --data-urlencode "__RequestVerificationToken=$TOKEN" \
    "$BASE/umbraco/login"
}
for i in 1 2 3 4 5; do attempt admin@bench.local "10.9.0.$i" >/dev/null; attempt nobody@bench.local "10.9.1.$i" >/dev/null; done # warm-up

: >"$OUT/known.txt"; : >"$OUT/unknown.txt"
for i in $(seq 1 "$N"); do
  attempt admin@bench.local "10.10.$((i / 250)).$((i % 250 + 1))" >>"$OUT/known.txt"
  attempt "nobody-$i@bench.local" "10.11.$((i / 250)).$((i % 250 + 1))" >>"$OUT/unknown.txt"
done

token() { # client id, client address → status and seconds
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "X-Forwarded-For: $2" \
    -d grant_type=client_credentials --data-urlencode "client_id=$1" -d client_secret=wrong-secret-0123456789abcdef \
    "$BASE/umbraco/management/api/v1/security/back-office/token"
}
for i in 1 2 3 4 5; do token bench-client "10.12.0.$i" >/dev/null; token nobody "10.13.0.$i" >/dev/null; done # warm-up
: >"$OUT/known-client.txt"; : >"$OUT/unknown-client.txt"
for i in $(seq 1 "$N"); do
  token bench-client "10.14.$((i / 250)).$((i % 250 + 1))" >>"$OUT/known-client.txt"
  token "nobody-$i" "10.15.$((i / 250)).$((i % 250 + 1))" >>"$OUT/unknown-client.txt"
done

summary() { # file → "status  p25 / median / p75 ms"
  local statuses; statuses=$(cut -d' ' -f1 "$1" | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}')
  cut -d' ' -f2 "$1" | sort -n | awk -v s="$statuses" '{t[NR]=$1*1000} END {printf "%s p25 %.1f ms, median %.1f ms, p75 %.1f ms\n", s, t[int(NR/4)+1], t[int(NR/2)+1], t[int(3*NR/4)+1]}'
}
echo "== signin-timing.sh: $N wrong sign-ins each, Production, Release build =="
echo "known e-mail:   $(summary "$OUT/known.txt")"
echo "unknown e-mail: $(summary "$OUT/unknown.txt")"
echo "token, known client, wrong secret: $(summary "$OUT/known-client.txt")"
echo "token, unknown client:             $(summary "$OUT/unknown-client.txt")"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
