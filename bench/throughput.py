"""Samples/s of a cluster run folder, two ways.

  throughput.py training RUN WORKERS BATCH  training samples/s: applied rounds between 5% and 95%
                                            of the run (events.jsonl), so start-up and the final
                                            evaluation are left out (BSP: WORKERS*BATCH a round)
  throughput.py evaluations RUN             the median of metrics.csv's per-evaluation samples/s,
                                            leaving out the first and last rows
"""
import csv
import json
import statistics
import sys


def training(run, workers, batch):
    ends = [json.loads(line)["t1"] for line in open(f"{run}/events.jsonl")
            if '"kind":"aggregate"' in line]
    first, last = len(ends) // 20, len(ends) - 1 - len(ends) // 20
    return (last - first) * workers * batch / ((ends[last] - ends[first]) * 1e-9)


def evaluations(run):
    rows = list(csv.DictReader(open(f"{run}/metrics.csv")))[1:-1]
    return statistics.median(float(r["samples_per_s"]) for r in rows)


if __name__ == "__main__":
    if sys.argv[1] == "training":
        print(round(training(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))))
    else:
        print(round(evaluations(sys.argv[2])))
