"""PGD-10 (L-inf, epsilon 0.1, step 0.025, random start) on LeNet-5 in PyTorch, 1 thread: the
reference for DistLab's BM_PgdLenet (bench/robust_bench.cpp). Same network as DistLab's lenet5
(conv 6@5x5 pad 2, max-pool 2, ReLU, conv 16@5x5, max-pool 2, ReLU, 120, 84, 10), batches of
100 Fashion-MNIST test images. Prints the median adversarial examples per second of ROUNDS.

Usage: python3 bench/pgd_torch.py [ROUNDS=5]   (needs ../shared/bench/fmnist.py)
"""
import os
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.environ.get("DISTLAB_REF_DIR", os.path.join(os.path.dirname(__file__),
                                                                  "..", "..", "shared", "bench")))
import fmnist  # noqa: E402

torch.set_num_threads(1)
torch.manual_seed(0)


class LeNet5(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(1, 6, 5, padding=2)
        self.c2 = nn.Conv2d(6, 16, 5)
        self.f1 = nn.Linear(400, 120)
        self.f2 = nn.Linear(120, 84)
        self.f3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.relu(F.max_pool2d(self.c1(x), 2))
        x = F.relu(F.max_pool2d(self.c2(x), 2))
        x = x.flatten(1)
        return self.f3(F.relu(self.f2(F.relu(self.f1(x)))))


def pgd(model, x, y, eps=0.1, step=0.025, steps=10):
    delta = torch.empty_like(x).uniform_(-eps, eps)
    delta = (x + delta).clamp(0, 1) - x
    for _ in range(steps):
        delta.requires_grad_(True)
        loss = F.cross_entropy(model(x + delta), y)
        (grad,) = torch.autograd.grad(loss, delta)
        delta = (delta.detach() + step * grad.sign()).clamp(-eps, eps)
        delta = (x + delta).clamp(0, 1) - x
    return x + delta


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    xs, ys = fmnist.load("test")
    x = torch.from_numpy(xs[:1000]).unsqueeze(1)
    y = torch.from_numpy(ys[:1000])
    model = LeNet5().eval()
    for p in model.parameters():
        p.requires_grad_(False)
    rates = []
    for _ in range(rounds):
        start = time.perf_counter()
        for b in range(0, 1000, 100):
            pgd(model, x[b:b + 100], y[b:b + 100])
        rates.append(1000 / (time.perf_counter() - start))
    print(f"torch {torch.__version__} PGD-10 LeNet-5: {statistics.median(rates):.0f} "
          f"adversarial examples/s (median of {rounds}: "
          + ", ".join(f"{r:.0f}" for r in rates) + ")")


if __name__ == "__main__":
    main()
