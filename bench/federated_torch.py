#!/usr/bin/python3
"""PyTorch reference for bench/federated_scale.py: the same FedAvg (CLIENTS clients with equal
IID shares of the 60,000 Fashion-MNIST training images, 10% of them a round, one local epoch in
batches of 10, plain SGD lr 0.05, sample-weighted average of the clients' models) simulated in
one process, one client after another: what Flower's simulation does for each round, without
its RPC or Ray overhead, so a lower bound for the Python stacks. Prints the wall time of the
rounds (data already in memory) and the test accuracy, for logistic regression and the MLP
784-200-200-10.
Needs: apt-get install python3-torch python3-numpy libopenblas0-openmp
Usage: /usr/bin/python3 bench/federated_torch.py [CLIENTS=1000] [ROUNDS=100] [THREADS=2]"""
import gzip, sys, time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

CLIENTS = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 100
THREADS = int(sys.argv[3]) if len(sys.argv) > 3 else 2
ROOT = "/usr/share/datasets/fashion-mnist"
torch.set_num_threads(THREADS)


def idx(name):
    data = gzip.open(f"{ROOT}/{name}.gz").read()
    dims = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(data[3])]
    return np.frombuffer(data, np.uint8, offset=4 + 4 * data[3]).reshape(dims)


def tensors(prefix):
    x = torch.from_numpy(idx(f"{prefix}-images-idx3-ubyte").reshape(-1, 784).astype(np.float32) / 255)
    return x, torch.from_numpy(idx(f"{prefix}-labels-idx1-ubyte").astype(np.int64))


def model_of(kind):
    if kind == "linear":
        return nn.Linear(784, 10)
    return nn.Sequential(nn.Linear(784, 200), nn.ReLU(), nn.Linear(200, 200), nn.ReLU(),
                         nn.Linear(200, 10))


def run(kind, x, y, xt, yt):
    g = torch.Generator().manual_seed(1)
    shares = torch.randperm(len(x), generator=g).chunk(CLIENTS)
    global_model, local = model_of(kind), model_of(kind)
    t0 = time.perf_counter()
    for _ in range(ROUNDS):
        sampled = torch.randperm(CLIENTS, generator=g)[:CLIENTS // 10].tolist()
        total = sum(len(shares[c]) for c in sampled)
        average = [torch.zeros_like(p) for p in global_model.parameters()]
        for c in sampled:
            local.load_state_dict(global_model.state_dict())
            optimizer = torch.optim.SGD(local.parameters(), lr=0.05)
            rows = shares[c][torch.randperm(len(shares[c]), generator=g)]
            for batch in rows.split(10):
                optimizer.zero_grad()
                F.cross_entropy(local(x[batch]), y[batch]).backward()
                optimizer.step()
            with torch.no_grad():
                for a, p in zip(average, local.parameters()):
                    a += p * (len(shares[c]) / total)
        with torch.no_grad():
            for p, a in zip(global_model.parameters(), average):
                p.copy_(a)
    seconds = time.perf_counter() - t0
    with torch.no_grad():
        accuracy = (global_model(xt).argmax(1) == yt).float().mean().item()
    return seconds, accuracy


x, y = tensors("train")
xt, yt = tensors("t10k")
print(f"PyTorch {torch.__version__}, {THREADS} threads: {CLIENTS} clients x {ROUNDS} rounds, "
      "fraction 0.1, E=1 B=10")
for name, kind in [("logistic regression", "linear"), ("MLP 784-200-200-10", "mlp")]:
    seconds, accuracy = run(kind, x, y, xt, yt)
    print(f"| {name} | {seconds:.1f} s | {100 * accuracy:.2f}% |")
