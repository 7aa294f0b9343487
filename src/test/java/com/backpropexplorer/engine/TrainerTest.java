package com.backpropexplorer.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.engine.TrainingSummary.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class TrainerTest {
    private static final TrainingData BLOBS = SyntheticData.blobs(500, 200, 8, 3, 1.0, 7);

    private static TrainingConfig small(long seed) {
        return TrainingConfig.book(seed).withHiddenSize(6).withBatchSize(20).withIterations(300).withLearningRate(0.5);
    }

    /** Records every callback. */
    private static final class Recorder implements TrainingListener {
        final List<Integer> iterations = new ArrayList<>();
        final List<Double> losses = new ArrayList<>();
        final List<int[]> epochs = new ArrayList<>();
        final List<double[]> accuracies = new ArrayList<>();
        TrainingSummary finished;

        @Override
        public void onIteration(int iteration, double loss) {
            iterations.add(iteration);
            losses.add(loss);
        }

        @Override
        public void onEpoch(int epoch, int iteration, double trainAccuracy, double testAccuracy) {
            epochs.add(new int[] {epoch, iteration});
            accuracies.add(new double[] {trainAccuracy, testAccuracy});
        }

        @Override
        public void onFinish(TrainingSummary summary) {
            finished = summary;
        }
    }

    @Test
    void learnsTheBlobsAndReportsEveryIterationAndEpoch() {
        Recorder recorder = new Recorder();
        Trainer trainer = new Trainer(small(1), BLOBS);
        TrainingSummary summary = trainer.run(recorder);

        assertEquals(Status.COMPLETED, summary.status());
        assertEquals(300, summary.steps());
        assertEquals(300, recorder.iterations.size());
        assertEquals(299, recorder.iterations.get(299));
        // 500 / 20 = 25 iterations an epoch; epochs at 0, 25, ..., 275 like the book's i % iter_per_epoch == 0
        assertEquals(12, recorder.epochs.size());
        assertArrayEquals(new int[] {3, 75}, recorder.epochs.get(3));
        assertTrue(summary.testAccuracy() > 0.95, "test accuracy " + summary.testAccuracy());
        assertEquals(summary.testAccuracy(), Accuracy.of(trainer.net(), BLOBS.testImages(), BLOBS.testLabels()));
        double firstLosses = recorder.losses.subList(0, 10).stream().mapToDouble(d -> d).average().orElseThrow();
        double lastLosses = recorder.losses.subList(290, 300).stream().mapToDouble(d -> d).average().orElseThrow();
        assertTrue(lastLosses < firstLosses / 5, firstLosses + " -> " + lastLosses);
        assertTrue(summary.trainingSeconds() > 0 && summary.stepsPerSecond() > 0);
        assertEquals(summary, recorder.finished);
    }

    @Test
    void theSameSeedGivesTheSameWeightsBitForBit() {
        for (OptimizerKind kind : OptimizerKind.values()) {
            TrainingConfig config = small(42).withOptimizer(kind).withLearningRate(kind.defaultLearningRate());
            Trainer a = new Trainer(config, BLOBS);
            Trainer b = new Trainer(config, BLOBS);
            a.run(TrainingListener.NONE);
            b.run(TrainingListener.NONE);
            for (String name : TwoLayerNet.PARAM_NAMES) {
                assertArrayEquals(a.net().params().get(name).data, b.net().params().get(name).data, 0.0, kind + " " + name);
            }
        }
    }

    @Test
    void anotherSeedGivesOtherWeights() {
        Trainer a = new Trainer(small(1), BLOBS);
        Trainer b = new Trainer(small(2), BLOBS);
        a.run(TrainingListener.NONE);
        b.run(TrainingListener.NONE);
        assertFalse(java.util.Arrays.equals(a.net().params().get("W1").data, b.net().params().get("W1").data));
    }

    @Test
    void matchesTheBooksLoopWrittenOut() {
        // the same steps by hand: same net seed, same batch draws, net.gradient and W -= lr·g
        TrainingConfig config = small(3).withIterations(40);
        Trainer trainer = new Trainer(config, BLOBS);
        trainer.run(TrainingListener.NONE);

        TwoLayerNet net = config.newNet(BLOBS.inputSize(), BLOBS.classCount());
        java.util.SplittableRandom random = new java.util.SplittableRandom(config.seed());
        int[] rows = new int[config.batchSize()];
        for (int iter = 0; iter < config.iterations(); iter++) {
            for (int i = 0; i < rows.length; i++) {
                rows[i] = random.nextInt(BLOBS.trainSize());
            }
            DMatrixRMaj x = new DMatrixRMaj(rows.length, BLOBS.inputSize());
            int[] t = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(BLOBS.trainImages().data, rows[i] * x.numCols, x.data, i * x.numCols, x.numCols);
                t[i] = BLOBS.trainLabels()[rows[i]];
            }
            var grads = net.gradient(x, t);
            for (String name : TwoLayerNet.PARAM_NAMES) {
                DMatrixRMaj p = net.params().get(name);
                for (int k = 0; k < p.data.length; k++) {
                    p.data[k] -= config.learningRate() * grads.get(name).data[k];
                }
            }
        }
        for (String name : TwoLayerNet.PARAM_NAMES) {
            assertArrayEquals(net.params().get(name).data, trainer.net().params().get(name).data, 0.0, name);
        }
    }

    @Test
    void cancelStopsBeforeTheNextIteration() {
        Trainer trainer = new Trainer(small(1).withIterations(1_000_000), BLOBS);
        TrainingSummary summary = trainer.run(new TrainingListener() {
            @Override
            public void onIteration(int iteration, double loss) {
                if (iteration == 49) {
                    trainer.cancel();
                }
            }
        });
        assertEquals(Status.CANCELLED, summary.status());
        assertEquals(50, summary.steps());
        assertTrue(Double.isNaN(summary.testAccuracy()));
    }

    @Test
    void cancelFromAnotherThreadEndsPromptly() throws Exception {
        TrainingData big = SyntheticData.blobs(20_000, 20_000, 100, 10, 1.0, 3);
        Trainer trainer = new Trainer(TrainingConfig.book(1).withHiddenSize(50).withIterations(Integer.MAX_VALUE), big);
        CountDownLatch running = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<TrainingSummary> result = pool.submit(() -> trainer.run(new TrainingListener() {
                @Override
                public void onIteration(int iteration, double loss) {
                    running.countDown();
                }
            }));
            assertTrue(running.await(10, TimeUnit.SECONDS));
            long start = System.nanoTime();
            trainer.cancel();
            TrainingSummary summary = result.get(5, TimeUnit.SECONDS);
            assertEquals(Status.CANCELLED, summary.status());
            assertTrue(System.nanoTime() - start < 2_000_000_000L, "cancel took too long");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void interruptingTheTrainingThreadCancels() throws Exception {
        Trainer trainer = new Trainer(small(1).withIterations(Integer.MAX_VALUE), BLOBS);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch running = new CountDownLatch(1);
        Future<TrainingSummary> result = pool.submit(() -> trainer.run(new TrainingListener() {
            @Override
            public void onIteration(int iteration, double loss) {
                running.countDown();
            }
        }));
        assertTrue(running.await(10, TimeUnit.SECONDS));
        pool.shutdownNow(); // interrupts the worker
        assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
        assertEquals(Status.CANCELLED, result.get().status());
    }

    @Test
    void cancelDuringAnAccuracyPassStopsIt() {
        // a cancel arriving in onIteration of an epoch iteration is seen inside the accuracy pass
        AtomicInteger epochs = new AtomicInteger();
        Trainer trainer = new Trainer(small(1), BLOBS);
        TrainingSummary summary = trainer.run(new TrainingListener() {
            @Override
            public void onIteration(int iteration, double loss) {
                if (iteration == 25) {
                    trainer.cancel();
                }
            }

            @Override
            public void onEpoch(int epoch, int iteration, double trainAccuracy, double testAccuracy) {
                epochs.incrementAndGet();
            }
        });
        assertEquals(Status.CANCELLED, summary.status());
        assertEquals(1, epochs.get()); // iteration 0's; iteration 25's pass was cut short
    }

    @Test
    void pauseWaitsAndResumeContinues() throws Exception {
        Trainer trainer = new Trainer(small(1).withIterations(200), BLOBS);
        CountDownLatch paused = new CountDownLatch(1);
        AtomicInteger lastIteration = new AtomicInteger(-1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<TrainingSummary> result = pool.submit(() -> trainer.run(new TrainingListener() {
                @Override
                public void onIteration(int iteration, double loss) {
                    lastIteration.set(iteration);
                    if (iteration == 10) {
                        trainer.pause();
                        paused.countDown();
                    }
                }
            }));
            assertTrue(paused.await(10, TimeUnit.SECONDS));
            Thread.sleep(200);
            assertEquals(10, lastIteration.get());
            assertTrue(trainer.isPaused());
            assertFalse(result.isDone());
            trainer.resume();
            TrainingSummary summary = result.get(10, TimeUnit.SECONDS);
            assertEquals(Status.COMPLETED, summary.status());
            assertEquals(200, summary.steps());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void cancelWakesAPausedRun() throws Exception {
        Trainer trainer = new Trainer(small(1), BLOBS);
        trainer.pause();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<TrainingSummary> result = pool.submit(() -> trainer.run(TrainingListener.NONE));
            Thread.sleep(100);
            assertFalse(result.isDone());
            trainer.cancel();
            TrainingSummary summary = result.get(5, TimeUnit.SECONDS);
            assertEquals(Status.CANCELLED, summary.status());
            assertEquals(0, summary.steps());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A NaN loss needs scores that overflow: the book's loss is guarded (−log(y + 1e−7) ≤ 16.2)
     * and its gradient bounded, so a rate of 10 kills the ReLUs (loss stuck at ln 10) rather than
     * overflowing. An absurd rate overflows within a few steps.
     */
    @Test
    void anOverflowingRunStopsAtTheFirstNonFiniteLossAndKeepsTheLastFiniteWeights() {
        TrainingConfig config = small(1).withLearningRate(1e120).withIterations(10_000);
        Recorder recorder = new Recorder();
        Trainer trainer = new Trainer(config, BLOBS);
        TrainingSummary summary = trainer.run(recorder);

        assertEquals(Status.DIVERGED, summary.status());
        assertTrue(summary.divergedAt() > 0 && summary.divergedAt() < 10, "diverged at " + summary.divergedAt());
        assertEquals(summary.divergedAt() - 1, summary.steps());
        assertEquals(summary.divergedAt(), recorder.iterations.size()); // no callback for the bad step
        for (DMatrixRMaj p : trainer.net().params().values()) {
            assertTrue(Matrices.allFinite(p), "a parameter is not finite after divergence");
        }
        assertTrue(Double.isFinite(summary.lastLoss()));
        assertEquals(recorder.losses.get(recorder.losses.size() - 1), summary.lastLoss());
        // the kept weights are those the last finite loss was computed on
        assertTrue(Double.isFinite(trainer.net().loss(BLOBS.trainImages(), BLOBS.trainLabels())));
        assertTrue(summary.divergenceMessage().contains("lower the learning rate"), summary.divergenceMessage());

        // and the learner can continue from there with a sane rate
        TrainingConfig calmer = config.withLearningRate(0.5).withIterations(300);
        TrainingSummary resumed = new Trainer(trainer.net(), calmer, BLOBS, KernelFactory.PLAIN)
                .run(TrainingListener.NONE);
        assertEquals(Status.COMPLETED, resumed.status());
    }

    @Test
    void aTrainerRunsOnce() {
        Trainer trainer = new Trainer(small(1).withIterations(1), BLOBS);
        trainer.run(TrainingListener.NONE);
        assertThrows(IllegalStateException.class, () -> trainer.run(TrainingListener.NONE));
    }

    @Test
    void aPluggedInKernelIsUsed() {
        AtomicInteger losses = new AtomicInteger();
        AtomicInteger updates = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        KernelFactory counting = (net, optimizer, data) -> {
            TrainingKernel plain = KernelFactory.PLAIN.create(net, optimizer, data);
            return new TrainingKernel() {
                @Override
                public double loss(Minibatch batch) {
                    losses.incrementAndGet();
                    return plain.loss(batch);
                }

                @Override
                public void update() {
                    updates.incrementAndGet();
                    plain.update();
                }

                @Override
                public void undoLastUpdate() {
                    plain.undoLastUpdate();
                }

                @Override
                public double trainAccuracy(java.util.function.BooleanSupplier stop) {
                    return plain.trainAccuracy(stop);
                }

                @Override
                public double testAccuracy(java.util.function.BooleanSupplier stop) {
                    return plain.testAccuracy(stop);
                }

                @Override
                public void close() {
                    closed.incrementAndGet();
                }
            };
        };
        TrainingConfig config = small(1).withIterations(17);
        new Trainer(config.newNet(8, 3), config, BLOBS, counting).run(TrainingListener.NONE);
        assertEquals(17, losses.get());
        assertEquals(17, updates.get());
        assertEquals(1, closed.get(), "the kernel is closed when the run ends");
    }

    @Test
    void zeroIterationsStillReportTheAccuracyOfTheInitialWeights() {
        Trainer trainer = new Trainer(small(1).withIterations(0), BLOBS);
        TrainingSummary summary = trainer.run(TrainingListener.NONE);
        assertEquals(Status.COMPLETED, summary.status());
        assertEquals(0, summary.steps());
        assertEquals(Accuracy.of(trainer.net(), BLOBS.testImages(), BLOBS.testLabels()), summary.testAccuracy());
    }

    @Test
    void theBooksEpochLength() {
        assertEquals(600, TrainingConfig.book(0).iterationsPerEpoch(60_000));
        assertEquals(1, TrainingConfig.book(0).iterationsPerEpoch(50));
    }

    @Test
    void theExplosionThresholdIsThreeTimesTheFirstLossAndAtLeastFiveAboveIt() {
        assertEquals(7.3, DivergenceGuard.explodedLoss(2.3), 1e-12); // an untrained 10-class net: ln 10 ≈ 2.3
        assertEquals(30.0, DivergenceGuard.explodedLoss(10.0), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, DivergenceGuard.explodedLoss(Double.NaN));
    }
}
