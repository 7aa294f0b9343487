#!/usr/bin/env bash
# Side by side, in one go: the `bench` command (the book's recipe: 784-50-10, batch 100,
# SGD lr 0.1, 10,000 steps) on 1 and 2 threads, and the textbook's numpy reference, interleaved
# ROUNDS times. Prints every run, then the medians and the ratios to numpy.
# Usage: scripts/bench-vs-numpy.sh [ROUNDS] [SHARED_DIR]   (defaults: 3, ../shared)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
shared=${2:-../shared}
mnist="$shared/mnist"
numpy="$shared/bench/numpy_two_layer_net.py"
[ -f "$mnist/train-images-idx3-ubyte.gz" ] || { echo "no MNIST in $mnist" >&2; exit 1; }
[ -f target/backprop-explorer.jar ] || mvn -q -DskipTests package

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
field() { sed -n "s/.*\"$1\":\([0-9.eE+-]*\).*/\1/p" <<<"$2"; }
declare -a one two py
for r in $(seq 1 "$rounds"); do
  echo "== round $r (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
  for t in 1 2; do
    out=$(java -jar target/backprop-explorer.jar bench --data "$mnist" --threads "$t" --json)
    echo "  ours, $t thread(s): $(field steps_per_s "$out") steps/s, train acc $(field train_acc "$out"), test acc $(field test_acc "$out")"
    if [ "$t" = 1 ]; then one+=("$(field steps_per_s "$out")"); else two+=("$(field steps_per_s "$out")"); fi
  done
  out=$(python3 "$numpy" "$mnist")
  rate=$(sed -n 's/.*(\([0-9.]*\) steps\/s).*/\1/p' <<<"$out")
  echo "  numpy: $rate steps/s, $(grep '^final' <<<"$out")"
  py+=("$rate")
done
m1=$(median "${one[@]}"); m2=$(median "${two[@]}"); mp=$(median "${py[@]}")
echo "== medians of $rounds rounds (steps/s): ours 1 thread $m1, ours 2 threads $m2, numpy $mp"
awk -v a="$m1" -v b="$m2" -v p="$mp" 'BEGIN { printf "== ratio to numpy: 1 thread %.2fx, 2 threads %.2fx\n", a/p, b/p }'
