<#
.SYNOPSIS
  Builds the Windows installer: target\installer\msi\Event Pipeline Studio-<version>.msi

.DESCRIPTION
  Per-user install (no administrator rights) under %LOCALAPPDATA% (the installer offers a folder), with a Start menu
  entry and a desktop shortcut. The fixed upgrade code lets a newer .msi replace an older one in place.
  Two launchers: "Event Pipeline Studio.exe" (the desktop app, windowed) and eventpipe.exe (the command line, a
  console program: `eventpipe --version`, `eventpipe run --input DIR`).

  Needs, on Windows: JDK 17 with jpackage (JAVA_HOME, or jpackage on PATH) and WiX Toolset 3.x (candle.exe and
  light.exe on PATH; https://github.com/wixtoolset/wix3/releases). Run from any folder:
      powershell -ExecutionPolicy Bypass -File installer\windows\build-msi.ps1
#>
[CmdletBinding()]
param(
    # Skip the Maven build when target\installer-input is already up to date.
    [switch] $NoMaven
)
$ErrorActionPreference = 'Stop'
$root = Resolve-Path (Join-Path $PSScriptRoot '..\..')
Set-Location $root

# Never change it: Windows Installer recognises earlier versions of the product by this code.
$upgradeUuid = '951e206b-2535-4224-b252-b08947e78b38'

function Find-Tool([string] $name) {
    if ($env:JAVA_HOME -and (Test-Path (Join-Path $env:JAVA_HOME "bin\$name.exe"))) {
        return (Join-Path $env:JAVA_HOME "bin\$name.exe")
    }
    $cmd = Get-Command $name -ErrorAction SilentlyContinue
    if ($cmd) { return $cmd.Source }
    return $null
}

$jpackage = Find-Tool 'jpackage'
if (-not $jpackage) { throw 'jpackage was not found: install JDK 17 or later and set JAVA_HOME to it.' }
if (-not (Get-Command 'candle.exe' -ErrorAction SilentlyContinue) -or -not (Get-Command 'light.exe' -ErrorAction SilentlyContinue)) {
    throw 'WiX Toolset 3 was not found: install it (candle.exe and light.exe) and add its bin folder to PATH.'
}

if (-not $NoMaven) {
    # Stages the jars and this platform's JavaFX modules, and writes target\installer-settings\jpackage.properties.
    & .\mvnw.cmd -B -Pinstaller -DskipTests '-Dinstaller.appimage.skip=true' package
    if ($LASTEXITCODE -ne 0) { throw "The Maven build failed (exit code $LASTEXITCODE); see its output above." }
}

$settingsFile = 'target\installer-settings\jpackage.properties'
if (-not (Test-Path $settingsFile)) { throw "$settingsFile is missing: run without -NoMaven." }
$settings = @{}
foreach ($line in Get-Content $settingsFile) {
    if ($line -match '^\s*#' -or $line -notmatch '=') { continue }
    $key, $value = $line -split '=', 2
    $settings[$key.Trim()] = $value.Trim()
}
# An .msi version is numbers only (major.minor.build): 0.2.0-SNAPSHOT becomes 0.2.0.
$version = ($settings.version -split '-')[0]

$dest = 'target\installer\msi'
if (Test-Path $dest) { Remove-Item -Recurse -Force $dest }

$arguments = @(
    '--type', 'msi',
    '--dest', $dest,
    '--name', $settings.title,
    '--app-version', $version,
    '--vendor', $settings.vendor,
    '--description', $settings.description,
    '--copyright', "Copyright 2026 $($settings.vendor)",
    '--icon', 'assets\icon.ico',
    '--input', 'target\installer-input',
    '--main-jar', $settings.main_jar,
    '--main-class', $settings.main_class,
    '--module-path', 'target\installer-javafx',
    '--add-modules', $settings.modules,
    '--jlink-options', $settings.jlink_options,
    '--add-launcher', "eventpipe=installer\windows\eventpipe-console.properties",
    '--win-per-user-install',
    '--win-upgrade-uuid', $upgradeUuid,
    '--win-menu',
    '--win-menu-group', $settings.title,
    '--win-shortcut',
    '--win-dir-chooser'
)
foreach ($option in ($settings.java_options -split ' ')) { $arguments += @('--java-options', $option) }

& $jpackage @arguments
if ($LASTEXITCODE -ne 0) { throw "jpackage failed (exit code $LASTEXITCODE); run it again with --verbose for details." }

$msi = Get-ChildItem $dest -Filter '*.msi' | Select-Object -First 1
Write-Host "Built $($msi.FullName) ($([math]::Round($msi.Length / 1MB)) MB)"
