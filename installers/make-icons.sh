#!/usr/bin/env bash
# Regenerates the application icons in assets/icons/ from assets/icons/sstp-doctor.svg.
# The generated files are committed, so the installer build does not need this script or its tools.
# Needs (Debian): librsvg2-bin (rsvg-convert), imagemagick (convert), python3.
set -euo pipefail
cd "$(dirname "$0")/../assets/icons"
for tool in rsvg-convert convert python3; do
  command -v "$tool" >/dev/null || { echo "make-icons.sh: '$tool' is missing: apt-get install librsvg2-bin imagemagick python3" >&2; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$size" -h "$size" sstp-doctor.svg -o "$tmp/$size.png"
done
cp "$tmp/512.png" sstp-doctor.png        # Linux (jpackage --icon), window icon
cp "$tmp/256.png" sstp-doctor-256.png
# Windows: one .ico holding 16..256 (256 stored as PNG, the rest as bitmaps, as Windows expects).
convert "$tmp/16.png" "$tmp/24.png" "$tmp/32.png" "$tmp/48.png" "$tmp/64.png" "$tmp/128.png" "$tmp/256.png" \
  -strip sstp-doctor.ico
# macOS: .icns with PNG-encoded members (the member set Apple's iconutil writes; macOS 10.7+).
python3 - "$tmp" sstp-doctor.icns <<'PY'
import struct, sys, os
src, out = sys.argv[1], sys.argv[2]
members = [("icp4", 16), ("icp5", 32), ("ic07", 128), ("ic08", 256),
           ("ic09", 512), ("ic10", 1024), ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512)]
body = b""
for kind, size in members:
    data = open(os.path.join(src, f"{size}.png"), "rb").read()
    body += kind.encode("ascii") + struct.pack(">I", len(data) + 8) + data
open(out, "wb").write(b"icns" + struct.pack(">I", len(body) + 8) + body)
PY
ls -l sstp-doctor.png sstp-doctor-256.png sstp-doctor.ico sstp-doctor.icns
