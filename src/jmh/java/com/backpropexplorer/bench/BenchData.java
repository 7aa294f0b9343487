package com.backpropexplorer.bench;

import com.backpropexplorer.engine.KernelFactory;
import com.backpropexplorer.engine.fast.FastKernels;
import com.backpropexplorer.engine.fast.KernelData;

/** The data the benchmarks run on: MNIST from ../shared/mnist, or MNIST-like noise if absent. */
final class BenchData {
    private static KernelData.Sets cached;

    private BenchData() {
    }

    /** "plain" (the book's layers), "fast1" or "fast2" (the fast kernels on 1 or 2 threads). */
    static KernelFactory kernels(String name) {
        return switch (name) {
            case "plain" -> KernelFactory.PLAIN;
            case "fast1" -> FastKernels.onThreads(1);
            case "fast2" -> FastKernels.onThreads(2);
            default -> throw new IllegalArgumentException(name);
        };
    }

    static synchronized KernelData.Sets load() {
        if (cached == null) {
            cached = KernelData.mnistOrSynthetic();
            System.out.println("[bench data: " + cached.source() + "]");
        }
        return cached;
    }
}
