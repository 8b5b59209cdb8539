#!/usr/bin/env python3
"""Runs a command (a lesson: `distlab-engine run SPEC --out DIR`) and reports its wall time and the
peak, over 50 ms samples, of the summed memory of every distlab-engine process alive:
RSS (each process's resident pages, a page mapped by five processes counted five times) and
PSS (a shared page split between its users: what the processes take from the machine together).

    python3 bench/lesson_memory.py build/engine/distlab-engine run engine/lessons/cluster/default.json --out /tmp/dl
"""
import os
import subprocess
import sys
import time


def sample():
    """(summed RSS kB, summed PSS kB, process count) of the engine processes now."""
    rss = pss = count = 0
    for pid in os.listdir('/proc'):
        if not pid.isdigit():
            continue
        try:
            with open(f'/proc/{pid}/cmdline', 'rb') as f:
                if b'distlab-engine' not in f.read().split(b'\0')[0]:
                    continue
            with open(f'/proc/{pid}/smaps_rollup') as f:
                for line in f:
                    if line.startswith('Rss:'):
                        rss += int(line.split()[1])
                    elif line.startswith('Pss:'):
                        pss += int(line.split()[1])
            count += 1
        except OSError:
            pass  # the process ended between the listing and the read
    return rss, pss, count


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    start = time.time()
    child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak_rss = peak_pss = peak_count = 0
    while child.poll() is None:
        rss, pss, count = sample()
        if pss > peak_pss:
            peak_pss, peak_count = pss, count
        peak_rss = max(peak_rss, rss)
        time.sleep(0.05)
    wall = time.time() - start
    if child.returncode != 0:
        sys.exit(f"the command failed ({child.returncode}): {child.stderr.read().decode()[-500:]}")
    print(f"wall {wall:.2f} s; peak summed RSS {peak_rss / 1024:.0f} MB, "
          f"peak summed PSS {peak_pss / 1024:.0f} MB ({peak_count} processes)")


if __name__ == '__main__':
    main()
