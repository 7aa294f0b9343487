#!/usr/bin/env bash
# Start-up benchmark: how long from launching the app until its window is on screen.
#
#   scripts/startup-bench.sh [-n RUNS] [-w WARMUPS] [-d :N] [-s WxHxD] [--wm] [--page] -- COMMAND [ARGS...]
#                            [--vs OTHER-COMMAND [ARGS...]]
#
# Examples:
#   scripts/startup-bench.sh -- target/dist/backprop-explorer/bin/backprop-explorer
#   scripts/startup-bench.sh -n 9 -- java -jar target/backprop-explorer.jar
#   scripts/startup-bench.sh --wm -- /opt/backprop-explorer/bin/backprop-explorer
#   scripts/startup-bench.sh -- old/bin/backprop-explorer --vs new/bin/backprop-explorer
#
# Each run starts COMMAND on a private Xvfb display, stamps every line the app writes to
# standard error with the time since launch, and stops the app as soon as it reports its first
# frame ("window shown N ms after the JVM started (at E ms since the epoch)", printed once the
# renderer has put the first frame on screen). "launch->shown" is measured from the fork of
# COMMAND to E, so it includes the launcher, the JVM's own start and everything the app does
# before its first frame; "JVM count" is the app's own figure, from the JVM's start time.
# The window shows its frame (menus, sidebar) first and builds the lesson after that frame:
# --page also waits for "first page shown ... (at E ms since the epoch)", the first frame with
# the lesson, and reports launch->page as well.
# With --vs, the runs of the two commands alternate and each gets its own median. The warm-up
# runs (default 1: it lets a first start create its class-data archive and fills the page
# cache) are shown but not counted. Prints each run and the median, minimum and maximum.
#
# Needs: bash 5, Xvfb (Debian: xvfb), optionally openbox for --wm. On a shared machine run it
# while nothing else is busy, e.g. under an exclusive lock (flock -x LOCKFILE scripts/...).
set -euo pipefail

runs=5
warmups=1
display=""
screen="1366x768x24"
use_wm=false
page=false
pattern="window shown"
page_pattern="first page shown"
timeout_s=60

usage() {
    sed -n '2,27p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
}

while [[ $# -gt 0 ]]; do
    case "$1" in
        -n) runs="$2"; shift 2 ;;
        -w) warmups="$2"; shift 2 ;;
        -d) display="$2"; shift 2 ;;
        -s) screen="$2"; shift 2 ;;
        --wm) use_wm=true; shift ;;
        --page) page=true; shift ;;
        -h|--help) usage ;;
        --) shift; break ;;
        -*) echo "unknown option $1" >&2; usage ;;
        *) break ;;
    esac
done
[[ $# -gt 0 ]] || usage
command -v Xvfb >/dev/null || { echo "Xvfb is not installed (Debian: apt-get install xvfb)." >&2; exit 1; }

work=$(mktemp -d)
xvfb_pid=""
wm_pid=""
cleanup() {
    [[ -n "$wm_pid" ]] && kill "$wm_pid" 2>/dev/null || true
    [[ -n "$xvfb_pid" ]] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# a private X server: the display number it picked comes back through -displayfd
if [[ -n "$display" ]]; then
    Xvfb "$display" -screen 0 "$screen" -nolisten tcp >"$work/xvfb.log" 2>&1 &
    xvfb_pid=$!
    sleep 1
else
    exec 3>"$work/displayfd"
    Xvfb -displayfd 3 -screen 0 "$screen" -nolisten tcp >"$work/xvfb.log" 2>&1 &
    xvfb_pid=$!
    exec 3>&-
    for _ in $(seq 100); do [[ -s "$work/displayfd" ]] && break; sleep 0.05; done
    display=":$(head -n1 "$work/displayfd")"
fi
kill -0 "$xvfb_pid" 2>/dev/null || { echo "Xvfb did not start:" >&2; cat "$work/xvfb.log" >&2; exit 1; }
export DISPLAY="$display"
if $use_wm; then
    command -v openbox >/dev/null || { echo "openbox is not installed." >&2; exit 1; }
    openbox >/dev/null 2>&1 &
    wm_pid=$!
    sleep 1
fi

now_us() { echo "${EPOCHREALTIME/./}"; }

# the time from the launch (start, in µs) to the epoch ms a line of the app names
launch_to() {
    local epoch
    epoch=$(sed -n 's/.* (at \([0-9]*\) ms since the epoch).*/\1/p' <<<"$2")
    echo $(( epoch - $1 / 1000 ))
}

# One run: prints "<launch->shown ms> <JVM's own ms> [<launch->page ms>]" or "timeout".
one_run() {
    local log="$work/run.log"
    : >"$log"
    local start
    start=$(now_us)
    # its own session, so the launcher and the JVM it starts are stopped together
    setsid "$@" 2> >(while IFS= read -r line; do
                         echo "$(( ($(now_us) - start) / 1000 )) $line"
                     done >>"$log") >/dev/null &
    local pid=$!
    local deadline=$(( SECONDS + timeout_s ))
    local hit=""
    local page_hit=""
    while (( SECONDS < deadline )); do
        hit=$(grep -m1 -- "$pattern" "$log" || true)
        $page && page_hit=$(grep -m1 -- "$page_pattern" "$log" || true)
        [[ -n "$hit" ]] && { ! $page || [[ -n "$page_hit" ]]; } && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.02
    done
    kill -TERM -- "-$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    sleep 0.3
    kill -KILL -- "-$pid" 2>/dev/null || true
    if [[ -z "$hit" ]] || { $page && [[ -z "$page_hit" ]]; }; then
        echo "timeout"
        sed 's/^/    /' "$log" | tail -n 20 >&2
        return
    fi
    local ms=${hit%% *}
    # the app says when its frame was out (epoch ms): count from the launch to then, not to
    # when the line was read
    local epoch
    epoch=$(sed -n 's/.*window shown .* (at \([0-9]*\) ms since the epoch).*/\1/p' <<<"$hit")
    [[ -n "$epoch" ]] && ms=$(( epoch - start / 1000 ))
    local own
    own=$(sed -n 's/.*window shown \([0-9]*\) ms.*/\1/p' <<<"$hit")
    if $page; then
        echo "$ms ${own:--} $(launch_to "$start" "$page_hit")"
    else
        echo "$ms ${own:--}"
    fi
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# the commands: A, or A --vs B (then their runs alternate, A B A B ..., so that both meet the
# same machine: a fair before/after comparison on a shared computer)
cmd_a=()
cmd_b=()
while [[ $# -gt 0 && "$1" != --vs ]]; do cmd_a+=("$1"); shift; done
if [[ $# -gt 0 ]]; then
    shift
    cmd_b=("$@")
    [[ ${#cmd_b[@]} -gt 0 ]] || usage
fi
labels=(A)
(( ${#cmd_b[@]} > 0 )) && labels=(A B)

run_of() {
    if [[ "$1" == A ]]; then one_run "${cmd_a[@]}"; else one_run "${cmd_b[@]}"; fi
}

summary() {
    local label=$1
    shift
    if (( $# == 0 )); then
        echo "$label: no run reached its window" >&2
        return 1
    fi
    local shown own pages
    shown=$(printf '%s\n' "$@" | cut -d' ' -f1)
    own=$(printf '%s\n' "$@" | cut -d' ' -f2)
    echo "${label}median launch->shown $(median <<<"$shown") ms (min $(sort -n <<<"$shown" | head -1), max $(sort -n <<<"$shown" | tail -1); $# runs), JVM count median $(median <<<"$own") ms"
    if $page; then
        pages=$(printf '%s\n' "$@" | cut -d' ' -f3)
        echo "${label}median launch->first page $(median <<<"$pages") ms (min $(sort -n <<<"$pages" | head -1), max $(sort -n <<<"$pages" | tail -1))"
    fi
}

echo "display $DISPLAY ($screen$($use_wm && echo ', openbox' || true)), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command${cmd_b:+ A}: ${cmd_a[*]}"
(( ${#cmd_b[@]} > 0 )) && echo "command B: ${cmd_b[*]}"
for i in $(seq "$warmups"); do
    for l in "${labels[@]}"; do
        echo "warm-up $i${cmd_b:+ $l}: $(run_of "$l")"
        sleep 1
    done
done
results_a=()
results_b=()
for i in $(seq "$runs"); do
    for l in "${labels[@]}"; do
        r=$(run_of "$l")
        read -r r_shown r_own r_page <<<"$r"
        echo "run $i${cmd_b:+ $l}: launch->shown $r_shown ms (JVM count ${r_own:--} ms)${r_page:+, launch->first page $r_page ms}"
        if [[ "$r" != timeout ]]; then
            if [[ "$l" == A ]]; then results_a+=("$r"); else results_b+=("$r"); fi
        fi
        sleep 1
    done
done
status=0
summary "${cmd_b:+A: }" "${results_a[@]}" || status=1
if (( ${#cmd_b[@]} > 0 )); then
    summary "B: " "${results_b[@]}" || status=1
fi
exit $status
