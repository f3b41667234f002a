#!/usr/bin/env bash
# Installs the .deb built by installers/build.sh and checks the installed app:
#   1. dpkg -i (apt-get -f install for missing dependencies), launcher; /usr/bin link, menu entry and
#      icons are files of the package (dpkg -S); the menu entry is valid (desktop-file-validate)
#   2. sstp-doctor --version shows the pom version
#   3. a probe against the built-in responder (serve) over TLS with the practice CA: exit 0 and the
#      Call Connect Ack (verdict pass, or warn for the Windows versions its TLS leaves out);
#      and against its "nak" scenario: exit code 1
#   4. the GUI under Xvfb, with a screenshot (assets/screenshots/linux-installed.png by default)
#      and the window's class (WM_CLASS) is the menu entry's StartupWMClass
#   5. start-up benchmark: process start to first painted page, 1 warm-up + 7 runs, median and max
#      (figures, no assertion), written with the installed size to measured-installed.env beside the
#      .deb, from which installers/measured-here.sh makes the README's table
#   6. remove (the start-up archive goes too, nothing is left in /opt/sstp-doctor), then purge
#      (no trace in dpkg's database)
# Usage, as root (or with sudo):
#   installers/smoke-test-linux.sh [PATH.deb] [--keep] [--runs N] [--screenshot FILE]
#   --keep   leave the package installed (default: removed and purged at the end)
#   --runs   number of timed start-up runs after the warm-up (default 7)
# Needs: xvfb, xdotool, x11-utils, imagemagick, unzip, desktop-file-utils (installed with apt-get when
# missing).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DEB=""
KEEP=false
RUNS=7
SHOT="$ROOT/assets/screenshots/linux-installed.png"
while (($#)); do
  case "$1" in
    --keep) KEEP=true ;;
    --runs) RUNS=$2; shift ;;
    --screenshot) SHOT=$2; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *.deb) DEB=$1 ;;
    *) echo "smoke-test-linux.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
  shift
done
if [[ -z "$DEB" ]]; then
  DEB=$(ls "$ROOT"/target/installer/sstp-doctor_*.deb 2>/dev/null | head -1 || true)
fi
[[ -f "$DEB" ]] || { echo "no .deb found: run installers/build.sh first, or pass the .deb's path" >&2; exit 2; }
# Beside the .deb: the installed figures for installers/measured-here.sh.
FIGURES="$(cd "$(dirname "$DEB")" && pwd)/measured-installed.env"
[[ $(id -u) -eq 0 ]] || { echo "run it as root (or with sudo): it installs and removes the package" >&2; exit 2; }

FAILED=0
ok()   { printf '  ok    %s\n' "$*"; }
bad()  { printf '  FAIL  %s\n' "$*"; FAILED=$((FAILED + 1)); }
step() { printf '\n== %s\n' "$*"; }

need=()
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xdotool >/dev/null || need+=(xdotool)
command -v xprop >/dev/null || need+=(x11-utils)
command -v import >/dev/null || need+=(imagemagick)
command -v unzip >/dev/null || need+=(unzip)
command -v desktop-file-validate >/dev/null || need+=(desktop-file-utils)
if ((${#need[@]})); then
  step "installing test tools: ${need[*]}"
  tools_log=$(mktemp)
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}"; } \
    >"$tools_log" 2>&1 || { cat "$tools_log"; exit 1; }
  rm -f "$tools_log"
fi

WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
  if [[ "$KEEP" == false ]] && dpkg-query -W sstp-doctor >/dev/null 2>&1; then
    dpkg --purge sstp-doctor >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

# ---------------------------------------------------------------- 1. install
step "installing $(basename "$DEB") ($(du -h "$DEB" | cut -f1))"
echo "  Depends: $(dpkg-deb -f "$DEB" Depends)"
before=$(dpkg-query -W -f='${binary:Package}\n' | sort)
if ! dpkg -i "$DEB" >"$WORK/dpkg.log" 2>&1; then
  echo "  (dpkg -i wants dependencies that are not installed; apt-get -f install, as a user would)"
  DEBIAN_FRONTEND=noninteractive apt-get install -f -y -q --no-install-recommends >>"$WORK/dpkg.log" 2>&1 || { cat "$WORK/dpkg.log"; exit 1; }
fi
added=$(comm -13 <(echo "$before") <(dpkg-query -W -f='${binary:Package}\n' | sort) | grep -vx 'sstp-doctor' || true)
echo "  packages added besides sstp-doctor: $(printf '%s' "$added" | grep -c . || true)${added:+ ($(echo $added | cut -c1-300))}"
grep -i 'xdg' "$WORK/dpkg.log" | sed 's/^/  | /' || true
dpkg -s sstp-doctor | grep -q '^Status: install ok installed' && ok "package installed: $(dpkg-query -W -f='${Version}, ${Installed-Size} KiB' sstp-doctor)" || bad "package not installed"
APP=/opt/sstp-doctor/bin/sstp-doctor
[[ -x "$APP" ]] && ok "launcher $APP" || bad "no launcher at $APP"
[[ "$(readlink /usr/bin/sstp-doctor || true)" == "$APP" ]] && ok "/usr/bin/sstp-doctor -> $APP" || bad "/usr/bin/sstp-doctor link missing"
DESKTOP=/usr/share/applications/sstp-doctor.desktop
UNIT=/lib/systemd/system/sstp-doctor-exporter.service
for file in /usr/bin/sstp-doctor "$DESKTOP" /usr/share/icons/hicolor/48x48/apps/sstp-doctor.png "$UNIT" \
    /usr/share/doc/sstp-doctor/prometheus/prometheus.yml; do
  owner=$(dpkg -S "$file" 2>/dev/null | cut -d: -f1 || true)
  [[ "$owner" == sstp-doctor ]] && ok "dpkg -S $file: sstp-doctor" || bad "$file is not a file of the package (dpkg -S: '${owner:-nothing}')"
done
if command -v systemd-analyze >/dev/null 2>&1 && [[ -f "$UNIT" ]]; then
  systemd-analyze verify "$UNIT" >"$WORK/unit.log" 2>&1 && ok "systemd-analyze verify $UNIT: no complaints" \
    || { bad "systemd-analyze verify $UNIT:"; sed 's/^/  | /' "$WORK/unit.log"; }
fi
[[ ! -e /etc/systemd/system/multi-user.target.wants/sstp-doctor-exporter.service ]] && ok "exporter unit installed disabled" \
  || bad "the exporter unit was enabled by the install"
if [[ -f "$DESKTOP" ]]; then
  ok "menu entry $DESKTOP ($(grep '^Name=' "$DESKTOP"), $(grep '^Categories=' "$DESKTOP"), $(grep '^StartupWMClass=' "$DESKTOP"))"
  desktop-file-validate "$DESKTOP" >"$WORK/validate.log" 2>&1 && ok "desktop-file-validate: no complaints" \
    || { bad "desktop-file-validate:"; sed 's/^/  | /' "$WORK/validate.log"; }
  icon=$(sed -n 's/^Icon=//p' "$DESKTOP")
  icons=$(ls /usr/share/icons/hicolor/*/apps/"$icon".* 2>/dev/null | wc -l)
  [[ $icons -ge 1 ]] && ok "icon '$icon': $icons sizes in /usr/share/icons/hicolor" || bad "menu entry's icon '$icon' is missing"
else
  bad "no menu entry $DESKTOP"
fi
JSA=/opt/sstp-doctor/lib/app/sstp-doctor.jsa
if [[ -f "$JSA" ]]; then
  # -Xshare:on makes the JVM fail instead of silently starting without an archive it cannot use.
  if JAVA_TOOL_OPTIONS=-Xshare:on "$APP" --version >/dev/null 2>&1; then
    ok "start-up archive $JSA ($(du -h "$JSA" | cut -f1)) made by the postinst and usable"
  else
    bad "start-up archive $JSA exists but the JVM cannot use it"
  fi
else
  bad "no start-up archive $JSA (postinst: /opt/sstp-doctor/lib/sstp-doctor-cds)"
fi
INSTALLED_KIB=$(du -sk /opt/sstp-doctor | cut -f1)
ARCHIVE_KIB=$(du -k "$JSA" 2>/dev/null | cut -f1 || echo 0)
echo "  on disk: du -sk /opt/sstp-doctor: $INSTALLED_KIB KiB, of which the start-up archive $ARCHIVE_KIB KiB"

# ---------------------------------------------------------------- 2. version
step "sstp-doctor --version"
VERSION_OUT=$(sstp-doctor --version 2>&1) || bad "--version exited with $?"
echo "$VERSION_OUT" | sed 's/^/  | /'
POM_VERSION=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -2 | tail -1)
if [[ -f "$ROOT/target/maven-archiver/pom.properties" ]]; then
  POM_VERSION=$(sed -n 's/^version=//p' "$ROOT/target/maven-archiver/pom.properties")
fi
echo "$VERSION_OUT" | grep -qF "SSTP Doctor $POM_VERSION" && ok "version $POM_VERSION" || bad "expected 'SSTP Doctor $POM_VERSION'"

# ---------------------------------------------------------------- 3. probe against serve
serve() { # serve SCENARIO -> sets PORT; the responder stops by itself after 2 minutes
  local log="$WORK/serve-$1.log"
  sstp-doctor serve --port 0 --scenario "$1" --write-ca "$WORK/ca.pem" --for 120s >"$log" 2>&1 &
  PIDS+=($!)
  PORT=""
  for _ in $(seq 1 150); do
    PORT=$(sed -n 's/^Listening on [^ ]*:\([0-9]*\)\..*/\1/p' "$log")
    [[ -n "$PORT" ]] && return 0
    sleep 0.1
  done
  cat "$log"; return 1
}
step "probe against the built-in responder (scenario working)"
serve working || bad "serve did not start"
set +e
sstp-doctor probe "localhost:$PORT" --proxy none --trust-ca "$WORK/ca.pem" >"$WORK/probe.txt" 2>&1
code=$?
sstp-doctor probe "localhost:$PORT" --proxy none --trust-ca "$WORK/ca.pem" --json >"$WORK/probe.json" 2>"$WORK/probe-json.err"
jcode=$?
set -e
# (head after sed would kill sed with SIGPIPE on a long report, which pipefail makes the script's exit.)
head -30 "$WORK/probe.txt" | sed 's/^/  | /'
[[ $code -eq 0 ]] && ok "probe exit code 0 (reachable)" || bad "probe exit code $code, expected 0"
[[ $jcode -eq 0 ]] || bad "probe --json exit code $jcode, expected 0"
# The practice server answers as a working server (the Call Connect Ack); the verdict may still be a
# warning (its TLS 1.2+ offer leaves Windows 7 out), which exits 0 too.
python3 - "$WORK/probe.json" <<'PY' && ok "JSON report: verdict pass or warn, the SSTP answer CALL_CONNECT_ACK, TLS as above" || bad "JSON report not as expected (exit $jcode)"
import json, sys
r = json.load(open(sys.argv[1]))
print("  | verdict=%s outcome=%s answer=%s tls=%s %s key=%s" % (r["verdict"], r["outcome"], r["sstp"]["answer"],
      r["tls"]["protocol"], r["tls"]["cipherSuite"], r["tls"]["chain"][0]["keyAlgorithm"]))
sys.exit(0 if r["verdict"] in ("pass", "warn") and r["sstp"]["answer"] == "CALL_CONNECT_ACK" else 1)
PY
step "probe against the built-in responder (scenario nak)"
serve nak || bad "serve did not start"
set +e
sstp-doctor probe "localhost:$PORT" --proxy none --trust-ca "$WORK/ca.pem" >"$WORK/nak.txt" 2>&1
code=$?
set -e
grep -m1 -i 'nak' "$WORK/nak.txt" | sed 's/^/  | /' || true
[[ $code -eq 1 ]] && ok "probe exit code 1 (failure diagnosed)" || bad "probe exit code $code, expected 1"

# ---------------------------------------------------------------- 4. GUI under Xvfb
step "GUI under Xvfb"
DISPLAY_NUM=:$((90 + RANDOM % 9))
Xvfb "$DISPLAY_NUM" -screen 0 1280x800x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XVFB=$!
PIDS+=($XVFB)
export DISPLAY=$DISPLAY_NUM
for _ in $(seq 1 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
# Started as the menu entry starts it (its Exec line, no arguments).
EXEC=$(sed -n 's/^Exec=//p' "${DESKTOP:-/dev/null}" 2>/dev/null || true)
"${EXEC:-$APP}" >"$WORK/gui.log" 2>&1 &
GUI=$!
PIDS+=($GUI)
WIN=""
for _ in $(seq 1 150); do
  WIN=$(xdotool search --onlyvisible --name 'SSTP Doctor' 2>/dev/null | head -1 || true)
  [[ -n "$WIN" ]] && break
  kill -0 $GUI 2>/dev/null || break
  sleep 0.1
done
if [[ -n "$WIN" ]]; then
  # A mapped window is not yet a painted one (on a busy machine it stays blank for a while): wait up to
  # 30 s for more than a handful of colours, then a moment for the page to settle.
  mkdir -p "$(dirname "$SHOT")"
  for _ in $(seq 1 60); do
    import -window root "$SHOT"
    [[ $(convert "$SHOT" -format %k info:) -gt 16 ]] && break
    sleep 0.5
  done
  sleep 1
  import -window root "$SHOT"
  ok "window '$(xdotool getwindowname "$WIN")' $(xdotool getwindowgeometry "$WIN" | sed -n 's/.*Geometry: //p'), screenshot $SHOT"
  wm_class=$(xprop -id "$WIN" WM_CLASS 2>/dev/null | sed -n 's/^WM_CLASS(STRING) = //p')
  startup_class=$(sed -n 's/^StartupWMClass=//p' "$DESKTOP" 2>/dev/null)
  # WM_CLASS is "instance", "class"; docks match StartupWMClass against either.
  if [[ -n "$startup_class" && ( "$wm_class" == "\"$startup_class\", "* || "$wm_class" == *", \"$startup_class\"" ) ]]; then
    ok "window class $wm_class matches the menu entry's StartupWMClass=$startup_class"
  else
    bad "window class '${wm_class:-none}' does not match StartupWMClass='$startup_class'"
  fi
  colors=$(convert "$SHOT" -format %k info:)
  [[ $colors -gt 16 ]] && ok "screenshot has $colors colours (the window painted)" || bad "screenshot has only $colors colours"
  # Enter = Next: the address page is loaded on demand and uses ControlsFX, which needs the runtime's
  # --add-exports; a missing one shows only here, not on the first page.
  xdotool key Return; sleep 2
  import -window root "$WORK/address-page.png"
  if cmp -s "$SHOT" "$WORK/address-page.png"; then
    bad "Enter did not move to the address page"
  else
    ok "Enter moved to the address page ($WORK/address-page.png)"
  fi
else
  bad "no 'SSTP Doctor' window within 15 s"; sed 's/^/  | /' "$WORK/gui.log"
fi
kill $GUI 2>/dev/null || true
wait $GUI 2>/dev/null || true
if grep -qE '^Exception in|^Caused by' "$WORK/gui.log"; then
  bad "the GUI threw at start:"; grep -E '^Exception in|^Caused by' "$WORK/gui.log" | head -5 | sed 's/^/  | /'
else
  grep -E 'Exception|Error' "$WORK/gui.log" | head -5 | sed 's/^/  | /' || true
fi

# ---------------------------------------------------------------- 5. start-up benchmark
step "start-up: installed launcher, process start to first painted page (1 warm-up + $RUNS runs)"
LOAD_AVERAGE=$(cut -d' ' -f1 /proc/loadavg)
echo "  load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
# The app prints first-paint-ms=N (JVM start to the second animation pulse after show) when started with
# -Dsstpdoctor.measureStartup=true, then exits. JAVA_TOOL_OPTIONS reaches the JVM through the jpackage launcher.
# Builds without that switch are timed from outside instead: launcher start until the window is mapped.
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
paint=(); wall=(); how=window
# (grep without -q reads all of unzip's output: with -q it would stop early, unzip would die of SIGPIPE
# and pipefail would make the test look false.)
if unzip -p /opt/sstp-doctor/lib/app/sstp-doctor.jar 'org/sstpdoctor/ui/*.class' 2>/dev/null | grep -a 'sstpdoctor.measureStartup' >/dev/null; then
  how=app
fi
for run in $(seq 0 "$RUNS"); do
  t0=$(now_ms)
  ms=""; t1=""
  if [[ "$how" == app ]]; then
    # The app exits right after printing first-paint-ms: wait for it instead of polling, so the
    # measurement does not compete with a polling loop for the 2 cores. Wall time includes the exit.
    JAVA_TOOL_OPTIONS="-Dsstpdoctor.measureStartup=true" timeout 60 "$APP" >"$WORK/start.log" 2>&1 || true
    t1=$(now_ms); ms=$(sed -n 's/^first-paint-ms=//p' "$WORK/start.log")
  else
    "$APP" >"$WORK/start.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 1500); do
      if xdotool search --onlyvisible --name 'SSTP Doctor' >/dev/null 2>&1; then
        t1=$(now_ms); ms=$((t1 - t0)); break
      fi
      kill -0 $pid 2>/dev/null || break
      sleep 0.02
    done
    kill $pid 2>/dev/null || true
    wait $pid 2>/dev/null || true
  fi
  if [[ -z "$ms" ]]; then bad "run $run: no first paint"; sed 's/^/  | /' "$WORK/start.log"; continue; fi
  if ((run == 0)); then echo "  warm-up: ${ms} ms"; continue; fi
  paint+=("$ms"); wall+=($((t1 - t0)))
  if [[ "$how" == app ]]; then
    echo "  run $run: first paint ${ms} ms (process ran $((t1 - t0)) ms in all, exit included)"
  else
    echo "  run $run: window mapped after ${ms} ms (polled with xdotool, which itself costs CPU)"
  fi
done
if ((${#paint[@]})); then
  median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
  max() { printf '%s\n' "$@" | sort -n | tail -1; }
  if [[ "$how" == app ]]; then
    echo "  first-paint-ms (JVM start to painted first page, reported by the app): median $(median "${paint[@]}"), max $(max "${paint[@]}")"
    echo "  whole process from launcher start to exit (exit included): median $(median "${wall[@]}") ms, max $(max "${wall[@]}") ms"
    # For installers/measured-here.sh, which writes the README's "Measured here" table from it.
    if [[ -d "$(dirname "$FIGURES")" ]]; then
      {
        echo "MEASURED_AT='$(date -u '+%Y-%m-%d %H:%M UTC')'"
        echo "INSTALLED_KIB=$INSTALLED_KIB"
        echo "ARCHIVE_KIB=${ARCHIVE_KIB:-0}"
        echo "PAINT_RUNS=${#paint[@]}"
        echo "PAINT_MEDIAN_MS=$(median "${paint[@]}")"
        echo "PAINT_MAX_MS=$(max "${paint[@]}")"
        echo "WALL_MEDIAN_MS=$(median "${wall[@]}")"
        echo "WALL_MAX_MS=$(max "${wall[@]}")"
        echo "LOAD_AVERAGE=$LOAD_AVERAGE"
      } > "$FIGURES"
      echo "  figures written to $FIGURES (installers/measured-here.sh --update puts them in installers/README.md)"
    fi
  else
    echo "  median: $(median "${paint[@]}") ms, max $(max "${paint[@]}") ms from launcher start to the window being mapped (this build has no -Dsstpdoctor.measureStartup)"
  fi
fi

kill $XVFB 2>/dev/null || true

# ---------------------------------------------------------------- 6. remove and purge
if [[ "$KEEP" == false ]]; then
  step "remove, then purge"
  kill "${PIDS[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  if dpkg -r sstp-doctor >"$WORK/remove.log" 2>&1; then
    ok "dpkg -r sstp-doctor"
  else
    bad "dpkg -r failed:"; sed 's/^/  | /' "$WORK/remove.log"
  fi
  left=$(find /opt/sstp-doctor /usr/bin/sstp-doctor "$DESKTOP" 2>/dev/null || true)
  [[ -z "$left" ]] && ok "nothing left in /opt/sstp-doctor, /usr/bin or the menu (start-up archive included)" \
    || { bad "left behind after remove:"; echo "$left" | head -10 | sed 's/^/  | /'; }
  dpkg --purge sstp-doctor >"$WORK/purge.log" 2>&1 || { bad "dpkg --purge failed:"; sed 's/^/  | /' "$WORK/purge.log"; }
  state=$(dpkg-query -W -f='${db:Status-Abbrev}' sstp-doctor 2>/dev/null || true)
  [[ -z "$state" || "$state" == "pn "* || "$state" == "un "* ]] && ok "purged: dpkg knows nothing of sstp-doctor (state '${state:-none}')" \
    || bad "after purge dpkg still lists sstp-doctor in state '$state'"
fi

step "result"
if ((FAILED)); then echo "  $FAILED check(s) failed"; exit 1; fi
echo "  all checks passed"
