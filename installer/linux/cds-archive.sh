#!/usr/bin/env bash
# Builds the class-data archive of a Linux app image: the JDK and JavaFX classes that a desktop start and the command
# line load, parsed and laid out once at build time and mapped by every later start (docs/decisions/0813-...).
#
#   installer/linux/cds-archive.sh [APP_DIR]      (default: target/installer/app/eventpipe; run by ./mvnw -Pinstaller)
#
# Only classes of the image's own runtime go in: Java 17 records the absolute path of every class-path jar in the
# archive and drops the whole archive when the jars sit elsewhere, as /opt/eventpipe is after installing the .deb.
# The runtime's modules file may move. No display is needed: the command-line classes come from a training run of
# the launcher, the desktop's from installer/linux/desktop-classes.txt (record-desktop-classes.sh), and a dump only
# loads classes, it initialises none.
set -euo pipefail
cd "$(dirname "$0")/../.."

app_dir=${1:-target/installer/app/eventpipe}
name=eventpipe
launcher="$app_dir/bin/$name"
archive="$app_dir/lib/app/$name.jsa"
desktop_classes=installer/linux/desktop-classes.txt
[ -x "$launcher" ] || { echo "cds-archive: no launcher at $launcher" >&2; exit 2; }

work=$(mktemp -d)
dump_launcher="$app_dir/bin/cds-dump"
dump_cfg="$app_dir/lib/app/cds-dump.cfg"
trap 'rm -rf "$work" "$dump_launcher" "$dump_cfg"' EXIT
start=$(date +%s)
mkdir -p "$work/home"
# An archive of an earlier build would serve the training runs' classes, and they would not read as the runtime's.
rm -f "$archive"

# One training command: its class list and the source of each class it loaded (jrt:/ is the runtime image).
train() { # name expected-exit-codes command...
  local run=$1 codes=$2; shift 2
  local got=0
  env -u DISPLAY -u WAYLAND_DISPLAY -u XDG_DATA_HOME -u XDG_CACHE_HOME HOME="$work/home" \
      JAVA_TOOL_OPTIONS="-Duser.home=$work/home -Djava.util.prefs.userRoot=$work/home/prefs -XX:DumpLoadedClassList=$work/$run.classlist -Xlog:class+load=info:file=$work/$run.loaded" \
      "$launcher" "$@" >"$work/$run.out" 2>&1 || got=$?
  case " $codes " in
    *" $got "*) ;;
    *) cat "$work/$run.out" >&2; echo "cds-archive: training run '$*' exited $got" >&2; exit 1 ;;
  esac
}
train version 0 --version
train generate 0 generate --out "$work/events" --days 3 --events-per-day 2000 --seed 11 --faults all
# 1: CRITICAL alerts on the planted faults, as expected
train run "0 1" run --input "$work/events" --output "$work/out" --as-of 2025-02-26 --no-cache

# The runtime image's classes: sources jrt:/ in the training runs, and the recorded desktop list (already filtered).
sed -n 's/^.*\] \([^ ]*\) source: jrt:\/.*$/\1/p' "$work"/*.loaded | tr . / | sort -u >"$work/runtime-classes.txt"
grep -v '^#' "$desktop_classes" >>"$work/runtime-classes.txt"
# Plain names of runtime classes, and the lambda forms and lambda proxies among them; in the order first loaded.
cat "$work"/*.classlist "$desktop_classes" | awk -v keep="$work/runtime-classes.txt" '
  BEGIN { while ((getline line < keep) > 0) runtime[line] = 1 }
  /^#/ { next }
  /^@lambda-form-invoker/ { if (!seen[$0]++) print; next }
  /^@lambda-proxy/ { if (($2 in runtime) && !seen[$0]++) print; next }
  /^@/ { next }
  { if (($1 in runtime) && !seen[$1]++) print $1 }' >"$work/archive.classlist"

# The dump runs the image's own launcher and JVM, without the app's class path (an empty one matches any later one).
trained=$(date +%s)
cp "$launcher" "$dump_launcher"
cat >"$dump_cfg" <<EOF
[Application]
app.mainclass=java.lang.Object

[JavaOptions]
java-options=-Xshare:dump
java-options=-XX:SharedClassListFile=$work/archive.classlist
java-options=-XX:SharedArchiveFile=$archive
EOF
if ! env -u JAVA_TOOL_OPTIONS "$dump_launcher" >"$work/dump.out" 2>&1 || [ ! -s "$archive" ]; then
  tail -20 "$work/dump.out" >&2
  echo "cds-archive: the dump failed" >&2
  exit 1
fi
# -Xshare:on fails the start where the archive cannot be mapped (by default a start without it is silent)
env -u DISPLAY HOME="$work/home" JAVA_TOOL_OPTIONS="-Duser.home=$work/home -Xshare:on" "$launcher" --version >"$work/check.out" 2>&1 \
  || { cat "$work/check.out" >&2; echo "cds-archive: the launcher cannot map $archive" >&2; exit 1; }

echo "cds-archive: $(wc -l <"$work/archive.classlist") classes, $(du -m "$archive" | cut -f1) MB in $archive," \
  "$(grep -c 'Preload Warning' "$work/dump.out" || true) listed classes not in this runtime;" \
  "training $(( trained - start )) s, dump and check $(( $(date +%s) - trained )) s"
