package com.backpropexplorer.bench;

import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.KernelFactory;
import com.backpropexplorer.engine.Sgd;
import com.backpropexplorer.engine.TrainingKernel;
import com.backpropexplorer.engine.TwoLayerNet;
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
 * through the plain {@code TwoLayerNet.accuracy} and through the fast kernels on 1 and 2
 * threads. Milliseconds per pass over both sets.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class AccuracyBenchmark {
    @Param({"plain", "fast1", "fast2"})
    public String path;

    @Param({"relu"})
    public String activation;

    private TrainingKernel kernel;

    @Setup(Level.Trial)
    public void setUp() {
        TwoLayerNet net = new TwoLayerNet(784, 50, 10, 0.01, Activation.parse(activation), 0L);
        KernelFactory kernels = BenchData.kernels(path);
        kernel = kernels.create(net, new Sgd(), BenchData.load().data());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        kernel.close();
    }

    @Benchmark
    public double trainAndTestAccuracy() {
        return kernel.trainAccuracy(() -> false) + kernel.testAccuracy(() -> false);
    }
}
