#!/usr/bin/env bash
# DLG and iDLG on the reference sigmoid LeNet (torch_dlg.py's model, U(-0.5, 0.5) init), one
# Fashion-MNIST test image at a time: images 0-4 with seeds 0-4, 300 L-BFGS iterations each.
# Prints per image the iteration, evaluations and wall time at which PSNR first reaches 30 dB,
# then the success count and the median time to 30 dB. Compare with
#   ../shared/bench/torch_dlg.py --model lenet --method dlg --seeds 0 1 2 3 4
# run in the same session.
# Usage: bench/dlg_bench.sh [dlg|idlg] [OUT=bench/out/dlg]
set -euo pipefail
cd "$(dirname "$0")/.."
method=${1:-dlg}
out=${2:-bench/out/dlg}
engine=${DISTLAB_ENGINE:-build/engine/distlab-engine}  # DISTLAB_ISA=avx2 picks the AVX2 kernels
mkdir -p "$out"
for i in 0 1 2 3 4; do
  cat >"$out/spec-$i.json" <<JSON
{"name": "dlg bench $i", "seed": $i, "experiment": "inversion",
 "dataset": {"name": "fashion-mnist", "test_limit": 5},
 "model": {"arch": "lenet5", "init": "uniform", "init_range": [-0.5, 0.5]},
 "privacy": {"attack": "$method", "images": [$i], "iterations": 300}}
JSON
  "$engine" invert "$out/spec-$i.json" --out "$out/run-$method-$i" 2>/dev/null | sed "s/^/image $i: /"
done
/usr/bin/python3 - "$out" "$method" <<'PY'
import csv, statistics, sys
out, method = sys.argv[1], sys.argv[2]
times, hits = [], 0
for i in range(5):
    rows = list(csv.DictReader(open(f"{out}/run-{method}-{i}/attack.csv", encoding="utf-8-sig")))
    hit = next((r for r in rows if float(r["mean_psnr"]) >= 30), None)
    final = float(rows[-1]["mean_psnr"])
    if hit:
        hits += 1
        times.append(float(hit["elapsed_s"]))
        print(f"image {i}: 30 dB at iteration {hit['iteration']}, {float(hit['elapsed_s']):.3f} s; final {final:.1f} dB")
    else:
        print(f"image {i}: never 30 dB; final {final:.1f} dB")
print(f"{method}: {hits} of 5 reach 30 dB; median time to 30 dB {statistics.median(times):.3f} s" if times else f"{method}: none reach 30 dB")
PY
