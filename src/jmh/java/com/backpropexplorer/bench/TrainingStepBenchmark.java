package com.backpropexplorer.bench;

import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.FastGradientKernel;
import com.backpropexplorer.engine.GradientKernel;
import com.backpropexplorer.engine.KernelData;
import com.backpropexplorer.engine.PlainGradientKernel;
import com.backpropexplorer.engine.SgdUpdate;
import com.backpropexplorer.engine.SparseRows;
import com.backpropexplorer.engine.TwoLayerNet;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One training step of the book's recipe (784-50-10, batch 100 drawn with replacement, SGD
 * lr 0.1): the plain kernel (the book's layers on EJML) against the fast one on 1 and 2 threads,
 * each followed by {@link SgdUpdate}; and {@code fused1}/{@code fused2}, the fast kernel's fused
 * SGD step that the trainer (and so {@code bench} and the app) takes. Throughput is steps per
 * second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class TrainingStepBenchmark {
    @Param({"plain", "fast1", "fast2", "fused1", "fused2"})
    public String kernel;

    private TwoLayerNet net;
    private GradientKernel gradientKernel;
    private Map<String, DMatrixRMaj> params;
    private final Map<String, DMatrixRMaj> grads = new LinkedHashMap<>();
    private final int[] rows = new int[100];
    private final SplittableRandom random = new SplittableRandom(0);
    private int trainSize;
    private FastGradientKernel fused;
    private final DMatrixRMaj[] previous = new DMatrixRMaj[4];

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        KernelData.Sets data = BenchData.load();
        net = new TwoLayerNet(784, 50, 10, 0.01, Activation.RELU, 0L);
        params = net.params();
        params.forEach((name, p) -> grads.put(name, new DMatrixRMaj(p.numRows, p.numCols)));
        for (int i = 0; i < previous.length; i++) {
            DMatrixRMaj p = params.get(TwoLayerNet.PARAM_NAMES.get(i));
            previous[i] = new DMatrixRMaj(p.numRows, p.numCols);
        }
        trainSize = data.trainLabels().length;
        gradientKernel = switch (kernel) {
            case "plain" -> new PlainGradientKernel(net, data.train(), data.trainLabels());
            case "fast1", "fused1" -> new FastGradientKernel(net, SparseRows.of(data.train()), data.trainLabels(), 1);
            case "fast2", "fused2" -> new FastGradientKernel(net, SparseRows.of(data.train()), data.trainLabels(), 2);
            default -> throw new IllegalArgumentException(kernel);
        };
        if (kernel.startsWith("fused")) {
            fused = (FastGradientKernel) gradientKernel;
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (gradientKernel instanceof AutoCloseable c) {
            c.close();
        }
    }

    @Benchmark
    public double step() {
        for (int i = 0; i < rows.length; i++) {
            rows[i] = random.nextInt(trainSize);
        }
        if (fused != null) {
            double loss = fused.forwardStep(rows, rows.length);
            fused.completeSgdStep(grads, 0.1, previous);
            return loss;
        }
        double loss = gradientKernel.lossAndGradient(rows, rows.length, grads);
        SgdUpdate.apply(params, grads, 0.1);
        return loss;
    }
}
