package com.backpropexplorer.engine;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/** Small, separable classification sets for fast trainer tests: Gaussian blobs around random centres. */
final class SyntheticData {
    private SyntheticData() {
    }

    /**
     * @param scale the size of the inputs (MNIST-like is 1; large inputs make high learning rates blow up)
     */
    static TrainingData blobs(int trainSize, int testSize, int inputs, int classes, double scale, long seed) {
        Random random = new Random(seed);
        double[][] centres = new double[classes][inputs];
        for (double[] c : centres) {
            for (int j = 0; j < inputs; j++) {
                c[j] = random.nextDouble() * scale;
            }
        }
        DMatrixRMaj xTrain = new DMatrixRMaj(trainSize, inputs);
        int[] tTrain = new int[trainSize];
        DMatrixRMaj xTest = new DMatrixRMaj(testSize, inputs);
        int[] tTest = new int[testSize];
        fill(xTrain, tTrain, centres, scale, random);
        fill(xTest, tTest, centres, scale, random);
        return new TrainingData(xTrain, tTrain, xTest, tTest);
    }

    private static void fill(DMatrixRMaj x, int[] t, double[][] centres, double scale, Random random) {
        for (int i = 0; i < t.length; i++) {
            t[i] = i % centres.length;
            for (int j = 0; j < x.numCols; j++) {
                x.data[i * x.numCols + j] = centres[t[i]][j] + 0.1 * scale * random.nextGaussian();
            }
        }
    }
}
