package com.backpropexplorer.engine.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.data.SharedMnist;
import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.KernelFactory;
import com.backpropexplorer.engine.Minibatch;
import com.backpropexplorer.engine.OptimizerKind;
import com.backpropexplorer.engine.Trainer;
import com.backpropexplorer.engine.TrainingConfig;
import com.backpropexplorer.engine.TrainingData;
import com.backpropexplorer.engine.TrainingKernel;
import com.backpropexplorer.engine.TrainingListener;
import com.backpropexplorer.engine.TrainingSummary;
import com.backpropexplorer.engine.TrainingSummary.Status;
import com.backpropexplorer.engine.TwoLayerNet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Whole runs through the fast factory end where the book's layers end, bit for bit. */
class FastKernelsTest {
    /** MNIST-like: 60 pixels, 81% zeros, grey levels; 4 classes. */
    private static final TrainingData DATA = new TrainingData(KernelFixtures.sparseData(600, 60, 0.81, 1),
            KernelFixtures.labels(600, 4, 2), KernelFixtures.sparseData(200, 60, 0.81, 3), KernelFixtures.labels(200, 4, 4));

    private static TrainingConfig small(long seed) {
        return TrainingConfig.book(seed).withHiddenSize(9).withBatchSize(20).withIterations(200);
    }

    private static void assertSameWeights(TwoLayerNet expected, TwoLayerNet actual, String where) {
        for (String name : TwoLayerNet.PARAM_NAMES) {
            assertArrayEquals(expected.params().get(name).data, actual.params().get(name).data, 0.0, name + ", " + where);
        }
    }

    private static Trainer trainer(TrainingConfig config, KernelFactory kernels) {
        return new Trainer(config.newNet(DATA.inputSize(), 4), config, DATA, kernels);
    }

    @ParameterizedTest
    @CsvSource({"1, RELU", "2, RELU", "1, SIGMOID", "2, SIGMOID"})
    void everyOptimizerTrainsToThePlainLayersWeightsBitForBit(int threads, Activation activation) {
        for (OptimizerKind kind : OptimizerKind.values()) {
            TrainingConfig config = small(5).withOptimizer(kind).withLearningRate(kind.defaultLearningRate() * 2)
                    .withActivation(activation);
            Trainer plain = trainer(config, KernelFactory.PLAIN);
            TrainingSummary expected = plain.run(TrainingListener.NONE);
            Trainer fast = trainer(config, FastKernels.onThreads(threads));
            TrainingSummary summary = fast.run(TrainingListener.NONE);
            assertEquals(expected.lastLoss(), summary.lastLoss(), 0.0, kind.toString());
            assertEquals(expected.trainAccuracy(), summary.trainAccuracy(), 0.0, kind.toString());
            assertEquals(expected.testAccuracy(), summary.testAccuracy(), 0.0, kind.toString());
            assertSameWeights(plain.net(), fast.net(), kind + ", " + activation + ", " + threads + " thread(s)");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aDivergingRunKeepsThePlainLayersLastSaneWeights(int threads) {
        TrainingConfig config = small(1).withLearningRate(1e120).withIterations(10_000);
        Trainer plain = trainer(config, KernelFactory.PLAIN);
        TrainingSummary expected = plain.run(TrainingListener.NONE);
        Trainer fast = trainer(config, FastKernels.onThreads(threads));
        TrainingSummary summary = fast.run(TrainingListener.NONE);
        assertEquals(Status.DIVERGED, summary.status());
        assertEquals(expected.divergedAt(), summary.divergedAt());
        assertEquals(expected.steps(), summary.steps());
        assertSameWeights(plain.net(), fast.net(), "after the undo");
    }

    /**
     * A minibatch gathered and then changed (as an augmentation changes it) trains on its own
     * images, not on the rows it was drawn from: the same numbers as the book's layers on it.
     */
    @ParameterizedTest
    @CsvSource({"1, RELU, ADAM", "2, RELU, ADAM", "1, SIGMOID, ADAGRAD", "2, SIGMOID, SGD"})
    void aGatheredAndChangedMinibatchTrainsLikeThePlainLayers(int threads, Activation activation, OptimizerKind kind) {
        TwoLayerNet plainNet = KernelFixtures.net(60, 9, 4, 0.1, 7, activation);
        TwoLayerNet fastNet = plainNet.copy();
        TrainingKernel plain = KernelFactory.PLAIN.create(plainNet, kind.create(0.01), DATA);
        Minibatch batch = new Minibatch(DATA, 30);
        SplittableRandom random = new SplittableRandom(8);
        SplittableRandom noise = new SplittableRandom(9);
        try (TrainingKernel fast = FastKernels.onThreads(threads).create(fastNet, kind.create(0.01), DATA)) {
            assertTrue(fast instanceof FastTrainingKernel);
            for (int i = 0; i < 40; i++) {
                batch.draw(random);
                batch.gather();
                DMatrixRMaj x = batch.x();
                for (int k = 0; k < x.data.length; k++) { // shift every row by one pixel and add some noise
                    double next = k % 60 == 59 ? 0 : x.data[k + 1];
                    x.data[k] = noise.nextDouble() < 0.1 ? noise.nextDouble() : next;
                }
                double expected = plain.loss(batch);
                double actual = fast.loss(batch);
                assertEquals(expected, actual, 0.0, "loss at step " + i);
                plain.update();
                fast.update();
                assertSameWeights(plainNet, fastNet, "step " + i);
            }
        }
    }

    @Test
    void anUngatheredMinibatchIsReadInPlaceFromTheTrainingSet() {
        TwoLayerNet plainNet = KernelFixtures.net(60, 9, 4, 0.1, 10);
        TwoLayerNet fastNet = plainNet.copy();
        TrainingKernel plain = KernelFactory.PLAIN.create(plainNet, OptimizerKind.SGD.create(0.5), DATA);
        Minibatch batch = new Minibatch(DATA, 25);
        batch.draw(new SplittableRandom(11));
        try (TrainingKernel fast = FastKernels.onThreads(1).create(fastNet, OptimizerKind.SGD.create(0.5), DATA)) {
            assertEquals(fast.loss(batch) , plain.loss(batch), 0.0);
            assertTrue(batch.gathered(), "the plain kernel gathered it");
            batch.draw(new SplittableRandom(12));
            assertFalse(batch.gathered());
            fast.loss(batch);
            plain.loss(batch);
            fast.update();
            plain.update();
            assertSameWeights(plainNet, fastNet, "after one step");
        }
    }

    @Test
    void sigmoidNetsGetTheFastKernelAndTooWideInputsThePlainOne() {
        TwoLayerNet sigmoid = new TwoLayerNet(60, 5, 4, 0.1, Activation.SIGMOID, 12);
        try (TrainingKernel kernel = FastKernels.onThreads(1).create(sigmoid, OptimizerKind.SGD.create(0.1), DATA)) {
            assertTrue(kernel instanceof FastTrainingKernel);
        }
        int wide = SparseRows.MAX_COLUMNS + 1;
        TrainingData wideData = new TrainingData(new DMatrixRMaj(2, wide), new int[] {0, 1}, new DMatrixRMaj(1, wide),
                new int[] {1});
        TwoLayerNet wideNet = new TwoLayerNet(wide, 2, 2, 0.1, Activation.RELU, 13);
        try (TrainingKernel kernel = FastKernels.onThreads(1).create(wideNet, OptimizerKind.SGD.create(0.1), wideData)) {
            assertFalse(kernel instanceof FastTrainingKernel);
        }
    }

    /** The ch. 4 net on real MNIST: the fast kernel's run ends on the book's layers' weights. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aSigmoidRunOnRealMnistEndsOnThePlainLayersWeights(int threads) {
        TrainingData mnist = SharedMnist.trainingData();
        TrainingConfig config = TrainingConfig.book(4).withActivation(Activation.SIGMOID).withIterations(40);
        Trainer plain = new Trainer(config.newNet(784, 10), config, mnist, KernelFactory.PLAIN);
        Trainer fast = new Trainer(config.newNet(784, 10), config, mnist, FastKernels.onThreads(threads));
        TrainingSummary expected = plain.run(TrainingListener.NONE);
        TrainingSummary summary = fast.run(TrainingListener.NONE);
        assertEquals(expected.lastLoss(), summary.lastLoss(), 0.0);
        assertEquals(expected.testAccuracy(), summary.testAccuracy(), 0.0);
        assertSameWeights(plain.net(), fast.net(), "sigmoid on MNIST");
    }

    /** The warm-up trains a throwaway net: a run after it ends on the weights of a run without it. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void theWarmUpLeavesLaterRunsAsTheyWere(int threads) {
        TrainingConfig config = small(6).withOptimizer(OptimizerKind.ADAM).withLearningRate(0.01);
        Trainer cold = trainer(config, FastKernels.onThreads(threads));
        TrainingSummary expected = cold.run(TrainingListener.NONE);
        Trainer warm = trainer(config, FastKernels.onThreads(threads).prepareAndWarmUp(DATA));
        TrainingSummary summary = warm.run(TrainingListener.NONE);
        assertEquals(expected.lastLoss(), summary.lastLoss(), 0.0);
        assertSameWeights(cold.net(), warm.net(), "after a warm-up");
    }

    @Test
    void runsOnOneOrTwoThreads() {
        assertEquals(2, FastKernels.onThreads(2).threads());
        assertThrows(IllegalArgumentException.class, () -> FastKernels.onThreads(3));
        assertThrows(IllegalArgumentException.class, () -> FastKernels.onThreads(0));
    }

    @Test
    void aShortRunOnRealMnistLearns() {
        TrainingData mnist = SharedMnist.trainingData();
        List<Integer> epochs = new ArrayList<>();
        TrainingConfig config = TrainingConfig.book(1).withIterations(300);
        Trainer trainer = new Trainer(config.newNet(784, 10), config, mnist, FastKernels.standard().prepare(mnist));
        TrainingSummary summary = trainer.run(new TrainingListener() {
            @Override
            public void onEpoch(int epoch, int iteration, double trainAccuracy, double testAccuracy) {
                epochs.add(iteration);
            }
        });
        assertEquals(Status.COMPLETED, summary.status());
        assertEquals(List.of(0), epochs); // iteration 0 (600 iterations an epoch)
        assertTrue(summary.testAccuracy() > 0.85, "test accuracy after 300 steps: " + summary.testAccuracy());
        assertTrue(summary.trainAccuracy() > 0.85, "train accuracy after 300 steps: " + summary.trainAccuracy());
        assertEquals(summary.testAccuracy(), trainer.net().accuracy(mnist.testImages(), mnist.testLabels()), 0.0);
    }

    /**
     * The book's guarded loss never reaches NaN at a rate of 10: it leaps (2.3 → ~14) and the
     * ReLUs die. The trainer calls that a divergence too, and keeps the weights before the leap.
     */
    @Test
    void aRateOfTenOnRealMnistStopsByItselfAndKeepsTheWeightsBeforeTheLeap() {
        TrainingData mnist = SharedMnist.trainingData();
        List<Double> losses = new ArrayList<>();
        TrainingConfig config = TrainingConfig.book(1).withLearningRate(10);
        Trainer trainer = new Trainer(config.newNet(784, 10), config, mnist, FastKernels.standard());
        TrainingSummary summary = trainer.run(new TrainingListener() {
            @Override
            public void onIteration(int iteration, double loss) {
                losses.add(loss);
            }
        });
        assertEquals(Status.DIVERGED, summary.status());
        assertTrue(summary.divergedAt() < 20, "stopped at " + summary.divergedAt());
        double exploded = Math.max(3 * losses.get(0), losses.get(0) + 5);
        assertTrue(summary.badLoss() > exploded, "bad loss " + summary.badLoss());
        assertTrue(summary.divergenceMessage().startsWith("Training diverged: the loss leapt to "),
                summary.divergenceMessage());
        for (double loss : losses) {
            assertTrue(loss <= exploded, "a kept step had loss " + loss);
        }
        // the kept weights are the ones whose batch loss was the last one recorded: still sane
        assertTrue(Double.isFinite(trainer.net().loss(mnist.testImages(), mnist.testLabels())));
    }
}
