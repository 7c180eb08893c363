#!/usr/bin/env bash
# Measures how long the site takes from process start to the first 200 of /healthz
# (database migrated, demo content seeded, published snapshot loaded), on SQLite:
# three cold starts on a new, empty database and three warm starts on the same database,
# for a plain Release build (what `dotnet run` gives) and for a ReadyToRun publish (what production runs).
# Usage: bench/startup.sh            (prints one line per start and the medians)
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-5199}
OUT=$PWD/bench/out
mkdir -p "$OUT"
dotnet build MayorsClub.Web -c Release -o "$OUT/jit" -nologo -v quiet >/dev/null
dotnet publish MayorsClub.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$OUT/r2r" -nologo -v quiet >/dev/null

now_ms() { date +%s%3N; }

# Starts the published build, waits for /healthz to answer 200, prints the milliseconds, stops it.
one_start() {
  local site=$1 data=$2 started pid ms
  started=$(now_ms)
  (cd "$OUT/$site" && exec env MayorsClub__DataPath="$data" MayorsClub__Admin__Password="Bench-admin-1" \
      ASPNETCORE_URLS="http://127.0.0.1:$PORT" ASPNETCORE_ENVIRONMENT=Production MayorsClub__BackOffice__PublicUrl="http://127.0.0.1:$PORT" \
      dotnet MayorsClub.Web.dll >"$OUT/startup.log" 2>&1) &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz"; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "the site exited; see $OUT/startup.log" >&2; exit 1; fi
    sleep 0.02
  done
  ms=$(( $(now_ms) - started ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$ms"
}

median() { sort -n | sed -n '2p'; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -m), .NET $(dotnet --version)"
for site in jit r2r; do
  cold=(); warm=()
  for i in 1 2 3; do
    data=$(mktemp -d)
    cold+=("$(one_start "$site" "$data")")
    warm+=("$(one_start "$site" "$data")")
    rm -rf "$data"
  done
  echo "$site cold start (new SQLite database: migrations, administrator, demo content, snapshot): ${cold[*]} ms; median $(printf '%s\n' "${cold[@]}" | median) ms"
  echo "$site warm start (existing database):                                                      ${warm[*]} ms; median $(printf '%s\n' "${warm[@]}" | median) ms"
done
