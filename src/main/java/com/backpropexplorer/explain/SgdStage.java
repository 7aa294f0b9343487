package com.backpropexplorer.explain;

import com.backpropexplorer.engine.Sgd;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;

/**
 * Appends the update stage to a pass: {@code W ← W − η·dW} for every parameter (the engine's
 * {@link Sgd}, the arithmetic of the book's {@code params[key] -= lr * grads[key]}), then
 * one forward pass with the new parameters on the same batch for the loss and the true class's
 * probability after the step.
 */
final class SgdStage {
    /** The layer name and call path of the update stage, as {@code trace} prints them. */
    static final String LAYER = "SGD";
    static final List<String> CALLS = List.of("SGD.update");

    /** What a forward pass with given parameters says: the loss and y at each row's label. */
    record Evaluation(double loss, double[] trueClass) {
    }

    private SgdStage() {
    }

    /**
     * @param pass forward and backward stages, no update yet
     * @param evaluate a forward pass on the pass's batch with other parameters
     */
    static Trace append(Trace pass, double learningRate, Function<Map<String, DMatrixRMaj>, Evaluation> evaluate) {
        if (pass.update().isPresent()) {
            throw new IllegalArgumentException("the pass has its update already");
        }
        List<Tensor> inputs = new ArrayList<>();
        List<Tensor> outputs = new ArrayList<>();
        Map<String, DMatrixRMaj> updated = new LinkedHashMap<>();
        Map<String, Tensor> after = new LinkedHashMap<>();
        List<Tensor> gradients = new ArrayList<>();
        Sgd sgd = new Sgd(learningRate);
        pass.params().forEach((name, value) -> {
            Tensor gradient = gradientOf(pass, name);
            DMatrixRMaj next = value.toMatrix();
            sgd.update(new DMatrixRMaj[] {next}, new DMatrixRMaj[] {gradient.toMatrix()});
            updated.put(name, next);
            Tensor nextTensor = Tensor.of(name, next);
            after.put(name, nextTensor);
            inputs.add(value);
            gradients.add(gradient.named("d" + name));
            outputs.add(nextTensor);
        });
        inputs.addAll(gradients);
        inputs.add(Tensor.scalar("lr", learningRate));
        Evaluation now = evaluate.apply(updated);
        Update update = new Update(learningRate, pass.loss(), now.loss(), column("y_t", trueClass(pass)),
                column("y_t", now.trueClass()), pass.params(), after);
        Stage stage = new Stage(pass.stages().size(), Direction.UPDATE, LAYER, LayerKind.SGD, inputs, outputs,
                List.of(), List.of(), CALLS);
        List<Stage> stages = new ArrayList<>(pass.stages());
        stages.add(stage);
        return new Trace(pass.example(), pass.graph(), pass.x(), pass.t(), pass.params(), pass.loss(), stages, update);
    }

    /** The gradient of a parameter as its layer's backward stage produced it (dW of Affine1 for W1). */
    static Tensor gradientOf(Trace pass, String param) {
        ComputationGraph.Edge edge = pass.graph().outOf(param).get(0);
        return edge.gradientRef().orElseThrow(() -> new IllegalArgumentException(param + " has no gradient")).in(pass);
    }

    /** y[r][t_r] for every row, read from SoftmaxWithLoss's cache in the forward stage. */
    private static double[] trueClass(Trace pass) {
        Tensor y = pass.stages().stream().filter(s -> s.isForward() && s.kind() == LayerKind.SOFTMAX_WITH_LOSS)
                .findFirst().orElseThrow().get("y");
        double[] out = new double[y.rows()];
        for (int r = 0; r < out.length; r++) {
            out[r] = y.get(r, pass.label(r));
        }
        return out;
    }

    private static Tensor column(String name, double[] values) {
        return Tensor.wrap(name, values.length, 1, values.clone());
    }
}
