#!/usr/bin/env python3
"""An independent computation of the sampled Gaussian mechanism's privacy, for the accountant's
test: exact integer binomials (math.comb), Python's own log and exp, the same orders and the
same RDP -> (epsilon, delta) conversion. Prints "epsilon order".

    python3 tests/dp/rdp_reference.py q sigma steps delta
"""
import math
import sys


def rdp(q, sigma, alpha):
    if q == 0:
        return 0.0
    if q == 1:
        return alpha / (2 * sigma * sigma)
    logs = [math.log(math.comb(alpha, k)) + (alpha - k) * math.log(1 - q) + k * math.log(q)
            + (k * k - k) / (2 * sigma * sigma) for k in range(alpha + 1)]
    top = max(logs)
    return (top + math.log(math.fsum(math.exp(v - top) for v in logs))) / (alpha - 1)


def main():
    q, sigma, steps, delta = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
    orders = list(range(2, 65)) + [80, 96, 128, 256, 512]
    best = min((steps * rdp(q, sigma, a) + math.log(1 / delta) / (a - 1), a) for a in orders)
    print(f"{best[0]:.12g} {best[1]}")


if __name__ == "__main__":
    main()
