#!/usr/bin/env bash
# Prints the "Measured here" table of installers/README.md from what is on disk, so that its figures
# (file names, sizes, Installed-Size, Depends, start-up) come from a command and never go stale by hand:
#   - the built .deb and app image in target/installer/ (installers/build.sh);
#   - the installed figures the smoke test wrote to target/installer/measured-installed.env
#     (installers/smoke-test-linux.sh: installed size on disk, start-up archive, first paint).
# Usage:
#   installers/measured-here.sh            print the table (Markdown)
#   installers/measured-here.sh --update   also replace the table in installers/README.md (between the
#                                          measured-here markers) and the .deb's file name in both READMEs
# Exits 2 with a message when there is nothing built to measure.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT="$ROOT/target/installer"
UPDATE=false
case "${1:-}" in
  --update) UPDATE=true ;;
  "") ;;
  -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
  *) echo "measured-here.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
esac

DEB=$(ls "$OUT"/sstp-doctor_*.deb 2>/dev/null | head -1 || true)
TARBALL=$(ls "$OUT"/sstp-doctor-*-linux-*.tar.gz 2>/dev/null | head -1 || true)
[[ -n "$DEB" && -n "$TARBALL" ]] || { echo "measured-here.sh: no .deb and app image in $OUT: run installers/build.sh first" >&2; exit 2; }
command -v dpkg-deb >/dev/null || { echo "measured-here.sh: dpkg-deb is missing (apt-get install dpkg)" >&2; exit 2; }

deb_name=$(basename "$DEB")
tar_name=$(basename "$TARBALL")
rel_deb="target/installer/$deb_name"
rel_tar="target/installer/$tar_name"
bytes() { stat -c %s "$1"; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1e6 }'; }
grouped() { echo "$1" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/' -e 'ta'; }

deb_bytes=$(bytes "$DEB")
tar_bytes=$(bytes "$TARBALL")
installed_size=$(dpkg-deb -f "$DEB" Installed-Size)
depends=$(dpkg-deb -f "$DEB" Depends)
depends_count=$(echo "$depends" | tr ',' '\n' | grep -c .)
xdg=$(echo "$depends" | grep -q xdg-utils && echo "xdg-utils among them" || echo "no \`xdg-utils\`")
version=$(dpkg-deb -f "$DEB" Version)

ENV="$OUT/measured-installed.env"
if [[ -f "$ENV" ]]; then
  # shellcheck disable=SC1090
  . "$ENV"
fi

table() {
  echo "<!-- measured-here:begin (written by installers/measured-here.sh --update; do not edit by hand) -->"
  echo "$(lsb_release -ds 2>/dev/null || sed -n 's/^PRETTY_NAME="\(.*\)"/\1/p' /etc/os-release), $(nproc) cores, package $version, $(date -u -r "$DEB" '+%Y-%m-%d %H:%M UTC') (the .deb's build)."
  echo "Each figure with the command that gives it."
  echo
  echo "| what | figure | command |"
  echo "|---|---|---|"
  echo "| \`.deb\` | $(mb "$deb_bytes") ($(grouped "$deb_bytes") bytes) | \`stat -c %s $rel_deb\` |"
  echo "| dpkg Installed-Size | $(grouped "$installed_size") KiB | \`dpkg-deb -f $rel_deb Installed-Size\` |"
  echo "| \`Depends\` | $depends_count packages, $xdg | \`dpkg-deb -f $rel_deb Depends\` |"
  echo "| app image \`.tar.gz\` | $(mb "$tar_bytes") ($(grouped "$tar_bytes") bytes) | \`stat -c %s $rel_tar\` |"
  if [[ -n "${INSTALLED_KIB:-}" ]]; then
    echo "| \`/opt/sstp-doctor\` installed, start-up archive included | $(grouped "$INSTALLED_KIB") KiB, of which the archive $(grouped "${ARCHIVE_KIB:-0}") KiB | \`du -sk /opt/sstp-doctor /opt/sstp-doctor/lib/app/sstp-doctor.jsa\` (smoke test, $MEASURED_AT) |"
    echo "| installed app, process start to painted first page (\`first-paint-ms\`) | median ${PAINT_MEDIAN_MS} ms, max ${PAINT_MAX_MS} ms (${PAINT_RUNS} runs; load average ${LOAD_AVERAGE} on $(nproc) cores) | \`installers/smoke-test-linux.sh\` ($MEASURED_AT) |"
    echo "| the same, launcher start to process exit | median ${WALL_MEDIAN_MS} ms, max ${WALL_MAX_MS} ms | \`installers/smoke-test-linux.sh\` ($MEASURED_AT) |"
  else
    echo "| installed figures (size on disk, first paint) | not measured for this build | \`installers/smoke-test-linux.sh\`, as root, writes them to \`target/installer/measured-installed.env\` |"
  fi
  echo "<!-- measured-here:end -->"
}

TABLE=$(table)
echo "$TABLE"
if [[ "$UPDATE" == true ]]; then
  readme="$ROOT/installers/README.md"
  grep -q '^<!-- measured-here:begin' "$readme" || { echo "measured-here.sh: no measured-here markers in $readme" >&2; exit 1; }
  python3 - "$readme" "$TABLE" <<'PY'
import re, sys
path, table = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
text = re.sub(r"<!-- measured-here:begin.*?<!-- measured-here:end -->", lambda m: table, text, count=1, flags=re.S)
open(path, "w", encoding="utf-8").write(text)
PY
  # The .deb's file name wherever the READMEs name the one built today.
  sed -i -E "s/sstp-doctor_[0-9][0-9.]*-1_[a-z0-9]+\.deb/$deb_name/g" "$ROOT/README.md" "$readme"
  echo "updated $readme and the .deb's name in README.md" >&2
fi
