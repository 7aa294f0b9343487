package com.backpropexplorer.bench;

import com.backpropexplorer.engine.KernelData;
import java.io.IOException;

/** The data the benchmarks run on: MNIST from ../shared/mnist, or MNIST-like noise if absent. */
final class BenchData {
    private static KernelData.Sets cached;

    private BenchData() {
    }

    static synchronized KernelData.Sets load() throws IOException {
        if (cached == null) {
            cached = KernelData.mnistOrSynthetic();
            System.out.println("[bench data: " + cached.source() + "]");
        }
        return cached;
    }
}
