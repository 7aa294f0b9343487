package com.backpropexplorer.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The numbers the book prints for simpleNet in §4.4.2 (p. 111), for its W = [[0.47355232,
 * 0.9977393, 0.84668094], [0.85557411, 0.03563661, 0.69422093]], x = [0.6, 0.9], t = [0, 0, 1].
 * The book's loss and dW were computed without the 1e−7 its cross_entropy_error adds inside
 * the log; our net has it, which is why the loss is compared both ways.
 */
class BookNumbersTest {
    static final double[] BOOK_PREDICT = {1.05414809, 0.63071653, 1.1328074};
    static final double BOOK_LOSS = 0.92806853663411326;
    static final double[] BOOK_DW = {0.21924763, 0.14356247, -0.36281009, 0.32887144, 0.2153437, -0.54421514};

    private final SimpleNet net = new SimpleNet();
    private final DMatrixRMaj x = Matrices.row(SimpleNet.BOOK_X);
    private final DMatrixRMaj t = Matrices.row(SimpleNet.BOOK_T);

    @Test
    void predictMatchesTheBookToItsPrintedDigits() {
        assertArrayEquals(BOOK_PREDICT, net.predict(x).data, 5e-9);
    }

    @Test
    void lossWithTheGuardIsOursAndWithoutItIsTheBooks() {
        assertEquals(0.9280682857864075, net.loss(x, t), 1e-15); // numpy, with the 1e-7
        assertEquals(BOOK_LOSS, lossWithoutGuard(), 5e-9); // 2.1e-9 apart: the book's W is printed to 8 digits
        double gap = Math.abs(BOOK_LOSS - net.loss(x, t));
        assertTrue(gap > 2e-7 && gap < 3e-7, "the 1e-7 moves the loss by about 2.5e-7, not " + gap);
    }

    @Test
    void backpropMatchesTheBooksNumericalDw() {
        assertArrayEquals(BOOK_DW, net.gradient(x, t).data, 5e-9);
    }

    @Test
    void theBooksDwIsTheNumericalGradientOfTheLossWithoutTheGuard() {
        assertArrayEquals(BOOK_DW, NumericalGradient.of(this::lossWithoutGuard, net.weight()).data, 5e-9);
        // ours keeps the 1e-7, which moves the central differences by up to 1.4e-7
        double[] ours = net.numericalGradient(x, t).data;
        double worst = 0;
        for (int i = 0; i < ours.length; i++) {
            worst = Math.max(worst, Math.abs(ours[i] - BOOK_DW[i]));
        }
        assertTrue(worst > 1e-7 && worst < 2e-7, "worst difference " + worst);
    }

    @Test
    void numericalGradientLeavesWeightsAsTheyWere() {
        double[] before = net.weight().data.clone();
        net.numericalGradient(x, t);
        assertArrayEquals(before, net.weight().data, 0.0);
    }

    /** −log y_t with nothing added inside the log, as the book's printed figures were computed. */
    private double lossWithoutGuard() {
        DMatrixRMaj y = SoftmaxWithLoss.softmax(net.predict(x));
        return -Math.log(y.get(0, 2));
    }
}
