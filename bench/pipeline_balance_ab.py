#!/usr/bin/env python3
"""Lesson 3's pipeline with model_parallel.balance layers against neurons, interleaved in one
session (MLP 784-1024-1024-1024-10, batch 256, 2 stages, weight gradients grouped), beside one
process: medians of ROUNDS runs, samples/s.
Usage: python3 bench/pipeline_balance_ab.py [ROUNDS=5] [STEPS=40]"""
import json, os, re, statistics, subprocess, sys, tempfile

ENGINE = "build/engine/distlab-engine"
ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 5
STEPS = int(sys.argv[2]) if len(sys.argv) > 2 else 40
BASE = {"version": 1, "name": "pipeline balance", "seed": 3,
        "dataset": {"name": "fashion-mnist", "train_limit": 256 * STEPS},
        "model": {"arch": "mlp", "hidden": [1024, 1024, 1024], "activation": "relu"},
        "training": {"epochs": 1, "batch_size": 256, "optimizer": "sgd", "lr": 0.05}}
tmp = tempfile.mkdtemp()


def run(args, spec):
    path, out = os.path.join(tmp, "spec.json"), os.path.join(tmp, "out")
    json.dump(spec, open(path, "w"))
    subprocess.run(["rm", "-rf", out], check=True)
    p = subprocess.run([ENGINE, *args, path, "--out", out], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(p.stderr)
    return p.stdout + p.stderr


configs = [(s, m, b) for s in ("1f1b", "gpipe") for m in (4, 8, 16) for b in ("layers", "neurons")]
results = {"single": []}
for _ in range(ROUNDS):
    results["single"].append(float(re.findall(r"samples_per_s (\d+)", run(["train"], BASE))[-1]))
    for schedule, micro, balance in configs:
        spec = json.loads(json.dumps(BASE))
        spec["experiment"] = "model_parallel"
        spec["model_parallel"] = {"stages": 2, "micro_batches": micro, "schedule": schedule,
                                  "eval_every": 100000, "weight_gradients": "grouped",
                                  "balance": balance}
        rate = float(re.search(r"(\d+) samples/s", run(["run"], spec))[1])
        results.setdefault((schedule, micro, balance), []).append(rate)

one = statistics.median(results["single"])
print(f"one process: {one:.0f} samples/s (median of {ROUNDS})")
print("| schedule | m | layers | neurons | change |\n|---|---:|---:|---:|---:|")
for schedule in ("1f1b", "gpipe"):
    for micro in (4, 8, 16):
        a = statistics.median(results[(schedule, micro, "layers")])
        b = statistics.median(results[(schedule, micro, "neurons")])
        print(f"| {schedule} | {micro} | {a:,.0f} ({a / one:.2f}x) | {b:,.0f} ({b / one:.2f}x) | "
              f"{100 * (b / a - 1):+.0f}% |")
