#!/usr/bin/env bash
# Smoke test of a built Linux app image (or an installed /opt/eventpipe), headless: the packaged launcher must
# run the command line without a display, and the packaged runtime must hold every JDK module the app needs.
#
#   installer/linux/smoke-test.sh [APP_DIR]      (default: target/installer/app/eventpipe)
#
# Exits non-zero with a one-line reason on the first failed check.
set -euo pipefail
cd "$(dirname "$0")/../.."

app_dir=${1:-target/installer/app/eventpipe}
launcher="$app_dir/bin/eventpipe"
[ -x "$launcher" ] || { echo "smoke-test: no launcher at $launcher; build it with ./mvnw -Pinstaller -DskipTests package" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# An empty home keeps the run away from the user's cache, logs and preferences: HOME for the data folder (XDG), and
# user.home for logs and preferences (Java takes user.home from the password database, not from HOME); no DISPLAY
# proves the command line never needs a screen.
mkdir -p "$work/home"
cli() {
  env -u DISPLAY -u WAYLAND_DISPLAY -u XDG_DATA_HOME -u XDG_CACHE_HOME HOME="$work/home" \
      JAVA_TOOL_OPTIONS="-Duser.home=$work/home" "$launcher" "$@"
}
fail() { echo "smoke-test: FAIL: $*" >&2; exit 1; }
expect_exit() { # expected-code description command...
  local want=$1 what=$2; shift 2
  local got=0
  "$@" >"$work/out.txt" 2>"$work/err.txt" || got=$?
  if [ "$got" -ne "$want" ]; then
    echo "--- stdout"; cat "$work/out.txt"; echo "--- stderr"; cat "$work/err.txt"
    fail "$what: exit code $got, expected $want"
  fi
  echo "ok: $what (exit $got)"
}

start=$(date +%s)

expect_exit 0 "launcher prints --version without a display" cli --version
version=$(grep -m1 -E '^eventpipe [0-9]' "$work/out.txt" || true)
[ -n "$version" ] || fail "--version printed no 'eventpipe <version>' line: $(cat "$work/out.txt")"
echo "    $version"
if [ -f pom.xml ]; then
  pom_version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)
  [ "$version" = "eventpipe $pom_version" ] || fail "launcher says '$version' but pom.xml is at $pom_version"
fi

# The class-data archive (installer/linux/cds-archive.sh): -Xshare:on makes a start that cannot map it fail, where a
# user's start would quietly go without it; the class-load log shows the JDK classes came from it.
archive="$app_dir/lib/app/eventpipe.jsa"
[ -s "$archive" ] || fail "no class-data archive at $archive"
grep -qxF 'java-options=-XX:SharedArchiveFile=$APPDIR/eventpipe.jsa' "$app_dir/lib/app/eventpipe.cfg" \
  || fail "the launcher's eventpipe.cfg does not name the class-data archive"
expect_exit 0 "the launcher maps its class-data archive" env -u DISPLAY HOME="$work/home" \
    JAVA_TOOL_OPTIONS="-Duser.home=$work/home -Xshare:on -Xlog:class+load=info:file=$work/loaded.txt" "$launcher" --version
grep -q '^.*\] java\.lang\.Object source: shared objects file' "$work/loaded.txt" \
  || fail "java.lang.Object was not loaded from the class-data archive"
echo "    $(grep -c 'source: shared objects file' "$work/loaded.txt") of $(grep -c 'source: ' "$work/loaded.txt") classes from the archive ($(du -m "$archive" | cut -f1) MB)"

expect_exit 0 "launcher prints --help" cli --help
grep -q 'Exit codes' "$work/out.txt" || fail "--help shows no exit codes"
commands=$(cat "$work/out.txt")
expect_exit 2 "an unknown option is a usage error" cli --no-such-option
expect_exit 2 "a mistyped command is a usage error naming the command meant" cli valdate --input "$work"
grep -q "did you mean 'validate'" "$work/err.txt" || fail "a mistyped command did not name the command meant: $(cat "$work/err.txt")"
expect_exit 2 "a folder that does not exist is a usage error" cli "$work/no-such-folder"
grep -q "^eventpipe: No folder $work/no-such-folder: " "$work/err.txt" || fail "a missing folder was not named: $(cat "$work/err.txt")"
expect_exit 2 "the desktop app without a screen is refused in one sentence, not a stack trace" cli "$work"
grep -q "^eventpipe: there is no screen to open the desktop app on" "$work/err.txt" && ! grep -q "Exception" "$work/err.txt" \
  || fail "the desktop app without a screen did not say so: $(cat "$work/err.txt")"

# Every JDK module the app's jars use must be in the trimmed runtime (jdeps comes with the build JDK; it needs the
# JavaFX jars the build put on the jlink module path, so this check runs on a build tree only).
release="$app_dir/lib/runtime/release"
javafx_jars=target/installer-javafx
if command -v jdeps >/dev/null 2>&1 && [ -f "$release" ] && [ -d "$javafx_jars" ]; then
  needed=$(jdeps -q --multi-release 17 --ignore-missing-deps --print-module-deps --module-path "$javafx_jars" \
      --class-path "$app_dir/lib/app/*" "$app_dir"/lib/app/*.jar) || fail "jdeps could not analyse $app_dir/lib/app"
  needed=$(tr ',' ' ' <<<"$needed")
  present=" $(sed -n 's/^MODULES="\(.*\)"$/\1/p' "$release") "
  for module in $needed; do
    case "$module" in java.compiler) continue ;; esac   # annotation types only (error_prone), never loaded
    case "$present" in *" $module "*) ;; *) fail "the runtime lacks module $module: add it to installer.modules in pom.xml" ;; esac
  done
  echo "ok: runtime holds every JDK module jdeps finds ($(echo $needed | tr ' ' ','))"
fi

# The pipeline on a small generated folder.
has_command() { grep -qE "^ +$1( |$)" <<<"$commands"; }
if ! has_command generate; then fail "the CLI has no 'generate' command"; fi
if ! has_command run; then fail "the CLI has no 'run' command (no stage registered in StudioEngine)"; fi
input="$work/events"
expect_exit 0 "generate a small clean folder" cli generate --out "$input" --days 5 --events-per-day 2000 --seed 11 --faults none
last=$(ls "$input" | sed -n 's/^events_\([0-9]\{8\}\)\.csv$/\1/p' | sort | tail -1)
[ -n "$last" ] || fail "generate wrote no events_YYYYMMDD.csv into $input"
as_of=$(date -u -d "${last:0:4}-${last:4:2}-${last:6:2} + 1 day" +%F)
expect_exit 0 "run on clean data as of $as_of" cli run --input "$input" --output "$work/out" --as-of "$as_of" --no-cache
[ -s "$work/out/quality/file_summary.csv" ] || fail "run wrote no quality/file_summary.csv"
grep -q "Outputs:" "$work/out.txt" || fail "run printed no 'Outputs:' line"

if has_command monitor; then
  # Data that stopped arriving long ago is a CRITICAL freshness alert: exit code 1 (SPEC §6, §9).
  expect_exit 1 "run on stale data (as of 2099-01-01) ends with CRITICAL alerts" \
      cli run --input "$input" --output "$work/out-stale" --as-of 2099-01-01 --no-cache
fi

echo "smoke-test: all checks passed in $(( $(date +%s) - start )) s"
