package com.backpropexplorer.ui.lesson;

import java.util.List;

/**
 * A refused "step backward": backward was asked for while the layers it would read from had
 * not run forward yet. The engine's side is kept as its parts, not its English sentence, so the
 * window can say it in its own language.
 *
 * @param emptyLayers the layers whose caches are still empty, in forward order (to highlight)
 * @param firstEmptyLayer the layer the engine refused backward in, the one backward would start
 *     with (EmptyCacheException.layer), e.g. SoftmaxWithLoss
 * @param emptyCache the cache entry it found empty (EmptyCacheException.cacheName), e.g. y
 */
public record Refusal(List<String> emptyLayers, String firstEmptyLayer, String emptyCache) {
    public Refusal {
        emptyLayers = List.copyOf(emptyLayers);
    }
}
