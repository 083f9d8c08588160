#!/usr/bin/env bash
# Records installer/linux/desktop-classes.txt: the JDK and JavaFX classes a desktop start loads, up to the window
# showing its folder, for cds-archive.sh (the build has no display to start the desktop app on). Run it again after a
# JavaFX or JDK upgrade or a new kind of screen; a name no longer in the runtime is only skipped by the dump.
#
#   xvfb-run -a -s "-screen 0 1366x768x24" installer/linux/record-desktop-classes.sh [APP_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."

app_dir=${1:-target/installer/app/eventpipe}
launcher="$app_dir/bin/eventpipe"
out=installer/linux/desktop-classes.txt
[ -x "$launcher" ] || { echo "record-desktop-classes: no launcher at $launcher" >&2; exit 2; }
[ -n "${DISPLAY:-}" ] || { echo "record-desktop-classes: needs a display (xvfb-run)" >&2; exit 2; }

work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
mkdir -p "$work/home" "$work/events"
env -u JAVA_TOOL_OPTIONS HOME="$work/home" "$launcher" generate --out "$work/events" --days 3 --seed 11 >/dev/null
HOME="$work/home" JAVA_TOOL_OPTIONS="-Duser.home=$work/home -Djava.util.prefs.userRoot=$work/home/prefs -Xlog:class+load=info:file=$work/loaded.txt" \
    "$launcher" "$work/events" >"$work/app.out" 2>&1 &
pid=$!
for _ in $(seq 1 1200); do
  grep -qs "Opened folder" "$work"/home/.cache/EventPipelineStudio/logs/*.log && break
  sleep 0.1
done
grep -qs "Opened folder" "$work"/home/.cache/EventPipelineStudio/logs/*.log \
  || { cat "$work/app.out" >&2; echo "record-desktop-classes: the window did not open its folder in 120 s" >&2; exit 1; }
sleep 3   # the first paint: skins and CSS
kill "$pid"; wait "$pid" 2>/dev/null || true; pid=

{
  echo "# The runtime-image (JDK, JavaFX) classes of a desktop start, for installer/linux/cds-archive.sh."
  echo "# Recorded by installer/linux/record-desktop-classes.sh; one name a line, in the order loaded."
  sed -n 's/^.*\] \([^ ]*\) source: jrt:\/.*$/\1/p' "$work/loaded.txt" | tr . / | awk '!seen[$0]++'
} >"$out"
echo "record-desktop-classes: $(grep -vc '^#' "$out") classes in $out"
