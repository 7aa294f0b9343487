package com.backpropexplorer.explain.bugs;

import org.ejml.data.DMatrixRMaj;

/** The last layer of a lab net: the right SoftmaxWithLoss, or one with a planted bug. */
interface LossLayer {
    double forward(DMatrixRMaj x, int[] labels);

    DMatrixRMaj backward(double dout);
}
