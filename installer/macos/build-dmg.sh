#!/usr/bin/env bash
# Builds the macOS disk image: target/installer/dmg/Event Pipeline Studio-<version>.dmg, holding
# "Event Pipeline Studio.app" to drag into Applications.
#
# Needs, on macOS: JDK 17 with jpackage (JAVA_HOME, or jpackage on PATH) and the Xcode command line tools.
#   installer/macos/build-dmg.sh              an unsigned image (Gatekeeper warns; right-click > Open the first time)
#   MAC_SIGNING_KEY_USER_NAME="Puffy Analytics (TEAMID1234)" NOTARY_PROFILE=eventpipe installer/macos/build-dmg.sh
#                                             signed with the "Developer ID Application: Puffy Analytics (TEAMID1234)"
#                                             certificate of the login keychain, notarized and stapled
#
# Signing and notarization, once per machine (docs: README "Install", macOS):
#   1. Import the Developer ID Application certificate (.p12) into the login keychain.
#   2. Store notary credentials: xcrun notarytool store-credentials eventpipe --apple-id you@example.com \
#        --team-id TEAMID1234 --password <app-specific password>
# The script then signs every binary with the hardened runtime (jpackage --mac-sign, entitlements.plist), submits
# the .dmg with `xcrun notarytool submit --wait`, and staples the ticket with `xcrun stapler staple`.
set -euo pipefail
cd "$(dirname "$0")/../.."

jpackage=jpackage
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jpackage" ]; then jpackage="$JAVA_HOME/bin/jpackage"; fi
command -v "$jpackage" >/dev/null || { echo "build-dmg: jpackage not found: install JDK 17 or later and set JAVA_HOME." >&2; exit 2; }
[ "$(uname -s)" = Darwin ] || { echo "build-dmg: a .dmg can only be built on macOS." >&2; exit 2; }

if [ "${1:-}" != "--no-maven" ]; then
  # Stages the jars and this Mac's JavaFX modules, and writes target/installer-settings/jpackage.properties.
  ./mvnw -B -Pinstaller -DskipTests -Dinstaller.appimage.skip=true package
fi

settings=target/installer-settings/jpackage.properties
[ -f "$settings" ] || { echo "build-dmg: $settings is missing: run without --no-maven." >&2; exit 2; }
setting() { sed -n "s/^$1=//p" "$settings"; }

title=$(setting title)
# CFBundleVersion must be numbers: 0.2.0-SNAPSHOT becomes 0.2.0. macOS refuses a first number of 0 for
# --app-version, so the bundle is versioned 1.x while the product is 0.x (jpackage: "version must be > 0").
version=$(setting version); version=${version%%-*}
case "$version" in 0.*) bundle_version="1.${version#0.}" ;; *) bundle_version=$version ;; esac

dest=target/installer/dmg
rm -rf "$dest"

args=(
  --type dmg
  --dest "$dest"
  --name "$title"
  --app-version "$bundle_version"
  --vendor "$(setting vendor)"
  --description "$(setting description)"
  --copyright "Copyright 2026 $(setting vendor)"
  --icon assets/icon.icns
  --input target/installer-input
  --main-jar "$(setting main_jar)"
  --main-class "$(setting main_class)"
  --module-path target/installer-javafx
  --add-modules "$(setting modules)"
  --jlink-options "$(setting jlink_options)"
  --mac-package-identifier com.puffy.eventpipelinestudio
  --mac-package-name "$title"
)
for option in $(setting java_options); do args+=(--java-options "$option"); done

if [ -n "${MAC_SIGNING_KEY_USER_NAME:-}" ]; then
  args+=(--mac-sign --mac-signing-key-user-name "$MAC_SIGNING_KEY_USER_NAME"
         --mac-entitlements installer/macos/entitlements.plist)
  if [ -n "${MAC_SIGNING_KEYCHAIN:-}" ]; then args+=(--mac-signing-keychain "$MAC_SIGNING_KEYCHAIN"); fi
fi

"$jpackage" "${args[@]}"
dmg=$(ls "$dest"/*.dmg)

if [ -n "${MAC_SIGNING_KEY_USER_NAME:-}" ] && [ -n "${NOTARY_PROFILE:-}" ]; then
  xcrun notarytool submit "$dmg" --keychain-profile "$NOTARY_PROFILE" --wait
  xcrun stapler staple "$dmg"
  xcrun stapler validate "$dmg"
  spctl --assess --type open --context context:primary-signature --verbose "$dmg"
fi

echo "Built $dmg ($(du -m "$dmg" | cut -f1) MB)"
