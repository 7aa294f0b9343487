package com.backpropexplorer.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The numbers the book prints for simpleNet in §4.4.2, reproduced to the printed digits. */
class BookNumbersTest {
    private final SimpleNet net = new SimpleNet();
    private final DMatrixRMaj x = Matrices.row(SimpleNet.BOOK_X);
    private final DMatrixRMaj t = Matrices.row(SimpleNet.BOOK_T);

    @Test
    void predictMatchesTheBook() {
        assertArrayEquals(new double[] {-0.87361615, 0.31163259, 0.34522554}, net.predict(x).data, 5e-9);
    }

    @Test
    void lossMatchesTheBook() {
        assertEquals(0.81648668, net.loss(x, t), 5e-9);
    }

    @Test
    void numericalGradientMatchesTheBook() {
        DMatrixRMaj dW = net.numericalGradient(x, t);
        assertArrayEquals(new double[] {0.07838251, 0.25642842, -0.33481093, 0.11757377, 0.38464263, -0.5022164},
                dW.data, 5e-9);
    }

    @Test
    void numericalGradientLeavesWeightsAsTheyWere() {
        double[] before = net.weight().data.clone();
        net.numericalGradient(x, t);
        assertArrayEquals(before, net.weight().data, 0.0);
    }

    @Test
    void backpropAgreesWithTheBooksNumericalGradient() {
        DMatrixRMaj dW = net.gradient(x, t);
        assertArrayEquals(new double[] {0.07838251, 0.25642842, -0.33481093, 0.11757377, 0.38464263, -0.5022164},
                dW.data, 2e-7); // central differences are exact only to O(h²)
    }
}
