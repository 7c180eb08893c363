#!/usr/bin/env bash
# The project's single test command.
#
# Starts a throwaway PostgreSQL cluster on a free local port, runs
# `dotnet test MayorsClub.sln -c Release` against it (extra arguments are
# passed through, e.g. `scripts/test.sh --filter Category=Fast`) and prints
# as its LAST line: "N passed, N failed" (plus ", N skipped" when any were).
set -euo pipefail

die() { echo "test.sh: $*" >&2; exit 1; }

# --- Prerequisites -----------------------------------------------------------

command -v dotnet >/dev/null 2>&1 || die "'dotnet' is not on PATH. Install the .NET SDK 10 \
(https://dotnet.microsoft.com/download/dotnet/10.0, or on Debian/Ubuntu: \
https://learn.microsoft.com/dotnet/core/install/linux) and re-run."

CHROMIUM=/usr/bin/chromium

# Highest installed PostgreSQL version's bin dir (empty if none).
find_pg_bin() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5,5n | tail -n1 || true)
  if [[ -n "$d" && -x "$d/initdb" && -x "$d/pg_ctl" ]]; then echo "$d"; fi
}

has_smtp_sink() { /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1; }

missing=()
[[ -n "$(find_pg_bin)" ]] || missing+=(postgresql)
[[ -x "$CHROMIUM" ]] || missing+=(chromium)
has_smtp_sink || missing+=(python3-aiosmtpd)
command -v npm >/dev/null 2>&1 || missing+=(npm)   # the back office's browser code is bundled at build time
NGINX=/usr/sbin/nginx
[[ -x "$NGINX" ]] || missing+=(nginx)               # the load balancer in front of the two-node tests

if ((${#missing[@]})); then
  if [[ -f /etc/debian_version && "$(id -u)" -eq 0 ]]; then
    # Root on Debian (CI container): install what is missing ourselves.
    echo "test.sh: installing missing packages: ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # Packages with a service (nginx, postgresql) must not start it: the tests start their own, on free ports.
    no_services=0
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
      printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && no_services=1
    fi
    apt-get install -y -qq "${missing[@]}" >/dev/null
    if ((no_services)); then rm -f /usr/sbin/policy-rc.d; fi
  else
    die "missing prerequisites. Install the Debian packages: sudo apt-get install -y ${missing[*]}"
  fi
fi

PG_BIN=$(find_pg_bin)
[[ -n "$PG_BIN" ]] || die "initdb/pg_ctl not found under /usr/lib/postgresql/*/bin"
[[ -x "$CHROMIUM" ]] || die "$CHROMIUM not found (Debian package: chromium)"
has_smtp_sink || die "the SMTP sink is missing (Debian package: python3-aiosmtpd)"
[[ -x "$NGINX" ]] || die "$NGINX not found (Debian package: nginx)"

# --- Throwaway PostgreSQL cluster -------------------------------------------

# A free TCP port on 127.0.0.1: ask the kernel (bind to port 0) if python3 is
# usable, otherwise scan upward from 55432 for a port nobody listens on.
free_port() {
  local p
  if p=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null) \
     && [[ "$p" =~ ^[0-9]+$ ]]; then
    echo "$p"; return
  fi
  for ((p = 55432; p < 56432; p++)); do
    if ! ss -Htln "sport = :$p" | grep -q .; then echo "$p"; return; fi
  done
  die "no free TCP port found"
}

# PostgreSQL refuses to run as root, so as root run its tools as `postgres`.
as_pg() {
  if [[ "$(id -u)" -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/mayorsclub-pg.XXXXXX")
PG_STARTED=0
OUT_FILE=""
SMTP_PID=""

cleanup() {
  # Never let cleanup failures mask the real exit code.
  if ((PG_STARTED)); then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  if [[ -n "$SMTP_PID" ]]; then kill "$SMTP_PID" >/dev/null 2>&1 || true; fi
  rm -rf "$PG_DIR" || true
  if [[ -n "$OUT_FILE" ]]; then rm -f "$OUT_FILE" || true; fi
}
trap cleanup EXIT

if [[ "$(id -u)" -eq 0 ]]; then chown postgres: "$PG_DIR"; fi

PG_PORT=$(free_port)
as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null \
  || die "initdb failed"
PG_STARTED=1
# fsync=off: throwaway data, speed matters; max_connections: parallel test
# assemblies each hold connection pools.
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" \
  -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" \
  -l "$PG_DIR/log" -w start >/dev/null \
  || { cat "$PG_DIR/log" >&2 2>/dev/null || true; die "PostgreSQL failed to start"; }
echo "test.sh: PostgreSQL ($PG_BIN) listening on 127.0.0.1:$PG_PORT" >&2

# --- SMTP sink ---------------------------------------------------------------

# A real SMTP server that stores every message it receives as a file in a
# Maildir (DIR/new/...), where the tests read what the site sent.
SMTP_PORT=$(free_port)
SMTP_MAILDIR="$PG_DIR/maildir"   # must not exist yet: aiosmtpd creates it
/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" -c aiosmtpd.handlers.Mailbox "$SMTP_MAILDIR" \
  >"$PG_DIR/smtp.log" 2>&1 &
SMTP_PID=$!
for _ in $(seq 1 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null; then break; fi
  kill -0 "$SMTP_PID" 2>/dev/null || { cat "$PG_DIR/smtp.log" >&2; die "the SMTP sink failed to start"; }
  sleep 0.1
done
echo "test.sh: SMTP sink listening on 127.0.0.1:$SMTP_PORT, mail in $SMTP_MAILDIR" >&2
export MAYORSCLUB_TEST_SMTP="127.0.0.1:$SMTP_PORT" MAYORSCLUB_TEST_MAILDIR="$SMTP_MAILDIR"

# The tests create (and drop) their own databases in this cluster.
export MAYORSCLUB_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres;Pooling=true"
export MAYORSCLUB_TEST_CHROMIUM="$CHROMIUM"
# The two-node tests start a cluster of their own (they stop it to test an outage) and nginx in front of the nodes.
export MAYORSCLUB_TEST_PG_BIN="$PG_BIN" MAYORSCLUB_TEST_NGINX="$NGINX"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# --- Summary parsing -----------------------------------------------------------

# parse_summary FILE -> prints "PASSED FAILED SKIPPED", summed over every
# per-assembly result line of `dotnet test`, e.g.
#   Passed!  - Failed:     0, Passed:     6, Skipped:     1, Total:     7, Duration: ...
#   Failed!  - Failed:     2, Passed:     4, Skipped:     0, Total:     6, ...
parse_summary() {
  sed 's/\x1b\[[0-9;]*[A-Za-z]//g' "$1" | awk '
    match($0, /(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+/) {
      s = substr($0, RSTART, RLENGTH)
      gsub(/[^0-9]+/, " ", s); split(s, n, " ")
      f += n[1]; p += n[2]; k += n[3]
    }
    END { printf "%d %d %d\n", p, f, k }'
}

# --- Run the tests -------------------------------------------------------------

cd "$(dirname "${BASH_SOURCE[0]}")/.."
OUT_FILE=$(mktemp "${TMPDIR:-/tmp}/mayorsclub-test-out.XXXXXX")

# Show output live and keep a copy; capture dotnet's own exit code rather than
# letting `set -e` abort before the summary.
set +e
dotnet test MayorsClub.sln -c Release "$@" 2>&1 | tee "$OUT_FILE"
rc=${PIPESTATUS[0]}
set -e

read -r passed failed skipped < <(parse_summary "$OUT_FILE")

status=0
if ((rc != 0)); then
  echo "FAIL: dotnet test exited with code $rc"; status=1
elif ((failed > 0)); then
  echo "FAIL: $failed test(s) failed"; status=1
elif ((passed == 0)); then
  echo "FAIL: no tests passed (none found or none ran)"; status=1
fi

# Must stay the very last line of output.
if ((skipped > 0)); then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
exit "$status"
