package com.backpropexplorer.explain.bugs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.data.MnistDataset;
import com.backpropexplorer.data.SharedMnist;
import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.GradientCheck;
import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.explain.Gradcheck;
import com.backpropexplorer.explain.GradcheckResult;
import com.backpropexplorer.explain.LocalNumericalGradient;
import java.util.Locale;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Every planted bug is caught by the gradient check on the first 3 MNIST training images; the clean net is not. */
class PlantedBugTest {

    private static Map<String, Double> check(PlantedBug bug, TwoLayerNet net, DMatrixRMaj x, int[] labels) {
        Map<String, DMatrixRMaj> backprop = bug == null ? net.gradient(x, labels) : bug.gradient(net, x, labels);
        return GradientCheck.compare(backprop, LocalNumericalGradient.of(net, x, labels)).meanAbsDiff();
    }

    private static double worst(Map<String, Double> diffs) {
        return diffs.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    @Test
    void everyBugIsCaughtOnTheFirstThreeMnistTrainingImages() {
        MnistDataset batch = SharedMnist.get().train().head(3);
        for (Activation activation : Activation.values()) {
            TwoLayerNet net = new TwoLayerNet(784, 50, 10, 0.01, activation, 0);
            double clean = worst(check(null, net, batch.images(), batch.labels()));
            assertTrue(clean < 1e-6, activation + " net without a bug: " + clean);
        }
        for (PlantedBug bug : PlantedBug.values()) {
            TwoLayerNet net = BugLab.netFor(bug, 0);
            Map<String, Double> diffs = check(bug, net, batch.images(), batch.labels());
            assertTrue(worst(diffs) > 1e-4, bug.id() + " must be caught: " + diffs);
            GradcheckResult lab = BugLab.check(bug, net, batch.images(), batch.labels(), Gradcheck.Method.LOCAL,
                    LocalNumericalGradient.Monitor.NONE);
            assertTrue(BugLab.caught(lab), bug.id());
            assertEquals(diffs, lab.meanAbsDiff(), "the lab's check is the gradient check");
            assertTrue(lab.relative().get("W1").maxAbs() >= 0, "heatmaps of relative errors come with it");
        }
    }

    @Test
    void bugsAreCaughtOnAnyBatchOfSeveralSamples() {
        DMatrixRMaj x = new DMatrixRMaj(4, 20);
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = random.nextDouble() < 0.3 ? random.nextDouble() : 0;
        }
        int[] labels = {1, 0, 2, 1};
        for (PlantedBug bug : PlantedBug.values()) {
            TwoLayerNet net = new TwoLayerNet(20, 8, 3, 0.5, bug.net(), 4);
            assertTrue(worst(check(bug, net, x, labels)) > 1e-4, bug.id());
            assertTrue(worst(check(null, net, x, labels)) < 1e-6);
        }
    }

    @Test
    void aBugChangesOnlyBackwardAndLeavesTheNetAlone() {
        TwoLayerNet net = new TwoLayerNet(6, 4, 3, 0.5, Activation.RELU, 1);
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 0, 0.5, 0, 0.2, 0}, {0, 1, 0, 0.3, 0, 0.9}});
        int[] labels = {2, 0};
        double[] before = net.params().get("W1").data.clone();
        Map<String, DMatrixRMaj> right = net.gradient(x, labels);
        Map<String, DMatrixRMaj> wrong = PlantedBug.BUG_A.gradient(net, x, labels);
        assertArrayEquals(before, net.params().get("W1").data, 0.0, "the bug is planted in a copy");
        assertArrayEquals(right.get("W1").data, wrong.get("W1").data, 1e-15, "only db is wrong");
        // db2 is the first sample's share alone: its (y − t) divided by the batch's N = 2
        DMatrixRMaj first = new DMatrixRMaj(1, 6, true, java.util.Arrays.copyOf(x.data, 6));
        double[] alone = net.gradient(first, new int[] {2}).get("b2").data;
        for (int j = 0; j < 3; j++) {
            assertEquals(alone[j] / 2, wrong.get("b2").get(0, j), 1e-15);
        }
        assertFalse(java.util.Arrays.equals(right.get("b1").data, wrong.get("b1").data));
        assertThrows(IllegalArgumentException.class, () -> PlantedBug.BUG_D.gradient(net, x, labels),
                "the Sigmoid bug needs a Sigmoid net");
    }

    @Test
    void namesAreNeutralAndTheRevealSaysItAll() {
        assertEquals("bug-a, bug-b, bug-c, bug-d, bug-e", PlantedBug.ids());
        assertEquals(PlantedBug.BUG_C, PlantedBug.parse("bug-c"));
        assertEquals(PlantedBug.BUG_C, PlantedBug.parse("C"));
        assertThrows(IllegalArgumentException.class, () -> PlantedBug.parse("bug-z"));
        for (PlantedBug bug : PlantedBug.values()) {
            assertFalse(bug.id().contains(bug.layerClass().toLowerCase(Locale.ROOT)));
            assertNotEquals(bug.wrongLine(), bug.rightLine());
            for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.JAPANESE}) {
                assertFalse(bug.reveal(locale).startsWith("!"), bug.id());
                assertTrue(bug.reveal(locale).contains(bug.layerClass()), bug.id());
            }
            assertEquals("bug " + bug.name().substring(4), bug.label(Locale.ENGLISH));
        }
        assertEquals(1, java.util.Arrays.stream(PlantedBug.values()).filter(b -> b.net() == Activation.SIGMOID).count());
    }
}
