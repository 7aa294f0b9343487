package com.backpropexplorer.engine;

/**
 * Backward was asked of a layer whose forward never ran: the values backward reads are not
 * there. This is exactly why the book's {@code gradient()} calls {@code loss()} first.
 */
public final class EmptyCacheException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final String layer;
    private final String cacheName;

    public EmptyCacheException(String layer, String cacheName, String what) {
        super(layer + " has no cached " + what + ": run forward (loss) before backward");
        this.layer = layer;
        this.cacheName = cacheName;
    }

    /** The layer whose cache is empty, e.g. {@code Affine1}. */
    public String layer() {
        return layer;
    }

    /** The name of the empty cache entry, e.g. {@code x} or {@code mask}. */
    public String cacheName() {
        return cacheName;
    }
}
