#!/usr/bin/env python3
"""Issue 20's compression figures: the default lesson (MLP 784-256-128-10, 4 workers, BSP,
10 epochs of Fashion-MNIST) with each update encoder, with and without error feedback, on the
same seed: final test accuracy, bytes the workers pushed, and wall time.

    python3 bench/compression_sweep.py [--epochs N] [--engine build/engine/distlab-engine]
"""
import argparse
import csv
import json
import os
import subprocess
import tempfile
import time

RUNS = [  # (encoder, settings, error feedback)
    ("float32", {}, False),
    ("int8", {}, False),
    ("topk", {"compress_ratio": 0.01}, False),
    ("topk", {"compress_ratio": 0.01}, True),
    ("topk", {"compress_ratio": 0.001}, True),
    ("randk", {"compress_ratio": 0.01}, False),
    ("qsgd", {"qsgd_levels": 4}, False),
    ("sign", {}, False),
    ("sign", {}, True),
]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser()
    parser.add_argument("--engine", default=os.path.join(here, "..", "build", "engine", "distlab-engine"))
    parser.add_argument("--epochs", type=int, default=10)
    args = parser.parse_args()
    with open(os.path.join(here, "..", "engine", "lessons", "cluster", "default.json")) as f:
        base = json.load(f)
    base["training"]["epochs"] = args.epochs
    print("| encoder | error feedback | test accuracy | MB pushed | fewer bytes | wall s |")
    print("|---|---|---:|---:|---:|---:|")
    plain_bytes = None
    with tempfile.TemporaryDirectory() as tmp:
        for i, (encoder, settings, feedback) in enumerate(RUNS):
            spec = json.loads(json.dumps(base))
            spec["cluster"].update({"encoder": encoder, "error_feedback": feedback, **settings})
            path = os.path.join(tmp, f"spec{i}.json")
            with open(path, "w") as f:
                json.dump(spec, f)
            out = os.path.join(tmp, f"run{i}")
            start = time.monotonic()
            subprocess.run([args.engine, "run", path, "--out", out], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wall = time.monotonic() - start
            with open(os.path.join(out, "metrics.csv"), encoding="utf-8-sig") as f:
                last = list(csv.DictReader(f))[-1]
            pushed = float(last["bytes_to_server"])
            plain_bytes = plain_bytes or pushed
            knob = ", ".join(f"{k} {v}" for k, v in settings.items())
            name = encoder + (f" ({knob})" if knob else "")
            print(f"| {name} | {'yes' if feedback else 'no'} | {float(last['test_accuracy']) * 100:.2f}% "
                  f"| {pushed / 1e6:.1f} | {plain_bytes / pushed:.1f}x | {wall:.1f} |", flush=True)


if __name__ == "__main__":
    main()
