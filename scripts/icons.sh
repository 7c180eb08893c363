#!/usr/bin/env bash
# Makes the site's icons from the club's emblem (wwwroot/favicon.svg, drawn for this site):
# favicon.ico (16, 32, 48 px), apple-touch-icon.png (180 px, on a square: iOS rounds the corners itself)
# and the web app manifest's icons (192 and 512 px). The outputs are committed; run this after changing the emblem.
# Needs rsvg-convert (Debian: apt-get install librsvg2-bin) and python3.
set -euo pipefail
cd "$(dirname "$0")/../wwwroot"
command -v rsvg-convert >/dev/null || { echo "rsvg-convert is missing: apt-get install librsvg2-bin" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The square variant: the blue disc becomes the whole square, the drawing a little smaller inside it.
sed -e 's|<circle cx="24" cy="24" r="23" fill="#0f3470"/>|<rect width="48" height="48" fill="#0f3470"/><g transform="translate(4.8 4.8) scale(.8)">|' \
    -e 's|</svg>|</g></svg>|' favicon.svg > "$work/square.svg"

for size in 16 32 48; do rsvg-convert -w $size -h $size favicon.svg -o "$work/$size.png"; done
rsvg-convert -w 180 -h 180 "$work/square.svg" -o apple-touch-icon.png
mkdir -p icons
rsvg-convert -w 192 -h 192 "$work/square.svg" -o icons/icon-192.png
rsvg-convert -w 512 -h 512 "$work/square.svg" -o icons/icon-512.png

# An ICO file holding the three PNGs as they are (Windows Vista and every browser since read PNG entries).
python3 - "$work" <<'PY'
import struct, sys
work = sys.argv[1]
images = [(size, open(f"{work}/{size}.png", "rb").read()) for size in (16, 32, 48)]
header = struct.pack("<HHH", 0, 1, len(images))
offset = len(header) + 16 * len(images)
entries, data = b"", b""
for size, png in images:
    entries += struct.pack("<BBBBHHII", size, size, 0, 0, 1, 32, len(png), offset + len(data))
    data += png
open("favicon.ico", "wb").write(header + entries + data)
PY
echo "wrote wwwroot/favicon.ico, apple-touch-icon.png, icons/icon-192.png, icons/icon-512.png"
