package com.backpropexplorer.explain;

/** What kind of node a stage runs, which decides its formulas and what it caches. */
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
    SOFTMAX_WITH_LOSS,
    /** The book's MulLayer, out = x·y: caches x and y; dx = dout·y, dy = dout·x (the inputs swap). */
    MUL,
    /** The book's AddLayer, out = x + y: caches nothing; dx = dy = dout (passed through). */
    ADD,
    /** exp(x), a node of Sigmoid taken apart (§5.5.2): caches out; dx = dout·out. */
    EXP,
    /** 1/x, the "/" node of Sigmoid taken apart (§5.5.2): caches out; dx = −dout·out². */
    DIV,
    /** The SGD update W ← W − η·dW of every parameter (the update stage). */
    SGD
}
