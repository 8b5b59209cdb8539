#!/usr/bin/env bash
# Side-by-side training throughput and accuracy: DistLab vs PyTorch (1 thread) on Fashion-MNIST.
# Usage: bench/compare_torch.sh [EPOCHS=10] [ROUNDS=3]
#   needs the build and the packages of ../shared/bench/README.md
#   (python3-torch python3-numpy libopenblas0-openmp).
#   DISTLAB_BENCH_ISA=avx2 runs both sides as on an AVX2-only CPU: DistLab's AVX2 kernels
#   (DISTLAB_ISA), OpenBLAS's Haswell kernels (OPENBLAS_CORETYPE), PyTorch's AVX2 kernels and
#   oneDNN capped at AVX2. DISTLAB_BENCH_ISA=avx512 lets every library pick its best kernels
#   (OPENBLAS_CORETYPE unset: some machines here preset it to Haswell). Unset: the environment
#   as it is. DISTLAB_ENGINE overrides the engine binary (before/after figures).
# Each round trains each model once with DistLab and once with PyTorch, alternating which goes
# first so slow drifts of this shared machine hit both. Per run: the median samples/s over the
# epochs (training loop only, as torch_mlp.py times it). Printed: every round's figures and ratio,
# then the median ratio, the final test accuracies and DistLab's peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
epochs=${1:-10}
rounds=${2:-3}
ref=${DISTLAB_REF_DIR:-../shared/bench}
engine=${DISTLAB_ENGINE:-build/engine/distlab-engine}
if [ "${DISTLAB_BENCH_ISA:-}" = avx2 ]; then
  export DISTLAB_ISA=avx2 OPENBLAS_CORETYPE=Haswell ATEN_CPU_CAPABILITY=avx2 \
         ONEDNN_MAX_CPU_ISA=AVX2 DNNL_MAX_CPU_ISA=AVX2
elif [ "${DISTLAB_BENCH_ISA:-}" = avx512 ]; then
  export DISTLAB_ISA=avx512
  unset OPENBLAS_CORETYPE ATEN_CPU_CAPABILITY ONEDNN_MAX_CPU_ISA DNNL_MAX_CPU_ISA
fi
echo "kernels: DISTLAB_ISA=${DISTLAB_ISA:-best} OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-detected}"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

ours() {  # MODEL -> "samples_per_s accuracy rss_mb"
  local spec="$out/$1.json"
  /usr/bin/python3 -c "import json; s=json.load(open('bench/specs/$1.json')); s['training']['epochs']=$epochs; json.dump(s,open('$spec','w'))"
  /usr/bin/time -f "%M" -o "$out/rss" "$engine" train "$spec" --out "$out/run" >/dev/null 2>&1
  /usr/bin/python3 - "$out/run/metrics.csv" "$out/rss" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
rss = int(open(sys.argv[2]).read().split()[-1]) / 1024
print(statistics.median(float(r["samples_per_s"]) for r in rows), rows[-1]["test_accuracy"], round(rss))
PY
}

theirs() {  # MODEL -> "samples_per_s accuracy"
  local torch_model=$([ "$1" = mlp ] && echo mlp || echo cnn)
  /usr/bin/python3 "$ref/torch_mlp.py" --model "$torch_model" --threads 1 --epochs "$epochs" --seed 0 2>/dev/null |
    /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); print(d['median_samples_per_s'], d['acc_after'][str(d['epochs'])])"
}

for model in mlp lenet5; do
  ratios=()
  for ((r = 1; r <= rounds; r++)); do
    if ((r % 2)); then
      read -r o oacc rss < <(ours "$model"); read -r t tacc < <(theirs "$model")
    else
      read -r t tacc < <(theirs "$model"); read -r o oacc rss < <(ours "$model")
    fi
    ratio=$(/usr/bin/python3 -c "print(f'{$o/$t:.3f}')")
    ratios+=("$ratio")
    printf '%s round %d: DistLab %.0f samples/s, PyTorch %.0f samples/s, ratio %sx; test accuracy after %d epochs DistLab %s, PyTorch %s; DistLab peak RSS %s MB\n' \
      "$model" "$r" "$o" "$t" "$ratio" "$epochs" "$oacc" "$tacc" "$rss"
  done
  /usr/bin/python3 -c "import statistics; print('$model: median ratio over $rounds rounds', f'{statistics.median([$(IFS=,; echo "${ratios[*]}")]):.3f}x')"
done
