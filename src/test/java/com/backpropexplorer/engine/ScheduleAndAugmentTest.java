package com.backpropexplorer.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.engine.fast.FastKernels;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class ScheduleAndAugmentTest {
    private static final TrainingData BLOBS = SyntheticData.blobs(400, 100, 8, 3, 1.0, 5);

    @Test
    void theSchedulesFactors() {
        assertEquals(1, LearningRateSchedule.CONSTANT.factor(900, 1000));
        assertEquals(1, LearningRateSchedule.STEP.factor(499, 1000));
        assertEquals(0.1, LearningRateSchedule.STEP.factor(500, 1000));
        assertEquals(0.01, LearningRateSchedule.STEP.factor(750, 1000));
        assertEquals(1, LearningRateSchedule.COSINE.factor(0, 1000));
        assertEquals(0.5, LearningRateSchedule.COSINE.factor(500, 1000), 1e-15);
        assertEquals(0.5 * (1 + Math.cos(Math.PI * 0.999)), LearningRateSchedule.COSINE.factor(999, 1000), 1e-15);
        assertEquals(LearningRateSchedule.COSINE, LearningRateSchedule.parse(" Cosine"));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.parse("exp"));
    }

    @Test
    void aScaledStepOfSgdAdaGradAndAdamIsTheRuleAtTheScaledRate() {
        for (OptimizerKind kind : new OptimizerKind[] {OptimizerKind.SGD, OptimizerKind.ADAGRAD, OptimizerKind.ADAM}) {
            ScheduledOptimizer scheduled = new ScheduledOptimizer(kind.create(0.2));
            Optimizer reference = kind.create(0.2 * 0.3);
            DMatrixRMaj[] a = {new DMatrixRMaj(new double[][] {{1, -2, 3}})};
            DMatrixRMaj[] b = {a[0].copy()};
            DMatrixRMaj[] g = {new DMatrixRMaj(new double[][] {{0.5, 0.25, -1}})};
            scheduled.setFactor(0.3);
            scheduled.update(a, g);
            reference.update(b, g);
            assertArrayEquals(b[0].data, a[0].data, 1e-12, kind.id());
            assertEquals(0.06, scheduled.learningRate(), 1e-15);
        }
    }

    @Test
    void aScheduleChangesTheRunAndIsReproducible() {
        TrainingConfig config = TrainingConfig.book(3).withHiddenSize(6).withBatchSize(20).withIterations(100)
                .withLearningRate(0.5);
        double[] constant = run(config, LearningRateSchedule.CONSTANT, null, KernelFactory.PLAIN);
        double[] cosine = run(config, LearningRateSchedule.COSINE, null, KernelFactory.PLAIN);
        assertFalse(Arrays.equals(constant, cosine));
        assertArrayEquals(cosine, run(config, LearningRateSchedule.COSINE, null, KernelFactory.PLAIN));
        assertArrayEquals(cosine, run(config, LearningRateSchedule.COSINE, null, FastKernels.onThreads(1)), 1e-12);
    }

    @Test
    void augmentationHasRandomNumbersOfItsOwnSoTheMinibatchesStayTheSame() {
        TrainingConfig config = TrainingConfig.book(3).withHiddenSize(6).withBatchSize(20).withIterations(50)
                .withLearningRate(0.5);
        AtomicInteger calls = new AtomicInteger();
        BatchAugmenter drawsButChangesNothing = (x, random) -> {
            random.nextDouble();
            calls.incrementAndGet();
        };
        for (KernelFactory kernels : new KernelFactory[] {KernelFactory.PLAIN, FastKernels.onThreads(2)}) {
            double[] plain = run(config, LearningRateSchedule.CONSTANT, null, kernels);
            assertArrayEquals(plain, run(config, LearningRateSchedule.CONSTANT, drawsButChangesNothing, kernels));
        }
        assertEquals(100, calls.get(), "once per minibatch");
        BatchAugmenter zeroFirstFeature = (x, random) -> {
            for (int r = 0; r < x.numRows; r++) {
                x.set(r, 0, 0);
            }
        };
        TrainingConfig sharp = config.withWeightInitStd(0.5);
        double[] trained = run(sharp, LearningRateSchedule.CONSTANT, zeroFirstFeature, KernelFactory.PLAIN);
        double[] untouched = sharp.newNet(8, 3).params().get("W1").data;
        for (int h = 0; h < 6; h++) {
            assertEquals(untouched[h], trained[h], "input 0 is always 0 in training, so its W1 row never moves");
        }
    }

    @Test
    void optionsAreSetBeforeTheRun() {
        Trainer trainer = new Trainer(TrainingConfig.book(1).withHiddenSize(3).withIterations(1), BLOBS);
        trainer.run(TrainingListener.NONE);
        assertThrows(IllegalStateException.class, () -> trainer.schedule(LearningRateSchedule.STEP));
    }

    private static double[] run(TrainingConfig config, LearningRateSchedule schedule, BatchAugmenter augmenter,
                                KernelFactory kernels) {
        Trainer trainer = new Trainer(config.newNet(8, 3), config, BLOBS, kernels).schedule(schedule)
                .augmentWith(augmenter);
        assertTrue(trainer.run(TrainingListener.NONE).status() == TrainingSummary.Status.COMPLETED);
        return trainer.net().params().get("W1").data.clone();
    }
}
