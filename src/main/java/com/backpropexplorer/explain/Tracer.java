package com.backpropexplorer.explain;

import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.Affine;
import com.backpropexplorer.engine.EmptyCacheException;
import com.backpropexplorer.engine.Layer;
import com.backpropexplorer.engine.MatMul;
import com.backpropexplorer.engine.Matrices;
import com.backpropexplorer.engine.Relu;
import com.backpropexplorer.engine.Sigmoid;
import com.backpropexplorer.engine.SimpleNet;
import com.backpropexplorer.engine.SoftmaxWithLoss;
import com.backpropexplorer.engine.TwoLayerNet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * Runs one forward and one backward pass layer by layer on the real engine and records each
 * stage as a snapshot. The engine does the arithmetic; this class only watches.
 */
public final class Tracer {
    /** The seed of the default tiny lesson. */
    public static final long TINY_SEED = 1;
    /** The class names the call paths use, as in the book's code. */
    static final String TWO_LAYER_NET = "TwoLayerNet";
    static final String SIMPLE_NET = "simpleNet";
    static final String LOSS_CLASS = "SoftmaxWithLoss";

    private Tracer() {
    }

    /** The book's simpleNet (§4.4.2, p. 111) with the W, x and t it prints. */
    public static Trace simple() {
        SimpleNet net = new SimpleNet();
        DMatrixRMaj x = Matrices.row(SimpleNet.BOOK_X);
        DMatrixRMaj t = Matrices.row(SimpleNet.BOOK_T);
        return simple(net, x, t);
    }

    /** simpleNet with any W, x and one-hot t: forward and backward, no update. */
    public static Trace simple(SimpleNet net, DMatrixRMaj x, DMatrixRMaj t) {
        List<Stage> stages = new ArrayList<>();
        Layer matMul = net.matMul();
        SoftmaxWithLoss last = net.lastLayer();
        Tensor w = Tensor.of("W", net.weight());
        String owner = SIMPLE_NET;

        DMatrixRMaj score = matMul.forward(x);
        stages.add(forward(0, matMul.name(), LayerKind.MATMUL, List.of(Tensor.of("x", x), w), Tensor.of("out", score),
                matMul.cache(), forwardCalls(owner, matMul)));
        double loss = last.forward(score, t);
        stages.add(forward(1, last.name(), LayerKind.SOFTMAX_WITH_LOSS,
                List.of(Tensor.of("x", score), Tensor.of("t", t)), Tensor.scalar("L", loss), last.cache(),
                lossCalls(owner)));

        DMatrixRMaj dScore = last.backward(1.0);
        stages.add(backward(2, last.name(), LayerKind.SOFTMAX_WITH_LOSS, Tensor.scalar("dout", 1.0), dScore, Map.of(),
                backwardCalls(owner, LOSS_CLASS)));
        DMatrixRMaj dx = matMul.backward(dScore);
        stages.add(backward(3, matMul.name(), LayerKind.MATMUL, Tensor.of("dout", dScore), dx, matMul.gradients(),
                backwardCalls(owner, className(matMul))));

        ComputationGraph graph = ChainGraph.of(List.of(
                new ChainGraph.Layer(matMul.name(), LayerKind.MATMUL, List.of("W")),
                new ChainGraph.Layer(last.name(), LayerKind.SOFTMAX_WITH_LOSS, List.of())));
        return new Trace(Example.SIMPLE, graph, Tensor.of("x", x), Tensor.of("t", t), Map.of("W", w), loss, stages,
                null);
    }

    /** The tiny lesson with its default seed. */
    public static Trace tiny() {
        return tiny(TINY_SEED);
    }

    /**
     * A 2-3-2 TwoLayerNet on a batch of two samples: small enough to print every number, big
     * enough to show the batch sum in db and the 1/N in the loss gradient. Values are rounded
     * to two decimals so the substituted formulas stay readable.
     */
    public static Trace tiny(long seed) {
        TinyLesson lesson = TinyLesson.of(seed);
        return twoLayer(Example.TINY, lesson.net(), lesson.x(), lesson.labels());
    }

    /** One pass of a TwoLayerNet on x with integer labels, no update. The caller's net is not touched. */
    public static Trace twoLayer(Example example, TwoLayerNet source, DMatrixRMaj x, int[] labels) {
        TwoLayerNet net = source.copy();
        List<Stage> stages = new ArrayList<>();
        Map<String, Tensor> params = new LinkedHashMap<>();
        net.params().forEach((name, value) -> params.put(name, Tensor.of(name, value)));

        DMatrixRMaj flowing = x;
        for (Layer layer : net.layers().values()) {
            List<Tensor> inputs = new ArrayList<>();
            inputs.add(Tensor.of("x", flowing));
            sideInputs(layer).forEach(p -> inputs.add(params.get(p)));
            DMatrixRMaj out = layer.forward(flowing);
            stages.add(forward(stages.size(), layer.name(), kindOf(layer), inputs, Tensor.of("out", out), layer.cache(),
                    forwardCalls(TWO_LAYER_NET, layer)));
            flowing = out;
        }
        SoftmaxWithLoss last = net.lastLayer();
        double loss = last.forward(flowing, labels);
        DMatrixRMaj oneHot = Matrices.oneHot(labels, net.outputSize());
        stages.add(forward(stages.size(), last.name(), LayerKind.SOFTMAX_WITH_LOSS,
                List.of(Tensor.of("x", flowing), Tensor.of("t", oneHot)), Tensor.scalar("L", loss), last.cache(),
                lossCalls(TWO_LAYER_NET)));

        DMatrixRMaj dout = last.backward(1.0);
        stages.add(backward(stages.size(), last.name(), LayerKind.SOFTMAX_WITH_LOSS, Tensor.scalar("dout", 1.0), dout,
                Map.of(), backwardCalls(TWO_LAYER_NET, LOSS_CLASS)));
        List<Layer> reversed = new ArrayList<>(net.layers().values());
        java.util.Collections.reverse(reversed);
        for (Layer layer : reversed) {
            DMatrixRMaj dx = layer.backward(dout);
            stages.add(backward(stages.size(), layer.name(), kindOf(layer), Tensor.of("dout", dout), dx,
                    layer.gradients(), backwardCalls(TWO_LAYER_NET, className(layer))));
            dout = dx;
        }
        return new Trace(example, twoLayerGraph(net), Tensor.of("x", x), Tensor.of("t", oneHot), params, loss, stages,
                null);
    }

    /** The graph of a TwoLayerNet: x → Affine1 → Relu1 (or Sigmoid1) → Affine2 → SoftmaxWithLoss → L. */
    static ComputationGraph twoLayerGraph(TwoLayerNet net) {
        List<ChainGraph.Layer> layers = new ArrayList<>();
        for (Layer layer : net.layers().values()) {
            layers.add(new ChainGraph.Layer(layer.name(), kindOf(layer), sideInputs(layer)));
        }
        layers.add(new ChainGraph.Layer(net.lastLayer().name(), LayerKind.SOFTMAX_WITH_LOSS, List.of()));
        return ChainGraph.of(layers);
    }

    /**
     * What the engine says when backward runs before forward on a fresh copy of the net: the
     * very exception a learner would get, naming the empty cache.
     */
    public static EmptyCacheException backwardBeforeForward(TwoLayerNet source) {
        try {
            source.copy().backward();
        } catch (EmptyCacheException e) {
            return e;
        }
        throw new IllegalStateException("backward ran on a net that had no forward pass");
    }

    /** The same for simpleNet. */
    public static EmptyCacheException backwardBeforeForward(SimpleNet source) {
        SimpleNet fresh = new SimpleNet(source.weight().copy());
        try {
            fresh.matMul().backward(fresh.lastLayer().backward(1.0));
        } catch (EmptyCacheException e) {
            return e;
        }
        throw new IllegalStateException("backward ran on a net that had no forward pass");
    }

    static List<String> sideInputs(Layer layer) {
        if (layer instanceof Affine) {
            String n = layer.name().substring(layer.name().length() - 1);
            return List.of("W" + n, "b" + n);
        }
        if (layer instanceof MatMul) {
            return List.of("W");
        }
        return List.of();
    }

    static LayerKind kindOf(Layer layer) {
        if (layer instanceof Affine) {
            return LayerKind.AFFINE;
        }
        if (layer instanceof Relu) {
            return LayerKind.RELU;
        }
        if (layer instanceof Sigmoid) {
            return LayerKind.SIGMOID;
        }
        return LayerKind.MATMUL;
    }

    /** The book's class of a layer: Affine, Relu, Sigmoid or MatMul. */
    static String className(Layer layer) {
        return layer.getClass().getSimpleName();
    }

    /** gradient() › loss() › predict() › Layer.forward(), as the net's gradient method runs it. */
    static List<String> forwardCalls(String net, Layer layer) {
        return List.of(net + ".gradient", net + ".loss", net + ".predict", className(layer) + ".forward");
    }

    /** gradient() › loss() › SoftmaxWithLoss.forward(). */
    static List<String> lossCalls(String net) {
        return List.of(net + ".gradient", net + ".loss", LOSS_CLASS + ".forward");
    }

    /** gradient() › Layer.backward(): the backward loop sits in gradient itself. */
    static List<String> backwardCalls(String net, String layerClass) {
        return List.of(net + ".gradient", layerClass + ".backward");
    }

    static Stage forward(int index, String layer, LayerKind kind, List<Tensor> inputs, Tensor out,
                         Map<String, DMatrixRMaj> cache, List<String> calls) {
        return new Stage(index, Direction.FORWARD, layer, kind, inputs, List.of(out), tensors(cache), List.of(), calls);
    }

    static Stage backward(int index, String layer, LayerKind kind, Tensor dout, DMatrixRMaj dx,
                          Map<String, DMatrixRMaj> grads, List<String> calls) {
        return new Stage(index, Direction.BACKWARD, layer, kind, List.of(dout), List.of(Tensor.of("dx", dx)),
                List.of(), tensors(grads), calls);
    }

    /**
     * Snapshots of what a layer's {@code cache()} or {@code gradients()} returned: copies that
     * the caller owns ({@link Layer}'s contract) and nobody writes to, so they are taken as they
     * are instead of being copied once more.
     */
    static List<Tensor> tensors(Map<String, DMatrixRMaj> copies) {
        List<Tensor> out = new ArrayList<>();
        copies.forEach((name, m) -> out.add(m.data.length == m.getNumElements()
                ? Tensor.wrap(name, m.numRows, m.numCols, m.data) : Tensor.of(name, m)));
        return out;
    }

    /** The tiny lesson's net and batch, reproducible from a seed. */
    public record TinyLesson(TwoLayerNet net, DMatrixRMaj x, int[] labels) {

        /** 2 inputs, 3 hidden units, 2 classes; a batch of 2. */
        public static TinyLesson of(long seed) {
            return of(seed, Activation.RELU);
        }

        public static TinyLesson of(long seed, Activation activation) {
            Random random = new Random(seed);
            DMatrixRMaj w1 = rounded(2, 3, random, 1.0, 100);
            DMatrixRMaj b1 = rounded(1, 3, random, 0.3, 100);
            DMatrixRMaj w2 = rounded(3, 2, random, 1.0, 100);
            DMatrixRMaj b2 = rounded(1, 2, random, 0.3, 100);
            DMatrixRMaj x = rounded(2, 2, random, 1.0, 10);
            int[] labels = {0, 1};
            return new TinyLesson(new TwoLayerNet(w1, b1, w2, b2, activation), x, labels);
        }

        private static DMatrixRMaj rounded(int rows, int cols, Random random, double std, double scale) {
            DMatrixRMaj m = new DMatrixRMaj(rows, cols);
            for (int i = 0; i < m.data.length; i++) {
                m.data[i] = Math.round(std * random.nextGaussian() * scale) / scale;
            }
            return m;
        }
    }
}
