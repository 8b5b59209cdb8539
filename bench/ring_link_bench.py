#!/usr/bin/env python3
"""The ring's pieces on a link whose bandwidth bounds a hop: lesson 4c's MLP (M = 940,584 bytes)
on a 3-worker ring across two network namespaces joined by a veth pair shaped to RATE (tc tbf,
both ends), the coordinator and worker 0 in one, workers 1 and 2 in the other, so the ring's
hops 0->1 and 2->0 cross the shaped link. For each cluster.ring_segments value, the time a step
from the run's ring_time table; rounds interleaved, medians. Needs root (namespaces, tc).
Usage: sudo python3 bench/ring_link_bench.py [ROUNDS=3] [SEGMENTS=1,2,4,8] [RATE=1gbit]"""
import csv, json, os, statistics, subprocess, sys, tempfile, time

ENGINE = os.path.abspath("build/engine/distlab-engine")
ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 3
SEGMENTS = [int(x) for x in (sys.argv[2] if len(sys.argv) > 2 else "1,2,4,8").split(",")]
RATE = sys.argv[3] if len(sys.argv) > 3 else "1gbit"
A, B, ADDR_A, ADDR_B = "dlbench-a", "dlbench-b", "10.78.0.1", "10.78.0.2"
TOKEN = "0123456789abcdef0123456789abcdef"


def sh(*cmd):
    subprocess.run(cmd, check=True, capture_output=True)


def make_link():
    sh("ip", "netns", "add", A)
    sh("ip", "netns", "add", B)
    sh("ip", "link", "add", "dlbva", "type", "veth", "peer", "name", "dlbvb")
    for ns, dev, addr in ((A, "dlbva", ADDR_A), (B, "dlbvb", ADDR_B)):
        sh("ip", "link", "set", dev, "netns", ns)
        sh("ip", "-n", ns, "addr", "add", addr + "/24", "dev", dev)
        sh("ip", "-n", ns, "link", "set", dev, "up")
        sh("ip", "-n", ns, "link", "set", "lo", "up")
        sh("ip", "netns", "exec", ns, "tc", "qdisc", "add", "dev", dev, "root", "tbf", "rate", RATE,
           "burst", "256kb", "latency", "100ms")


def drop_link():
    for ns in (A, B):
        subprocess.run(["ip", "netns", "del", ns], capture_output=True)


def run(spec_path, out):
    env = dict(os.environ, DISTLAB_RUN_TOKEN=TOKEN)
    coordinator = subprocess.Popen(["ip", "netns", "exec", A, ENGINE, "run", spec_path, "--out", out],
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    line = coordinator.stdout.readline()
    if not line.startswith("listening "):
        sys.exit("the coordinator did not listen: " + line)
    address = ADDR_A + ":" + line.strip().rsplit(":", 1)[1]
    stages = [subprocess.Popen(["ip", "netns", "exec", A if k == 0 else B, ENGINE, "stage", "--connect",
                                address, "--rank", str(k)], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, env=env) for k in range(3)]
    for s in stages:
        s.wait(timeout=600)
    if coordinator.wait(timeout=600) != 0:
        sys.exit("the run failed")
    with open(os.path.join(out, "ring_time.csv"), encoding="utf-8-sig") as f:
        return float(next(csv.DictReader(f))["seconds_per_step"])


spec = json.load(open("engine/lessons/cluster/lesson4-ring-allreduce.json"))
spec["dataset"]["train_limit"] = 3 * 64 * 40  # 40 steps
spec["training"]["epochs"] = 1
spec["cluster"].update(workers=3, compare_workers=[], launch_workers=False, bind=ADDR_A,
                       join_timeout_s=60, transport="tcp")
tmp = tempfile.mkdtemp()
drop_link()
make_link()
try:
    times = {s: [] for s in SEGMENTS}
    for r in range(ROUNDS):
        for s in SEGMENTS:
            spec["cluster"]["ring_segments"] = s
            path = os.path.join(tmp, f"spec{s}.json")
            json.dump(spec, open(path, "w"))
            times[s].append(run(path, os.path.join(tmp, f"run{s}-{r}")))
finally:
    drop_link()
print(f"3 workers, link shaped to {RATE}; {ROUNDS} rounds; medians of the ring's ms a step")
print("| pieces per chunk | ms a step | against 1 piece |")
print("|---|---|---|")
base = statistics.median(times[SEGMENTS[0]])
for s in SEGMENTS:
    m = statistics.median(times[s])
    print(f"| {s} | {1e3 * m:.2f} | {m / base:.2f} |")
