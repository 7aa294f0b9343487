package com.backpropexplorer.explain;

/** What kind of node a layer is, which decides its formulas and what it caches. */
public enum LayerKind {
    /** x·W (simpleNet): caches x; dx = dout·Wᵀ, dW = xᵀ·dout. */
    MATMUL,
    /** x·W + b: caches x; dx = dout·Wᵀ, dW = xᵀ·dout, db = Σ dout. */
    AFFINE,
    /** max(0, x): caches mask = (x ≤ 0); dx = dout where x &gt; 0. */
    RELU,
    /** 1/(1+exp(−x)): caches out; dx = dout·(1 − out)·out. */
    SIGMOID,
    /** softmax + cross-entropy: caches y, t, loss; dx = (y − t)/N. */
    SOFTMAX_WITH_LOSS
}
