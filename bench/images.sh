#!/usr/bin/env bash
# Images (issue 15): 1. the imaging libraries compared (bench/ImagingBench: the same 3000×2000 photo to an 800 px WebP by
# NetVips, SkiaSharp, Magick.NET and ImageSharp, each in its own process: p50/p95 ms and peak RSS); 2. the site's image
# endpoint as production runs it (ReadyToRun publish, Production, SQLite, a new database with the demo content and its
# drawn pictures): the first-hit latency of N distinct variants (each URL asked once: other widths, heights and crops of
# the demo pictures, signed with the site's key, which this script sets), then cached hits with wrk against the same
# Kestrel serving the same bytes as a static file.
# Targets on 2 cores: first hit p50 < 150 ms; cached hits ≥ 70 % of the static file's requests/s.
# Usage: bench/images.sh      (PORT=5198 DURATION=20s CONNECTIONS=32 WARMUP=5s VARIANTS=60 RUNS=30 WARMUP_RUNS=3
#                              QUIET_WAIT=120 may be set; VARIANTS=10 RUNS=3 DURATION=3s only to check that it runs)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-32}
WARMUP=${WARMUP:-5s}
VARIANTS=${VARIANTS:-60}
RUNS=${RUNS:-30}
WARMUP_RUNS=${WARMUP_RUNS:-3}
STATIC_DIR=$ROOT/wwwroot/bench # the site serves the repository's top-level wwwroot/ (Program.cs: WebRootPath)
EXTRA_CLEANUP+=('rm -f "$STATIC_DIR"/variant.*; rmdir "$STATIC_DIR" 2>/dev/null || true')

ensure_wrk
LOAD_AT_START=$(loadavg)
echo "machine: $(machine); load average at start: $LOAD_AT_START"

# --- 1. the libraries, one process each ------------------------------------------------------------------------------
quietly "$OUT/imagingbench-build.log" dotnet build bench/ImagingBench -c Release -o "$OUT/imagingbench" -nologo
wait_for_quiet
echo "== ImagingBench (CPU busy with other work before: $BUSY%) =="
dotnet "$OUT/imagingbench/ImagingBench.dll" "$RUNS" "$WARMUP_RUNS"
LIB_LOAD=$(loadavg)

# --- 2. the site on a new database: the demo content and its pictures --------------------------------------------------
build_site
HMAC_KEY=$(head -c 32 /dev/urandom | base64 -w0)
DATA=$(mktemp -d "$OUT/site-data.XXXXXX")
SITE_LOG=$OUT/images-site.log
if curl -fs -o /dev/null "$BASE/healthz"; then echo "something already answers on port $PORT; set PORT" >&2; exit 1; fi
wait_for_quiet
t=$(now_ms)
(cd "$OUT/r2r" && exec env MayorsClub__DataPath="$DATA" MayorsClub__Admin__Password="Bench-admin-1" MayorsClub__Imaging__HmacKey="$HMAC_KEY" \
    ASPNETCORE_URLS="$BASE" ASPNETCORE_ENVIRONMENT=Production MayorsClub__BackOffice__PublicUrl="$BASE" \
    dotnet MayorsClub.Web.dll >"$SITE_LOG" 2>&1) &
SITE_PID=$!
until curl -fs -o /dev/null "$BASE/healthz"; do
  if ! kill -0 "$SITE_PID" 2>/dev/null; then echo "the site exited; see $SITE_LOG" >&2; SITE_PID=; exit 1; fi
  if [ $(( $(now_ms) - t )) -gt 120000 ]; then echo "the site was not ready after 120 s; see $SITE_LOG" >&2; exit 1; fi
  sleep 0.05
done
echo "new site with the demo content ready in $(( $(now_ms) - t )) ms ($(grep -o 'Demo content: [0-9]* pictures[^"]*' "$SITE_LOG" | head -1))"

# The demo pictures' public URLs (/media/{key}/{name}?v={version}) from the pages that show them.
mapfile -t IMAGES < <(for page in /uk/ /uk/novyny/ /uk/ekspertni-sesii/ /uk/kalendar-podii/ /en/; do curl -fsS "$BASE$page"; done \
  | grep -oE '/media/[0-9a-f-]{36}/[^"?&<> ]+\?v=[A-Za-z0-9_-]+' | sort -u)
if [ "${#IMAGES[@]}" -lt 3 ]; then echo "found only ${#IMAGES[@]} demo pictures on the pages" >&2; exit 1; fi

# Signs a canonical query as the site does (ImageUrlSigner: HMAC-SHA256 over key N, version, query, expires; 128 bits, base64url).
sign() { # $1 = /media/{key}/{name}?v={token}, $2 = canonical query
  python3 - "$HMAC_KEY" "$1" "$2" <<'PY'
import base64, hashlib, hmac, re, sys
key, url, query = base64.b64decode(sys.argv[1]), sys.argv[2], sys.argv[3]
m = re.match(r'/media/([0-9a-f-]{36})/[^?]+\?v=(.+)$', url)
message = f"{m.group(1).replace('-', '')}\n{m.group(2)}\n{query}\n".encode()
print(base64.urlsafe_b64encode(hmac.new(key, message, hashlib.sha256).digest()[:16]).decode().rstrip('='))
PY
}

# --- 3. first hits: every URL a variant nobody asked for before ------------------------------------------------------
WIDTHS=(320 360 400 480 520 560 600 640 720 800 880 960 1024 1100 1200 1280 1400 1600)
URLS=()
for (( i = 0; i < VARIANTS; i++ )); do
  image=${IMAGES[$(( i % ${#IMAGES[@]} ))]}
  width=${WIDTHS[$(( (i / ${#IMAGES[@]} + i) % ${#WIDTHS[@]} ))]}
  case $(( i % 3 )) in
    0) query="width=$width&format=webp" ;;
    1) query="width=$width&height=$(( width * 2 / 3 ))&format=webp" ;;
    *) query="width=$width&height=$(( width / 2 ))&format=avif" ;;
  esac
  URLS+=("$image&$query&hmac=$(sign "$image" "$query")")
done
wait_for_quiet
FIRST=()
for url in "${URLS[@]}"; do
  read -r code seconds < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$BASE$url")
  if [ "$code" != 200 ]; then echo "$url answered $code" >&2; exit 1; fi
  FIRST+=("$(awk -v s="$seconds" 'BEGIN { printf "%.1f", s * 1000 }')")
done
FIRST_LOAD=$(loadavg)
read -r P50 P99 < <(printf '%s\n' "${FIRST[@]}" | sort -n | awk '{ v[NR] = $1 } END { i50 = int(NR * 0.5 + 0.999); i99 = int(NR * 0.99 + 0.999); print v[i50], v[i99] }')

# --- 4. cached hits against the same bytes as a static file ---------------------------------------------------------
CACHED=${URLS[0]}
mkdir -p "$STATIC_DIR"
# Named with the variant's own extension, so the static file is served with the same media type (an unknown one is a 404).
TYPE=$(curl -fsS -o /dev/null -w '%{content_type}' "$BASE$CACHED")
EXT=${TYPE#image/}; EXT=${EXT%%;*}
curl -fsS -o "$STATIC_DIR/variant.$EXT" "$BASE$CACHED"
STATIC=/bench/variant.$EXT
curl -fsS -o /dev/null "$BASE$STATIC" || { echo "the static copy $STATIC is not served" >&2; exit 1; }
BYTES=$(wc -c <"$STATIC_DIR/variant.$EXT")
NAMES=("cached variant" "static file")
TARGETS=("$CACHED" "$STATIC")
RPS=(); CP50=(); CP99=(); OTHERS=(); LOADS=()
for i in 0 1; do
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "$BASE${TARGETS[$i]}" >/dev/null
  measure "$BASE${TARGETS[$i]}"
  if grep -q 'Non-2xx' <<<"$RESULT"; then echo "${NAMES[$i]}: wrk saw answers other than 2xx" >&2; grep 'Non-2xx' <<<"$RESULT" >&2; exit 1; fi
  RPS+=("$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$RESULT")")
  CP50+=("$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$RESULT")")")
  CP99+=("$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$RESULT")")")
  OTHERS+=("$OTHER"); LOADS+=("$(loadavg)")
done
RATIO=$(awk -v a="${RPS[0]}" -v s="${RPS[1]}" 'BEGIN { printf "%.0f", (s > 0 ? 100 * a / s : 0) }')

echo
echo "== images.sh: the image endpoint, ReadyToRun, Production, SQLite, demo content (${#IMAGES[@]} pictures on the pages) =="
echo "machine: $(machine)"
echo "first hits: $VARIANTS distinct variants (WebP and AVIF, widths 320–1600, with and without height), each asked once, one at a time"
echo "  p50 $P50 ms   p99 $P99 ms   (load average after: $FIRST_LOAD; libraries' run ended at: $LIB_LOAD)"
echo "cached hits: wrk -t2 -c$CONNECTIONS -d$DURATION (warm-up $WARMUP), $BYTES bytes"
for i in 0 1; do
  printf '  %-15s %8s req/s   p50 %7s ms   p99 %7s ms   other work %3s%%   load average %s\n' "${NAMES[$i]}" "${RPS[$i]}" "${CP50[$i]}" "${CP99[$i]}" "${OTHERS[$i]}" "${LOADS[$i]}"
done
echo "targets (2 cores):"
echo "  first hit p50 < 150 ms:                          $P50 ms   $(met "$(awk -v p="$P50" 'BEGIN { print (p < 150) }')")"
echo "  cached hits ≥ 70 % of the static file's rate:    $RATIO%    $(met "$(awk -v r="$RATIO" 'BEGIN { print (r >= 70) }')")"
