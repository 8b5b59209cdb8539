#!/usr/bin/env bash
# Side-by-side training throughput and accuracy: DistLab vs PyTorch (1 thread) on Fashion-MNIST.
# Usage: bench/compare_torch.sh [EPOCHS]   (needs the build and the packages of
#        ../shared/bench/README.md: python3-torch python3-numpy libopenblas0-openmp)
# Prints one line per model: median samples/s of each, the ratio, final test accuracy, peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
epochs=${1:-10}
ref=${DISTLAB_REF_DIR:-../shared/bench}
engine=build/engine/distlab-engine
out=$(mktemp -d)
summarise() {  # FILE -> "median_samples_per_s final_accuracy"
  /usr/bin/python3 - "$1" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
print(statistics.median(float(r["samples_per_s"]) for r in rows), rows[-1]["test_accuracy"])
PY
}
for model in mlp lenet5; do
  torch_model=$([ "$model" = mlp ] && echo mlp || echo cnn)
  spec="$out/$model.json"
  /usr/bin/python3 -c "import json,sys; s=json.load(open('bench/specs/$model.json')); s['training']['epochs']=$epochs; json.dump(s,open('$spec','w'))"
  /usr/bin/time -f "%M" -o "$out/$model.rss" "$engine" train "$spec" --out "$out/$model" >/dev/null 2>&1
  read -r ours ours_acc < <(summarise "$out/$model/metrics.csv")
  torch_json=$(/usr/bin/python3 "$ref/torch_mlp.py" --model "$torch_model" --threads 1 --epochs "$epochs" --seed 0 2>/dev/null)
  read -r theirs theirs_acc < <(echo "$torch_json" | /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); print(d['median_samples_per_s'], d['acc_after'][str(d['epochs'])])")
  /usr/bin/python3 -c "print(f'$model: DistLab {float($ours):.0f} samples/s, PyTorch {float($theirs):.0f} samples/s, ratio {float($ours)/float($theirs):.2f}x; test accuracy after $epochs epochs DistLab {float($ours_acc):.4f}, PyTorch {float($theirs_acc):.4f}; DistLab peak RSS {int(open(\"$out/$model.rss\").read().split()[-1])/1024:.0f} MB')"
done
rm -rf "$out"
