package com.backpropexplorer.ui.graph.layout;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The height of every slot: each moves towards the mean height of its neighbours, back and
 * forth, ending left to right (a product between its two factors, the sum between the two
 * products, as the book draws them), never closer to the next slot of its layer than both their
 * reach allows.
 */
final class Heights {
    private static final int ROUNDS = 6;

    private final Layering layering;
    private final Bands bands;
    private final Spacing spacing;
    private final Map<String, Double> y = new HashMap<>();

    private Heights(Layering layering, Bands bands, Spacing spacing) {
        this.layering = layering;
        this.bands = bands;
        this.spacing = spacing;
    }

    /** Each slot's height (node ids and dummies), top at about 0. */
    static Map<String, Double> of(Layering layering, Bands bands, Spacing spacing) {
        Heights h = new Heights(layering, bands, spacing);
        h.align();
        return h.y;
    }

    private void align() {
        List<List<String>> slots = layering.slots();
        for (List<String> layerSlots : slots) {
            double at = 0;
            for (int i = 0; i < layerSlots.size(); i++) {
                if (i > 0) {
                    at += gapBetween(layerSlots.get(i - 1), layerSlots.get(i));
                }
                y.put(layerSlots.get(i), at);
            }
        }
        for (int round = 0; round < ROUNDS; round++) {
            for (int k = slots.size() - 2; k >= 0; k--) {
                settle(k, false);
            }
            for (int k = 1; k < slots.size(); k++) {
                settle(k, true);
            }
        }
    }

    private double gapBetween(String upper, String lower) {
        return bands.below(!layering.isDummy(upper), spacing) + spacing.rowGap()
                + bands.above(!layering.isDummy(lower), spacing);
    }

    /**
     * Moves each slot of layer k to the mean height of its neighbours in the layer before (or
     * after), as near as the minimum gaps allow: the least-squares placement under the order's
     * constraints, by pooling adjacent violators.
     */
    private void settle(int k, boolean fromLeft) {
        List<String> layerSlots = layering.slots().get(k);
        int n = layerSlots.size();
        double[] want = new double[n];
        for (int i = 0; i < n; i++) {
            String s = layerSlots.get(i);
            List<String> neighbours = layering.neighbours(s, fromLeft);
            double sum = 0;
            for (String other : neighbours) {
                sum += y.get(other);
            }
            want[i] = neighbours.isEmpty() ? y.get(s) : sum / neighbours.size();
        }
        // shift away the gaps: z_i = y_i − offset_i must be non-decreasing
        double[] offset = new double[n];
        for (int i = 1; i < n; i++) {
            offset[i] = offset[i - 1] + gapBetween(layerSlots.get(i - 1), layerSlots.get(i));
        }
        double[] value = new double[n];
        int[] size = new int[n];
        int blocks = 0;
        for (int i = 0; i < n; i++) {
            value[blocks] = want[i] - offset[i];
            size[blocks] = 1;
            blocks++;
            while (blocks > 1 && value[blocks - 2] > value[blocks - 1]) {
                int merged = size[blocks - 2] + size[blocks - 1];
                value[blocks - 2] = (value[blocks - 2] * size[blocks - 2] + value[blocks - 1] * size[blocks - 1])
                        / merged;
                size[blocks - 2] = merged;
                blocks--;
            }
        }
        int i = 0;
        for (int b = 0; b < blocks; b++) {
            for (int j = 0; j < size[b]; j++, i++) {
                y.put(layerSlots.get(i), value[b] + offset[i]);
            }
        }
    }
}
