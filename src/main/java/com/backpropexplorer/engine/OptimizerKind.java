package com.backpropexplorer.engine;

import java.util.Locale;

/** The optimizers a training run can use: the book's SGD, and Momentum, AdaGrad and Adam from its ch. 6. */
public enum OptimizerKind {
    SGD(Sgd.DEFAULT_LEARNING_RATE),
    MOMENTUM(Momentum.DEFAULT_LEARNING_RATE),
    ADAGRAD(AdaGrad.DEFAULT_LEARNING_RATE),
    ADAM(Adam.DEFAULT_LEARNING_RATE);

    private final double defaultLearningRate;

    OptimizerKind(double defaultLearningRate) {
        this.defaultLearningRate = defaultLearningRate;
    }

    /**
     * The learning rate the book pairs with this optimizer: 0.1 for SGD on TwoLayerNet (ch. 5),
     * the {@code common/optimizer.py} defaults 0.01 for Momentum and AdaGrad and 0.001 for Adam.
     * (Figure 6-9's comparison, {@code optimizer_compare_mnist.py}, uses SGD 0.01 and these for the others.)
     */
    public double defaultLearningRate() {
        return defaultLearningRate;
    }

    /** A fresh optimizer (with empty state) stepping at the given learning rate. */
    public Optimizer create(double learningRate) {
        return switch (this) {
            case SGD -> new Sgd(learningRate);
            case MOMENTUM -> new Momentum(learningRate, Momentum.DEFAULT_MOMENTUM);
            case ADAGRAD -> new AdaGrad(learningRate);
            case ADAM -> new Adam(learningRate, Adam.DEFAULT_BETA1, Adam.DEFAULT_BETA2);
        };
    }

    /** "sgd", "momentum", "adagrad" or "adam", as on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "sgd", "momentum", "adagrad" or "adam", case-insensitively. */
    public static OptimizerKind parse(String text) {
        for (OptimizerKind kind : values()) {
            if (kind.id().equalsIgnoreCase(text.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown optimizer '" + text + "': use sgd, momentum, adagrad or adam");
    }
}
