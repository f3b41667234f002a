#!/usr/bin/env bash
# The exporter's end-to-end test runs a real Prometheus (and promtool checks the shipped configuration
# and alert rules). A fresh Debian has neither, so the test build installs Debian's prometheus package
# when it can (without its Recommends; nothing is started: the test runs its own on loopback);
# otherwise it says exactly what to install.
set -uo pipefail
command -v prometheus >/dev/null 2>&1 && command -v promtool >/dev/null 2>&1 && exit 0
command -v dpkg >/dev/null 2>&1 || { echo "The exporter test needs prometheus and promtool on PATH." >&2; exit 1; }
echo "The exporter test needs Debian's prometheus package (prometheus, promtool)."
if [ "$(id -u)" -eq 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo -n"
else
    echo "Install it with: sudo apt-get install -y --no-install-recommends prometheus" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# policy-rc.d 101 keeps the package's own service from starting, where an init system would start it.
policy=/usr/sbin/policy-rc.d
made_policy=""
if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null && $sudo chmod +x "$policy" && made_policy=1
fi
$sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends prometheus >/dev/null
rc=$?
[ -n "$made_policy" ] && $sudo rm -f "$policy"
exit $rc
