package com.backpropexplorer.explain;

import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.EmptyCacheException;
import com.backpropexplorer.engine.SoftmaxWithLoss;
import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.explain.code.Listing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/** A TwoLayerNet (ReLU or Sigmoid) on a batch with integer labels, or on one row of it. */
final class TwoLayerPass implements LessonPass {
    private final TwoLayerNet net;
    private final DMatrixRMaj x;
    private final int[] labels;
    private final int sample;
    private final String description;
    private final List<Listing.Part> extraParts;

    /**
     * @param net copied
     * @param description what the batch is, e.g. "N = 3, #0–#2" (the sizes are added)
     * @param extraParts listing files after the net's (the numerical gradient for ch. 4)
     */
    TwoLayerPass(TwoLayerNet net, DMatrixRMaj x, int[] labels, int sample, String description,
                 List<Listing.Part> extraParts) {
        if (labels.length != x.numRows) {
            throw new IllegalArgumentException(labels.length + " labels for " + x.numRows + " samples");
        }
        if (sample < -1 || sample >= x.numRows) {
            throw new IllegalArgumentException("sample " + sample + " is not a row of the batch of " + x.numRows);
        }
        this.net = net.copy();
        this.x = x.copy();
        this.labels = labels.clone();
        this.sample = sample;
        this.description = description;
        this.extraParts = List.copyOf(extraParts);
    }

    @Override
    public Trace run(Example example, double lr) {
        DMatrixRMaj rows = rows();
        int[] rowLabels = rowLabels();
        Trace pass = Tracer.twoLayer(example, net, rows, rowLabels);
        return SgdStage.append(pass, lr, params -> {
            TwoLayerNet next = TwoLayerNet.fromParams(params, net.activation());
            DMatrixRMaj y = SoftmaxWithLoss.softmax(next.predict(rows));
            double[] trueClass = new double[rowLabels.length];
            for (int r = 0; r < trueClass.length; r++) {
                trueClass[r] = y.get(r, rowLabels[r]);
            }
            return new SgdStage.Evaluation(next.loss(rows, rowLabels), trueClass);
        });
    }

    /** The rows the pass runs on: all of x, or the chosen sample alone. */
    DMatrixRMaj rows() {
        if (sample < 0) {
            return x;
        }
        DMatrixRMaj row = new DMatrixRMaj(1, x.numCols);
        System.arraycopy(x.data, sample * x.numCols, row.data, 0, x.numCols);
        return row;
    }

    int[] rowLabels() {
        return sample < 0 ? labels.clone() : new int[] {labels[sample]};
    }

    /** The net (a copy). */
    TwoLayerNet net() {
        return net.copy();
    }

    @Override
    public EmptyCacheException backwardBeforeForward() {
        return Tracer.backwardBeforeForward(net);
    }

    @Override
    public String description() {
        String sizes = net.inputSize() + "-" + net.hiddenSize() + "-" + net.outputSize();
        String base = sizes + ", " + description;
        return sample < 0 ? base : base + ", sample " + sample + " alone (N = 1)";
    }

    @Override
    public Listing listing() {
        boolean sigmoid = net.activation() == Activation.SIGMOID;
        String act = sigmoid ? "Sigmoid" : "Relu";
        Map<String, String> names = Map.of("Act", act, "ActLayer", net.activation().layerName(),
                "inputs", String.valueOf(net.inputSize()), "hidden", String.valueOf(net.hiddenSize()),
                "outputs", String.valueOf(net.outputSize()));
        List<Listing.Part> parts = new ArrayList<>();
        parts.add(Listing.Part.of("two_layer_net.py").with(names));
        parts.add(Listing.Part.of("layers.py").keeping("Affine", act, "SoftmaxWithLoss"));
        parts.addAll(extraParts);
        parts.add(Listing.Part.of("optimizer.py"));
        parts.add(Listing.Part.of("train_neuralnet.py").with(names));
        return Listing.of("TwoLayerNet", parts);
    }

    @Override
    public LessonPass withParams(Map<String, Tensor> params) {
        Map<String, DMatrixRMaj> matrices = new LinkedHashMap<>();
        params.forEach((name, value) -> matrices.put(name, value.toMatrix()));
        return new TwoLayerPass(TwoLayerNet.fromParams(matrices, net.activation()), x, labels, sample, description,
                extraParts);
    }

    @Override
    public int fullBatchSize() {
        return x.numRows;
    }

    @Override
    public int sample() {
        return sample;
    }

    @Override
    public LessonPass onSample(int row) {
        return new TwoLayerPass(net, x, labels, row, description, extraParts);
    }

    /** The whole batch and its labels (copies), whatever sample is picked. */
    DMatrixRMaj batch() {
        return x.copy();
    }

    int[] labels() {
        return labels.clone();
    }
}
