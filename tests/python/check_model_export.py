#!/usr/bin/env python3
"""Checks a DistLab model export (.npz) outside DistLab, for tests/engine/nn/model_export_test.cpp.

    check_model_export.py DIR numpy|torch

DIR holds what the C++ test wrote: model.npz (the export under test), layers.json (the layers, as
the native model file's header lists them), batch.npz (x as N x C x H x W float32, y int64) and
expected.npz (DistLab's logits, loss and gradients, the gradients named and shaped as the export).

numpy: rebuilds an MLP's forward pass with NumPy from the export and compares the logits.
torch: builds the same nn.Sequential in PyTorch, loads the export with load_state_dict, and
       compares the cross-entropy loss and every parameter's gradient on the batch.
Exit 0: they match to 1e-5 relative; 1: they do not; 77: the module is not installed (a skip).
"""
import json
import sys

TOLERANCE = 1e-5


def relative_error(a, b):
    import numpy as np
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    scale = max(np.linalg.norm(b), 1e-30)
    return float(np.linalg.norm(a - b) / scale)


def check(name, got, want, failures):
    err = relative_error(got, want)
    print(f"{name}: relative error {err:.3g}")
    if not err <= TOLERANCE:
        failures.append(name)


def numpy_check(folder, layers, failures):
    import numpy as np
    params = np.load(f"{folder}/model.npz")
    batch = np.load(f"{folder}/batch.npz")
    expected = np.load(f"{folder}/expected.npz")
    h = batch["x"].reshape(batch["x"].shape[0], -1).astype(np.float64)
    for i, layer in enumerate(layers):
        kind = layer["type"]
        if kind == "linear":
            w, b = params[f"{i}.weight"], params[f"{i}.bias"]
            if w.shape != (layer["out"], layer["in"]) or b.shape != (layer["out"],):
                failures.append(f"{i}: shapes {w.shape} {b.shape}")
                return
            h = h @ w.T.astype(np.float64) + b
        elif kind == "relu":
            h = np.maximum(h, 0)
        elif kind == "tanh":
            h = np.tanh(h)
        elif kind == "sigmoid":
            h = 1 / (1 + np.exp(-h))
        elif kind == "flatten":
            pass
        else:
            raise SystemExit(f"numpy check: no {kind} layer in this check")
    check("logits", h, expected["logits"], failures)


def torch_check(folder, layers, failures):
    import numpy as np
    import torch
    from torch import nn
    modules = []
    for layer in layers:
        kind = layer["type"]
        if kind == "linear":
            modules.append(nn.Linear(layer["in"], layer["out"]))
        elif kind == "conv2d":
            modules.append(nn.Conv2d(layer["in"], layer["out"], layer["kernel"],
                                     stride=layer["stride"], padding=layer["padding"]))
        elif kind == "maxpool2d":
            modules.append(nn.MaxPool2d(layer["kernel"], layer["stride"]))
        elif kind == "avgpool2d":
            modules.append(nn.AvgPool2d(layer["kernel"], layer["stride"]))
        else:
            modules.append({"relu": nn.ReLU, "tanh": nn.Tanh, "sigmoid": nn.Sigmoid,
                            "softplus": nn.Softplus, "flatten": nn.Flatten}[kind]())
    model = nn.Sequential(*modules).double()
    state = {k: torch.from_numpy(v.astype(np.float64)) for k, v in np.load(f"{folder}/model.npz").items()}
    model.load_state_dict(state, strict=True)
    batch = np.load(f"{folder}/batch.npz")
    x = torch.from_numpy(batch["x"].astype(np.float64))
    if layers[0]["type"] == "linear":
        x = x.reshape(x.shape[0], -1)
    y = torch.from_numpy(batch["y"])
    loss = nn.functional.cross_entropy(model(x), y)
    loss.backward()
    expected = np.load(f"{folder}/expected.npz")
    check("loss", loss.item(), expected["loss"], failures)
    for name, p in model.named_parameters():
        check(f"gradient {name}", p.grad.numpy(), expected[name], failures)


def main():
    folder, mode = sys.argv[1], sys.argv[2]
    try:
        __import__(mode)
    except ImportError:
        print(f"{mode} is not installed")
        return 77
    with open(f"{folder}/layers.json") as f:
        layers = json.load(f)
    failures = []
    (numpy_check if mode == "numpy" else torch_check)(folder, layers, failures)
    if failures:
        print("differ:", ", ".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
