package com.backpropexplorer.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * The book's {@code TwoLayerNet} (§5.7.1): {@code x → Affine1 → Relu1 → Affine2 →
 * SoftmaxWithLoss}. Parameters W1 (in×hidden), b1 (1×hidden), W2 (hidden×out), b2 (1×out),
 * initialised as {@code weightInitStd · randn} and zeros. The layers are an ordered map, the
 * loss layer is {@code lastLayer}, exactly as in the book.
 *
 * <p>Not thread-safe: one thread owns a net (see the threading rule in DESIGN.md).
 */
public final class TwoLayerNet {
    /** The parameter names, in the book's order. */
    public static final List<String> PARAM_NAMES = List.of("W1", "b1", "W2", "b2");

    private final Map<String, DMatrixRMaj> params = new LinkedHashMap<>();
    private final Map<String, Layer> layers = new LinkedHashMap<>();
    private final SoftmaxWithLoss lastLayer = new SoftmaxWithLoss();
    private final Activation activation;

    /** The book's constructor: ReLU, weights from an unseeded generator. */
    public TwoLayerNet(int inputSize, int hiddenSize, int outputSize, double weightInitStd) {
        this(inputSize, hiddenSize, outputSize, weightInitStd, Activation.RELU, new Random());
    }

    /** A reproducible net: the same seed gives the same weights, bit for bit. */
    public TwoLayerNet(int inputSize, int hiddenSize, int outputSize, double weightInitStd,
                       Activation activation, long seed) {
        this(inputSize, hiddenSize, outputSize, weightInitStd, activation, new Random(seed));
    }

    /**
     * A reproducible net whose initial weights follow {@code init} (book §6.2): W1's standard
     * deviation from its n = inputSize, W2's from n = hiddenSize. A fixed std gives the same
     * weights as the constructor that takes the number.
     */
    public TwoLayerNet(int inputSize, int hiddenSize, int outputSize, WeightInit init, Activation activation,
                       long seed) {
        this(inputSize, hiddenSize, outputSize, init, activation, new Random(seed));
    }

    private TwoLayerNet(int inputSize, int hiddenSize, int outputSize, double weightInitStd,
                        Activation activation, Random random) {
        this(inputSize, hiddenSize, outputSize, WeightInit.fixed(weightInitStd), activation, random);
    }

    private TwoLayerNet(int inputSize, int hiddenSize, int outputSize, WeightInit init,
                        Activation activation, Random random) {
        this(gaussian(inputSize, hiddenSize, init.std(inputSize), random), new DMatrixRMaj(1, hiddenSize),
                gaussian(hiddenSize, outputSize, init.std(hiddenSize), random), new DMatrixRMaj(1, outputSize),
                activation);
    }

    /** A net with the given parameters (copied). */
    public TwoLayerNet(DMatrixRMaj w1, DMatrixRMaj b1, DMatrixRMaj w2, DMatrixRMaj b2, Activation activation) {
        if (w1.numCols != w2.numRows) {
            throw new IllegalArgumentException("W1 is " + Matrices.shape(w1) + " but W2 is " + Matrices.shape(w2));
        }
        this.activation = activation;
        params.put("W1", w1.copy());
        params.put("b1", b1.copy());
        params.put("W2", w2.copy());
        params.put("b2", b2.copy());
        layers.put("Affine1", new Affine("Affine1", params.get("W1"), params.get("b1")));
        layers.put(activation.layerName(), activation.newLayer());
        layers.put("Affine2", new Affine("Affine2", params.get("W2"), params.get("b2")));
    }

    /** A net built from named parameters W1, b1, W2, b2 (as read from a model file). */
    public static TwoLayerNet fromParams(Map<String, DMatrixRMaj> named, Activation activation) {
        for (String name : PARAM_NAMES) {
            if (!named.containsKey(name)) {
                throw new IllegalArgumentException("the model has no " + name);
            }
        }
        return new TwoLayerNet(named.get("W1"), named.get("b1"), named.get("W2"), named.get("b2"), activation);
    }

    private static DMatrixRMaj gaussian(int rows, int cols, double std, Random random) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = std * random.nextGaussian();
        }
        return m;
    }

    /** The live parameters W1, b1, W2, b2: changing an element changes the net. */
    public Map<String, DMatrixRMaj> params() {
        return Collections.unmodifiableMap(params);
    }

    /** The hidden layers in forward order: Affine1, Relu1 (or Sigmoid1), Affine2. */
    public Map<String, Layer> layers() {
        return Collections.unmodifiableMap(layers);
    }

    public SoftmaxWithLoss lastLayer() {
        return lastLayer;
    }

    public Activation activation() {
        return activation;
    }

    public int inputSize() {
        return params.get("W1").numRows;
    }

    public int hiddenSize() {
        return params.get("W1").numCols;
    }

    public int outputSize() {
        return params.get("W2").numCols;
    }

    /** The scores (before softmax) for each row of x; fills the hidden layers' caches. */
    public DMatrixRMaj predict(DMatrixRMaj x) {
        DMatrixRMaj out = x;
        for (Layer layer : layers.values()) {
            out = layer.forward(out);
        }
        return out;
    }

    /** The loss for integer labels; fills every cache that backward reads. */
    public double loss(DMatrixRMaj x, int[] labels) {
        return lastLayer.forward(predict(x), labels);
    }

    /** The loss for one-hot labels; fills every cache that backward reads. */
    public double loss(DMatrixRMaj x, DMatrixRMaj oneHot) {
        return lastLayer.forward(predict(x), oneHot);
    }

    /** The fraction of rows whose largest score is the label. */
    public double accuracy(DMatrixRMaj x, int[] labels) {
        int[] predicted = Matrices.argmaxRows(predict(x));
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predicted[i] == labels[i]) {
                right++;
            }
        }
        return labels.length == 0 ? 0 : (double) right / labels.length;
    }

    /**
     * Backpropagation from dout = 1 at the loss back to the input, reading the caches the last
     * {@code loss} filled. Returns dW1, db1, dW2, db2 under the parameter names.
     *
     * @throws EmptyCacheException when loss (forward) has not run
     */
    public Map<String, DMatrixRMaj> backward() {
        DMatrixRMaj dout = lastLayer.backward(1.0);
        List<Layer> reversed = new ArrayList<>(layers.values());
        Collections.reverse(reversed);
        for (Layer layer : reversed) {
            dout = layer.backward(dout);
        }
        Affine affine1 = (Affine) layers.get("Affine1");
        Affine affine2 = (Affine) layers.get("Affine2");
        Map<String, DMatrixRMaj> grads = new LinkedHashMap<>();
        grads.put("W1", affine1.dW());
        grads.put("b1", affine1.db());
        grads.put("W2", affine2.dW());
        grads.put("b2", affine2.db());
        return grads;
    }

    /** The book's {@code gradient}: loss (forward, filling the caches), then backward. */
    public Map<String, DMatrixRMaj> gradient(DMatrixRMaj x, int[] labels) {
        loss(x, labels); // result unused: forward is here for the caches backward reads
        return backward();
    }

    /** {@link #gradient(DMatrixRMaj, int[])} with one-hot labels. */
    public Map<String, DMatrixRMaj> gradient(DMatrixRMaj x, DMatrixRMaj oneHot) {
        loss(x, oneHot);
        return backward();
    }

    /** The book's {@code numerical_gradient}: central differences of the loss, h = 1e−4. */
    public Map<String, DMatrixRMaj> numericalGradient(DMatrixRMaj x, int[] labels) {
        Map<String, DMatrixRMaj> grads = new LinkedHashMap<>();
        for (String name : PARAM_NAMES) {
            grads.put(name, NumericalGradient.of(() -> loss(x, labels), params.get(name)));
        }
        return grads;
    }

    /** A deep copy: same weights, empty caches. */
    public TwoLayerNet copy() {
        return new TwoLayerNet(params.get("W1"), params.get("b1"), params.get("W2"), params.get("b2"), activation);
    }
}
