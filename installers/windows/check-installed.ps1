# Installs target\installer\sstp-doctor-*-windows-x64.msi silently, checks the installed app the way
# installers/smoke-test-linux.sh does on Linux, and uninstalls it again:
#   - msiexec's exit code (on failure the end of its log is printed before anything else runs);
#   - Start menu and desktop: a shortcut for "SSTP Doctor", none for the console launcher sstp-doctor.exe;
#   - sstp-doctor.exe --version shows the pom's version;
#   - a probe against the built-in responder (serve, scenario working, its CA trusted): exit code 0 and
#     the SSTP answer CALL_CONNECT_ACK; against the nak scenario: exit code 1;
#   - uninstall (msiexec /x) succeeds and leaves no program folder.
# Run from the repository (the workflow's Windows job does), as an administrator:
#   powershell -ExecutionPolicy Bypass -File installers\windows\check-installed.ps1
# Continue: PowerShell 5.1 turns a native program's stderr into errors; every result is checked below.
$ErrorActionPreference = 'Continue'
$Root = Split-Path -Parent (Split-Path -Parent $PSScriptRoot)
Set-Location $Root
$script:Failed = 0
function Ok($text) { Write-Host "  ok    $text" }
function Bad($text) { Write-Host "  FAIL  $text"; $script:Failed++ }

function Invoke-Msiexec([string[]]$arguments, [string]$log, [string]$what) {
    $p = Start-Process msiexec.exe -ArgumentList ($arguments + @('/qn', '/norestart', '/l*v', "`"$log`"")) -Wait -PassThru
    # 0 = success, 3010 = success, a restart is needed to finish
    if ($p.ExitCode -ne 0 -and $p.ExitCode -ne 3010) {
        Write-Host "msiexec ($what) exited with $($p.ExitCode); the end of its log ($log):"
        if (Test-Path $log) { Get-Content $log -Tail 80 | ForEach-Object { Write-Host "  | $_" } }
        exit 1
    }
    Ok "msiexec $what (exit code $($p.ExitCode))"
}

$msi = Get-ChildItem 'target\installer\sstp-doctor-*-windows-x64.msi' | Select-Object -First 1
if (-not $msi) { Write-Error 'no target\installer\sstp-doctor-*-windows-x64.msi: run installers\build.ps1 first'; exit 2 }
$work = Join-Path ([System.IO.Path]::GetTempPath()) ("sstp-doctor-check-" + [guid]::NewGuid())
New-Item -ItemType Directory $work | Out-Null

Write-Host "== installing $($msi.Name)"
Invoke-Msiexec @('/i', "`"$($msi.FullName)`"") (Join-Path $work 'install.log') 'install'
$dir = Join-Path $env:ProgramFiles 'SSTP Doctor'
$exe = Join-Path $dir 'sstp-doctor.exe'
if (Test-Path (Join-Path $dir 'SSTP Doctor.exe')) { Ok "$dir\SSTP Doctor.exe" } else { Bad "no $dir\SSTP Doctor.exe" }
if (Test-Path $exe) { Ok $exe } else { Bad "no $exe"; exit 1 }

Write-Host '== shortcuts'
$places = @("$env:ProgramData\Microsoft\Windows\Start Menu\Programs", "$env:APPDATA\Microsoft\Windows\Start Menu\Programs",
    "$env:PUBLIC\Desktop", [Environment]::GetFolderPath('Desktop'))
$links = $places | Where-Object { Test-Path $_ } | ForEach-Object { Get-ChildItem $_ -Recurse -Filter '*.lnk' -ErrorAction SilentlyContinue }
$shell = New-Object -ComObject WScript.Shell
$ours = $links | Where-Object { $shell.CreateShortcut($_.FullName).TargetPath -like "$dir\*" }
$ours | ForEach-Object { Write-Host "  | $($_.FullName) -> $($shell.CreateShortcut($_.FullName).TargetPath)" }
if ($ours | Where-Object { $shell.CreateShortcut($_.FullName).TargetPath -like '*\SSTP Doctor.exe' }) { Ok 'shortcut to SSTP Doctor.exe' } else { Bad 'no shortcut to SSTP Doctor.exe' }
if ($ours | Where-Object { $shell.CreateShortcut($_.FullName).TargetPath -like '*\sstp-doctor.exe' }) { Bad 'a shortcut points at the console launcher sstp-doctor.exe' } else { Ok 'no shortcut to the console launcher' }

Write-Host '== sstp-doctor.exe --version'
$version = & $exe --version 2>&1 | Out-String
Write-Host "  | $($version.Trim())"
$pomVersion = (Get-Content 'target\maven-archiver\pom.properties' | Where-Object { $_ -like 'version=*' }) -replace '^version=', ''
if ($LASTEXITCODE -eq 0 -and $version -like "*SSTP Doctor $pomVersion*") { Ok "version $pomVersion" } else { Bad "expected 'SSTP Doctor $pomVersion' (exit code $LASTEXITCODE)" }

function Start-Responder([string]$scenario) {
    $log = Join-Path $work "serve-$scenario.log"
    $p = Start-Process -FilePath $exe -ArgumentList @('serve', '--port', '0', '--scenario', $scenario,
        '--write-ca', "`"$work\ca.pem`"", '--for', '120s') -RedirectStandardOutput $log `
        -RedirectStandardError "$log.err" -NoNewWindow -PassThru
    for ($i = 0; $i -lt 300; $i++) {
        $line = Get-Content $log -ErrorAction SilentlyContinue | Where-Object { $_ -match '^Listening on [^ ]*:(\d+)\.' } | Select-Object -First 1
        if ($line -and $line -match ':(\d+)\.') { return @{ Process = $p; Port = $Matches[1] } }
        if ($p.HasExited) { break }
        Start-Sleep -Milliseconds 100
    }
    Get-Content $log, "$log.err" -ErrorAction SilentlyContinue | ForEach-Object { Write-Host "  | $_" }
    Bad "serve --scenario $scenario did not start"
    return $null
}

Write-Host '== probe against the built-in responder (scenario working)'
$server = Start-Responder 'working'
if ($server) {
    $json = & $exe probe "localhost:$($server.Port)" --proxy none --trust-ca "$work\ca.pem" --json 2>&1 | Out-String
    $code = $LASTEXITCODE
    # The Call Connect Ack; the verdict may be a warning (Windows 7 and the responder's TLS), which exits 0 too.
    if ($code -eq 0 -and $json -match '"answer"\s*:\s*"CALL_CONNECT_ACK"') { Ok 'probe exit code 0, SSTP answer CALL_CONNECT_ACK' }
    else { Bad "probe exit code $code (expected 0 and the SSTP answer CALL_CONNECT_ACK)"; Write-Host $json }
    Stop-Process -Id $server.Process.Id -ErrorAction SilentlyContinue
}
Write-Host '== probe against the built-in responder (scenario nak)'
$server = Start-Responder 'nak'
if ($server) {
    $text = & $exe probe "localhost:$($server.Port)" --proxy none --trust-ca "$work\ca.pem" 2>&1 | Out-String
    $code = $LASTEXITCODE
    if ($code -eq 1) { Ok 'probe exit code 1 (failure diagnosed)' } else { Bad "probe exit code $code, expected 1"; Write-Host $text }
    Stop-Process -Id $server.Process.Id -ErrorAction SilentlyContinue
}

Write-Host '== uninstalling'
Invoke-Msiexec @('/x', "`"$($msi.FullName)`"") (Join-Path $work 'uninstall.log') 'uninstall'
if (Test-Path $dir) { Bad "$dir is still there after uninstall" } else { Ok "$dir removed" }

Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
if ($script:Failed -gt 0) { Write-Host "$($script:Failed) check(s) failed"; exit 1 }
Write-Host 'all checks passed'
