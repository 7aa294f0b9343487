package com.backpropexplorer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
