#!/usr/bin/env bash
# Members' benchmark, as production runs the site (ReadyToRun publish, Production, SQLite):
#   1. a member's gated expert-session page (rendered for the member on every request: the page cache never keeps a
#      member's page) beside the same page cached for anonymous visitors: requests/s, p50, p99;
#   2. 1 MiB range requests at random offsets of a 200 MB members-only video through the members' file endpoint
#      (/members/media/…: member check, the read model's access rule, ASP.NET Core's range support) beside Kestrel's
#      static file middleware serving a copy of the same file from wwwroot/: requests/s and throughput.
# Targets (issue 11): the member's page ≥ 3,000 requests/s with p99 < 25 ms; range requests ≥ 70 % of the static file's
# throughput.
#
# How it gets a member: it writes an approved member of the Mayors group straight into the running site's SQLite
# database (Identity's v3 password hash, computed here), then signs in once through the members' sign-in form
# /uk/members/sign-in (GET for the antiforgery token, POST e-mail and password) and keeps the mc_member cookie.
# MEMBER_COOKIE='mc_member=…' skips that; the form's field names can be changed with SIGNIN_EMAIL_FIELD and
# SIGNIN_PASSWORD_FIELD.
# The member's cookie is checked against the database once a minute and then renewed; a browser keeps the renewed
# cookie, wrk cannot, so past the first minute every request would repeat the check. The runs therefore set the check
# to once an hour (STAMP_CHECK_SECONDS=60 measures what a client that never takes the renewed cookie costs).
# Usage: bench/members.sh   (PORT=5198 DURATION=20s CONNECTIONS=32 WARMUP=5s VIDEO_MB=200 QUIET_WAIT=120;
#                            DRY_RUN=1: a new demo database instead of the 10,000-document one, a 4 MB video and 2 s runs,
#                            to check the script itself — its figures mean nothing)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
DRY_RUN=${DRY_RUN:-0}
if [ "$DRY_RUN" = 1 ]; then
  DURATION=${DURATION:-2s}; WARMUP=${WARMUP:-1s}; CONNECTIONS=${CONNECTIONS:-4}; VIDEO_MB=${VIDEO_MB:-4}; QUIET_WAIT=0
fi
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-32}
WARMUP=${WARMUP:-5s}
VIDEO_MB=${VIDEO_MB:-200}
SIGNIN_EMAIL_FIELD=${SIGNIN_EMAIL_FIELD:-Email}
SIGNIN_PASSWORD_FIELD=${SIGNIN_PASSWORD_FIELD:-Password}
API_ID=bench-editors
API_SECRET=bench-editors-secret-0123456789
MEMBER_EMAIL=bench-member@mayorsclub.local
MEMBER_PASSWORD=Bench-member-password-1
STATIC_DIR=$ROOT/wwwroot/bench # the site serves the repository's top-level wwwroot/ (as in pages.sh)
WORK=$(mktemp -d "$OUT/members.XXXXXX")
EXTRA_CLEANUP+=('rm -f "$STATIC_DIR/video.mp4"; rmdir "$STATIC_DIR" 2>/dev/null || true; rm -rf "$WORK"')

# --- 1. wrk, the published site, the database ------------------------------------------------------------------------
ensure_wrk
command -v jq >/dev/null || { echo "jq is missing (apt-get install jq)" >&2; exit 1; }
echo "machine: $(machine); load average at start: $(loadavg)"
build_site
if [ "$DRY_RUN" = 1 ]; then
  DB_CACHE=/dev/null # a new database: the site seeds the demo content
  echo "dry run: a new demo database, a $VIDEO_MB MB video, $DURATION runs"
else
  seeded_database
fi

wait_for_quiet
start_site MayorsClub__ManagementApi__RequireHttps=false \
  MayorsClub__ManagementApi__Clients__0__Id=$API_ID MayorsClub__ManagementApi__Clients__0__Secret=$API_SECRET \
  MayorsClub__ManagementApi__Clients__0__Group=Editors MayorsClub__RateLimits__WritesPerMinute=100000 \
  MayorsClub__Members__SecurityStampValidationSeconds=${STAMP_CHECK_SECONDS:-3600}

# --- 2. a members-only video and a session that plays it, through the Management API ---------------------------------
API=$BASE/umbraco/management/api/v1
TOKEN=$(curl -fsS "$API/security/back-office/token" -d grant_type=client_credentials -d client_id=$API_ID -d client_secret=$API_SECRET | jq -r .access_token)
auth=(-H "Authorization: Bearer $TOKEN")

python3 - "$WORK/video.mp4" "$VIDEO_MB" <<'PY'
import struct, sys
path, mb = sys.argv[1], int(sys.argv[2])
brands = b"isom" + b"isom" + b"iso2" + b"avc1" + b"mp41"
ftyp = struct.pack(">I", 8 + 4 + len(brands)) + b"ftyp" + brands[:4] + struct.pack(">I", 0x200) + brands[4:]
with open(path, "wb") as f:
    f.write(ftyp)
    block = bytes(range(256)) * 4096  # 1 MiB of varied bytes
    remaining = mb * 1024 * 1024 - len(ftyp)
    while remaining > 0:
        f.write(block[:min(len(block), remaining)]); remaining -= len(block)
PY
t=$(now_ms)
VIDEO_ID=$(curl -fsS "${auth[@]}" -H 'Content-Type: application/octet-stream' --data-binary "@$WORK/video.mp4" \
  "$API/media?fileName=bench-session.mp4&membersOnly=true" | jq -r '.id')
echo "uploaded the $VIDEO_MB MB video as members-only media in $(( $(now_ms) - t )) ms ($VIDEO_ID)"

HOME_ID=$(curl -fsS "${auth[@]}" "$API/tree/document/root" | jq -r '.items[] | select(.documentType.alias=="home") | .id')
SESSIONS_ID=$(curl -fsS "${auth[@]}" "$API/tree/document/children?parentId=$HOME_ID" | jq -r '.items[] | select(.documentType.alias=="expertSessionIndex") | .id')
SESSION_ID=$(curl -fsS "${auth[@]}" -H 'Content-Type: application/json' "$API/document" -d '{
  "parent": {"id": "'"$SESSIONS_ID"'"}, "documentType": {"alias": "expertSession"},
  "variants": [{"culture": "uk", "name": "Сесія для вимірювань '"$(date +%s)"'"}],
  "values": [{"alias": "date", "culture": null, "value": {"local": "2026-11-20T11:00", "zone": "Europe/Kyiv"}},
             {"alias": "video", "culture": null, "value": ["'"$VIDEO_ID"'"]},
             {"alias": "summary", "culture": "uk", "value": "Сесія, на якій вимірюють сторінку для членів Клубу."},
             {"alias": "description", "culture": "uk", "value": "<p>Опис сесії.</p>"}]}' | jq -r .id)
SESSION=$(curl -fsS -X PUT "${auth[@]}" -H 'Content-Type: application/json' "$API/document/$SESSION_ID/publish" -d '{"cultures": ["uk"]}' \
  | jq -r '.variants[] | select(.culture=="uk") | .url')
VIDEO_URL=/members/media/$SESSION_ID/$VIDEO_ID/bench-session.mp4
echo "session: $SESSION"

# --- 3. a member, signed in once -------------------------------------------------------------------------------------
if [ -z "${MEMBER_COOKIE:-}" ]; then
  python3 - "$DATA/mayorsclub.sqlite.db" "$MEMBER_EMAIL" "$MEMBER_PASSWORD" <<'PY'
import base64, hashlib, os, sqlite3, struct, sys, uuid, datetime
db, email, password = sys.argv[1:4]
# ASP.NET Core Identity's v3 password hash: PBKDF2 with HMAC-SHA512, 100,000 iterations, 16-byte salt, 32-byte key.
salt = os.urandom(16)
key = hashlib.pbkdf2_hmac("sha512", password.encode(), salt, 100_000, 32)
hashed = base64.b64encode(b"\x01" + struct.pack(">III", 2, 100_000, 16) + salt + key).decode()
member = str(uuid.uuid4()).upper()
now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S")
con = sqlite3.connect(db, timeout=30)
con.execute("""INSERT INTO Members (Id, Name, Position, Community, Region, PreferredCulture, IsApproved, CreatedUtc, UserName,
  NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, PasswordHash, SecurityStamp, ConcurrencyStamp, PhoneNumberConfirmed,
  TwoFactorEnabled, LockoutEnabled, AccessFailedCount)
  VALUES (?, 'Bench Member', 'Міський голова', 'Тестова громада', 'UA-32', 'uk', 1, ?, ?, ?, ?, ?, 1, ?, ?, ?, 0, 0, 1, 0)""",
  (member, now, email, email.upper(), email, email.upper(), hashed, str(uuid.uuid4()).upper().replace("-", ""), str(uuid.uuid4())))
con.execute("INSERT INTO MemberGroupMemberships (UserId, RoleId) VALUES (?, ?)", (member, "6F1D6C1E-3A52-4A43-9D34-0C5A1E6F0A01"))
con.commit()
PY
  jar=$WORK/cookies
  form=$(curl -fsS -c "$jar" "$BASE/uk/members/sign-in?returnUrl=$SESSION") || {
    echo "no members' sign-in page at /uk/members/sign-in yet: merge helper \"accounts\" or set MEMBER_COOKIE" >&2; exit 1; }
  token=$(grep -oE 'name="__RequestVerificationToken" type="hidden" value="[^"]+"' <<<"$form" | head -1 | sed -E 's/.*value="([^"]+)"/\1/')
  curl -fsS -o /dev/null -b "$jar" -c "$jar" "$BASE/uk/members/sign-in?returnUrl=$SESSION" \
    --data-urlencode "$SIGNIN_EMAIL_FIELD=$MEMBER_EMAIL" --data-urlencode "$SIGNIN_PASSWORD_FIELD=$MEMBER_PASSWORD" \
    --data-urlencode "__RequestVerificationToken=$token"
  value=$(awk '$6 == "mc_member" { print $7 }' "$jar")
  if [ -z "$value" ]; then echo "signing in did not set the mc_member cookie (field names: SIGNIN_EMAIL_FIELD, SIGNIN_PASSWORD_FIELD)" >&2; exit 1; fi
  # As a browser would, the requests also send the antiforgery cookie the sign-in page set (the member's header has
  # a sign-out form: without it, every page would also mint a new antiforgery cookie).
  antiforgery=$(awk '$6 ~ /^\.AspNetCore\.Antiforgery\./ { print $6 "=" $7 }' "$jar" | head -1)
  MEMBER_COOKIE="mc_member=$value${antiforgery:+; $antiforgery}"
fi
member_html=$(curl -fsS -H "Cookie: $MEMBER_COOKIE" "$BASE$SESSION")
grep -q "<video" <<<"$member_html" || { echo "the member's session page has no player: not signed in?" >&2; exit 1; }
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $MEMBER_COOKIE" -H 'Range: bytes=0-1048575' "$BASE$VIDEO_URL")
[ "$code" = 206 ] || { echo "a range request for the video answered $code, not 206" >&2; exit 1; }
mkdir -p "$STATIC_DIR"
cp "$WORK/video.mp4" "$STATIC_DIR/video.mp4"
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Range: bytes=0-1048575' "$BASE/bench/video.mp4")
[ "$code" = 206 ] || { echo "the static copy answered $code, not 206" >&2; exit 1; }

# --- 4. measure -------------------------------------------------------------------------------------------------------
# wrk: the member's cookie on every request; for files, a 1 MiB range at a random offset of the file.
cat >"$WORK/member.lua" <<LUA
wrk.headers["Cookie"] = "$MEMBER_COOKIE"
LUA
cat >"$WORK/ranges.lua" <<LUA
local size = $(( VIDEO_MB * 1024 * 1024 ))
local chunk = 1048576
wrk.headers["Cookie"] = "$MEMBER_COOKIE"
math.randomseed(42)
request = function()
  local from = math.random(0, math.floor((size - chunk) / chunk)) * chunk
  wrk.headers["Range"] = "bytes=" .. from .. "-" .. (from + chunk - 1)
  return wrk.format("GET")
end
LUA

NAMES=("member's session page" "anonymous session page (cached)" "video, 1 MiB ranges (members)" "video, 1 MiB ranges (static file)")
URLS=("$SESSION" "$SESSION" "$VIDEO_URL" /bench/video.mp4)
SCRIPTS=("$WORK/member.lua" "" "$WORK/ranges.lua" "$WORK/ranges.lua")
RPS=(); P50=(); P99=(); THROUGHPUT=()
for i in "${!URLS[@]}"; do
  script=(); [ -z "${SCRIPTS[$i]}" ] || script=(-s "${SCRIPTS[$i]}")
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "${script[@]}" "$BASE${URLS[$i]}" >/dev/null
  wait_for_quiet
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "${script[@]}" "$BASE${URLS[$i]}")
  if grep -q "Non-2xx or 3xx responses" <<<"$out"; then echo "${NAMES[$i]}: some answers were not 2xx:" >&2; echo "$out" >&2; exit 1; fi
  RPS+=("$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$out")")
  P50+=("$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")")
  P99+=("$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")")
  THROUGHPUT+=("$(awk '/^Transfer\/sec:/ {print $2}' <<<"$out")")
done

echo
printf '%-36s %12s %10s %10s %14s\n' "" "requests/s" "p50 ms" "p99 ms" "transfer/s"
for i in "${!NAMES[@]}"; do
  printf '%-36s %12s %10s %10s %14s\n' "${NAMES[$i]}" "${RPS[$i]}" "${P50[$i]}" "${P99[$i]}" "${THROUGHPUT[$i]}"
done
echo
page_ok=$(awk -v r="${RPS[0]}" -v p="${P99[0]}" 'BEGIN { print (r >= 3000 && p < 25) ? 1 : 0 }')
# Both file runs move 1 MiB per request, so their throughput ratio is their requests/s ratio.
share=$(awk -v a="${RPS[2]}" -v b="${RPS[3]}" 'BEGIN { printf "%.0f", (b > 0 ? 100 * a / b : 0) }')
echo "member's page ≥ 3,000 requests/s with p99 < 25 ms: $(met "$page_ok")"
echo "range requests at ≥ 70 % of the static file's throughput: $share % — $(met "$(( share >= 70 ? 1 : 0 ))")"
echo "load average after the runs: $(loadavg); resident memory: $(mem_mb VmRSS) MB"
[ "$DRY_RUN" != 1 ] || echo "(dry run: the figures above check the script, not the site)"
