#!/usr/bin/env bash
# Builds the SSTP Doctor installer for the operating system it runs on:
#   Linux  -> target/installer/sstp-doctor_<version>-1_<Debian architecture>.deb, e.g. sstp-doctor_0.1.0-1_amd64.deb
#             target/installer/sstp-doctor-<version>-linux-<arch>.tar.gz (the app image, no install needed)
#   macOS  -> target/installer/sstp-doctor-<version>-macos-<arch>.dmg
# (Windows: installers/build.ps1.)
#
# Steps: ./mvnw package (the app jar and target/lib), jdeps (which JDK modules the app needs),
# jlink (a trimmed Java runtime that also holds the JavaFX modules), jpackage (the app image; on macOS
# also the .dmg), dpkg-deb (the .deb, see build_deb).
# Needs a JDK 17+ with jmods, jlink and jpackage (JAVA_HOME, or the java on PATH). On Debian/Ubuntu it
# installs binutils, dpkg-dev and xvfb itself when run as root; otherwise it names what is missing
# (xvfb is optional: without it the .deb makes no start-up archive on install).
#
# Options:  --skip-maven   reuse target/sstp-doctor.jar and target/lib from an earlier package
#           --app-image-only   stop after the app image (no .deb/.dmg)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

SKIP_MAVEN=false
IMAGE_ONLY=false
for arg in "$@"; do
  case "$arg" in
    --skip-maven) SKIP_MAVEN=true ;;
    --app-image-only) IMAGE_ONLY=true ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown option '$arg' (see --help)" >&2; exit 2 ;;
  esac
done

say() { printf '\n== %s\n' "$*"; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- the platform
case "$(uname -s)" in
  Linux) OS=linux ;;
  Darwin) OS=mac ;;
  MINGW*|MSYS*|CYGWIN*) die "on Windows run installers\\build.ps1 in PowerShell" ;;
  *) die "unsupported operating system $(uname -s)" ;;
esac
case "$(uname -m)" in
  x86_64|amd64) ARCH=x64 ;;
  aarch64|arm64) ARCH=aarch64 ;;
  *) ARCH=$(uname -m) ;;
esac

# ---------------------------------------------------------------- the JDK
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
  JDK="$JAVA_HOME"
else
  command -v java >/dev/null || die "no JDK found: install a JDK 17 (Debian: apt-get install openjdk-17-jdk) or set JAVA_HOME"
  JDK=$(dirname "$(dirname "$(readlink -f "$(command -v java)" 2>/dev/null || command -v java)")")
  [[ "$OS" == mac && -x /usr/libexec/java_home ]] && JDK=$(/usr/libexec/java_home -v 17+ 2>/dev/null || echo "$JDK")
fi
for tool in jlink jpackage jdeps; do
  [[ -x "$JDK/bin/$tool" ]] || die "$JDK has no bin/$tool: a full JDK 17 or later is needed (Debian: apt-get install openjdk-17-jdk)"
done
JAVA_FEATURE=$("$JDK/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
[[ "${JAVA_FEATURE%%.*}" -ge 17 ]] || die "JDK $JAVA_FEATURE at $JDK is too old: 17 or later is needed"
export JAVA_HOME="$JDK"
# The package is for the JDK's architecture, not necessarily the machine's (an x64 JDK under Rosetta on
# Apple silicon makes an x64 .dmg): name it after the JDK's.
JDK_ARCH=$("$JDK/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *os.arch = //p')
case "$JDK_ARCH" in
  x86_64|amd64) JDK_ARCH=x64 ;;
  aarch64|arm64) JDK_ARCH=aarch64 ;;
esac
if [[ -n "$JDK_ARCH" && "$JDK_ARCH" != "$ARCH" ]]; then
  echo "warning: $JDK is a $JDK_ARCH JDK on a $ARCH machine: the installer will be for $JDK_ARCH" >&2
  ARCH=$JDK_ARCH
fi

# ---------------------------------------------------------------- OS tools
if [[ "$OS" == linux ]]; then
  need_pkgs=()
  [[ -d "$JDK/jmods" ]] || need_pkgs+=("openjdk-${JAVA_FEATURE%%.*}-jmods")
  command -v objcopy >/dev/null || need_pkgs+=(binutils)
  command -v dpkg-deb >/dev/null || need_pkgs+=(dpkg)
  command -v dpkg-shlibdeps >/dev/null || need_pkgs+=(dpkg-dev)
  # The libraries JavaFX's native code links against: dpkg-shlibdeps reads their packages' symbols
  # files to compute the .deb's Depends, and recording the start-up class list runs the GUI.
  for lib in libgtk-3.so.0:libgtk-3-0 libGL.so.1:libgl1 libXtst.so.6:libxtst6 libXxf86vm.so.1:libxxf86vm1; do
    ldconfig -p | grep -q "${lib%%:*}" || need_pkgs+=("${lib#*:}")
  done
  # Xvfb records the start-up class list (see record_class_list); optional: installed only as root.
  [[ $(id -u) -eq 0 ]] && ! command -v Xvfb >/dev/null && need_pkgs+=(xvfb)
  if ((${#need_pkgs[@]})); then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
      say "installing ${need_pkgs[*]} (apt-get)"
      apt-get update -q >/dev/null
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need_pkgs[@]}" >/dev/null
    else
      die "missing: ${need_pkgs[*]}. Install them as root (or with sudo):  apt-get install ${need_pkgs[*]}"
    fi
  fi
fi
[[ -d "$JDK/jmods" ]] || die "$JDK has no jmods directory, which jlink needs (Debian/Ubuntu: apt-get install openjdk-${JAVA_FEATURE%%.*}-jmods; or use a Temurin JDK)"

# ---------------------------------------------------------------- the app jar
if [[ "$SKIP_MAVEN" == false ]]; then
  say "building the app jar (./mvnw -q -B -DskipTests package)"
  ./mvnw -q -B -DskipTests package
fi
[[ -f target/sstp-doctor.jar && -d target/lib ]] || die "target/sstp-doctor.jar or target/lib is missing: run without --skip-maven"

POM_VERSION=$(sed -n 's/^version=//p' target/maven-archiver/pom.properties)
[[ -n "$POM_VERSION" ]] || die "cannot read the version from target/maven-archiver/pom.properties"
# jpackage wants 1 to 3 numbers: 0.2.0-SNAPSHOT -> 0.2.0, 1.4 -> 1.4
APP_VERSION=$(printf '%s' "${POM_VERSION%%-*}" | grep -oE '^[0-9]+(\.[0-9]+){0,2}' || true)
[[ -n "$APP_VERSION" ]] || die "the pom version '$POM_VERSION' does not start with a number"
PKG_VERSION="$APP_VERSION"
if [[ "$OS" == mac && "${APP_VERSION%%.*}" == 0 ]]; then
  # macOS bundles (CFBundleVersion) refuse a first number of 0; 0.Y.Z is stamped 1.Y.Z on the bundle only.
  # The app itself (--version, reports) and the .dmg file name keep the pom version.
  APP_VERSION="1${APP_VERSION#0}"
fi

OUT="$ROOT/target/installer"
rm -rf "$OUT"
mkdir -p "$OUT/input/lib" "$OUT/javafx" "$OUT/natives"

# The class path part: the app jar and every library except JavaFX (JavaFX goes into the runtime image).
cp target/sstp-doctor.jar "$OUT/input/"
# JNA is left out: only org.sstpdoctor.settings.WindowsCredentialStore uses it, and CredentialStore
# creates that class only when os.name starts with "Windows" (build.ps1 keeps JNA). Nothing else in the
# app or its libraries references com.sun.jna; that is checked below.
# Exactly the jars the app jar's manifest names (Class-Path), never whatever else target/lib holds: a
# build directory keeps the jars of earlier versions of a dependency (copy-dependencies only adds), and
# two jackson-databind on one class path is a bug waiting to happen.
MANIFEST_DIR="$OUT/manifest"
mkdir -p "$MANIFEST_DIR"
(cd "$MANIFEST_DIR" && "$JDK/bin/jar" xf "$ROOT/target/sstp-doctor.jar" META-INF/MANIFEST.MF)
mapfile -t LIB_JARS < <(tr -d '\r' < "$MANIFEST_DIR/META-INF/MANIFEST.MF" | awk '
  /^Class-Path: / { on = 1; sub(/^Class-Path: /, ""); printf "%s", $0; next }
  on && /^ / { sub(/^ /, ""); printf "%s", $0; next }
  { on = 0 }' | tr ' ' '\n' | grep .)
rm -rf "$MANIFEST_DIR"
((${#LIB_JARS[@]})) || die "target/sstp-doctor.jar's manifest names no Class-Path"
for entry in "${LIB_JARS[@]}"; do
  [[ -f "target/$entry" ]] || die "target/$entry (in the jar's Class-Path) is missing: run without --skip-maven"
  case "$(basename "$entry")" in javafx-*|jna-*) ;; *) cp "target/$entry" "$OUT/input/lib/" ;; esac
done
JNA_CHECK="$OUT/jna-check"
mkdir -p "$JNA_CHECK"
for jar in "$OUT"/input/sstp-doctor.jar "$OUT"/input/lib/*.jar; do
  (cd "$JNA_CHECK" && "$JDK/bin/jar" xf "$jar")
done
users=$(grep -rl --include='*.class' 'com/sun/jna' "$JNA_CHECK" | sed "s|^$JNA_CHECK/||" \
  | grep -v '^org/sstpdoctor/settings/WindowsCredentialStore[.$]' || true)
rm -rf "$JNA_CHECK"
[[ -z "$users" ]] || die "these classes use JNA, which build.sh leaves out: $users"
# JavaFX: the platform jars (javafx-controls-21.0.12-linux.jar ...) are modular jars holding the natives.
# The classifier-less javafx-*.jar are empty placeholders and are left out.
shopt -s nullglob
fx_jars=()
for entry in "${LIB_JARS[@]}"; do
  [[ "$(basename "$entry")" == javafx-*-*-*.jar ]] && fx_jars+=("target/$entry")
done
((${#fx_jars[@]})) || die "no JavaFX platform jars in target/lib"
for jar in "${fx_jars[@]}"; do cp "$jar" "$OUT/javafx/"; done

# ---------------------------------------------------------------- modules
say "finding the JDK modules the app needs (jdeps)"
CLASSPATH_JARS=$(printf '%s:' "$OUT"/input/lib/*.jar)
FX_PATH=$(printf '%s:' "$OUT"/javafx/*.jar)
DETECTED=$("$JDK/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release "${JAVA_FEATURE%%.*}" \
  --module-path "$FX_PATH" --class-path "$CLASSPATH_JARS" "$OUT/input/sstp-doctor.jar" 2>/dev/null | tail -1 || true)
if [[ ! "$DETECTED" =~ ^[a-z.,]+$ ]]; then
  echo "warning: jdeps gave no module list; using the fixed list only" >&2
  DETECTED=""
fi
# Always added: what jdeps cannot see (service providers, reflection) or what the libraries need.
#   jdk.crypto.ec    elliptic-curve TLS (ECDHE, ECDSA certificates): without it most TLS handshakes fail
#   java.logging     OkHttp/okio log through java.util.logging
#   java.naming      JNDI, used by the JDK for some certificate-path lookups
#   java.management  the startup measurement and JVM diagnostics
#   java.sql         jackson-databind's java.sql.Date support
#   jdk.unsupported  sun.misc.Unsafe for JavaFX and okio
#   javafx.*         the desktop app (fxml pulls in java.scripting and java.xml)
FIXED="java.base,java.desktop,java.logging,java.naming,java.management,java.sql,java.xml,java.scripting,jdk.crypto.ec,jdk.unsupported,javafx.base,javafx.graphics,javafx.controls,javafx.fxml"
MODULES=$(printf '%s,%s' "$FIXED" "$DETECTED" | tr ',' '\n' | grep -v '^$' | grep -v '^jdk.jfr$' | sort -u | paste -sd, -)
echo "modules: $MODULES"

# ---------------------------------------------------------------- runtime
# --strip-debug also strips the JDK's native debug symbols on Linux (with objcopy, from binutils).
# --compress=1 (shared strings, no zip): the .deb (xz), the .tar.gz and the .dmg compress the runtime
# anyway, and a zip-compressed lib/modules hardly compresses again. Measured on Linux: lib/modules
# 29.6 MB with --compress=2 (27.8 MB after xz), 43.2 MB with --compress=1 (12.6 MB after xz), so the
# .deb is about 15 MB smaller and the installed app about 14 MB larger.
say "building the runtime image (jlink)"
"$JDK/bin/jlink" \
  --module-path "$JDK/jmods:$FX_PATH" \
  --add-modules "$MODULES" \
  --exclude-resources 'glob:**.so,glob:**.dylib,glob:**.dll' \
  --strip-debug --no-header-files --no-man-pages --compress=1 \
  --generate-cds-archive \
  --output "$OUT/runtime"
# JavaFX's natives come out of its jars into the runtime's native library directory (where OpenJFX's
# own jmods would put them), so JavaFX loads them directly instead of unpacking them to ~/.openjfx/cache.
for jar in "$OUT"/javafx/*.jar; do
  (cd "$OUT/natives" && "$JDK/bin/jar" xf "$jar")
done
find "$OUT/natives" -maxdepth 1 \( -name '*.so' -o -name '*.dylib' \) -exec cp {} "$OUT/runtime/lib/" \;
if [[ "$OS" == linux ]]; then
  # java.desktop natives that are loaded only on explicit use, which the app never makes: sound
  # (libjsound: ALSA), the -splash screen (libsplashscreen: giflib, libpng, libjpeg), Image I/O's JPEG
  # codec (libjavajpeg) and ICC colour profiles (liblcms). Left in, they would make the .deb depend
  # on libasound2, libgif7, libjpeg62-turbo and liblcms2-2 for nothing.
  rm -f "$OUT"/runtime/lib/{libjsound,libsplashscreen,libjavajpeg,liblcms}.so
  # Symbol tables are not needed to run (libjvm.so alone shrinks by 4 MB).
  find "$OUT/runtime/lib" -name '*.so' -exec chmod u+w {} \; -exec objcopy --strip-unneeded {} \;
fi
# The CDS archive for heaps over 32 GB (compressed oops off) is 10 MB; such a JVM just starts without CDS.
rm -f "$OUT/runtime/lib/server/classes_nocoops.jsa"
"$OUT/runtime/bin/java" --list-modules | grep -q '^javafx.controls' || die "the runtime has no javafx.controls"

# ---------------------------------------------------------------- jpackage
DESCRIPTION="Tells you, in plain English, why an SSTP VPN connection cannot get through."
COMMON=(
  --name "$([[ "$OS" == linux ]] && echo sstp-doctor || echo "SSTP Doctor")"
  --app-version "$APP_VERSION"
  --vendor "SSTP Doctor"
  --copyright "SSTP Doctor contributors"
  --description "$DESCRIPTION"
)
# In the installed app JavaFX is a set of named modules in the runtime, while ControlsFX is on the class
# path (in the unnamed module). ControlsFX uses JavaFX internals that JavaFX does not export (the
# packages its manifest imports) and calls the protected Parent.getChildren() by reflection for some
# parents (impl.org.controlsfx.ImplUtils), so the runtime must export/open them to the class path.
# Without this the wizard dies at start: AutoCompletionBinding cannot access com.sun.javafx.event.
# (With `java -jar target/sstp-doctor.jar` JavaFX itself is on the class path and this does not arise.)
# com.sun.glass.ui: the app names its window class "sstp-doctor" there (ui/WindowClassName), to match
# the menu entry's StartupWMClass.
FX_ACCESS=()
for opt in \
  --add-exports=javafx.graphics/com.sun.glass.ui=ALL-UNNAMED \
  --add-exports=javafx.base/com.sun.javafx.event=ALL-UNNAMED \
  --add-exports=javafx.controls/com.sun.javafx.scene.control=ALL-UNNAMED \
  --add-exports=javafx.controls/com.sun.javafx.scene.control.behavior=ALL-UNNAMED \
  --add-opens=javafx.graphics/javafx.scene=ALL-UNNAMED; do
  FX_ACCESS+=(--java-options "$opt")
done
APP_OPTS=(
  --input "$OUT/input"
  --main-jar sstp-doctor.jar
  --main-class org.sstpdoctor.Main
  --runtime-image "$OUT/runtime"
  --java-options "-Xshare:auto"
  --java-options "-XX:+UseSerialGC"
  --java-options "-XX:TieredStopAtLevel=1"
  # The JVM's own warnings ("pthread_create failed") to standard error, never into a CSV on standard output.
  --java-options "-Xlog:disable" --java-options "-Xlog:all=warning:stderr"
  "${FX_ACCESS[@]}"
  --dest "$OUT/image"
)

# JDK 17's native Linux launcher asks rpm and dpkg which package owns it at every start
# (rpm -qf, dpkg -S, dpkg -L: 0.4 s here, more with more packages installed; later JDKs dropped this).
# On Linux bin/sstp-doctor is therefore a shell script that runs the image's own java with exactly what
# jpackage wrote into lib/app/sstp-doctor.cfg (class path, main class, Java options).
write_linux_launcher() {
  local app_dir=$1 cfg="$1/lib/app/sstp-doctor.cfg" launcher="$1/bin/sstp-doctor"
  [[ -f "$cfg" ]] || die "jpackage wrote no $cfg"
  local main_class cp="" line opts=""
  main_class=$(sed -n 's/^app.mainclass=//p' "$cfg")
  while IFS= read -r line; do cp="$cp${cp:+:}$line"; done < <(sed -n 's/^app.classpath=//p' "$cfg")
  while IFS= read -r line; do opts="$opts  '$line' \\"$'\n'; done < <(sed -n 's/^java-options=//p' "$cfg")
  {
    echo '#!/bin/sh'
    echo '# SSTP Doctor launcher, written by installers/build.sh from lib/app/sstp-doctor.cfg.'
    echo "# (Replaces jpackage 17's native launcher, which runs rpm and dpkg at every start.)"
    echo '# lib/app/sstp-doctor.jsa, when present, is the class-data-sharing archive made on install'
    echo '# (lib/sstp-doctor-cds); a missing or out-of-date archive is ignored by the JVM.'
    echo 'APPDIR=$(dirname "$(dirname "$(readlink -f "$0")")")/lib/app'
    echo 'CDS=""'
    echo '[ -f "$APPDIR/sstp-doctor.jsa" ] && CDS="-XX:SharedArchiveFile=$APPDIR/sstp-doctor.jsa"'
    echo 'exec "$APPDIR/../runtime/bin/java" ${CDS:+"$CDS"} \'
    printf '%s' "$opts"
    echo "  -cp \"$cp\" \\"
    echo "  $main_class \"\$@\""
  } > "$launcher.sh"
  mv "$launcher" "$app_dir/lib/sstp-doctor-native-launcher"
  mv "$launcher.sh" "$launcher"
  chmod 755 "$launcher"
  # lib/sstp-doctor-cds: makes lib/app/sstp-doctor.jsa from lib/app/sstp-doctor.classlist with exactly
  # the launcher's class path and options (the .deb's postinst runs it; an archive is only valid for
  # the absolute class path and the jar files it was made with, so it cannot be made at build time).
  {
    echo '#!/bin/sh'
    echo '# Makes the class-data-sharing archive lib/app/sstp-doctor.jsa (start-up about 40% faster),'
    echo '# from the class list recorded by installers/build.sh. Written by build.sh; run by the postinst.'
    echo 'APPDIR=$(dirname "$(dirname "$(readlink -f "$0")")")/lib/app'
    echo '[ -f "$APPDIR/sstp-doctor.classlist" ] || { echo "no $APPDIR/sstp-doctor.classlist" >&2; exit 1; }'
    echo 'rm -f "$APPDIR/sstp-doctor.jsa"'
    echo 'exec "$APPDIR/../runtime/bin/java" \'
    printf '%s' "$opts"
    echo '  -Xshare:dump -Xlog:disable -Xlog:all=error:stderr \'
    echo '  -XX:SharedClassListFile="$APPDIR/sstp-doctor.classlist" -XX:SharedArchiveFile="$APPDIR/sstp-doctor.jsa" \'
    echo "  -cp \"$cp\""
  } > "$app_dir/lib/sstp-doctor-cds"
  chmod 755 "$app_dir/lib/sstp-doctor-cds"
}

# Records the classes the app loads up to its first painted page (the GUI under Xvfb, with
# -Dsstpdoctor.measureStartup=true, which exits after the first paint), merged with the runtime's own
# default class list (so command-line runs lose nothing), into lib/app/sstp-doctor.classlist.
record_class_list() {
  local app_dir=$1 list="$1/lib/app/sstp-doctor.classlist" raw="$OUT/loaded.classlist" display xvfb
  if ! command -v Xvfb >/dev/null; then
    echo "warning: no Xvfb: no start-up class list, so no class-data-sharing archive on install" >&2
    return 0
  fi
  display=":$((70 + RANDOM % 20))"
  Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  sleep 1
  DISPLAY=$display JAVA_TOOL_OPTIONS="-Dsstpdoctor.measureStartup=true -XX:DumpLoadedClassList=$raw" \
    timeout 120 "$app_dir/bin/sstp-doctor" >"$OUT/record.log" 2>&1 || true
  kill "$xvfb" 2>/dev/null || true
  wait "$xvfb" 2>/dev/null || true
  if ! grep -q '^first-paint-ms=' "$OUT/record.log" || [[ ! -s "$raw" ]]; then
    echo "warning: recording the start-up class list failed (no class-data-sharing archive on install):" >&2
    sed 's/^/  | /' "$OUT/record.log" >&2
    return 0
  fi
  record_cli_class_list "$app_dir" "$OUT/cli.classlist"
  # Without the lambdas involving a picocli type: the dump would link picocli's Java 5 classes for them and
  # then leave those classes out of the archive (cli.StartupArchive.archivable, the same rule).
  cat "$app_dir/lib/runtime/lib/classlist" "$raw" "$OUT/cli.classlist" 2>/dev/null | awk '!seen[$0]++' \
    | grep -v '^@lambda-proxy.*picocli/' > "$list"
  rm -f "$raw" "$OUT/cli.classlist"
  echo "start-up class list: $(grep -vc '^@' "$list") classes ($(sed -n 's/^first-paint-ms=//p' "$OUT/record.log") ms to first paint while recording)"
}

# The command line's classes too: a probe (JSON report) against the image's own responder, on loopback,
# with a throw-away HOME so that nothing lands in the builder's history. Adds to the GUI's list.
record_cli_class_list() {
  local app_dir=$1 out=$2 home="$OUT/record-home" port="" server
  mkdir -p "$home"
  HOME=$home "$app_dir/bin/sstp-doctor" serve --port 0 --write-ca "$home/ca.pem" --for 60s >"$home/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 1 300); do
    port=$(sed -n 's/^Listening on [^ ]*:\([0-9]*\)\..*/\1/p' "$home/serve.log")
    [[ -n "$port" ]] && break
    sleep 0.1
  done
  if [[ -n "$port" ]]; then
    HOME=$home XDG_CONFIG_HOME=$home XDG_DATA_HOME=$home JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$out" timeout 60 "$app_dir/bin/sstp-doctor" \
      probe "localhost:$port" --proxy none --trust-ca "$home/ca.pem" --no-history --json >/dev/null 2>&1 || true
  fi
  [[ -s "$out" ]] || echo "warning: no class list from the command line (the archive holds the GUI's classes only)" >&2
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -rf "$home"
}

# The .deb is assembled with dpkg-deb rather than jpackage --type deb, so that everything it puts on the
# system is a file of the package (dpkg -S finds /usr/bin/sstp-doctor and the menu entry; remove takes
# them away), it depends only on the libraries the app's native code links against (dpkg-shlibdeps),
# and it needs no xdg-utils: the menu entry and icons are plain files, and the desktop database and
# icon cache are refreshed by the dpkg triggers of desktop-file-utils and the icon themes, where those
# are installed. The maintainer scripts only make and delete the start-up archive (installers/linux).
build_deb() {
  local app_dir=$1 build="$OUT/deb" root="$OUT/deb/root" arch size depends
  arch=$(dpkg --print-architecture)
  rm -rf "$build"
  mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" "$root/usr/share/doc/sstp-doctor"
  cp -a "$app_dir" "$root/opt/sstp-doctor"
  ln -s /opt/sstp-doctor/bin/sstp-doctor "$root/usr/bin/sstp-doctor"
  install -m 644 installers/linux/sstp-doctor.desktop "$root/usr/share/applications/sstp-doctor.desktop"
  for px in 16 32 48 256; do
    install -D -m 644 "src/main/resources/org/sstpdoctor/ui/icons/sstp-doctor-$px.png" \
      "$root/usr/share/icons/hicolor/${px}x${px}/apps/sstp-doctor.png"
  done
  install -D -m 644 assets/icons/sstp-doctor.svg "$root/usr/share/icons/hicolor/scalable/apps/sstp-doctor.svg"
  install -m 644 installers/linux/copyright "$root/usr/share/doc/sstp-doctor/copyright"
  # The Prometheus exporter: a systemd unit installed disabled (nothing here enables or starts it) and
  # the example Prometheus configuration, alert rules and Grafana dashboard it ships with.
  install -D -m 644 installers/prometheus/sstp-doctor-exporter.service "$root/lib/systemd/system/sstp-doctor-exporter.service"
  install -d -m 755 "$root/usr/share/doc/sstp-doctor/prometheus"
  install -m 644 installers/prometheus/prometheus.yml installers/prometheus/sstp-alerts.yml \
    installers/prometheus/sstp-alerts.test.yml installers/prometheus/grafana-dashboard.json \
    installers/prometheus/sstp-exporter.yml "$root/usr/share/doc/sstp-doctor/prometheus/"
  install -m 755 installers/linux/postinst installers/linux/prerm "$root/DEBIAN/"
  find "$root" -path "$root/DEBIAN" -prune -o -type d -exec chmod 755 {} +

  # Depends: what the ELF files in the package link against, as Debian's own packages compute it.
  # dpkg-shlibdeps wants a debian/control beside it; the runtime's own libraries are found with -l.
  mkdir -p "$build/debian"
  : > "$build/debian/control"
  mapfile -t elves < <(find "$root/opt" -type f \( -name '*.so' -o -perm -u+x \) -exec sh -c \
    'head -c 4 "$1" | grep -q "ELF" && echo "$1"' _ {} \;)
  depends=$(cd "$build" && dpkg-shlibdeps -O --ignore-missing-info \
    -l"$root/opt/sstp-doctor/lib/runtime/lib" -l"$root/opt/sstp-doctor/lib/runtime/lib/server" \
    "${elves[@]}" 2>"$build/shlibdeps.log" | sed -n 's/^shlibs:Depends=//p')
  [[ -n "$depends" ]] || { cat "$build/shlibdeps.log" >&2; die "dpkg-shlibdeps found no dependencies"; }
  rm -rf "$build/debian"

  # Installed-Size in KiB, as dpkg-gencontrol estimates it: each file rounded up to 1 KiB, 1 per link/dir.
  size=$(find "$root" -path "$root/DEBIAN" -prune -o \( -type f -printf '%s\n' -o -printf '1024\n' \) \
    | awk '{ kib += int(($1 + 1023) / 1024) } END { print kib }')
  cat > "$root/DEBIAN/control" <<CONTROL
Package: sstp-doctor
Version: $APP_VERSION-1
Section: net
Priority: optional
Architecture: $arch
Maintainer: SSTP Doctor <maintainers@sstpdoctor.org>
Installed-Size: $size
Depends: $depends
Homepage: https://github.com/sstpdoctor/sstp-doctor
Description: $DESCRIPTION
 A desktop wizard and a command line (sstp-doctor probe ADDRESS) that run the real SSTP
 handshake against a VPN server, time every stage, classify every failure and say who
 answered: the web proxy, the server, or nobody. Includes its own Java runtime.
CONTROL
  (cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) > "$root/DEBIAN/md5sums"
  DEB="$OUT/sstp-doctor_${APP_VERSION}-1_${arch}.deb"
  dpkg-deb --root-owner-group -Zxz --build "$root" "$DEB" >/dev/null
  rm -rf "$build"
}

if [[ "$OS" == linux ]]; then
  say "building the app image (jpackage --type app-image)"
  "$JDK/bin/jpackage" --type app-image "${COMMON[@]}" "${APP_OPTS[@]}" --icon assets/icons/sstp-doctor.png
  APP_DIR="$OUT/image/sstp-doctor"
  write_linux_launcher "$APP_DIR"
  say "recording the start-up class list (the GUI under Xvfb)"
  record_class_list "$APP_DIR"
  "$APP_DIR/bin/sstp-doctor" --version >/dev/null || die "the app image's launcher does not start"
  TARBALL="$OUT/sstp-doctor-$POM_VERSION-linux-$ARCH.tar.gz"
  tar -C "$OUT/image" -czf "$TARBALL" sstp-doctor
  if [[ "$IMAGE_ONLY" == true ]]; then
    say "done"; ls -l "$TARBALL"; exit 0
  fi

  say "building the .deb (dpkg-deb)"
  build_deb "$APP_DIR"
  say "done"
  ls -l "$DEB" "$TARBALL"
  echo "installed size: $(dpkg-deb -f "$DEB" Installed-Size) KiB; depends: $(dpkg-deb -f "$DEB" Depends)"
  echo "install: apt-get install $DEB   (or: dpkg -i $DEB), as root or with sudo"
else
  say "building the app bundle (jpackage --type app-image)"
  "$JDK/bin/jpackage" --type app-image "${COMMON[@]}" "${APP_OPTS[@]}" \
    --icon assets/icons/sstp-doctor.icns \
    --mac-package-identifier org.sstpdoctor.app \
    --mac-package-name "SSTP Doctor" \
    --add-launcher sstp-doctor=installers/mac/cli-launcher.properties
  APP_DIR="$OUT/image/SSTP Doctor.app"
  "$APP_DIR/Contents/MacOS/sstp-doctor" --version >/dev/null || die "the app bundle's launcher does not start"
  if [[ "$IMAGE_ONLY" == true ]]; then
    say "done"; du -sh "$APP_DIR"; exit 0
  fi
  say "building the .dmg (jpackage --type dmg)"
  "$JDK/bin/jpackage" --type dmg "${COMMON[@]}" \
    --app-image "$APP_DIR" \
    --mac-package-identifier org.sstpdoctor.app \
    --dest "$OUT"
  DMG="$OUT/sstp-doctor-$POM_VERSION-macos-$ARCH.dmg"
  mv "$OUT"/SSTP\ Doctor-*.dmg "$DMG"
  say "done"
  ls -l "$DMG"
  echo "The .dmg and the app are not signed or notarized. On current macOS, the first start is refused; then open"
  echo "System Settings > Privacy & Security and click Open Anyway beside the message about SSTP Doctor."
fi
