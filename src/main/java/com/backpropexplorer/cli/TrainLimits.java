package com.backpropexplorer.cli;

import com.backpropexplorer.data.MemoryBudget;
import com.backpropexplorer.data.Mnist;
import com.backpropexplorer.data.MnistDataset;
import com.backpropexplorer.engine.OptimizerKind;
import com.backpropexplorer.engine.fast.FastKernels;
import java.util.Locale;

/**
 * The largest {@code --batch} and {@code --hidden} a training run can take, checked before
 * MNIST is loaded or a weight allocated, so that a value beyond them is a bad argument (exit 2,
 * with the limit) rather than an OutOfMemoryError minutes later.
 *
 * <p>The memory a run needs is counted in checked longs, array by array, as the code allocates
 * it ({@code TrainLimitsTest} walks the real objects and compares): MNIST as doubles with its
 * sparse copies ({@link #dataBytes}), and what the fast kernel keeps for one run
 * ({@link #runBytes}): the parameters with their gradients, the copy kept to undo a diverging
 * step, the optimizer's state (none for SGD, one copy for Momentum and AdaGrad, two for Adam)
 * and the schedule's copy; W1 one array a row twice (the step's and the accuracy pass's), W2ᵀ
 * and dW2ᵀ; per batch the hidden rows, their gradients and their transposes; and per thread
 * the batch regrouped by pixel, room for {@code batch} × the most inked pixels of one image.
 * ReLU and sigmoid nets take the same kernel and the same memory. Not counted: objects of a few
 * bytes and the accuracy passes' predictions (within the 64 MB reserve of {@link #heapForTraining}).
 */
final class TrainLimits {
    private static final long INPUTS = (long) Mnist.IMAGE_SIDE * Mnist.IMAGE_SIDE;
    private static final long CLASSES = MnistDataset.CLASSES;
    /** A mini-batch is drawn from the training set, so it cannot be larger: MNIST has 60,000. */
    static final int MAX_BATCH = Mnist.TRAIN_SIZE;
    /** Weights are indexed by int: 784 × H must stay below 2^31. */
    static final long MAX_HIDDEN_BY_INDEX = (Integer.MAX_VALUE - 8) / INPUTS;
    /** Inked (non-zero) pixels of MNIST's 60,000 training and 10,000 test images (counted). */
    static final long MNIST_NON_ZEROS = 8_994_156L + 1_511_219L;
    /** The most inked pixels of one MNIST training image (counted): a batch regrouped by pixel has room for that many a row. */
    static final long MNIST_MAX_ROW_NON_ZEROS = 351;
    /** An array's header; a row of doubles also costs its header. */
    private static final long ARRAY_HEADER = 16;
    /** The padding after each row that two threads write side by side (a cache line of doubles). */
    private static final long PADDING = 8;

    /** What decides a run's memory besides the data. */
    record Run(long hidden, long batch, OptimizerKind optimizer, boolean scheduled, boolean augmented) {
    }

    private TrainLimits() {
    }

    /** Bytes a run needs, MNIST included, on the threads the train command uses; saturates. */
    static long bytesNeeded(Run run) {
        try {
            long data = dataBytes(Mnist.TRAIN_SIZE, Mnist.TEST_SIZE, INPUTS, MNIST_NON_ZEROS);
            return Math.addExact(data, runBytes(run, INPUTS, CLASSES, FastKernels.standard().threads(),
                    MNIST_MAX_ROW_NON_ZEROS));
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * The data set as the trainer holds it: both sets as doubles with their labels, and the fast
     * kernels' sparse copies (per image its start, per inked pixel a column and a grey level).
     */
    static long dataBytes(long train, long test, long inputs, long nonZeros) {
        long images = Math.multiplyExact(Math.multiplyExact(train + test, inputs), Double.BYTES);
        long labels = Math.multiplyExact(train + test, Integer.BYTES);
        long sparse = Math.addExact(Math.multiplyExact(train + test + 2, Integer.BYTES),
                Math.multiplyExact(nonZeros, Character.BYTES + Byte.BYTES));
        return Math.addExact(Math.addExact(images, labels), sparse);
    }

    /**
     * What one run allocates besides the data set: the net, the fast kernel of {@code threads}
     * threads with its buffers for batches of {@code run.batch()}, the optimizer, the schedule and
     * the minibatch; {@code maxRowNonZeros} is the most inked pixels of one training image.
     */
    static long runBytes(Run run, long inputs, long classes, int threads, long maxRowNonZeros) {
        long h = run.hidden();
        long n = run.batch();
        long params = Math.addExact(Math.multiplyExact(inputs + 1 + classes, h), classes);
        long copies = 3 // the net, its gradients, the copy that undoes a diverging step
                + switch (run.optimizer()) {
                    case SGD -> 0;
                    case MOMENTUM, ADAGRAD -> 1;
                    case ADAM -> 2;
                }
                + (run.scheduled() ? 1 : 0);
        long total = Math.multiplyExact(Math.multiplyExact(copies, params), Double.BYTES);
        // W1 one array a row, twice (the step and the accuracy pass); W2ᵀ and dW2ᵀ; dW1's row buffers
        total = Math.addExact(total, Math.multiplyExact(2 * inputs + 2 * classes, rowOfDoubles(h)));
        total = Math.addExact(total, Math.multiplyExact(threads, rowOfDoubles(h + PADDING)));
        // the accuracy pass's hidden row and scores, one set a thread
        total = Math.addExact(total, Math.multiplyExact(threads, rowOfDoubles(h) + rowOfDoubles(classes)));
        // the batch: hidden rows and their gradients (padded), scores' gradients, each row's loss
        total = Math.addExact(total, Math.multiplyExact(2 * n, rowOfDoubles(h + PADDING)));
        total = Math.addExact(total, Math.multiplyExact(Math.multiplyExact(n, classes + 1), Double.BYTES));
        // per thread: the hidden rows and the scores transposed, the batch regrouped by pixel
        total = Math.addExact(total, Math.multiplyExact(Math.multiplyExact(threads, h + classes), rowOfDoubles(n)));
        long entries = Math.multiplyExact(n, maxRowNonZeros);
        long perThread = Math.addExact(Math.multiplyExact(entries, Integer.BYTES + Double.BYTES),
                (2 * inputs + 1) * Integer.BYTES);
        total = Math.addExact(total, Math.multiplyExact(threads, perThread));
        // the minibatch's row numbers; augmented, the batch gathered as doubles, its labels, its
        // sparse copy (any pixel may be inked after the warp: room for a column and a value each)
        // and the augmenter's three images
        total = Math.addExact(total, Math.multiplyExact(n, Integer.BYTES));
        if (run.augmented()) {
            long pixels = Math.multiplyExact(n, inputs);
            total = Math.addExact(total, Math.multiplyExact(pixels, Double.BYTES + Character.BYTES + Double.BYTES));
            total = Math.addExact(total, Math.multiplyExact(n, 3L * Integer.BYTES));
            total = Math.addExact(total, 3 * rowOfDoubles(inputs));
        }
        return total;
    }

    private static long rowOfDoubles(long length) {
        return Math.addExact(ARRAY_HEADER, Math.multiplyExact(length, Double.BYTES));
    }

    /** The most hidden units that fit in {@code heapBytes} for the run's batch and optimizer; 0 if none. */
    static long maxHidden(Run run, long heapBytes) {
        long low = 0;
        long high = MAX_HIDDEN_BY_INDEX;
        while (low < high) {
            long mid = (low + high + 1) >>> 1;
            if (bytesNeeded(withHidden(run, mid)) <= heapBytes) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    private static Run withHidden(Run run, long hidden) {
        return new Run(hidden, run.batch(), run.optimizer(), run.scheduled(), run.augmented());
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
    static String hiddenProblem(Run run, long heapBytes) {
        long max = maxHidden(run, heapBytes);
        long hidden = run.hidden();
        long batch = run.batch();
        if (hidden <= max) {
            return null;
        }
        long bytes = bytesNeeded(run);
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
