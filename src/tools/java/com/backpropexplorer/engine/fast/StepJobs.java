package com.backpropexplorer.engine.fast;

import com.backpropexplorer.data.Mnist;
import com.backpropexplorer.data.MnistDataset;
import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.Minibatch;
import com.backpropexplorer.engine.OptimizerKind;
import com.backpropexplorer.engine.TrainingData;
import com.backpropexplorer.engine.TwoLayerNet;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Times the two jobs of the real fast step (the forward job, {@code loss}, and the gradient job
 * with the fused update, {@code update}) on 1 and on 2 threads, on MNIST: where a step's time goes
 * when the helper thread shares it. Test scope, by hand.
 * Arguments: [MNIST_DIR] [STEPS]; {@code -Dsigmoid}, {@code -Doptimizer=sgd|momentum|adagrad|adam}.
 */
public final class StepJobs {
    private StepJobs() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/mnist");
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        boolean sigmoid = System.getProperty("sigmoid") != null;
        OptimizerKind kind = OptimizerKind.parse(System.getProperty("optimizer", "sgd"));
        MnistDataset train = Mnist.loadTrain(dir);
        MnistDataset test = Mnist.loadTest(dir);
        TrainingData data = new TrainingData(train.images(), train.labels(), test.images(), test.labels());
        SparseData sparse = SparseData.of(data);
        for (int round = 0; round < 2; round++) {
            for (int threads = 1; threads <= 2; threads++) {
                TwoLayerNet net = new TwoLayerNet(784, 50, 10, 0.01, sigmoid ? Activation.SIGMOID : Activation.RELU, 0L);
                double lr = kind == OptimizerKind.SGD ? 0.1 : kind.defaultLearningRate();
                Minibatch batch = new Minibatch(data, 100);
                SplittableRandom random = new SplittableRandom(0);
                long forward = 0;
                long update = 0;
                long other = 0;
                try (FastTrainingKernel kernel = new FastTrainingKernel(net, kind.create(lr), sparse, threads)) {
                    long start = System.nanoTime();
                    for (int i = 0; i < steps; i++) {
                        long a = System.nanoTime();
                        batch.draw(random);
                        long b = System.nanoTime();
                        kernel.loss(batch);
                        long c = System.nanoTime();
                        kernel.update();
                        long d = System.nanoTime();
                        if (i == steps / 2) {
                            forward = 0;
                            update = 0;
                            other = 0;
                            start = d;
                        }
                        other += b - a;
                        forward += c - b;
                        update += d - c;
                    }
                    int timed = steps - steps / 2 - 1;
                    double wall = (System.nanoTime() - start) / 1e3 / timed;
                    System.out.printf("%s %s, %d thread(s): forward job %.1f µs, gradient+update job %.1f µs,"
                                    + " draw %.1f µs, step %.1f µs (%.0f steps/s)%n", sigmoid ? "sigmoid" : "relu",
                            kind.id(), threads, forward / 1e3 / timed, update / 1e3 / timed, other / 1e3 / timed, wall,
                            1e6 / wall);
                }
            }
        }
    }
}
