package com.backpropexplorer.engine;

/** The hidden layer's activation: ReLU (the book's ch. 5 net) or sigmoid (its ch. 4 net). */
public enum Activation {
    RELU("Relu1"),
    SIGMOID("Sigmoid1");

    private final String layerName;

    Activation(String layerName) {
        this.layerName = layerName;
    }

    /** The layer's name in {@code TwoLayerNet.layers}. */
    public String layerName() {
        return layerName;
    }

    Layer newLayer() {
        return this == RELU ? new Relu(layerName) : new Sigmoid(layerName);
    }

    /** Parses "relu" or "sigmoid", case-insensitively. */
    public static Activation parse(String text) {
        for (Activation a : values()) {
            if (a.name().equalsIgnoreCase(text.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + text + "': use relu or sigmoid");
    }
}
