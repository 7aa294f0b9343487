package com.backpropexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.data.SharedMnist;
import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.Minibatch;
import com.backpropexplorer.engine.Optimizer;
import com.backpropexplorer.engine.OptimizerKind;
import com.backpropexplorer.engine.TrainingData;
import com.backpropexplorer.engine.TrainingKernel;
import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.engine.augment.DigitAugmenter;
import com.backpropexplorer.engine.fast.FastKernels;
import java.lang.reflect.Constructor;
import java.util.Random;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The memory estimate behind --hidden's limit against what the code really keeps: the fast
 * kernel, the net, the optimizer and the minibatch after real training steps, and the data set
 * with its sparse copies, their sizes found by walking the objects ({@link RetainedSize}).
 */
class TrainLimitsTest {
    private static final int INPUTS = 784;
    private static final int CLASSES = 10;
    private static final int HIDDEN = 96;
    private static final int BATCH = 200;

    /** MNIST-shaped grey levels (k/255), about a fifth of the pixels inked, as the IDX loader gives them. */
    private static TrainingData data(int train, int test) {
        Random random = new Random(5);
        DMatrixRMaj trainImages = images(random, train);
        DMatrixRMaj testImages = images(random, test);
        return new TrainingData(trainImages, random.ints(train, 0, CLASSES).toArray(), testImages,
                random.ints(test, 0, CLASSES).toArray());
    }

    private static DMatrixRMaj images(Random random, int rows) {
        DMatrixRMaj m = new DMatrixRMaj(rows, INPUTS);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = random.nextDouble() < 0.19 ? (1 + random.nextInt(255)) / 255.0 : 0;
        }
        return m;
    }

    private static long nonZeros(DMatrixRMaj m) {
        long n = 0;
        for (double v : m.data) {
            n += v != 0 ? 1 : 0;
        }
        return n;
    }

    private static long maxRowNonZeros(DMatrixRMaj m) {
        long max = 0;
        for (int r = 0; r < m.numRows; r++) {
            long n = 0;
            for (int c = 0; c < m.numCols; c++) {
                n += m.get(r, c) != 0 ? 1 : 0;
            }
            max = Math.max(max, n);
        }
        return max;
    }

    private static Optimizer scheduled(Optimizer rule) throws ReflectiveOperationException {
        Constructor<?> make = Class.forName("com.backpropexplorer.engine.ScheduledOptimizer")
                .getDeclaredConstructor(Optimizer.class);
        make.setAccessible(true);
        return (Optimizer) make.newInstance(rule);
    }

    @Test
    void theRunEstimateIsWhatTheKernelNetOptimizerAndBatchKeep() throws Exception {
        TrainingData data = data(1_000, 300);
        long maxRow = maxRowNonZeros(data.trainImages());
        for (int threads : new int[] {1, 2}) {
            FastKernels kernels = FastKernels.onThreads(threads).prepare(data);
            for (Activation activation : Activation.values()) {
                for (OptimizerKind kind : OptimizerKind.values()) {
                    check(kernels, data, threads, maxRow, new TrainLimits.Run(HIDDEN, BATCH, kind, false, false),
                            activation);
                }
            }
            check(kernels, data, threads, maxRow, new TrainLimits.Run(HIDDEN, BATCH, OptimizerKind.MOMENTUM, true,
                    false), Activation.RELU);
            check(kernels, data, threads, maxRow, new TrainLimits.Run(HIDDEN, BATCH, OptimizerKind.SGD, false,
                    true), Activation.SIGMOID);
        }
    }

    private static void check(FastKernels kernels, TrainingData data, int threads, long maxRow, TrainLimits.Run run,
                              Activation activation) throws Exception {
        TwoLayerNet net = new TwoLayerNet(INPUTS, HIDDEN, CLASSES, 0.01, activation, 3);
        Optimizer rule = run.optimizer().create(0.01);
        Optimizer optimizer = run.scheduled() ? scheduled(rule) : rule;
        Minibatch batch = new Minibatch(data, BATCH);
        DigitAugmenter augmenter = run.augmented() ? new DigitAugmenter() : null;
        SplittableRandom random = new SplittableRandom(7);
        try (TrainingKernel kernel = kernels.create(net, optimizer, data)) {
            for (int step = 0; step < 3; step++) {
                batch.draw(random);
                if (augmenter != null) {
                    batch.gather();
                    augmenter.augment(batch.x(), random);
                }
                kernel.loss(batch);
                kernel.update();
            }
            long real = new RetainedSize().exclude(kernels, data).of(kernel, net, optimizer, batch, augmenter);
            long estimate = TrainLimits.runBytes(run, INPUTS, CLASSES, threads, maxRow);
            String what = activation + " " + run + " on " + threads + " thread(s): estimate " + estimate
                    + " bytes, kept " + real;
            if (run.augmented()) {
                // room for every pixel of the warped batch in its sparse copy: at most that much above
                long room = (long) BATCH * INPUTS * (Character.BYTES + Double.BYTES);
                assertTrue(estimate >= real && estimate - real <= room, what);
            } else {
                // the estimate leaves out objects of a few bytes (the kernel's own fields, the net's map)
                assertTrue(estimate <= real && real - estimate <= real / 100 + (64 << 10), what);
            }
        }
    }

    @Test
    void theDataEstimateIsWhatTheImagesLabelsAndSparseCopiesKeep() {
        TrainingData data = data(2_000, 500);
        FastKernels kernels = FastKernels.onThreads(1).prepare(data);
        long real = new RetainedSize().of(data, kernels);
        long estimate = TrainLimits.dataBytes(2_000, 500, INPUTS, nonZeros(data.trainImages())
                + nonZeros(data.testImages()));
        assertTrue(estimate <= real && real - estimate <= real / 200 + (16 << 10),
                "estimate " + estimate + " bytes, kept " + real);
    }

    @Test
    void mnistsCountsAreTheRealOnes() {
        TrainingData mnist = SharedMnist.trainingData();
        assertEquals(TrainLimits.MNIST_NON_ZEROS, nonZeros(mnist.trainImages()) + nonZeros(mnist.testImages()));
        assertEquals(TrainLimits.MNIST_MAX_ROW_NON_ZEROS, maxRowNonZeros(mnist.trainImages()));
    }

    @Test
    void theOptimizersStateCountsWholeCopiesOfTheParameters() {
        long sgd = TrainLimits.bytesNeeded(new TrainLimits.Run(50, 100, OptimizerKind.SGD, false, false));
        long adam = TrainLimits.bytesNeeded(new TrainLimits.Run(50, 100, OptimizerKind.ADAM, false, false));
        long params = (784 + 1 + 10) * 50L + 10;
        assertEquals(2 * params * Double.BYTES, adam - sgd, "Adam keeps m and v");
    }
}
