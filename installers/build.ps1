# Builds the SSTP Doctor Windows installer:
#   target\installer\sstp-doctor-<version>-windows-x64.msi
# Run from any directory, in PowerShell 5.1 or 7:
#   powershell -ExecutionPolicy Bypass -File installers\build.ps1
# Needs: a JDK 17+ with jmods (e.g. Temurin 17; JAVA_HOME or java on PATH) and WiX Toolset 3.x
# (candle.exe and light.exe on PATH; JDK 17's jpackage needs WiX 3, not 4 or later):
#   choco install wixtoolset --version=3.14.1
# Steps as in installers/build.sh: mvnw package, jdeps, jlink (JavaFX in the runtime), jpackage.
param([switch]$SkipMaven)

$ErrorActionPreference = 'Stop'
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root

function Say($text) { Write-Host "`n== $text" }
function Die($text) { Write-Error "build.ps1: $text"; exit 1 }
function Run($exe, [string[]]$arguments) {
    & $exe @arguments
    if ($LASTEXITCODE -ne 0) { Die "$exe failed (exit code $LASTEXITCODE)" }
}

# ------------------------------------------------------------------ JDK and WiX
if ($env:JAVA_HOME -and (Test-Path "$env:JAVA_HOME\bin\java.exe")) {
    $Jdk = $env:JAVA_HOME
} else {
    $java = Get-Command java.exe -ErrorAction SilentlyContinue
    if (-not $java) { Die 'no JDK found: install a JDK 17 (e.g. winget install EclipseAdoptium.Temurin.17.JDK) or set JAVA_HOME' }
    $Jdk = Split-Path -Parent (Split-Path -Parent $java.Source)
}
foreach ($tool in 'jlink', 'jpackage', 'jdeps', 'jar') {
    if (-not (Test-Path "$Jdk\bin\$tool.exe")) { Die "$Jdk has no bin\$tool.exe: a full JDK 17 or later is needed" }
}
if (-not (Test-Path "$Jdk\jmods")) { Die "$Jdk has no jmods directory, which jlink needs (use a Temurin or Oracle JDK)" }
$env:JAVA_HOME = $Jdk
# WiX 3: candle.exe and light.exe on PATH, or in the folder WiX's installer names in WIX, or in
# "Program Files (x86)\WiX Toolset v3.x\bin" (the bin folder itself, never a file or subfolder of it).
if (-not ((Get-Command candle.exe -ErrorAction SilentlyContinue) -and (Get-Command light.exe -ErrorAction SilentlyContinue))) {
    $candidates = @($env:WIX) + (Get-ChildItem "${env:ProgramFiles(x86)}\WiX Toolset v3*" -Directory -ErrorAction SilentlyContinue |
        Sort-Object Name | ForEach-Object FullName)
    $wixBin = $candidates | Where-Object { $_ } | ForEach-Object { Join-Path $_ 'bin' } |
        Where-Object { (Test-Path (Join-Path $_ 'candle.exe')) -and (Test-Path (Join-Path $_ 'light.exe')) } | Select-Object -Last 1
    if (-not $wixBin) {
        Die ('WiX Toolset 3 is missing (no candle.exe and light.exe on PATH, in %WIX% or in "Program Files (x86)\WiX Toolset v3*\bin"). ' +
            'Install it: choco install wixtoolset --version=3.14.1, or https://github.com/wixtoolset/wix3/releases/tag/wix3141rtm ' +
            '(JDK 17''s jpackage needs WiX 3, not 4 or later)')
    }
    Write-Host "WiX: $wixBin"
    $env:PATH = "$wixBin;$env:PATH"
}

# ------------------------------------------------------------------ app jar
if (-not $SkipMaven) {
    Say 'building the app jar (mvnw -q -B -DskipTests package)'
    Run "$Root\mvnw.cmd" @('-q', '-B', '-DskipTests', 'package')
}
if (-not (Test-Path 'target\sstp-doctor.jar')) { Die 'target\sstp-doctor.jar is missing: run without -SkipMaven' }
$PomVersion = (Get-Content 'target\maven-archiver\pom.properties' | Where-Object { $_ -like 'version=*' }) -replace '^version=', ''
if ($PomVersion -notmatch '^(\d+(\.\d+){0,2})') { Die "the pom version '$PomVersion' does not start with a number" }
$AppVersion = $Matches[1]   # 0.2.0-SNAPSHOT -> 0.2.0 (MSI wants numbers only)

$Out = "$Root\target\installer"
if (Test-Path $Out) { Remove-Item -Recurse -Force $Out }
New-Item -ItemType Directory -Force "$Out\input\lib", "$Out\javafx", "$Out\natives" | Out-Null
Copy-Item 'target\sstp-doctor.jar' "$Out\input\"
# Exactly the jars the app jar's manifest names (Class-Path), never whatever else target\lib holds: a build
# directory keeps the jars of earlier versions of a dependency (copy-dependencies only adds).
Add-Type -AssemblyName System.IO.Compression.FileSystem
$zip = [System.IO.Compression.ZipFile]::OpenRead("$Root\target\sstp-doctor.jar")
try {
    $reader = New-Object System.IO.StreamReader($zip.GetEntry('META-INF/MANIFEST.MF').Open())
    $manifest = $reader.ReadToEnd() -replace "`r", ''
    $reader.Close()
} finally { $zip.Dispose() }
# Manifest lines go on with a leading space; the Class-Path value is the entries separated by spaces.
$classPath = (($manifest -replace "`n ", '') -split "`n" | Where-Object { $_ -like 'Class-Path: *' }) -replace '^Class-Path: ', ''
$libJars = @($classPath -split ' ' | Where-Object { $_ })
if (-not $libJars) { Die "target\sstp-doctor.jar's manifest names no Class-Path" }
foreach ($entry in $libJars) {
    $file = Join-Path "$Root\target" $entry
    if (-not (Test-Path $file)) { Die "target\$entry (in the jar's Class-Path) is missing: run without -SkipMaven" }
}
$libJars | Where-Object { (Split-Path -Leaf $_) -notlike 'javafx-*' } | ForEach-Object { Copy-Item (Join-Path "$Root\target" $_) "$Out\input\lib\" }
# JavaFX platform jars (javafx-controls-21.0.12-win.jar ...): modular jars with the DLLs inside.
$fx = $libJars | Where-Object { (Split-Path -Leaf $_) -like 'javafx-*-*-*.jar' } | ForEach-Object { Join-Path "$Root\target" $_ }
if (-not $fx) { Die 'no JavaFX platform jars in the jar''s Class-Path' }
$fx | Copy-Item -Destination "$Out\javafx\"

# ------------------------------------------------------------------ modules
Say 'finding the JDK modules the app needs (jdeps)'
$ClassPath = (Get-ChildItem "$Out\input\lib\*.jar" | ForEach-Object FullName) -join ';'
$FxPath = (Get-ChildItem "$Out\javafx\*.jar" | ForEach-Object FullName) -join ';'
$ErrorActionPreference = 'Continue'   # PowerShell 5.1 turns a native command's stderr into errors
$detected = & "$Jdk\bin\jdeps.exe" --ignore-missing-deps --print-module-deps --multi-release 17 `
    --module-path $FxPath --class-path $ClassPath "$Out\input\sstp-doctor.jar" 2>$null | Select-Object -Last 1
$ErrorActionPreference = 'Stop'
if ($detected -notmatch '^[a-z.,]+$') { Write-Warning 'jdeps gave no module list; using the fixed list only'; $detected = '' }
# Same fixed list as build.sh (see the reasons there).
$fixed = 'java.base,java.desktop,java.logging,java.naming,java.management,java.sql,java.xml,java.scripting,jdk.crypto.ec,jdk.unsupported,javafx.base,javafx.graphics,javafx.controls,javafx.fxml'
$Modules = (($fixed + ',' + $detected) -split ',' | Where-Object { $_ -and $_ -ne 'jdk.jfr' } | Sort-Object -Unique) -join ','
Write-Host "modules: $Modules"

# ------------------------------------------------------------------ runtime
Say 'building the runtime image (jlink)'
Run "$Jdk\bin\jlink.exe" @('--module-path', "$Jdk\jmods;$FxPath", '--add-modules', $Modules,
    '--exclude-resources', 'glob:**.so,glob:**.dylib,glob:**.dll',
    '--strip-debug', '--no-header-files', '--no-man-pages', '--compress=2', '--generate-cds-archive',
    '--output', "$Out\runtime")
foreach ($jar in Get-ChildItem "$Out\javafx\*.jar") {
    Push-Location "$Out\natives"; Run "$Jdk\bin\jar.exe" @('xf', $jar.FullName); Pop-Location
}
Get-ChildItem "$Out\natives\*.dll" | Copy-Item -Destination "$Out\runtime\bin\"
Remove-Item -Force "$Out\runtime\bin\server\classes_nocoops.jsa" -ErrorAction SilentlyContinue

# ------------------------------------------------------------------ jpackage
$Common = @('--app-version', $AppVersion, '--vendor', 'SSTP Doctor',
    '--copyright', 'SSTP Doctor contributors',
    '--description', 'Tells you, in plain English, why an SSTP VPN connection cannot get through.')
$AppOptions = @('--input', "$Out\input", '--main-jar', 'sstp-doctor.jar', '--main-class', 'org.sstpdoctor.Main',
    '--runtime-image', "$Out\runtime",
    '--java-options', '-Xshare:auto', '--java-options', '-XX:+UseSerialGC', '--java-options', '-XX:TieredStopAtLevel=1',
    '--java-options', '-Xlog:disable', '--java-options', '-Xlog:all=warning:stderr',
    # ControlsFX (class path) uses JavaFX internals; JavaFX is a set of named modules in the runtime
    # (same list as build.sh, which explains it). Without them the wizard fails at start.
    '--java-options', '--add-exports=javafx.graphics/com.sun.glass.ui=ALL-UNNAMED',
    '--java-options', '--add-exports=javafx.base/com.sun.javafx.event=ALL-UNNAMED',
    '--java-options', '--add-exports=javafx.controls/com.sun.javafx.scene.control=ALL-UNNAMED',
    '--java-options', '--add-exports=javafx.controls/com.sun.javafx.scene.control.behavior=ALL-UNNAMED',
    '--java-options', '--add-opens=javafx.graphics/javafx.scene=ALL-UNNAMED',
    '--icon', "$Root\assets\icons\sstp-doctor.ico")
Say 'building the app image (jpackage --type app-image)'
Run "$Jdk\bin\jpackage.exe" (@('--type', 'app-image', '--name', 'SSTP Doctor') + $Common + $AppOptions + @('--dest', "$Out\image"))
$AppDir = "$Out\image\SSTP Doctor"

# The console launcher sstp-doctor.exe for the command line. It is not made with --add-launcher: JDK 17's
# jpackage ignores win-menu/win-shortcut in an additional launcher's properties (those keys came in
# JDK 18), so --win-menu and --win-shortcut would give it a Start-menu entry and a desktop shortcut too.
# Instead a second app image is made with --win-console under the name sstp-doctor, and its launcher
# and its .cfg (same class path, main class and Java options) are copied into the app's folder. The
# .msi's shortcuts are made only for the launchers jpackage knows of in the app image (.jpackage.xml
# names only "SSTP Doctor"), so the console launcher gets none; the .msi still installs it, as it
# installs every file of the app image. (installers/windows/check-installed.ps1 checks both.)
Say 'building the console launcher (jpackage --type app-image --win-console)'
Run "$Jdk\bin\jpackage.exe" (@('--type', 'app-image', '--win-console', '--name', 'sstp-doctor') + $Common +
    $AppOptions + @('--dest', "$Out\console"))
Copy-Item "$Out\console\sstp-doctor\sstp-doctor.exe" "$AppDir\"
Copy-Item "$Out\console\sstp-doctor\app\sstp-doctor.cfg" "$AppDir\app\"
Remove-Item -Recurse -Force "$Out\console"
& "$AppDir\sstp-doctor.exe" --version
if ($LASTEXITCODE -ne 0) { Die "the app image's sstp-doctor.exe does not start" }

Say 'building the .msi (jpackage --type msi, WiX)'
# The upgrade code stays the same for every version, so a newer .msi replaces an older one.
Run "$Jdk\bin\jpackage.exe" (@('--type', 'msi', '--name', 'SSTP Doctor') + $Common + @(
    '--app-image', $AppDir,
    '--win-menu', '--win-menu-group', 'SSTP Doctor', '--win-shortcut', '--win-dir-chooser',
    '--win-upgrade-uuid', '5b7f3c1e-9a52-4c8e-8f0b-3d6e2a41c7d9',
    '--about-url', 'https://github.com/sstpdoctor/sstp-doctor',
    '--dest', $Out))
$Msi = "$Out\sstp-doctor-$PomVersion-windows-x64.msi"
Move-Item -Force (Get-ChildItem "$Out\SSTP Doctor-*.msi" | Select-Object -First 1).FullName $Msi
Say 'done'
Get-Item $Msi | Format-Table Name, Length
Write-Host 'Install: double-click it, or  msiexec /i' "`"$Msi`""
Write-Host 'The .msi is not signed: SmartScreen warns on first run ("More info", "Run anyway").'
