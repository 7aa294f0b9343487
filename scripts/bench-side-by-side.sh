#!/usr/bin/env bash
# The book's recipe (784-50-10, batch 100, SGD lr 0.1, 10,000 steps), ours against the textbook's
# numpy, interleaved: ours (1 thread), ours (2 threads), numpy (OpenBLAS as it comes, 2 threads
# here), numpy with OPENBLAS_NUM_THREADS=1 (steadier when other programs share the cores);
# ROUNDS times. Prints each run's steps/s and final accuracies, then the medians and the ratios
# to the reference (the first numpy).
# Usage: scripts/bench-side-by-side.sh [ROUNDS] [SHARED_DIR]   (defaults: 3, ../shared)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
shared=${2:-../shared}
mnist="$shared/mnist"
numpy="$shared/bench/numpy_two_layer_net.py"
[ -f "$mnist/train-images-idx3-ubyte.gz" ] || { echo "no MNIST in $mnist" >&2; exit 1; }
mvn -q test-compile
cpfile=$(mktemp)
trap 'rm -f "$cpfile"' EXIT
mvn -q dependency:build-classpath -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=test >/dev/null
cp="target/classes:target/test-classes:$(cat "$cpfile")"

declare -a one two py py1
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
rate() { sed -n 's/.*(\([0-9.]*\) steps\/s).*/\1/p' <<<"$1"; }
for r in $(seq 1 "$rounds"); do
  echo "== round $r (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
  for t in 1 2; do
    out=$(java -Xmx4g -cp "$cp" com.backpropexplorer.engine.BookRecipeRun "$mnist" 10000 "$t")
    grep -E '^final|^training' <<<"$out" | sed "s/^/  ours x$t  /"
    if [ "$t" = 1 ]; then one+=("$(rate "$out")"); else two+=("$(rate "$out")"); fi
  done
  out=$(python3 "$numpy" "$mnist")
  grep -E '^final|^training' <<<"$out" | sed 's/^/  numpy    /'
  py+=("$(rate "$out")")
  out=$(OPENBLAS_NUM_THREADS=1 python3 "$numpy" "$mnist")
  grep -E '^final|^training' <<<"$out" | sed 's/^/  numpy x1 /'
  py1+=("$(rate "$out")")
done
m1=$(median "${one[@]}"); m2=$(median "${two[@]}"); mp=$(median "${py[@]}"); mq=$(median "${py1[@]}")
echo "== medians of $rounds rounds (steps/s): ours 1 thread $m1, ours 2 threads $m2, numpy $mp, numpy 1 thread $mq"
awk -v a="$m1" -v b="$m2" -v p="$mp" -v q="$mq" 'BEGIN {
  printf "== ratio to numpy: 1 thread %.2fx, 2 threads %.2fx (to 1-thread numpy: %.2fx, %.2fx)\n", a/p, b/p, a/q, b/q }'
