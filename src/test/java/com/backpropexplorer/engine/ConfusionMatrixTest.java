package com.backpropexplorer.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.backpropexplorer.engine.fast.FastKernels;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
    private static final TrainingData BLOBS = SyntheticData.blobs(500, 300, 8, 3, 2.5, 11);

    @Test
    void rowsAreTheTruthColumnsThePrediction() {
        int[] labels = {0, 0, 1, 1, 2, 2, 2};
        int[] predicted = {0, 1, 1, 1, 0, 2, 2};
        ConfusionMatrix m = new ConfusionMatrix(labels, predicted, 3);
        assertArrayEquals(new int[][] {{1, 1, 0}, {0, 2, 0}, {1, 0, 2}}, m.counts());
        assertEquals(5, m.correct());
        assertEquals(7, m.total());
        assertEquals(5 / 7.0, m.accuracy());
        assertArrayEquals(new int[] {4}, m.samples(2, 0));
        assertArrayEquals(new int[] {2, 3}, m.samples(1, 1));
        assertArrayEquals(new int[0], m.samples(0, 2));
        predicted[0] = 2;
        assertEquals(1, m.count(0, 0), "the predictions were copied");
        assertThrows(IllegalArgumentException.class, () -> new ConfusionMatrix(labels, new int[] {0}, 3));
        assertThrows(IllegalArgumentException.class, () -> new ConfusionMatrix(new int[] {3}, new int[] {0}, 3));
    }

    @Test
    void everyEpochAndTheSummaryCarryTheTestSetsMatrixFromTheSamePassAsTheTestAccuracy() {
        for (KernelFactory kernels : new KernelFactory[] {KernelFactory.PLAIN, FastKernels.onThreads(2)}) {
            TrainingConfig config = TrainingConfig.book(4).withHiddenSize(5).withBatchSize(25).withIterations(60)
                    .withLearningRate(0.3);
            List<Double> testAccuracies = new ArrayList<>();
            List<ConfusionMatrix> matrices = new ArrayList<>();
            Trainer trainer = new Trainer(config.newNet(8, 3), config, BLOBS, kernels);
            TrainingSummary summary = trainer.run(new TrainingListener() {
                @Override
                public void onEpoch(int epoch, int iteration, double trainAccuracy, double testAccuracy) {
                    testAccuracies.add(testAccuracy);
                }

                @Override
                public void onConfusion(int epoch, int iteration, ConfusionMatrix confusion) {
                    matrices.add(confusion);
                }
            });
            assertEquals(testAccuracies.size(), matrices.size());
            for (int i = 0; i < matrices.size(); i++) {
                assertEquals(testAccuracies.get(i) * BLOBS.testSize(), matrices.get(i).correct(), 1e-9);
                assertEquals(BLOBS.testSize(), matrices.get(i).total());
            }
            ConfusionMatrix last = summary.confusion();
            assertNotNull(last);
            assertEquals(summary.testAccuracy() * BLOBS.testSize(), last.correct(), 1e-9);
            // the reference: the book's predict on every test row
            int[] predicted = Accuracy.predictions(trainer.net(), BLOBS.testImages(), () -> false);
            assertArrayEquals(new ConfusionMatrix(BLOBS.testLabels(), predicted, 3).counts(), last.counts());
        }
    }

    @Test
    void aCancelledRunHasNoMatrix() {
        TrainingConfig config = TrainingConfig.book(4).withHiddenSize(5).withBatchSize(25).withIterations(60);
        Trainer trainer = new Trainer(config, BLOBS);
        trainer.cancel();
        assertNull(trainer.run(TrainingListener.NONE).confusion());
    }
}
