package com.backpropexplorer.bench;

import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.FastAccuracy;
import com.backpropexplorer.engine.KernelData;
import com.backpropexplorer.engine.SparseRows;
import com.backpropexplorer.engine.TwoLayerNet;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
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
 * The accuracy a trainer reports every epoch: all 60,000 training and 10,000 test samples,
 * through the plain {@code TwoLayerNet.accuracy} and through {@link FastAccuracy} on 1 and 2
 * threads. Milliseconds per pass over both sets.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class AccuracyBenchmark {
    @Param({"plain", "fast1", "fast2"})
    public String path;

    private KernelData.Sets data;
    private TwoLayerNet net;
    private SparseRows train;
    private SparseRows test;
    private FastAccuracy fast;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        data = BenchData.load();
        net = new TwoLayerNet(784, 50, 10, 0.01, Activation.RELU, 0L);
        train = SparseRows.of(data.train());
        test = SparseRows.of(data.test());
        fast = path.equals("plain") ? null : new FastAccuracy(net, path.equals("fast2") ? 2 : 1);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (fast != null) {
            fast.close();
        }
    }

    @Benchmark
    public double trainAndTestAccuracy() {
        if (fast == null) {
            return net.accuracy(data.train(), data.trainLabels()) + net.accuracy(data.test(), data.testLabels());
        }
        return fast.of(train, data.trainLabels()) + fast.of(test, data.testLabels());
    }
}
