package com.backpropexplorer.explain;

import com.backpropexplorer.engine.Layer;
import com.backpropexplorer.engine.Matrices;
import com.backpropexplorer.engine.SoftmaxWithLoss;
import com.backpropexplorer.engine.TwoLayerNet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * The weights panel's trace while a weight is dragged: the same stages, names and tensors as
 * {@link Tracer#twoLayer}, but without its three big products of the first layer
 * (x·W1, dout·W1ᵀ and xᵀ·dout: N·784·50 multiply-adds each, most of a slider event's time).
 *
 * <ul>
 *   <li>Affine1's output is the {@link BatchState}'s a1, which the probe keeps exact for the
 *       current weights (a moved W1[i][j] recomputes hidden unit j).</li>
 *   <li>Affine1's backward skips the zeros: dW1 = xᵀ·dout over the inked pixels only (MNIST:
 *       a fifth), dx = dout·W1ᵀ over the non-zero upstream gradients only (a ReLU that is off
 *       passes none back).</li>
 *   <li>ReLU/Sigmoid, Affine2 and SoftmaxWithLoss run on the engine's own layers, as in
 *       {@link Tracer}: they are small (N·50·10).</li>
 *   <li>What did not change is not copied again: x and t are one snapshot for the probe's
 *       life, and a parameter the event did not touch keeps its previous snapshot, so the
 *       views can tell "unchanged" by identity.</li>
 * </ul>
 *
 * If an upstream gradient is not finite (a weight that makes the loss NaN), skipping zeros
 * would hide the NaNs the dense product spreads: then the plain {@link Tracer} runs.
 * Not thread-safe: the probe's engine thread uses it.
 */
final class LiveTracer {
    private final TwoLayerNet net;
    private final DMatrixRMaj x;
    private final int[] labels;
    private final BatchState state;
    private final Tensor xTensor;
    private final Tensor tTensor;
    /** x in compressed rows: for row r, the columns and values at [rowStart[r], rowStart[r + 1]). */
    private final int[] rowStart;
    private final int[] columns;
    private final double[] values;
    private final ComputationGraph graph;
    /** The graph's chain view, made once: every trace of the probe has the same graph. */
    private final List<GraphNode> nodes;
    private Map<String, Tensor> lastParams = Map.of();
    /** Rows of dx built at a time in Affine1's backward pass. */
    private static final int ROWS = 4;
    /** W1ᵀ as of the last pass, the W1 it was made from, whether that was all finite, and dx's row buffers. */
    private double[][] w1t;
    private double[] w1Seen;
    private boolean w1Finite;
    private double[][] rowBuffers;
    private static final String NET = Tracer.TWO_LAYER_NET;

    LiveTracer(TwoLayerNet net, DMatrixRMaj x, int[] labels, BatchState state) {
        this.net = net;
        this.x = x;
        this.labels = labels;
        this.state = state;
        this.xTensor = Tensor.of("x", x);
        this.tTensor = Tensor.of("t", Matrices.oneHot(labels, net.outputSize()));
        this.graph = Tracer.twoLayerGraph(net);
        this.nodes = GraphNode.chainOf(graph);
        int nonZero = 0;
        for (int i = 0; i < x.getNumElements(); i++) {
            if (x.data[i] != 0) {
                nonZero++;
            }
        }
        rowStart = new int[x.numRows + 1];
        columns = new int[nonZero];
        values = new double[nonZero];
        int k = 0;
        for (int r = 0; r < x.numRows; r++) {
            rowStart[r] = k;
            for (int i = 0; i < x.numCols; i++) {
                double v = x.data[r * x.numCols + i];
                if (v != 0) {
                    columns[k] = i;
                    values[k++] = v;
                }
            }
        }
        rowStart[x.numRows] = k;
    }

    Trace trace(Example example) {
        Map<String, Tensor> params = new LinkedHashMap<>();
        net.params().forEach((name, value) -> {
            Tensor before = lastParams.get(name);
            params.put(name, before != null && before.sameValues(value) ? before : Tensor.of(name, value));
        });
        lastParams = params;

        List<Stage> stages = new ArrayList<>();
        List<Layer> layers = new ArrayList<>(net.layers().values());
        Layer affine1 = layers.get(0);
        if (!affine1.name().equals("Affine1")) {
            throw new IllegalStateException("the first layer is " + affine1.name());
        }
        List<String> side1 = Tracer.sideInputs(affine1);
        // one snapshot per value: what flows out of a layer is the next one's x, a layer's dx the
        // next one's dout, under another name (Tensor.named shares the numbers)
        Tensor flowingTensor = Tensor.of("out", state.a1);
        stages.add(new Stage(0, Direction.FORWARD, affine1.name(), Tracer.kindOf(affine1),
                List.of(xTensor, params.get(side1.get(0)), params.get(side1.get(1))),
                List.of(flowingTensor), List.of(xTensor), List.of(), Tracer.forwardCalls(NET, affine1)));
        DMatrixRMaj flowing = state.a1;
        for (Layer layer : layers.subList(1, layers.size())) {
            Tensor in = flowingTensor.named("x");
            List<Tensor> inputs = new ArrayList<>();
            inputs.add(in);
            List<String> side = Tracer.sideInputs(layer);
            side.forEach(p -> inputs.add(params.get(p)));
            DMatrixRMaj out = layer.forward(flowing);
            flowingTensor = Tensor.of("out", out);
            stages.add(Tracer.forward(stages.size(), layer.name(), Tracer.kindOf(layer), inputs, flowingTensor,
                    layer.cache(), Tracer.forwardCalls(NET, layer)));
            flowing = out;
        }
        SoftmaxWithLoss last = net.lastLayer();
        double loss = last.forward(flowing, labels);
        stages.add(new Stage(stages.size(), Direction.FORWARD, last.name(), LayerKind.SOFTMAX_WITH_LOSS,
                List.of(flowingTensor.named("x"), tTensor), List.of(Tensor.scalar("L", loss)), cacheOf(last),
                List.of(), Tracer.lossCalls(NET)));

        DMatrixRMaj dout = last.backward(1.0);
        stages.add(Tracer.backward(stages.size(), last.name(), LayerKind.SOFTMAX_WITH_LOSS, Tensor.scalar("dout", 1.0),
                dout, Map.of(), Tracer.backwardCalls(NET, Tracer.LOSS_CLASS)));
        for (int i = layers.size() - 1; i >= 1; i--) {
            Layer layer = layers.get(i);
            DMatrixRMaj dx = layer.backward(dout);
            Tensor upstream = stages.get(stages.size() - 1).output().named("dout");
            stages.add(Tracer.backward(stages.size(), layer.name(), Tracer.kindOf(layer), upstream, dx,
                    layer.gradients(), Tracer.backwardCalls(NET, Tracer.className(layer))));
            dout = dx;
        }
        if (!allFinite(dout)) {
            return Tracer.twoLayer(example, net, x, labels);
        }
        stages.add(affine1Backward(stages.size(), affine1, dout, stages.get(stages.size() - 1).output().named("dout")));
        return new Trace(example, graph, nodes, xTensor, tTensor, params, loss, stages, null);
    }

    /** SoftmaxWithLoss's cache as Tracer records it, with t the shared snapshot (it never changes). */
    private List<Tensor> cacheOf(SoftmaxWithLoss last) {
        List<Tensor> out = Tracer.tensors(last.cache());
        out.replaceAll(cached -> cached.name().equals("t") ? tTensor : cached);
        return out;
    }

    /**
     * dx = dout·W1ᵀ, dW = xᵀ·dout, db = Σ dout; zeros of x skipped, and zeros of dout when a
     * row is on its own. Each element's sum runs over the same terms in the same order as the
     * row-by-row product; four rows of dx are built at a time, so that each row of W1ᵀ is read
     * once for the four (a zero of dout there adds an exact ±0).
     */
    private Stage affine1Backward(int index, Layer affine1, DMatrixRMaj dout, Tensor doutTensor) {
        int n = dout.numRows;
        int hidden = dout.numCols;
        int inputs = x.numCols;
        double[][] w1t = transposedW1();
        double[] dx = new double[n * inputs];
        double[] dw = new double[inputs * hidden];
        double[] db = new double[hidden];
        double[] d = dout.data;
        // 0·w is an exact ±0 only while W1 is finite; else skip the zeros as the plain product would
        int block = w1Finite ? ROWS : 1;
        for (int r0 = 0; r0 < n; r0 += block) {
            int rows = Math.min(block, n - r0);
            if (rows == ROWS) {
                for (int k = 0; k < ROWS; k++) {
                    Arrays.fill(rowBuffers[k], 0, inputs, 0.0);
                }
                double[] b0 = rowBuffers[0];
                double[] b1 = rowBuffers[1];
                double[] b2 = rowBuffers[2];
                double[] b3 = rowBuffers[3];
                for (int j = 0; j < hidden; j++) {
                    double d0 = d[r0 * hidden + j];
                    double d1 = d[(r0 + 1) * hidden + j];
                    double d2 = d[(r0 + 2) * hidden + j];
                    double d3 = d[(r0 + 3) * hidden + j];
                    if (d0 == 0 && d1 == 0 && d2 == 0 && d3 == 0) {
                        continue;
                    }
                    double[] w = w1t[j];
                    for (int i = 0; i < inputs; i++) {
                        double wi = w[i];
                        b0[i] += d0 * wi;
                        b1[i] += d1 * wi;
                        b2[i] += d2 * wi;
                        b3[i] += d3 * wi;
                    }
                }
                for (int k = 0; k < ROWS; k++) {
                    System.arraycopy(rowBuffers[k], 0, dx, (r0 + k) * inputs, inputs);
                }
            } else {
                for (int r = r0; r < r0 + rows; r++) {
                    int row = r * inputs;
                    for (int j = 0; j < hidden; j++) {
                        double dj = d[r * hidden + j];
                        if (dj != 0) {
                            double[] w = w1t[j];
                            for (int i = 0; i < inputs; i++) {
                                dx[row + i] += dj * w[i];
                            }
                        }
                    }
                }
            }
        }
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < hidden; j++) {
                db[j] += d[r * hidden + j];
            }
            int dbase = r * hidden;
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                double v = values[k];
                int base = columns[k] * hidden;
                for (int j = 0; j < hidden; j++) {
                    dw[base + j] += v * d[dbase + j];
                }
            }
        }
        List<Tensor> grads = List.of(Tensor.wrap("dW", inputs, hidden, dw), Tensor.wrap("db", 1, hidden, db));
        return new Stage(index, Direction.BACKWARD, affine1.name(), Tracer.kindOf(affine1),
                List.of(doutTensor), List.of(Tensor.wrap("dx", n, inputs, dx)), List.of(), grads,
                Tracer.backwardCalls(NET, Tracer.className(affine1)));
    }

    /**
     * W1ᵀ, one array a hidden unit, kept from the last pass: only the elements that changed since
     * (one, while a weight is dragged) are written again, instead of 784·50 scattered writes.
     */
    private double[][] transposedW1() {
        DMatrixRMaj w1 = net.params().get("W1");
        int inputs = w1.numRows;
        int hidden = w1.numCols;
        boolean fresh = w1t == null || w1t.length != hidden || w1t[0].length != inputs;
        if (fresh) {
            w1t = new double[hidden][inputs];
            w1Seen = new double[inputs * hidden];
            rowBuffers = new double[ROWS][inputs];
        }
        double[] now = w1.data;
        int nonFinite = 0;
        for (int p = 0; p < now.length; p++) {
            double v = now[p];
            if (fresh || Double.doubleToRawLongBits(v) != Double.doubleToRawLongBits(w1Seen[p])) {
                w1Seen[p] = v;
                w1t[p % hidden][p / hidden] = v;
            }
            if (!Double.isFinite(v)) {
                nonFinite++;
            }
        }
        w1Finite = nonFinite == 0;
        return w1t;
    }

    private static boolean allFinite(DMatrixRMaj m) {
        for (int i = 0; i < m.getNumElements(); i++) {
            if (!Double.isFinite(m.data[i])) {
                return false;
            }
        }
        return true;
    }
}
