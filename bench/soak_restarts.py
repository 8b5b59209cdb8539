#!/usr/bin/env python3
"""Soak test of the restart policy (issue 23): a long cluster run with a worker killed every
KILL_EVERY seconds and started again by cluster.restarts, while the coordinator's memory (RSS)
and open file descriptors are sampled. A leak shows as a slope; a lost restart as a worker that
never rejoins.

    python3 bench/soak_restarts.py [--minutes 30] [--kill-every 60] [--workers 4] [--out DIR]

Writes DIR/samples.csv (seconds, rss_mb, fds, kills, rejoins) and prints the RSS slope (MB per
hour, least squares after the first --settle seconds), the fd count at the start and end, the kills and
rejoins, and the last test accuracy. Not a CI test: it runs for as long as asked.
"""
import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ENGINE = os.path.join(ROOT, "build", "engine", "distlab-engine")


def spec(workers, restarts):
    # Many epochs of a capped-link blobs run: it lasts longer than the soak, which ends it.
    return {
        "name": "soak", "seed": 5,
        "dataset": {"name": "blobs", "samples": 4000, "classes": 4, "noise": 0.6},
        "model": {"arch": "mlp", "hidden": [64], "activation": "tanh"},
        "training": {"epochs": 100000, "batch_size": 32, "lr": 0.05},
        # One split for the whole run: a new one every epoch would record 100,000 splits up front.
        "cluster": {"workers": workers, "sync": "bsp", "restarts": restarts, "eval_every": 200,
                    "checkpoint_every": 1000,  # the checkpoint writer soaks too
                    "reshuffle_every": 100000,
                    "bandwidth_mbps": [2.0] * workers, "heartbeat_ms": 200},
    }


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return 0.0


def fd_count(pid):
    return len(os.listdir(f"/proc/{pid}/fd"))


def children(pid):
    found = []
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/children") as f:
                found += [int(c) for c in f.read().split()]
        except OSError:
            pass
    return found


class EventCounts:
    """Counts of the run's events.jsonl, read on from where the last call stopped: the file grows
    by gigabytes in a long soak, and reading it whole every sample took a core and gigabytes."""

    def __init__(self, folder):
        self.path = os.path.join(folder, "events.jsonl")
        self.offset = 0
        self.rejoins = self.deaths = 0
        self.accuracy = []

    def update(self):
        try:
            with open(self.path, "rb") as f:
                f.seek(self.offset)
                for line in f:
                    if not line.endswith(b"\n"):
                        break  # a line still being written: read it next time
                    self.offset += len(line)
                    if b'"e":"worker"' not in line and b'"e":"evaluation"' not in line:
                        continue
                    try:
                        e = json.loads(line)
                    except ValueError:
                        continue
                    if e.get("e") == "worker" and e.get("status") == "rejoined":
                        self.rejoins += 1
                    elif e.get("e") == "worker" and e.get("status") == "died":
                        self.deaths += 1
                    elif e.get("e") == "evaluation":
                        self.accuracy.append(e["test_accuracy"])
        except OSError:
            pass
        return self


def slope_per_hour(points):
    n = len(points)
    if n < 2:
        return 0.0
    mx = sum(t for t, _ in points) / n
    my = sum(v for _, v in points) / n
    den = sum((t - mx) ** 2 for t, _ in points)
    return 0.0 if den == 0 else sum((t - mx) * (v - my) for t, v in points) / den * 3600.0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=30)
    ap.add_argument("--kill-every", type=float, default=60)
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--sample-every", type=float, default=5)
    # The coordinator's history for late monitors fills its 16 MB in the first minutes; the
    # slope is measured after that.
    ap.add_argument("--settle", type=float, default=180, help="seconds left out of the slope")
    ap.add_argument("--out", default="")
    a = ap.parse_args()
    out = a.out or tempfile.mkdtemp(prefix="distlab-soak-")
    os.makedirs(out, exist_ok=True)
    kills_planned = int(a.minutes * 60 / a.kill_every) + 1
    spec_path = os.path.join(out, "spec.json")
    with open(spec_path, "w") as f:
        json.dump(spec(a.workers, kills_planned), f)
    run_dir = os.path.join(out, "run")
    log = open(os.path.join(out, "stderr.txt"), "w")
    # A private copy of the engine: a rebuild during the soak must not replace the binary the
    # restarted workers are started from (a new one may speak another events version).
    engine = os.path.join(out, "distlab-engine")
    shutil.copy2(ENGINE, engine)
    proc = subprocess.Popen([engine, "run", spec_path, "--out", run_dir], stdout=subprocess.PIPE,
                            stderr=log, text=True)
    line = proc.stdout.readline()
    if not line.startswith("listening"):
        sys.exit(f"the coordinator did not start: {line!r} (see {out}/stderr.txt)")
    start = time.monotonic()
    next_kill = start + a.kill_every
    samples, kills = [], 0
    rng = random.Random(1)
    counts = EventCounts(run_dir)
    while time.monotonic() - start < a.minutes * 60 and proc.poll() is None:
        now = time.monotonic()
        if now >= next_kill:
            victims = children(proc.pid)
            if victims:
                os.kill(rng.choice(victims), signal.SIGKILL)
                kills += 1
            next_kill += a.kill_every
        samples.append((now - start, rss_mb(proc.pid), fd_count(proc.pid), kills,
                        counts.update().rejoins))
        time.sleep(a.sample_every)
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
    proc.wait(timeout=60)
    with open(os.path.join(out, "samples.csv"), "w") as f:
        f.write("seconds,rss_mb,fds,kills,rejoins\n")
        for s in samples:
            f.write("%.1f,%.2f,%d,%d,%d\n" % s)
    counts.update()
    rejoins, deaths, accuracy = counts.rejoins, counts.deaths, counts.accuracy
    settled = [(t, r) for t, r, *_ in samples if t >= a.settle] or [(t, r) for t, r, *_ in samples]
    fds = [s[2] for s in samples]
    print(f"soak {a.minutes:g} min, {a.workers} workers, a kill every {a.kill_every:g} s: "
          f"{kills} kills, {deaths} deaths, {rejoins} rejoins")
    print(f"coordinator RSS {samples[0][1]:.1f} -> {samples[-1][1]:.1f} MB, slope after the first "
          f"{a.settle:g} s {slope_per_hour(settled):+.2f} MB/hour")
    print(f"coordinator fds {fds[0]} at the start, {fds[-1]} at the end, {max(fds)} at most")
    if accuracy:
        print(f"last test accuracy {accuracy[-1]:.4f} ({len(accuracy)} evaluations)")
    print(f"samples: {out}/samples.csv")


if __name__ == "__main__":
    main()
