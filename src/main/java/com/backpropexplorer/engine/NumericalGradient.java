package com.backpropexplorer.engine;

import java.util.function.DoubleSupplier;
import org.ejml.data.DMatrixRMaj;

/**
 * The book's {@code numerical_gradient} (§4.4): the central difference
 * {@code (f(w + h) − f(w − h)) / 2h} for every element w of a parameter, with h = 1e−4.
 * The parameter is perturbed in place and restored after each element, as in the book.
 */
public final class NumericalGradient {
    /** The book's h. */
    public static final double H = 1e-4;

    private NumericalGradient() {
    }

    /** ∂f/∂p, one element at a time; p is left exactly as it was. */
    public static DMatrixRMaj of(DoubleSupplier f, DMatrixRMaj p) {
        return of(f, p, H);
    }

    public static DMatrixRMaj of(DoubleSupplier f, DMatrixRMaj p, double h) {
        DMatrixRMaj grad = new DMatrixRMaj(p.numRows, p.numCols);
        int n = p.getNumElements();
        for (int i = 0; i < n; i++) {
            grad.data[i] = centralDifference(f, p, i, h);
        }
        return grad;
    }

    /** (f(p[i] + h) − f(p[i] − h)) / 2h for one element; p[i] is restored. */
    public static double centralDifference(DoubleSupplier f, DMatrixRMaj p, int index, double h) {
        double original = p.data[index];
        try {
            p.data[index] = original + h;
            double plus = f.getAsDouble();
            p.data[index] = original - h;
            double minus = f.getAsDouble();
            return (plus - minus) / (2 * h);
        } finally {
            p.data[index] = original;
        }
    }
}
