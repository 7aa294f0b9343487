#!/usr/bin/env python3
"""The numpy reference (../shared/bench/numpy_two_layer_net.py, read-only) with AdaGrad added
(book ch. 6, §6.1.5: h += g*g; W -= lr*g / (sqrt(h) + 1e-7), h starting at zero), so that
scripts/bench-vs-numpy.sh can time AdaGrad on both sides. Everything else is the reference's
own code: it is loaded from its file and run with --optimizer adagrad.

Usage: python3 numpy_adagrad.py REFERENCE.py MNIST_DIR [ITERS] [--activation A] [--lr RATE] ..."""
import argparse
import importlib.util
import sys

import numpy as np

reference_path = sys.argv.pop(1)
spec = importlib.util.spec_from_file_location("numpy_two_layer_net", reference_path)
ref = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ref)

reference_update = ref.Optimizer.update


def update(self, net, grads):
    if self.kind != "adagrad":
        return reference_update(self, net, grads)
    self.iter += 1
    for name, g in grads.items():
        param = getattr(net, name)
        h = self.state.setdefault(name, np.zeros_like(param))
        h += g * g
        param -= self.lr * g / (np.sqrt(h) + 1e-7)


ref.Optimizer.update = update

add_argument = argparse.ArgumentParser.add_argument


def add_argument_with_adagrad(self, *names, **options):
    if "--optimizer" in names:
        options["choices"] = tuple(options["choices"]) + ("adagrad",)
    return add_argument(self, *names, **options)


argparse.ArgumentParser.add_argument = add_argument_with_adagrad
if "--optimizer" not in sys.argv:
    sys.argv += ["--optimizer", "adagrad"]
if "--lr" not in sys.argv:
    sys.argv += ["--lr", "0.01"]  # the book's AdaGrad default (the reference knows no default for it)
ref.main()
