package com.backpropexplorer.bench;

import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.KernelFactory;
import com.backpropexplorer.engine.Minibatch;
import com.backpropexplorer.engine.OptimizerKind;
import com.backpropexplorer.engine.TrainingData;
import com.backpropexplorer.engine.TrainingKernel;
import com.backpropexplorer.engine.TwoLayerNet;
import java.util.SplittableRandom;
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
 * One training step as the trainer (and so {@code bench} and the app) takes it: a minibatch of
 * 100 drawn with replacement, its loss, and the update, 784-50-10 at the book's learning rates:
 * the plain kernel (the book's layers on EJML) against the fast one on 1 and 2 threads, for
 * each activation and optimizer. Throughput is steps per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class TrainingStepBenchmark {
    @Param({"plain", "fast1", "fast2"})
    public String kernel;

    @Param({"relu"})
    public String activation;

    @Param({"sgd"})
    public String optimizer;

    private TrainingKernel step;
    private Minibatch batch;
    private final SplittableRandom random = new SplittableRandom(0);

    @Setup(Level.Trial)
    public void setUp() {
        TrainingData data = BenchData.load().data();
        TwoLayerNet net = new TwoLayerNet(784, 50, 10, 0.01, Activation.parse(activation), 0L);
        KernelFactory kernels = BenchData.kernels(kernel);
        OptimizerKind kind = OptimizerKind.parse(optimizer);
        step = kernels.create(net, kind.create(kind.defaultLearningRate()), data);
        batch = new Minibatch(data, 100);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        step.close();
    }

    @Benchmark
    public double step() {
        batch.draw(random);
        double loss = step.loss(batch);
        step.update();
        return loss;
    }
}
