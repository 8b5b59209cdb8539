#!/usr/bin/env python3
"""What hiding the pushes costs on the parameter-server cluster: the same BSP run (Fashion-MNIST,
MLP 784-32-10, 2 workers, batch 64, 1280 training examples: 10 rounds) plain, under secure
aggregation and under Paillier homomorphic aggregation (1024 and 2048-bit keys), on real
processes. From each run's events.jsonl: seconds a round, bytes of one PUSH, the server's
aggregation time a round, and the final test accuracy (the same model up to fixed-point
rounding, whatever hides it).

Then a dropout: secure aggregation on 4 workers (5,120 examples, 5 epochs), worker 3 killed after 5
rounds; the time from its death to its mask key rebuilt from the survivors' shares, and the
survivors' seconds a round before and after (the server removes 3 pair masks a round).

Usage: bench/private_cluster_bench.py [ENGINE=build/engine/distlab-engine]"""
import json
import os
import signal
import time
import statistics
import subprocess
import sys
import tempfile

ENGINE = sys.argv[1] if len(sys.argv) > 1 else "build/engine/distlab-engine"
SPEC = {
    "name": "private cluster bench", "seed": 0,
    "dataset": {"name": "fashion-mnist", "train_limit": 1280, "test_limit": 1000},
    "model": {"arch": "mlp", "hidden": [32], "activation": "relu", "init": "he"},
    "training": {"epochs": 1, "batch_size": 64, "lr": 0.1},
    "cluster": {"workers": 2, "sync": "bsp", "eval_every": 1000},
}
PROTECTIONS = [
    ("plain", {}),
    ("secure aggregation", {"secure_aggregation": True}),
    ("Paillier 1024", {"homomorphic": True, "paillier_bits": 1024}),
    ("Paillier 2048", {"homomorphic": True, "paillier_bits": 2048}),
]


def measure(name, privacy, folder):
    spec = dict(SPEC, privacy=privacy)
    path = os.path.join(folder, "spec.json")
    json.dump(spec, open(path, "w"))
    out = os.path.join(folder, "run")
    subprocess.run([ENGINE, "run", path, "--out", out], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    events = [json.loads(line) for line in open(os.path.join(out, "events.jsonl"))]
    spans = [e for e in events if e["e"] == "span"]
    evaluation = [e for e in events if e["e"] == "evaluation"][-1]
    rounds = evaluation["update"]
    pushes = [s["bytes"] for s in spans if s["kind"] == "push" and s["lane"] == 1]
    aggregate = [s["t1"] - s["t0"] for s in spans if s["kind"] == "aggregate"]
    # From the first PUSH to the last round applied: the key set-up is not a round.
    first_push = min(s["t0"] for s in spans if s["kind"] == "push")
    last = max(s["t1"] for s in spans if s["kind"] == "aggregate")
    return {
        "protection": name,
        "rounds": rounds,
        "s_per_round": (last - first_push) / 1e9 / rounds,
        "push_kb": statistics.median(pushes) / 1000,
        "server_ms_per_round": sum(aggregate) / 1e6 / rounds,
        "accuracy": evaluation["test_accuracy"],
    }


def dropout(folder):
    spec = dict(SPEC, privacy={"secure_aggregation": True})
    spec["dataset"] = dict(SPEC["dataset"], train_limit=5120)
    spec["cluster"] = dict(SPEC["cluster"], workers=4)
    spec["training"] = dict(SPEC["training"], epochs=5)
    path = os.path.join(folder, "spec.json")
    json.dump(spec, open(path, "w"))
    out = os.path.join(folder, "run")
    run = subprocess.Popen([ENGINE, "run", path, "--out", out], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    log = os.path.join(out, "events.jsonl")

    def events():
        if not os.path.exists(log):
            return []
        lines = open(log).read().splitlines()
        return [json.loads(line) for line in lines if line.endswith("}")]

    victim = None
    while run.poll() is None and victim is None:
        ev = events()
        applied = [e for e in ev if e["e"] == "span" and e["kind"] == "aggregate"]
        if len(applied) >= 5:
            victim = [e for e in ev if e["e"] == "worker" and e["w"] == 3 and e["pid"]][0]["pid"]
            os.kill(victim, signal.SIGKILL)
        time.sleep(0.001)
    if run.wait() != 0:
        raise SystemExit("the dropout run failed")
    ev = events()
    died = [e for e in ev if e["e"] == "worker" and e["w"] == 3 and e["status"] == "died"][0]["t"]
    rebuilt = [e for e in ev if e["e"] == "notice" and e["kind"] == "mask_key_rebuilt"][0]
    ends = sorted(e["t1"] for e in ev if e["e"] == "span" and e["kind"] == "aggregate")
    before = [b - a for a, b in zip(ends, ends[1:]) if b < died]
    after = [b - a for a, b in zip(ends, ends[1:]) if a > rebuilt["t"]]
    return {"recovery_ms": (rebuilt["t"] - died) / 1e6, "shares": rebuilt["count"],
            "ms_before": statistics.median(before) / 1e6, "ms_after": statistics.median(after) / 1e6,
            "rounds_after": len(after)}


def main():
    rows = []
    for name, privacy in PROTECTIONS:
        with tempfile.TemporaryDirectory() as folder:
            rows.append(measure(name, privacy, folder))
            r = rows[-1]
            print(f"{r['protection']}: {r['s_per_round']:.3f} s/round, push {r['push_kb']:.1f} KB, "
                  f"server {r['server_ms_per_round']:.2f} ms/round, accuracy {r['accuracy']:.4f}",
                  flush=True)
    plain = rows[0]
    print("\n| protection | the server reads | ms a round | x plain | KB a push | server ms a round "
          "| test accuracy |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for r in rows:
        reads = "each push" if r["protection"] == "plain" else "the round's sum only"
        print(f"| {r['protection']} | {reads} | {1000 * r['s_per_round']:.2f} | "
              f"{r['s_per_round'] / plain['s_per_round']:.0f}x | {r['push_kb']:.1f} | "
              f"{r['server_ms_per_round']:.2f} | {100 * r['accuracy']:.2f}% |")
    with tempfile.TemporaryDirectory() as folder:
        d = dropout(folder)
    print(f"\nsecure aggregation, worker 3 of 4 killed: mask key rebuilt {d['recovery_ms']:.1f} ms "
          f"after its death from {d['shares']} shares; a round {d['ms_before']:.2f} ms before, "
          f"{d['ms_after']:.2f} ms after (median of {d['rounds_after']} rounds)")


if __name__ == "__main__":
    main()
