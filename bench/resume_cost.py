#!/usr/bin/env python3
"""What a coordinator crash costs with checkpoints (issue 23): the default lesson (Fashion-MNIST
MLP, 4 workers, BSP) run whole, and run with its coordinator killed (SIGKILL) at a fraction of
its time and resumed with `run --resume`.

    python3 bench/resume_cost.py [--every 100 500] [--epochs 3] [--kill-at 0.6] [--repeats 3]

Prints, per checkpoint interval: the checkpoint's size and median write time (the engine's own
count), the whole run's time with checkpoints and without, the time lost per kill (time until
the kill + the resumed run's time - the whole run's time: the updates since the last checkpoint
done again, plus loading the data and starting the workers), and whether the resumed run's
parameters equal the whole run's bit for bit. Medians of --repeats runs.
"""
import argparse
import filecmp
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ENGINE = os.path.join(ROOT, "build", "engine", "distlab-engine")
DEFAULT = os.path.join(ROOT, "engine", "lessons", "cluster", "default.json")


def write_spec(folder, epochs, every):
    with open(DEFAULT) as f:
        spec = json.load(f)
    spec["training"]["epochs"] = epochs
    spec["cluster"]["checkpoint_every"] = every
    path = os.path.join(folder, f"spec-{every}.json")
    with open(path, "w") as f:
        json.dump(spec, f)
    return path


def timed(args):
    start = time.monotonic()
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return time.monotonic() - start, done.stderr


def killed_then_resumed(spec, run_dir, kill_after):
    shutil.rmtree(run_dir, ignore_errors=True)
    start = time.monotonic()
    proc = subprocess.Popen([ENGINE, "run", spec, "--out", run_dir], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    time.sleep(kill_after)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    until_kill = time.monotonic() - start
    resumed, log = timed([ENGINE, "run", "--resume", run_dir])
    match = re.search(r"resuming from the checkpoint at update (\d+)", log)
    return until_kill, resumed, int(match.group(1)) if match else -1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--every", type=int, nargs="+", default=[100, 500])
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--kill-at", type=float, default=0.6)
    ap.add_argument("--repeats", type=int, default=3)
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="distlab-resume-")
    plain = write_spec(work, a.epochs, 0)
    base = statistics.median(
        timed([ENGINE, "run", plain, "--out", os.path.join(work, "plain")])[0] for _ in range(a.repeats))
    print(f"default lesson, {a.epochs} epochs, no checkpoints: {base:.2f} s (median of {a.repeats})")
    for every in a.every:
        spec = write_spec(work, a.epochs, every)
        whole_dir = os.path.join(work, f"whole-{every}")
        times, logs = [], []
        for _ in range(a.repeats):
            shutil.rmtree(whole_dir, ignore_errors=True)
            t, log = timed([ENGINE, "run", spec, "--out", whole_dir])
            times.append(t)
            logs.append(log)
        whole = statistics.median(times)
        stats = re.search(r"checkpoints: (\d+) written so far .*?, ([\d.]+) KB\), write time median "
                          r"([\d.]+) ms, max ([\d.]+) ms", logs[-1])
        lost, identical, resumed_at = [], True, []
        for _ in range(a.repeats):
            run_dir = os.path.join(work, f"killed-{every}")
            until_kill, resumed, at = killed_then_resumed(spec, run_dir, a.kill_at * whole)
            lost.append(until_kill + resumed - whole)
            resumed_at.append(at)
            identical &= filecmp.cmp(os.path.join(whole_dir, "params.f32"),
                                     os.path.join(run_dir, "params.f32"), shallow=False)
        print(f"checkpoint_every {every}: {stats.group(1)} checkpoints of {stats.group(2)} KB, "
              f"write median {stats.group(3)} ms (max {stats.group(4)} ms); whole run "
              f"{whole:.2f} s ({100 * (whole / base - 1):+.1f}% vs none); killed at "
              f"{a.kill_at:.0%}, resumed from updates {resumed_at}: time lost per kill "
              f"median {statistics.median(lost):.2f} s; parameters identical to the whole run: "
              f"{'yes' if identical else 'NO'}")


if __name__ == "__main__":
    main()
