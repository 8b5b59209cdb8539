#!/usr/bin/env python3
"""Lesson 3 against one process (MLP 784-1024-1024-1024-10, batch 256, Fashion-MNIST): samples/s
of `distlab-engine train`, of 2-stage pipelines (GPipe and 1F1B, m = 1..16) with each one's
measured bubble beside the equal-stage theory (p-1)/(m+p-1) and the theory for its stages'
measured costs and each stage's peak activation memory, and of the tensor split in 2 shards with
its bytes per update against data parallelism. Medians of ROUNDS interleaved runs. Then the
skeleton lesson (engine/lessons/model_parallel/lesson3-skeleton.json) ROUNDS times: skeleton
against model averaging.
With HIDDEN (say 512,512,512,512: layers of nearly equal cost, so 2 stages are balanced) only
the one-process and pipeline rows, for that MLP. WEIGHT_GRADIENTS=each|grouped (default grouped)
sets model_parallel.weight_gradients of the pipelines, BALANCE=layers|neurons (default layers)
their model_parallel.balance.
Usage: python3 bench/pipeline_bench.py [ROUNDS=3] [STEPS=40] [HIDDEN=1024,1024,1024]"""
import csv, json, os, re, statistics, subprocess, sys, tempfile

ENGINE = "build/engine/distlab-engine"
ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 3
STEPS = int(sys.argv[2]) if len(sys.argv) > 2 else 40
HIDDEN = [int(w) for w in sys.argv[3].split(",")] if len(sys.argv) > 3 else [1024, 1024, 1024]
ONLY_PIPELINE = HIDDEN != [1024, 1024, 1024]
WEIGHT_GRADIENTS = os.environ.get("WEIGHT_GRADIENTS", "grouped")
BALANCE = os.environ.get("BALANCE", "layers")
BASE = {"version": 1, "name": "pipeline bench", "seed": 3,
        "dataset": {"name": "fashion-mnist", "train_limit": 256 * STEPS},
        "model": {"arch": "mlp", "hidden": HIDDEN, "activation": "relu"},
        "training": {"epochs": 1, "batch_size": 256, "optimizer": "sgd", "lr": 0.05}}
tmp = tempfile.mkdtemp()


def run(args, spec):
    path = os.path.join(tmp, "spec.json")
    json.dump(spec, open(path, "w"))
    out = os.path.join(tmp, "out")
    subprocess.run(["rm", "-rf", out], check=True)
    p = subprocess.run([ENGINE, *args, path, "--out", out], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(p.stderr)
    return p.stdout + p.stderr, out


def single():
    text, _ = run(["train"], BASE)
    return float(re.findall(r"samples_per_s (\d+)", text)[-1])


def pipeline(schedule, micro):
    spec = json.loads(json.dumps(BASE))
    spec["experiment"] = "model_parallel"
    spec["model_parallel"] = {"stages": 2, "micro_batches": micro, "schedule": schedule,
                              "eval_every": 100000, "weight_gradients": WEIGHT_GRADIENTS,
                              "balance": BALANCE}
    text, out = run(["run"], spec)
    m = re.search(r"bubble ([\d.]+) \(theory ([\d.]+), for these stages ([\d.]+)\), (\d+) "
                  r"samples/s", text)
    rows = list(csv.DictReader(open(os.path.join(out, "stages.csv"), encoding="utf-8-sig")))
    peaks = [float(r["peak_activation_bytes"]) / 1e6 for r in rows]
    busy = [float(r["busy_share"]) for r in rows]
    return float(m[4]), float(m[1]), float(m[2]), float(m[3]), peaks, busy


def tensor(shards):
    spec = json.loads(json.dumps(BASE))
    spec["experiment"] = "model_parallel"
    spec["model_parallel"] = {"mode": "tensor", "shards": shards, "eval_every": 100000}
    text, out = run(["run"], spec)
    rate = float(re.search(r"tensor: \d+ shards, (\d+) samples/s", text)[1])
    rows = {r["method"]: r for r in csv.DictReader(
        open(os.path.join(out, "bytes_per_update.csv"), encoding="utf-8-sig"))}
    return rate, float(rows["tensor_measured"]["bytes_sent_per_process"]), float(
        rows["data_parallel"]["bytes_sent_per_process"])


def skeleton():
    spec = json.load(open("engine/lessons/model_parallel/lesson3-skeleton.json"))
    _, out = run(["run"], spec)
    return list(csv.DictReader(open(os.path.join(out, "skeleton_vs_averaging.csv"),
                                    encoding="utf-8-sig")))


results = {}
for _ in range(ROUNDS):
    results.setdefault("single", []).append(single())
    if not ONLY_PIPELINE:
        results.setdefault("tensor", []).append(tensor(2))
    for schedule in ("gpipe", "1f1b"):
        for micro in (1, 2, 4, 8, 16):
            results.setdefault((schedule, micro), []).append(pipeline(schedule, micro))

one = statistics.median(results["single"])
print(f"MLP 784-{'-'.join(map(str, HIDDEN))}-10; one process: {one:.0f} samples/s "
      f"(median of {ROUNDS}); weight gradients {WEIGHT_GRADIENTS}, balance {BALANCE}")
print("| schedule | m | samples/s | vs one process | bubble measured | theory (p-1)/(m+p-1) "
      "| measured - theory | theory for these stages | stage busy shares "
      "| peak activations per stage (MB) |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---|---|")
for (schedule, micro), runs in ((k, v) for k, v in results.items()
                               if k not in ("single", "tensor")):
    med = lambda i: statistics.median(r[i] for r in runs)
    peaks = [statistics.median(r[4][k] for r in runs) for k in range(2)]
    busy = [statistics.median(r[5][k] for r in runs) for k in range(2)]
    print(f"| {schedule} | {micro} | {med(0):.0f} | {med(0) / one:.2f}x | {med(1):.3f} | "
          f"{med(2):.3f} | {med(1) - med(2):+.3f} | {med(3):.3f} | {busy[0]:.2f} / {busy[1]:.2f} | "
          f"{peaks[0]:.2f} / {peaks[1]:.2f} |")
if ONLY_PIPELINE:
    sys.exit(0)

t = results["tensor"]
rate = statistics.median(r[0] for r in t)
print(f"\ntensor, 2 shards: {rate:.0f} samples/s ({rate / one:.2f}x one process); bytes sent per "
      f"process and update {statistics.median(r[1] for r in t) / 1e6:.2f} MB against "
      f"{t[0][2] / 1e6:.2f} MB for data parallelism")
print("\n| method | test accuracy | MB to the workers | MB from the workers | parameters a worker |")
print("|---|---:|---:|---:|---:|")
runs = [skeleton() for _ in range(ROUNDS)]
for i, method in enumerate(("skeleton", "model_averaging")):
    med = lambda key: statistics.median(float(r[i][key]) for r in runs)
    print(f"| {method} | {100 * med('test_accuracy'):.2f}% | {med('bytes_to_workers') / 1e6:.1f} | "
          f"{med('bytes_from_workers') / 1e6:.1f} | {med('worker_parameters'):.0f} |")
