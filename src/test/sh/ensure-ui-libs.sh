#!/usr/bin/env bash
# The headless UI tests (TestFX on Monocle) render text with JavaFX's Pango/FreeType font code, which
# needs these libraries and at least one font. A fresh Debian with only a JDK may lack them, so the
# test build installs them with apt when it can; otherwise it says exactly what to install.
set -uo pipefail
packages=(libpango-1.0-0 libpangoft2-1.0-0 libfontconfig1 libfreetype6 fonts-dejavu-core)
command -v dpkg >/dev/null 2>&1 || exit 0   # not Debian-like: nothing to check here
missing=()
for p in "${packages[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "UI tests need: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo -n"
else
    echo "Install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
