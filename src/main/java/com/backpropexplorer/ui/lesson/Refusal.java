package com.backpropexplorer.ui.lesson;

import java.util.List;

/**
 * A refused "step backward": backward was asked for while the layers it would read from had
 * not run forward yet.
 *
 * @param emptyLayers the layers whose caches are still empty, in forward order (to highlight)
 * @param engineMessage what the engine itself says, e.g. "SoftmaxWithLoss has no cached output
 *     y and labels t: run forward (loss) before backward"
 * @param firstEmptyLayer the layer backward would start with and fail on
 */
public record Refusal(List<String> emptyLayers, String engineMessage, String firstEmptyLayer) {
    public Refusal {
        emptyLayers = List.copyOf(emptyLayers);
    }
}
