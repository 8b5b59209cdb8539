#!/usr/bin/env python3
"""Lesson 6: test accuracy after the preset's rounds (engine/lessons/federated/lesson6-federated.json:
100 clients, fraction 0.1, 10 local steps, MLP 784-128-10, 4 worker processes), IID against
Dirichlet(0.1), for each client rule and FedAdam, without the preset's offline, dropping-out
and slow clients, over SEEDS seeds (median, min and max), with
the wall time of a run.
Usage: python3 bench/federated_bench.py [SEEDS=3] [ROUNDS=60]"""
import csv, json, os, statistics, subprocess, sys, tempfile, time

ENGINE = "build/engine/distlab-engine"
SEEDS = int(sys.argv[1]) if len(sys.argv) > 1 else 3
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 60
PRESET = json.load(open("engine/lessons/federated/lesson6-federated.json"))
CASES = [("IID (shuffle-split)", "shuffle-split", "fedavg", "fedavg"),
         ("Dirichlet 0.1", "dirichlet", "fedavg", "fedavg"),
         ("Dirichlet 0.1", "dirichlet", "fedprox", "fedavg"),
         ("Dirichlet 0.1", "dirichlet", "scaffold", "fedavg"),
         ("Dirichlet 0.1", "dirichlet", "fedavg", "fedadam")]
tmp = tempfile.mkdtemp()


def run(partition, algorithm, server, seed):
    spec = json.loads(json.dumps(PRESET))
    spec["seed"] = seed
    spec["cluster"]["partition"] = partition
    spec["fl"].update(rounds=ROUNDS, algorithm=algorithm, server_optimizer=server, mu=0.1,
                      eval_every=ROUNDS, compare=False)
    # The rules alone: every client online, none dropping out, none late.
    spec["fl"].update(availability=1, dropout=0, speed_sigma=0, late="wait")
    if server == "fedadam":
        spec["fl"]["server_lr"] = 0.01
    path, out = os.path.join(tmp, "spec.json"), os.path.join(tmp, "out")
    json.dump(spec, open(path, "w"))
    subprocess.run(["rm", "-rf", out], check=True)
    t0 = time.perf_counter()
    p = subprocess.run([ENGINE, "run", path, "--out", out], capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if p.returncode != 0:
        sys.exit(p.stderr)
    row = next(csv.DictReader(open(os.path.join(out, "federated.csv"), encoding="utf-8-sig")))
    return float(row["test_accuracy"]), seconds


print(f"{ROUNDS} rounds, seeds 1..{SEEDS}")
print("| data | client rule | server | accuracy (median) | min | max | s a run |")
print("|---|---|---|---:|---:|---:|---:|")
for label, partition, algorithm, server in CASES:
    runs = [run(partition, algorithm, server, seed) for seed in range(1, SEEDS + 1)]
    acc = [a for a, _ in runs]
    print(f"| {label} | {algorithm} | {server} | {100 * statistics.median(acc):.2f}% | "
          f"{100 * min(acc):.2f}% | {100 * max(acc):.2f}% | "
          f"{statistics.median(s for _, s in runs):.1f} |")
