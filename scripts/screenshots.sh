#!/usr/bin/env bash
# Retakes the pictures in docs/ from real runs of the built app under Xvfb, in both languages.
# Usage: bash scripts/screenshots.sh [ONLY]   (ONLY: a substring of the picture names to retake)
# Needs: a build in build/ (distlab, distlab-engine), xvfb-run, python3. Takes ~10 minutes.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
app=$repo/build/app/distlab
engine=$repo/build/engine/distlab-engine
lessons=$repo/engine/lessons
work=$(mktemp -d /tmp/distlab-shots.XXXXXX)
only=${1:-}
# No window geometry, language or kept captures remembered from elsewhere.
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
cd "$work"

# shot NAME LANG SPEC VIEW [SECONDS]: a picture of the window showing VIEW, when the run ends or
# SECONDS after it starts.
shot() {
  local name=$1 lang=$2 spec=$3 view=$4 at=${5:-}
  [[ -n $only && $name != *$only* ]] && return 0
  local args=("$spec" --run --lang "$lang" --view "$view" --screenshot "$repo/docs/$name.png")
  [[ -n $at ]] && args+=(--screenshot-at "$at")
  echo "== $name"
  xvfb-run -a -s "-screen 0 1400x900x24" "$app" "${args[@]}" >/dev/null 2>"$work/$name.log" ||
    { cat "$work/$name.log"; return 1; }
}

# spec_with IN OUT PYTHON: a copy of spec IN changed by the Python statements (on dict s).
spec_with() {
  python3 - "$1" "$2" "$3" <<'EOF'
import json, sys
s = json.load(open(sys.argv[1]))
exec(sys.argv[3])
json.dump(s, open(sys.argv[2], "w"), indent=1)
EOF
}

spec_with "$lessons/cluster/lesson4-straggler.json" ssp.json \
  's["name"] = "Lesson 4 with SSP(3)"; s["cluster"]["sync"] = "ssp"'
spec_with "$lessons/model_parallel/lesson3-model-partitioning.json" gpipe.json \
  's["name"] = "Lesson 3: GPipe, 2 stages, 4 micro-batches";
s["description"] = "Stage 0 runs the four forwards, stage 1 follows, then the backwards come back: red is the bubble.";
s["model_parallel"].update(
stages=2, schedule="gpipe", eval_every=100000, sweep_steps=0)'
spec_with "$lessons/cluster/default.json" capture.json \
  's["model"] = {"arch": "lenet5"}; s["training"].update(epochs=1, batch_size=1);
s["dataset"]["train_limit"] = 2000; s["cluster"]["workers"] = 2;
s["privacy"] = {"capture_worker": 0, "capture_step": 5}'

for lang in en zh_CN; do
  shot "window-$lang" "$lang" "$lessons/cluster/lesson4-straggler.json" training 8
  shot "timeline-$lang" "$lang" "$lessons/cluster/lesson4-straggler.json" timeline 8
  shot "cluster-$lang" "$lang" "$lessons/cluster/lesson4-straggler.json" cluster 8
  shot "traffic-$lang" "$lang" "$lessons/cluster/lesson4-straggler.json" traffic
  shot "staleness-ssp-$lang" "$lang" ssp.json staleness
  shot "data-view-$lang" "$lang" "$lessons/cluster/lesson2-data-partitioning.json" data
  shot "lesson1-averaging-$lang" "$lang" "$lessons/averaging/lesson1-averaging.json" averaging
  shot "lesson1-results-$lang" "$lang" "$lessons/averaging/lesson1-averaging.json" results
  shot "lesson5-aggregation-$lang" "$lang" "$lessons/aggregation/lesson5-aggregation.json" aggregation
  shot "lesson5-convexity-$lang" "$lang" "$lessons/convexity/lesson5-convexity.json" convexity
  shot "lesson7-privacy-$lang" "$lang" "$lessons/inversion/lesson7-privacy.json" privacy
  shot "lesson3-pipeline-timeline-$lang" "$lang" gpipe.json timeline 7
  shot "lesson3-partitioning-$lang" "$lang" \
    "$lessons/model_parallel/lesson3-model-partitioning.json" partitioning
  shot "lesson3-tensor-traffic-$lang" "$lang" "$lessons/model_parallel/lesson3-tensor-split.json" \
    traffic
  shot "lesson3-skeleton-$lang" "$lang" "$lessons/model_parallel/lesson3-skeleton.json" partitioning
  shot "lesson3-cluster-$lang" "$lang" "$lessons/model_parallel/lesson3-model-partitioning.json" \
    cluster 6
  shot "lesson6-federated-$lang" "$lang" "$lessons/federated/lesson6-federated.json" training
  shot "lesson6-participation-$lang" "$lang" "$lessons/federated/lesson6-federated.json" federated
  shot "lesson6-clients-$lang" "$lang" "$lessons/federated/lesson6-federated.json" data
  shot "lesson6-private-$lang" "$lang" "$lessons/federated/lesson6-private.json" federated
  shot "lesson6-epsilon-$lang" "$lang" "$lessons/federated/lesson6-private.json" training
  shot "lesson8-security-$lang" "$lang" "$lessons/security/lesson8-poisoning.json" security
  shot "lesson8-adversarial-$lang" "$lang" "$lessons/adversarial/lesson8-adversarial.json" adversarial
  shot "lesson8-property-$lang" "$lang" "$lessons/property/lesson8-property.json" property
  shot "lesson4-compression-$lang" "$lang" "$lessons/compression/lesson4-compression.json" compression
done
shot timeline-bsp-straggler en "$lessons/cluster/lesson4-straggler.json" timeline 8

# A push captured from a live LeNet-5 cluster, then attacked in the Privacy view.
if [[ -z $only || privacy-captured-push == *$only* ]]; then
  "$engine" run capture.json --out capture-run >/dev/null
  kept=$XDG_DATA_HOME/DistLab/DistLab/captures/20261204-000000-000-worker-0-step-5
  mkdir -p "$kept" && cp capture-run/capture/* "$kept"  # as the window keeps a capture
  spec_with "$lessons/inversion/lesson7-privacy.json" attack.json \
    "s['privacy'].update(capture_from='$kept', attack='idlg', sweep_strengths=[]);
s['model'] = {'arch': 'lenet5'}"
  for lang in en zh_CN; do shot "privacy-captured-push-$lang" "$lang" attack.json privacy; done
fi
echo "pictures in $repo/docs; logs in $work"
