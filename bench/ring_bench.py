#!/usr/bin/env python3
"""Lesson 4c's comparison, ROUNDS times: at 2, 4 and 8 workers (all on this machine, so 4 and 8
are oversubscribed on 2 cores), the time a BSP step on a parameter server and round the ring, and
the bytes a worker sends a step against the formulas (server: M; ring: 2(N-1)/N M) and the
server's link against 2NM. Model: the lesson's MLP 784-256-128-10 (M = 940,584 bytes), batch 64,
Fashion-MNIST, 40 steps each (measured from step 10), floats over TCP on both sides.
Medians of ROUNDS runs; the bytes are the same in every run.
With SEGMENTS (say 1,2,4,8) it times the ring instead with each chunk in that many pieces
(cluster.ring_segments), the rounds of every value interleaved so they share the machine's mood.
Usage: python3 bench/ring_bench.py [ROUNDS=5] [SEGMENTS]"""
import csv, json, os, statistics, subprocess, sys, tempfile

ENGINE = "build/engine/distlab-engine"
ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 5
SEGMENTS = [int(x) for x in sys.argv[2].split(",")] if len(sys.argv) > 2 else []
spec = json.load(open("engine/lessons/cluster/lesson4-ring-allreduce.json"))
spec["dataset"]["train_limit"] = 4 * 64 * 20  # the lesson's own run: 20 short steps
spec["training"]["epochs"] = 1
spec["cluster"]["compare_workers"] = [2, 4, 8]
tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "spec.json")
json.dump(spec, open(path, "w"))

def study(spec_path, out):
    p = subprocess.run([ENGINE, "run", spec_path, "--out", out], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(p.stderr)
    with open(os.path.join(out, "ps_vs_ring.csv"), encoding="utf-8-sig") as f:
        return [{k: float(v) for k, v in row.items()} for row in csv.DictReader(f)]


if SEGMENTS:
    times = {}
    for r in range(ROUNDS):
        for segments in SEGMENTS:
            spec["cluster"]["ring_segments"] = segments
            seg_path = os.path.join(tmp, f"spec{segments}.json")
            json.dump(spec, open(seg_path, "w"))
            for row in study(seg_path, os.path.join(tmp, f"seg{segments}-{r}")):
                times.setdefault((int(row["workers"]), segments), []).append(row["ring_seconds_per_step"])
    print(f"{ROUNDS} rounds; medians of the ring's ms a step")
    print("| workers | " + " | ".join(f"{s} piece{'s' if s > 1 else ''}" for s in SEGMENTS) + " |")
    print("|---|" + "---|" * len(SEGMENTS))
    for n in sorted({n for n, _ in times}):
        print(f"| {n} | " + " | ".join(f"{1e3 * statistics.median(times[(n, s)]):.2f}" for s in SEGMENTS) + " |")
    sys.exit(0)

rows = {}
for r in range(ROUNDS):
    out = os.path.join(tmp, f"run{r}")
    p = subprocess.run([ENGINE, "run", path, "--out", out], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(p.stderr)
    with open(os.path.join(out, "ps_vs_ring.csv"), encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            rows.setdefault(int(float(row["workers"])), []).append({k: float(v) for k, v in row.items()})
print(f"{ROUNDS} rounds; medians")
print("| workers | server ms/step | ring ms/step | ring / server | worker sends (server, measured / M) "
      "| worker sends (ring, measured / 2(N-1)/N M) | server link (measured / 2NM) |")
print("|---|---|---|---|---|---|---|")
for n, runs in sorted(rows.items()):
    med = lambda k: statistics.median(x[k] for x in runs)
    ps, ring = 1e3 * med("ps_seconds_per_step"), 1e3 * med("ring_seconds_per_step")
    print(f"| {n} | {ps:.2f} | {ring:.2f} | {ring / ps:.2f} "
          f"| {med('ps_worker_sends_measured'):,.0f} ({med('ps_worker_sends_measured') / med('ps_worker_sends'):.4f}) "
          f"| {med('ring_worker_sends_measured'):,.0f} ({med('ring_worker_sends_measured') / med('ring_worker_sends'):.4f}) "
          f"| {med('ps_server_link_measured'):,.0f} ({med('ps_server_link_measured') / med('ps_server_link'):.4f}) |")
