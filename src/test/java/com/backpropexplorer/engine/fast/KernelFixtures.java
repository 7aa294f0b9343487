package com.backpropexplorer.engine.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.Optimizer;
import com.backpropexplorer.engine.Sgd;
import com.backpropexplorer.engine.TwoLayerNet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/** Synthetic MNIST-like data, seeded nets and the plain path's numbers for the fast-path tests. */
final class KernelFixtures {
    private KernelFixtures() {
    }

    /** rows×cols in [0, 1], about {@code zeros} of them exactly 0; the rows in {@code blank} all 0. */
    static DMatrixRMaj sparseData(int rows, int cols, double zeros, long seed, int... blank) {
        Random random = new Random(seed);
        DMatrixRMaj x = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < x.data.length; i++) {
            if (random.nextDouble() >= zeros) {
                x.data[i] = random.nextInt(256) / 255.0;
            }
        }
        for (int r : blank) {
            java.util.Arrays.fill(x.data, r * cols, (r + 1) * cols, 0.0);
        }
        return x;
    }

    static int[] labels(int rows, int classes, long seed) {
        Random random = new Random(seed);
        int[] t = new int[rows];
        for (int i = 0; i < rows; i++) {
            t[i] = random.nextInt(classes);
        }
        return t;
    }

    /** A seeded net with non-zero biases, so that ReLU cuts some units and passes others. */
    static TwoLayerNet net(int in, int hidden, int out, double std, long seed) {
        return net(in, hidden, out, std, seed, Activation.RELU);
    }

    static TwoLayerNet net(int in, int hidden, int out, double std, long seed, Activation activation) {
        TwoLayerNet net = new TwoLayerNet(in, hidden, out, std, activation, seed);
        Random random = new Random(seed + 1);
        for (String b : new String[] {"b1", "b2"}) {
            double[] d = net.params().get(b).data;
            for (int i = 0; i < d.length; i++) {
                d[i] = std * random.nextGaussian();
            }
        }
        return net;
    }

    static int[] batch(int size, int n, long seed) {
        Random random = new Random(seed);
        int[] rows = new int[size];
        for (int i = 0; i < size; i++) {
            rows[i] = random.nextInt(n);
        }
        return rows;
    }

    /** The rows {@code rows[0..count)} of x, gathered: the book's {@code x[batch_mask]}. */
    static DMatrixRMaj gather(DMatrixRMaj x, int[] rows, int count) {
        DMatrixRMaj batch = new DMatrixRMaj(count, x.numCols);
        for (int i = 0; i < count; i++) {
            System.arraycopy(x.data, rows[i] * x.numCols, batch.data, i * x.numCols, x.numCols);
        }
        return batch;
    }

    static int[] gather(int[] labels, int[] rows, int count) {
        int[] t = new int[count];
        for (int i = 0; i < count; i++) {
            t[i] = labels[rows[i]];
        }
        return t;
    }

    /** A loss and the four gradients. */
    record Result(double loss, Map<String, DMatrixRMaj> grads) {
    }

    /** What the book's layers say for one batch: {@code network.gradient(x[rows], t[rows])}. */
    static Result plain(TwoLayerNet net, DMatrixRMaj x, int[] labels, int[] rows, int count) {
        Map<String, DMatrixRMaj> grads = net.gradient(gather(x, rows, count), gather(labels, rows, count));
        return new Result(net.lastLayer().loss(), grads);
    }

    /** What the fast step says for one batch, without an update. */
    static Result fast(FastStep step, SparseRows x, int[] labels, int[] rows, int count) {
        // poison the output: the step must write every element, not accumulate into what is there
        for (String name : TwoLayerNet.PARAM_NAMES) {
            java.util.Arrays.fill(step.gradient(name).data, Double.NaN);
        }
        double loss = step.forward(x, rows, count, labels);
        step.backward();
        Map<String, DMatrixRMaj> grads = new LinkedHashMap<>();
        for (String name : TwoLayerNet.PARAM_NAMES) {
            grads.put(name, step.gradient(name).copy());
        }
        return new Result(loss, grads);
    }

    /** A fast step with SGD on one thread or, with {@code shared}, two. */
    static FastStep step(TwoLayerNet net, SparseRows x, SharedWork shared) {
        return step(net, new Sgd(0.1), x, shared);
    }

    static FastStep step(TwoLayerNet net, Optimizer optimizer, SparseRows x, SharedWork shared) {
        return new FastStep(net, optimizer, x, shared);
    }

    /** Runs {@code test} with a helper thread for 2 threads, none (null) for 1, and ends the helper after. */
    static void onThreads(int threads, java.util.function.Consumer<SharedWork> test) {
        SharedWork shared = threads == 2 ? new SharedWork("test-helper") : null;
        try {
            test.accept(shared);
        } finally {
            if (shared != null) {
                shared.close();
            }
        }
    }

    /** Every element within {@code relative}·(largest |expected| of that matrix). */
    static void assertClose(Map<String, DMatrixRMaj> expected, Map<String, DMatrixRMaj> actual, double relative) {
        for (String name : TwoLayerNet.PARAM_NAMES) {
            DMatrixRMaj e = expected.get(name);
            DMatrixRMaj a = actual.get(name);
            assertEquals(e.numRows, a.numRows, name);
            assertEquals(e.numCols, a.numCols, name);
            double scale = 0;
            for (double v : e.data) {
                scale = Math.max(scale, Math.abs(v));
            }
            double worst = 0;
            for (int i = 0; i < e.getNumElements(); i++) {
                worst = Math.max(worst, Math.abs(e.data[i] - a.data[i]));
            }
            assertTrue(worst <= relative * scale, name + ": max |difference| " + worst + " against scale " + scale);
        }
    }
}
