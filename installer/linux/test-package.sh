#!/usr/bin/env bash
# Installs the built .deb (dpkg) or .rpm (rpm), checks what it put on the machine, installs it again over itself (the
# package manager runs the scripts of an upgrade: the old prerm / %preun with "upgrade", the new postinst / %post),
# starts the installed app under Xvfb and takes a screenshot (when SCREENSHOT is given), then uninstalls it and
# checks nothing is left behind.
# Needs root; the menu entry is validated where desktop-file-utils is installed; the screenshot needs xvfb,
# libgtk-3-0 and imagemagick (apt-get install -y desktop-file-utils xvfb libgtk-3-0 imagemagick). An .rpm can be
# checked on Debian too (apt-get install -y rpm): rpm's database there knows none of Debian's packages, so it is
# installed with --nodeps after its declared requirements are checked by name.
#
#   installer/linux/test-package.sh [PACKAGE] [SCREENSHOT.png]
#       (PACKAGE default: target/installer/deb/eventpipe_*.deb, else target/installer/rpm/eventpipe-*.rpm)
set -euo pipefail
cd "$(dirname "$0")/../.."

package=${1:-$(ls target/installer/deb/eventpipe_*.deb target/installer/rpm/eventpipe-*.rpm 2>/dev/null | head -1)}
shot=${2:-}
fail() { echo "test-package: FAIL: $*" >&2; exit 1; }
[ -f "$package" ] || { echo "test-package: no .deb or .rpm found; build it with ./mvnw -Pinstaller -DskipTests package" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "test-package: installing needs root; run it with sudo" >&2; exit 2; }
app=/opt/eventpipe

case "$package" in
  *.deb)
    requires() { dpkg-deb -f "$package" Depends; }
    status() { dpkg-query -W -f='${Status}' eventpipe 2>/dev/null | grep -q ' installed$'; }
    install_package() { dpkg -i "$package" >/dev/null; }
    upgrade_package() { dpkg -i "$package" >/dev/null; }
    remove_package() { dpkg -r eventpipe >/dev/null && dpkg -P eventpipe >/dev/null; }
    gtk=libgtk-3-0 ;;
  *.rpm)
    command -v rpm >/dev/null || fail "rpm is not installed (apt-get install -y rpm)"
    requires() { rpm -qp --requires "$package" 2>/dev/null; }
    status() { rpm -q eventpipe >/dev/null 2>&1; }
    # Where dpkg runs the machine, rpm's database is empty: the requirements were checked by name above.
    nodeps=; command -v dpkg >/dev/null && nodeps=--nodeps
    install_package() { rpm -i $nodeps "$package"; }
    upgrade_package() { rpm -U --replacepkgs $nodeps "$package"; }
    remove_package() { rpm -e $nodeps eventpipe; }
    gtk=gtk3 ;;
  *) fail "$package is neither a .deb nor an .rpm" ;;
esac

requires | grep -w "$gtk" >/dev/null || fail "$package does not declare $gtk (JavaFX's window toolkit)"
echo "ok: $(basename "$package") ($(du -m "$package" | cut -f1) MB) declares $gtk"
! status || fail "eventpipe is already installed: remove it first"

install_package || fail "installing $package failed (unmet dependencies? apt-get install -f / dnf install them)"
echo "ok: installed; $(du -sm "$app" | cut -f1) MB in $app"

[ -x "$app/bin/eventpipe" ] || fail "no launcher at $app/bin/eventpipe"
[ "$(readlink /usr/bin/eventpipe)" = "$app/bin/eventpipe" ] || fail "/usr/bin/eventpipe does not point to the launcher"
version=$(env -u DISPLAY eventpipe --version | head -1) || fail "eventpipe --version failed"
echo "ok: eventpipe on PATH, headless: $version"

entry=/usr/share/applications/eventpipe.desktop
[ -f "$entry" ] || fail "no menu entry at $entry"
# Exec is the launcher and %f: a file manager's "Open With Other Application" on a folder passes it (eventpipe DIR opens the app on it),
# a menu start passes nothing (the field code is dropped) and the app opens the last folder or the sample data.
exec_value=$(sed -n 's/^Exec=//p' "$entry")
[ "${exec_value#* }" = "%f" ] || fail "menu entry Exec=$exec_value does not end in the single folder argument %f"
[ -e "${exec_value%% *}" ] || fail "menu entry names ${exec_value%% *}, which does not exist"
# Icon= is a theme name: the hicolor theme must hold it at each size the app image carries (menus 16-48 px, docks
# 64-256 px, HiDPI 512 px), each file as drawn for that size.
icon_name=$(sed -n 's/^Icon=//p' "$entry")
case "$icon_name" in */*|*.png) fail "menu entry Icon=$icon_name is one file, not a theme icon name (decision 0745)" ;; esac
icons=0
for drawn in "$app"/lib/app/icons/hicolor/*/apps/eventpipe.png; do
  size_dir=${drawn#"$app/lib/app/icons/hicolor/"}
  cmp -s "$drawn" "/usr/share/icons/hicolor/${size_dir%/eventpipe.png}/$icon_name.png" \
    || fail "the hicolor theme lacks the ${size_dir%%/*} icon $icon_name.png named by the menu entry"
  icons=$((icons + 1))
done
[ "$icons" -ge 8 ] || fail "the app image carries $icons theme icon sizes, not the 8 from 16 to 512 px"
echo "ok: icon $icon_name in the hicolor theme at $icons sizes"
# No MimeType=inode/directory: registered for folders, the app can become the default folder opener where none is set,
# and other programs' "Show in folder" would open the Studio (docs/decisions/0700-installer.md).
! grep -q '^MimeType=.*inode/directory' "$entry" || fail "menu entry registers for folders (MimeType=inode/directory)"
if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate "$entry" || fail "$entry is not a valid desktop entry"
  echo "ok: menu entry $entry ($(sed -n 's/^Name=//p' "$entry")), valid for desktop-file-validate"
else
  echo "ok: menu entry $entry ($(sed -n 's/^Name=//p' "$entry")); NOT validated: apt-get install desktop-file-utils"
fi

# Installed again over itself, as an upgrade is: the old prerm and the new postinst run, and both must leave the
# menu entry and the command in place.
upgrade_package || fail "installing $package over the installed package failed"
[ -f "$entry" ] && [ "$(readlink /usr/bin/eventpipe)" = "$app/bin/eventpipe" ] \
  || fail "installed again over itself, the package lost its menu entry or /usr/bin/eventpipe"
echo "ok: installed again over itself; menu entry and command kept"

if [ -n "$shot" ]; then
  command -v xvfb-run >/dev/null && command -v import >/dev/null || fail "the screenshot needs xvfb-run and import (imagemagick)"
  # The desktop entry's command as the menu runs it (no folder: the %f field code is dropped), for a user who never
  # ran the app (a fresh home: no recent folder, so it opens the sample data); it must still be up when shot. HOME is
  # where the data folder goes (XDG), user.home where logs and preferences go (Java reads it from the password database).
  exec_line=$(sed -n 's/^Exec=//p' "$entry" | sed 's/ %[fFuU]//g')
  fresh_home=$(mktemp -d)
  touch "$fresh_home/.before-start"
  rm -f "$shot"
  # Poll until the window is drawn (a black root window has one colour), let the sample data load, then shoot.
  env -u XDG_DATA_HOME -u XDG_CACHE_HOME HOME="$fresh_home" JAVA_TOOL_OPTIONS="-Duser.home=$fresh_home" xvfb-run -a -s "-screen 0 1440x900x24" sh -c "
      $exec_line >/tmp/eventpipe-desktop.log 2>&1 & P=\$!
      for i in \$(seq 1 ${SHOT_TIMEOUT:-120}); do
        sleep 1; kill -0 \$P || exit 3
        import -window root '$shot'
        [ \$(identify -format %k '$shot') -gt 16 ] && break
      done
      sleep ${SHOT_SETTLE:-10}; kill -0 \$P || exit 3
      import -window root '$shot'; kill \$P; wait \$P || true" \
      || fail "the installed app did not stay up under Xvfb: $(tail -5 /tmp/eventpipe-desktop.log)"
  [ "$(identify -format %k "$shot")" -gt 16 ] || fail "the app drew no window within ${SHOT_TIMEOUT:-120} s (see $shot)"
  [ -d "$fresh_home/.local/share/EventPipelineStudio/sample-data" ] \
    || fail "the first start wrote no sample data into the user's data folder ($fresh_home/.local/share/EventPipelineStudio)"
  # Root could write into the install folder; a user cannot, so the app must not need to.
  written=$(find "$app" -newer "$fresh_home/.before-start" | head -3)
  [ -z "$written" ] || fail "the app wrote into its install folder: $written"
  rm -rf "$fresh_home"
  [ -s "$shot" ] || fail "no screenshot written to $shot"
  echo "ok: the installed app started under Xvfb; screenshot $shot"
fi

remove_package || fail "removing eventpipe failed"
for left in "$app" /usr/bin/eventpipe "$entry" /usr/share/icons/hicolor/*/apps/eventpipe.png; do
  [ ! -e "$left" ] && [ ! -L "$left" ] || fail "$left is still there after the package was removed"
done
! status || fail "the package manager still lists eventpipe after removal"
echo "ok: uninstalled; nothing left in $app, /usr/bin, /usr/share/applications or /usr/share/icons"
