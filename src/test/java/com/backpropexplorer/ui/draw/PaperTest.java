package com.backpropexplorer.ui.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The brush and the paper, without JavaFX. */
class PaperTest {
    @Test
    void aFastStrokeBetweenTwoFarPointsLeavesNoGap() {
        Paper paper = new Paper(200);
        paper.stroke(10, 100, 190, 100, 6, false);
        for (int x = 10; x < 190; x++) {
            assertEquals(1.0, paper.inkAt(x, 100), "a gap at x = " + x);
        }
    }

    @Test
    void theBrushHasASolidCoreAndASoftRimAndNothingBeyond() {
        Paper paper = new Paper(100);
        paper.stroke(50, 50, 50, 50, 10, false);
        assertEquals(1.0, paper.inkAt(50, 50));
        assertEquals(1.0, paper.inkAt(54, 50));
        double rim = paper.inkAt(58, 50);
        assertTrue(rim > 0 && rim < 1, "the rim is anti-aliased: " + rim);
        assertEquals(0.0, paper.inkAt(62, 50));
    }

    @Test
    void theEraserRemovesInkAndOverlappingStrokesDoNotDarkenBeyondOne() {
        Paper paper = new Paper(100);
        paper.stroke(10, 50, 90, 50, 8, false);
        paper.stroke(10, 50, 90, 50, 8, false);
        assertEquals(1.0, paper.inkAt(50, 50));
        paper.stroke(40, 20, 40, 80, 8, true);
        assertEquals(0.0, paper.inkAt(40, 50));
        assertEquals(1.0, paper.inkAt(60, 50));
    }

    @Test
    void strokesOffThePaperChangeNothing() {
        Paper paper = new Paper(50);
        assertNull(paper.stroke(-100, -100, -80, -90, 5, false));
        assertTrue(paper.isBlank());
    }

    @Test
    void aSmallPictureIsEnlargedSmoothlyAndCentred() {
        double[] dot = new double[4 * 2];
        dot[0] = 1; // top-left pixel of a 4×2 picture
        double[] fitted = Paper.fit(dot, 4, 2, 100, 0.8);
        // 80 wide, 40 tall, centred: rows 30..69, columns 10..89
        assertEquals(0.0, fitted[29 * 100 + 20]);
        assertTrue(fitted[31 * 100 + 12] > 0.9, "the inked corner");
        assertEquals(0.0, fitted[50 * 100 + 80], 1e-12);
        double middle = fitted[31 * 100 + 30]; // where the ink fades between pixel 0 and pixel 1
        assertTrue(middle > 0 && middle < 1, "linear interpolation, not blocks: " + middle);
    }

    @Test
    void aLargePictureIsAreaAveraged() {
        int side = 1000;
        double[] stripes = new double[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x += 2) {
                stripes[y * side + x] = 1;
            }
        }
        double[] fitted = Paper.fit(stripes, side, side, 100, 1.0);
        for (int i = 0; i < fitted.length; i++) {
            assertEquals(0.5, fitted[i], 1e-9, "pixel " + i);
        }
    }
}
