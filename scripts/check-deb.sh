#!/usr/bin/env bash
# Installs the .deb that `mvn -P dist package` builds, checks the installed app the way a learner
# meets it, and removes it again (README "Install"). Needs root (it installs and removes the
# package), Xvfb (Debian: xvfb) and the libraries JavaFX needs (libgtk-3-0; the package depends
# on them, so apt brings them where it may).
#
#   sudo scripts/check-deb.sh [DEB]      (default: target/dist/backprop-explorer_*.deb)
#
# It checks: the files dpkg lists (the launcher script and no libapplauncher.so, desktop entry
# in Education, icon), the command on the PATH, the class-data archive made at install and used
# by the next start; the command line run by an ordinary user without java on the PATH
# (`trace`, and `--json` with nothing but JSON on standard output, also when the archive does
# not fit); the window under Xvfb; without the installed archive, the user's own made at the
# first start in their cache (never in /opt) and used at the second; and that `dpkg -r` leaves
# nothing in /opt.
set -euo pipefail

deb=${1:-$(ls target/dist/backprop-explorer_*.deb 2>/dev/null | head -n1)}
[[ -f "$deb" ]] || { echo "no .deb (${deb:-none}); build it with: mvn -P dist -DskipTests package" >&2; exit 1; }
deb=$(readlink -f "$deb")
app=/opt/backprop-explorer
archive=$app/lib/app/backprop-explorer.jsa
[[ $(id -u) -eq 0 ]] || { echo "run as root: it installs and removes the package" >&2; exit 1; }
command -v Xvfb >/dev/null || { echo "Xvfb is not installed (Debian: apt-get install xvfb)." >&2; exit 1; }
if [[ "$(dpkg-query -W -f='${Status}' backprop-explorer 2>/dev/null || true)" == *" installed" ]]; then
    echo "backprop-explorer is installed already; remove it first (dpkg -r backprop-explorer)" >&2
    exit 1
fi

work=$(mktemp -d)
chmod 755 "$work"
xvfb_pid=""
installed=false
app_pids=""
cleanup() {
    [[ -n "$app_pids" ]] && kill $app_pids 2>/dev/null || true
    [[ -n "$xvfb_pid" ]] && kill "$xvfb_pid" 2>/dev/null || true
    [[ -f "$work/archive.aside" ]] && mv "$work/archive.aside" "$archive" 2>/dev/null || true
    $installed && dpkg -r backprop-explorer >/dev/null 2>&1 || true
    dpkg -P backprop-explorer >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*" >&2
    exit 1
}

echo "install $(basename "$deb")"
if command -v apt-get >/dev/null; then
    # apt brings what the package depends on
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$deb" >"$work/install.log" 2>&1 \
        || { cat "$work/install.log" >&2; fail "apt-get install failed"; }
else
    dpkg -i "$deb" >"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; fail "dpkg -i failed"; }
fi
installed=true

echo "the files dpkg lists"
dpkg -L backprop-explorer >"$work/files"
for f in "$app/bin/backprop-explorer" "$app/lib/app/backprop-explorer.jar" "$app/lib/runtime/bin/java" \
        "$app/lib/backprop-explorer-backprop-explorer.desktop" "$app/lib/backprop-explorer.png"; do
    grep -qxF "$f" "$work/files" || fail "dpkg does not list $f"
    [[ -e "$f" ]] || fail "$f is listed but missing"
done
head -c 2 "$app/bin/backprop-explorer" | grep -q '^#!' || fail "the installed launcher is not the script"
! grep -q 'libapplauncher' "$work/files" || fail "the package ships libapplauncher.so, which only jpackage's native launcher loads"
[[ ! -e "$app/lib/libapplauncher.so" ]] || fail "$app/lib/libapplauncher.so is there"
entry=$app/lib/backprop-explorer-backprop-explorer.desktop
grep -qx 'Name=Backprop Explorer' "$entry" || fail "the desktop entry is not named Backprop Explorer"
grep -q '^Categories=.*Education;' "$entry" || fail "the desktop entry is not in Education"
grep -qx "Exec=$app/bin/backprop-explorer" "$entry" || fail "the desktop entry does not start the launcher"
icon=$(sed -n 's/^Icon=//p' "$entry")
[[ "$(file -b --mime-type "$icon" 2>/dev/null || echo image/png)" == image/png && -s "$icon" ]] \
    || fail "the desktop entry's icon $icon is not a picture"
[[ -f /usr/share/applications/backprop-explorer-backprop-explorer.desktop ]] \
    || fail "no menu entry in /usr/share/applications"
[[ "$(readlink -f /usr/bin/backprop-explorer)" == "$app/bin/backprop-explorer" ]] \
    || fail "backprop-explorer on the PATH is not the installed launcher"
[[ -s "$archive" ]] || fail "the install made no class-data archive ($archive)"

# an ordinary user, a clean environment, no java on the PATH (only the command itself)
mkdir -p "$work/home" "$work/bin"
chown nobody "$work/home"
ln -s /usr/bin/backprop-explorer "$work/bin/backprop-explorer"
as_user() {
    setpriv --reuid=nobody --regid=nogroup --clear-groups \
        /usr/bin/env -i HOME="$work/home" PATH="$work/bin" LANG=C.UTF-8 DISPLAY="${DISPLAY:-}" "$@"
}
json_only() {
    local lines objects
    lines=$(wc -l <"$1")
    objects=$(grep -c '^{"stage":[0-9]*,.*}$' "$1" || true)
    [[ "$lines" -ge 8 && "$objects" -eq "$lines" ]] || { cat "$1" >&2; fail "$2: stdout is not one JSON stage a line"; }
    [[ ! -s "$3" ]] || { cat "$3" >&2; fail "$2 wrote to standard error"; }
}

echo "the command line, as a user"
as_user backprop-explorer trace --example tiny >"$work/trace.txt" 2>"$work/trace.err" || fail "trace exited with $?"
grep -q '^trace tiny: [0-9]* stages' "$work/trace.txt" || { cat "$work/trace.txt" "$work/trace.err" >&2; fail "trace"; }
as_user backprop-explorer trace --example tiny --json >"$work/trace.json" 2>"$work/json.err" || fail "--json exited with $?"
json_only "$work/trace.json" "trace --json" "$work/json.err"

# a private X server
exec 3>"$work/displayfd"
Xvfb -displayfd 3 -screen 0 1366x768x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
exec 3>&-
for _ in $(seq 100); do [[ -s "$work/displayfd" ]] && break; sleep 0.1; done
export DISPLAY=":$(head -n1 "$work/displayfd")"

# starts the app as the user, waits for its first page, prints the archives its JVM has mapped
# (a class-data archive in use is mapped into the JVM's memory), then closes it
window() {
    as_user backprop-explorer >"$work/window.out" 2>"$work/window.err" &
    local pid=$! java=""
    for _ in $(seq 600); do
        grep -q 'first page shown' "$work/window.err" && break
        kill -0 "$pid" 2>/dev/null || { cat "$work/window.err" >&2; fail "the app ended before its window"; }
        sleep 0.1
    done
    grep -q 'first page shown' "$work/window.err" || { cat "$work/window.err" >&2; fail "no window within 60 s"; }
    java=$(pgrep -o -u nobody -f "^$app/lib/runtime/bin/java")
    app_pids="$app_pids $pid $java"
    [[ -n "$java" ]] && awk '$6 ~ /\.jsa$/ {print $6}' "/proc/$java/maps" | sort -u
    sleep "${1:-0}"
    kill "$java" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    [[ ! -s "$work/window.out" ]] || { cat "$work/window.out" >&2; fail "the app wrote to standard output"; }
}

echo "the window; it uses the archive made at install"
window >"$work/maps"
grep -qxF "$archive" "$work/maps" || { cat "$work/maps" >&2; fail "the JVM did not map $archive"; }
sed -n 's/.*\(window shown [0-9]* ms\).*/    \1 after the JVM started/p' "$work/window.err"

echo "without the installed archive: the user's own, made at the first start in their cache"
mv "$archive" "$work/archive.aside"
window 5 >"$work/maps" # the app looks at its archive 3 s after its first page
cache=""
for _ in $(seq 90); do
    cache=$(find "$work/home/.cache/backprop-explorer" -name backprop-explorer.jsa 2>/dev/null | head -n1)
    [[ -n "$cache" ]] && break
    sleep 1
done
[[ -n "$cache" ]] || fail "the first start made no archive in ~/.cache/backprop-explorer"
[[ -z "$(find "$app" -name 'backprop-explorer.jsa*' -newer "$work/files")" ]] || fail "a user's start wrote into $app"
for _ in $(seq 30); do # the JVM that made it may still be ending
    pgrep -u nobody -f "Main class-archive" >/dev/null || break
    sleep 1
done
window >"$work/maps"
grep -qxF "$cache" "$work/maps" || { cat "$work/maps" >&2; fail "the second start did not map $cache"; }
echo "    made and used: ${cache#"$work/home/"}"

echo "an archive that does not fit: --json still prints JSON alone"
head -c 100000 /dev/urandom >"$work/garbage"
install -m 644 -o nobody "$work/garbage" "$cache"
as_user backprop-explorer trace --example tiny --json >"$work/trace.json" 2>"$work/json.err" || fail "--json exited with $?"
json_only "$work/trace.json" "trace --json with a broken archive" "$work/json.err"
mv "$work/archive.aside" "$archive"

echo "remove"
dpkg -r backprop-explorer >"$work/remove.log" 2>&1 || { cat "$work/remove.log" >&2; fail "dpkg -r failed"; }
installed=false
[[ ! -e "$app" ]] || { find "$app" >&2; fail "$app is still there"; }
[[ ! -e /usr/bin/backprop-explorer ]] || fail "/usr/bin/backprop-explorer is still there"
[[ ! -e /usr/share/applications/backprop-explorer-backprop-explorer.desktop ]] || fail "the menu entry is still there"
echo "the .deb is fine"
