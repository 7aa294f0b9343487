package com.backpropexplorer.engine.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The sparse copy holds exactly the non-zero elements of the dense matrix. */
class SparseRowsTest {
    @Test
    void keepsEveryNonZeroAndNothingElse() {
        DMatrixRMaj dense = KernelFixtures.sparseData(30, 40, 0.8, 1, 3);
        SparseRows sparse = SparseRows.of(dense);
        int nonZeros = 0;
        for (int r = 0; r < 30; r++) {
            for (int c = 0; c < 40; c++) {
                assertEquals(dense.get(r, c), sparse.get(r, c), 0.0);
                if (dense.get(r, c) != 0) {
                    nonZeros++;
                }
            }
        }
        assertEquals(nonZeros, sparse.nonZeros());
        assertEquals(1.0 - nonZeros / 1200.0, sparse.sparsity(), 1e-15);
        assertEquals(30, sparse.numRows());
        assertEquals(40, sparse.numCols());
    }

    @Test
    void greyLevelsAreStoredAsOneByteCodesOtherValuesAsDoubles() {
        DMatrixRMaj grey = KernelFixtures.sparseData(30, 40, 0.5, 4);
        grey.set(0, 0, 1.0);
        grey.set(0, 1, 1 / 255.0);
        SparseRows compact = SparseRows.of(grey);
        assertTrue(compact.compact());
        for (double odd : new double[] {0.3, -1 / 255.0, 2.0, 1 / 255.0 + 1e-17, Math.nextUp(128 / 255.0), 1e-300}) {
            DMatrixRMaj other = grey.copy();
            other.set(29, 39, odd);
            SparseRows doubles = SparseRows.of(other);
            assertFalse(doubles.compact(), "value " + odd);
            assertEquals(odd, doubles.get(29, 39), 0.0);
        }
        for (int r = 0; r < 30; r++) {
            for (int c = 0; c < 40; c++) {
                assertEquals(Double.doubleToRawLongBits(grey.get(r, c)), Double.doubleToRawLongBits(compact.get(r, c)));
            }
        }
    }

    @Test
    void theGreyLevelsAreTheLoadersDoubles() {
        for (int k = 0; k < 256; k++) {
            assertEquals(Double.doubleToRawLongBits(k / 255.0), Double.doubleToRawLongBits(SparseRows.PIXEL_VALUE[k]));
        }
    }

    @Test
    void aBufferTakesBatchAfterBatchAndHoldsExactlyEach() {
        SparseRows buffer = SparseRows.buffer(40);
        for (int round = 0; round < 5; round++) {
            DMatrixRMaj batch = KernelFixtures.sparseData(3 + round * 7, 40, round * 0.2, round);
            batch.set(0, 39, -0.3); // any value, not only grey levels
            buffer.refill(batch);
            assertEquals(batch.numRows, buffer.numRows());
            int nonZeros = 0;
            for (int r = 0; r < batch.numRows; r++) {
                for (int c = 0; c < 40; c++) {
                    assertEquals(batch.get(r, c), buffer.get(r, c), 0.0);
                    nonZeros += batch.get(r, c) != 0 ? 1 : 0;
                }
            }
            assertEquals(nonZeros, buffer.nonZeros());
        }
        assertThrows(IllegalArgumentException.class, () -> buffer.refill(new DMatrixRMaj(2, 41)));
        assertThrows(IllegalArgumentException.class, () -> SparseRows.of(new DMatrixRMaj(1, 4)).refill(new DMatrixRMaj(1, 4)));
    }

    @Test
    void refusesMoreColumnsThanTwoByteIndicesHold() {
        assertThrows(IllegalArgumentException.class, () -> SparseRows.of(new DMatrixRMaj(1, SparseRows.MAX_COLUMNS + 1)));
    }
}
