#!/usr/bin/env python3
"""Lesson 6 at scale: CLIENTS clients x ROUNDS rounds, fraction 0.1, one local epoch (batch 10,
McMahan's B=10 E=1), on 2 worker processes over all 60,000 Fashion-MNIST training images, for
logistic regression and an MLP 784-200-200-10 (McMahan's 2NN). Prints the wall time of the whole
run (`distlab-engine run`, from start to exit: data loading, process start, every round and the
evaluations), the server's time a round (median of its aggregate spans: reading the client
updates, drift, the step), a round's wall time (median), the final test accuracy, and the peak
memory of all the run's processes together (sum of their RSS, sampled every 50 ms).
Usage: python3 bench/federated_scale.py [CLIENTS=1000] [ROUNDS=100] [ALGORITHM=fedavg]"""
import csv, json, os, statistics, subprocess, sys, tempfile, time

ENGINE = "build/engine/distlab-engine"
CLIENTS = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 100
ALGORITHM = sys.argv[3] if len(sys.argv) > 3 else "fedavg"
MODELS = [("logistic regression", {"arch": "linear"}),
          ("MLP 784-200-200-10", {"arch": "mlp", "hidden": [200, 200], "activation": "relu"})]
tmp = tempfile.mkdtemp()


def rss_of_run(root_pid):
    """Sum of the RSS (bytes) of the engine process and its descendants."""
    children, total = {}, 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(pid))
        except OSError:
            pass
    todo = [root_pid]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            for line in open(f"/proc/{pid}/status"):
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            pass
    return total


def run(model):
    spec = {"name": "federated scale", "seed": 1, "experiment": "federated",
            "dataset": {"name": "fashion-mnist"}, "model": model,
            "training": {"batch_size": 10, "optimizer": "sgd", "lr": 0.05},
            "cluster": {"workers": 2, "partition": "shuffle-split"},
            "fl": {"clients": CLIENTS, "fraction": 0.1, "rounds": ROUNDS, "local_epochs": 1,
                   "algorithm": ALGORITHM, "eval_every": max(1, ROUNDS // 5)}}
    path, out = os.path.join(tmp, "spec.json"), os.path.join(tmp, "out")
    json.dump(spec, open(path, "w"))
    subprocess.run(["rm", "-rf", out], check=True)
    t0 = time.perf_counter()
    p = subprocess.Popen([ENGINE, "run", path, "--out", out], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True)
    peak = 0
    while p.poll() is None:
        peak = max(peak, rss_of_run(p.pid))
        time.sleep(0.05)
    seconds = time.perf_counter() - t0
    if p.returncode != 0:
        sys.exit(p.stderr.read())
    aggregate, rounds = [], []
    for line in open(os.path.join(out, "events.jsonl")):
        e = json.loads(line)
        if e["e"] == "span" and e["kind"] == "aggregate":
            aggregate.append((e["t1"] - e["t0"]) / 1e6)
        elif e["e"] == "federated_round":
            rounds.append(e["t"])
    per_round = statistics.median(b - a for a, b in zip(rounds, rounds[1:])) / 1e6
    row = next(csv.DictReader(open(os.path.join(out, "federated.csv"), encoding="utf-8-sig")))
    return seconds, statistics.median(aggregate), per_round, float(row["test_accuracy"]), peak


print(f"{CLIENTS} clients x {ROUNDS} rounds, fraction 0.1, E=1 B=10, {ALGORITHM}, 2 workers")
print("| model | wall time | server ms a round (median) | round ms (median) | "
      "test accuracy | peak memory, all processes |")
print("|---|---:|---:|---:|---:|---:|")
for name, model in MODELS:
    seconds, server, per_round, accuracy, peak = run(model)
    print(f"| {name} | {seconds:.1f} s | {server:.2f} | {per_round:.1f} | "
          f"{100 * accuracy:.2f}% | {peak / 2**20:.0f} MiB |")
