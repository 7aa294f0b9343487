#!/usr/bin/env bash
# Side by side: the `bench` command against the textbook's numpy reference in the same
# configuration, for every configuration of issue 13's table (ReLU SGD, the book's recipe;
# Sigmoid SGD, the ch. 4 net; ReLU Adam; ReLU Momentum) and ReLU AdaGrad, ITERS steps each,
# interleaved: each round runs every configuration once on both sides, ours then numpy's.
# Prints every run, then a table of medians and ratios to numpy.
# numpy's AdaGrad is the reference script with one more update rule (scripts/numpy_adagrad.py).
# Usage: scripts/bench-vs-numpy.sh [ROUNDS] [SHARED_DIR] [ITERS]   (defaults: 3, ../shared, 5000)
# THREADS=1 or 2 sets our fast kernel's threads (default: bench's, 2 on two cores or more).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
shared=${2:-../shared}
iters=${3:-5000}
mnist="$shared/mnist"
numpy="$shared/bench/numpy_two_layer_net.py"
[ -f "$mnist/train-images-idx3-ubyte.gz" ] || { echo "no MNIST in $mnist" >&2; exit 1; }
[ -f "$numpy" ] || { echo "no numpy reference at $numpy" >&2; exit 1; }
[ -f target/backprop-explorer.jar ] || mvn -q -DskipTests package
threads=()
[ -n "${THREADS:-}" ] && threads=(--threads "$THREADS")

# name|activation|optimizer
configs=("ReLU, SGD (the book's recipe)|relu|sgd"
         "Sigmoid, SGD (the ch. 4 net)|sigmoid|sgd"
         "ReLU, Adam|relu|adam"
         "ReLU, Momentum|relu|momentum"
         "ReLU, AdaGrad|relu|adagrad")

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
field() { sed -n "s/.*\"$1\":\([0-9.eE+-]*\).*/\1/p" <<<"$2"; }
declare -A ours theirs
for r in $(seq 1 "$rounds"); do
  echo "== round $r of $rounds (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
  for c in "${configs[@]}"; do
    IFS='|' read -r name act opt <<<"$c"
    out=$(java -jar target/backprop-explorer.jar bench --data "$mnist" --iters "$iters" --activation "$act" \
          --optimizer "$opt" ${threads[@]+"${threads[@]}"} --json)
    rate=$(field steps_per_s "$out")
    ours[$name]="${ours[$name]:-} $rate"
    echo "  $name: ours $(printf '%.0f' "$rate") steps/s (test acc $(field test_acc "$out"))"
    if [ "$opt" = adagrad ]; then
      out=$(python3 scripts/numpy_adagrad.py "$numpy" "$mnist" "$iters" --activation "$act" --lr 0.01)
    else
      out=$(python3 "$numpy" "$mnist" "$iters" --activation "$act" --optimizer "$opt")
    fi
    rate=$(sed -n 's/.*(\([0-9.]*\) steps\/s).*/\1/p' <<<"$out")
    theirs[$name]="${theirs[$name]:-} $rate"
    echo "  $name: numpy $rate steps/s ($(grep '^final' <<<"$out" | sed 's/^final: //'))"
  done
done
echo
echo "Medians of $rounds interleaved rounds of $iters steps, training steps/s (ours: bench after its warm-up):"
echo
echo "| configuration | ours, steps/s | numpy, steps/s | ratio |"
echo "|---|---|---|---|"
for c in "${configs[@]}"; do
  IFS='|' read -r name act opt <<<"$c"
  # shellcheck disable=SC2086
  mo=$(median ${ours[$name]}); mp=$(median ${theirs[$name]})
  awk -v n="$name" -v o="$mo" -v p="$mp" 'BEGIN { printf "| %s | %.0f | %.0f | %.2f× |\n", n, o, p, o / p }'
done
