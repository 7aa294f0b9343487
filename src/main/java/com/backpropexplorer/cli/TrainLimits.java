package com.backpropexplorer.cli;

import com.backpropexplorer.data.MemoryBudget;
import com.backpropexplorer.data.Mnist;
import com.backpropexplorer.data.MnistDataset;
import com.backpropexplorer.engine.Activation;
import java.util.Locale;

/**
 * The largest {@code --batch} and {@code --hidden} a training run can take, checked before
 * MNIST is loaded or a weight allocated, so that a value beyond them is a bad argument (exit 2,
 * with the limit) rather than an OutOfMemoryError minutes later.
 *
 * <p>The memory a run needs is estimated from above in checked longs: MNIST as doubles (with
 * its sparse copies), eight copies of the parameters (the net, its gradients, the optimizer's
 * state, the copy kept to undo a diverging step, the kernels' transposed copies), eight
 * batch × hidden buffers (the layers' caches and their gradients), and batch × 784 inputs: two
 * for ReLU's fast kernel (its pixel groups), six for sigmoid, measured when sigmoid nets trained
 * on the plain layers (the gathered batch, Affine1's cached copy and its dx, and the previous
 * step's while they wait for the collector); they now take the fast kernel too, so for sigmoid
 * this is an over-estimate, kept until it is measured again.
 * Measured with MNIST and batch 60,000, hidden 50: ReLU ran in 1,100 MB and not in 900 MB
 * (estimate 1,400 MB); sigmoid ran in 3,000 MB and not in 2,000 MB (estimate 2,836 MB). At the limits
 * the estimate allows (hidden 1,908 with batch 100 in a 640 MB heap; sigmoid, batch 60,000,
 * hidden 100 in 3,100 MB) training ran without running out of memory.
 */
final class TrainLimits {
    private static final int INPUTS = Mnist.IMAGE_SIDE * Mnist.IMAGE_SIDE;
    /** A mini-batch is drawn from the training set, so it cannot be larger: MNIST has 60,000. */
    static final int MAX_BATCH = Mnist.TRAIN_SIZE;
    /** Weights are indexed by int: 784 × H must stay below 2^31. */
    static final long MAX_HIDDEN_BY_INDEX = (Integer.MAX_VALUE - 8) / INPUTS;

    private static final long PARAM_COPIES = 8;
    private static final long BATCH_BUFFERS = 8;
    /** MNIST's 70,000 images as doubles, plus a tenth for the sparse copies and labels. */
    private static final long DATA_BYTES = (long) (Mnist.TRAIN_SIZE + Mnist.TEST_SIZE) * INPUTS * Double.BYTES * 11 / 10;

    private TrainLimits() {
    }

    /** Bytes a run of {@code hidden} units in batches of {@code batch} needs, data included; saturates. */
    static long bytesNeeded(long hidden, long batch, Activation activation) {
        try {
            long params = Math.addExact(Math.multiplyExact(INPUTS + 1L + MnistDataset.CLASSES, hidden),
                    MnistDataset.CLASSES);
            long perRun = Math.addExact(Math.multiplyExact(PARAM_COPIES, params),
                    Math.multiplyExact(BATCH_BUFFERS, Math.multiplyExact(batch, Math.addExact(hidden, MnistDataset.CLASSES))));
            long batchInputs = Math.multiplyExact((activation == Activation.SIGMOID ? 6L : 2L) * INPUTS, batch);
            return Math.addExact(DATA_BYTES, Math.multiplyExact(Double.BYTES, Math.addExact(perRun, batchInputs)));
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }

    /** The most hidden units that fit in {@code heapBytes} with batches of {@code batch}; 0 if none. */
    static long maxHidden(long batch, Activation activation, long heapBytes) {
        long low = 0;
        long high = MAX_HIDDEN_BY_INDEX;
        while (low < high) {
            long mid = (low + high + 1) >>> 1;
            if (bytesNeeded(mid, batch, activation) <= heapBytes) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    /**
     * The sentence for a --batch beyond the limit, or null.
     */
    static String batchProblem(long batch) {
        if (batch > MAX_BATCH) {
            return String.format(Locale.ROOT, "--batch must be at most %,d, the size of MNIST's training set,"
                    + " not %,d.", MAX_BATCH, batch);
        }
        return null;
    }

    /** The sentence for a --hidden that would not fit in {@code heapBytes}, or null. */
    static String hiddenProblem(long hidden, long batch, Activation activation, long heapBytes) {
        long max = maxHidden(batch, activation, heapBytes);
        if (hidden <= max) {
            return null;
        }
        long bytes = bytesNeeded(hidden, batch, activation);
        String need = bytes == Long.MAX_VALUE ? "more memory than any computer has"
                : String.format(Locale.ROOT, "about %,d MB of memory", MemoryBudget.megabytes(bytes));
        if (max < 1) {
            return String.format(Locale.ROOT, "--hidden %,d with --batch %,d needs %s, but Java may use only %,d MB;"
                    + " use a smaller --batch, or start Java with more memory (java -Xmx8g -jar ...).",
                    hidden, batch, need, MemoryBudget.megabytes(heapBytes));
        }
        return String.format(Locale.ROOT, "--hidden %,d with --batch %,d needs %s, but Java may use only %,d MB:"
                + " with this --batch, --hidden can be at most %,d; use fewer hidden units or a smaller --batch, or"
                + " start Java with more memory"
                + " (java -Xmx8g -jar ...).", hidden, batch, need, MemoryBudget.megabytes(heapBytes), max);
    }

    /** The heap a run may fill: the limit, less what is in use and a reserve for everything else. */
    static long heapForTraining() {
        return Math.max(0, MemoryBudget.free() - (64L << 20));
    }
}
