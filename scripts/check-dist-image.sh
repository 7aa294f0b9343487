#!/usr/bin/env bash
# Checks the app image that `mvn -P dist package` builds, the way a learner without Java meets
# it: its launcher runs with no java on PATH (and no JAVA_HOME), the command line works,
# `--json` leaves nothing but JSON on standard output, `screenshot` renders without a display
# (Monocle against the runtime's named javafx.graphics), and nothing warns on standard error;
# its launcher is the script, without jpackage's lib/libapplauncher.so beside it.
#
#   scripts/check-dist-image.sh [IMAGE]      (default: target/dist/backprop-explorer)
set -euo pipefail

image=${1:-target/dist/backprop-explorer}
launcher="$image/bin/backprop-explorer"
[[ -x "$launcher" ]] || { echo "no launcher at $launcher; build it with: mvn -P dist -DskipTests package" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# a clean environment: no java on PATH, no JAVA_HOME, no display
run() {
    env -i HOME="$work/home" PATH=/nonexistent LANG=C.UTF-8 "$launcher" "$@"
}
mkdir -p "$work/home"
fail() {
    echo "FAIL: $*" >&2
    exit 1
}
quiet_stderr() {
    [[ ! -s "$1" ]] || { cat "$1" >&2; fail "$2 wrote to standard error"; }
}

echo "the launcher is the script, and jpackage's launcher library is not shipped"
head -c 2 "$launcher" | grep -q '^#!' || fail "$launcher is not the launcher script"
[[ ! -e "$image/lib/libapplauncher.so" ]] || fail "the image ships lib/libapplauncher.so, which only jpackage's native launcher loads"

echo "trace --example tiny"
run trace --example tiny >"$work/trace.txt" 2>"$work/trace.err" || fail "trace exited with $?"
grep -q '^trace tiny: [0-9]* stages (4 forward, 4 backward' "$work/trace.txt" \
    || { cat "$work/trace.txt" >&2; fail "trace printed something else"; }
quiet_stderr "$work/trace.err" "trace"

echo "trace --example tiny --json"
run trace --example tiny --json >"$work/trace.json" 2>"$work/json.err" || fail "trace --json exited with $?"
lines=$(wc -l <"$work/trace.json")
objects=$(grep -c '^{"stage":[0-9]*,.*}$' "$work/trace.json" || true)
[[ "$lines" -ge 8 && "$objects" -eq "$lines" ]] || { cat "$work/trace.json" >&2; fail "stdout is not one JSON stage a line"; }
quiet_stderr "$work/json.err" "trace --json"

echo "a moved image: its archive no longer fits, and --json still prints JSON alone"
if [[ -f "$image/lib/app/backprop-explorer.jsa" ]]; then
    cp -a "$image" "$work/moved"
    env -i HOME="$work/home" PATH=/nonexistent LANG=C.UTF-8 "$work/moved/bin/backprop-explorer" trace --example tiny --json \
        >"$work/moved.json" 2>"$work/moved.err" || fail "the moved image's trace --json exited with $?"
    cmp -s "$work/trace.json" "$work/moved.json" || { cat "$work/moved.json" >&2; fail "the moved image printed other JSON"; }
    quiet_stderr "$work/moved.err" "the moved image's trace --json"
    rm -rf "$work/moved"
else
    echo "    (skipped: the image has no class-data archive yet)"
fi

echo "a message names the launcher"
run train --data "$work/nowhere" >/dev/null 2>"$work/train.err" && fail "train without MNIST succeeded"
grep -qF "run \`$(cd "$image" && pwd)/bin/backprop-explorer download\`" "$work/train.err" \
    || { cat "$work/train.err" >&2; fail "the hint does not name this launcher"; }

echo "screenshot without a display"
run screenshot --out "$work/shots" >"$work/shots.txt" 2>"$work/shots.err" \
    || { cat "$work/shots.err" >&2; fail "screenshot exited with $?"; }
pngs=$(find "$work/shots" -name '*.png' -size +10k | wc -l)
[[ "$pngs" -ge 10 ]] || fail "screenshot wrote $pngs pictures"
grep -q "Unsupported JavaFX configuration" "$work/shots.err" && fail "JavaFX warns about its configuration"

echo "the image is fine: $(du -sh "$image" | cut -f1), runtime $("$image/lib/runtime/bin/java" -version 2>&1 | head -n1)"
