package com.backpropexplorer.engine.augment;

import com.backpropexplorer.engine.BatchAugmenter;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * Data augmentation for 28×28 digits, made to look like digits drawn on the app's canvas after
 * its MNIST-style preprocessing (crop to the ink, fit the longer side to 20 pixels, centre the
 * mass): with probability 4/5 each image of the batch gets its strokes thinned or thickened
 * (a grey-level erosion or dilation with a 3×3 cross, blended in by a random amount, up to half
 * of the erosion, which would wipe out MNIST's two-pixel strokes, and up to all of the
 * dilation), is turned
 * by up to ±15°, scaled by 0.8 to 1.2 on each axis independently and sheared by up to ±0.2,
 * and then fitted and centred again the way the preprocessing does it, so the random scale
 * shows as a changed aspect ratio, as in drawings. Last, it is shifted by a pixel in each
 * direction with probability 1/3 each: a drawing's centre of mass lands a pixel off now and
 * then. The rest of the batch is left as MNIST made it.
 *
 * <p>About 5 µs an image. Not thread-safe (reuses buffers); one per training run.
 */
public final class DigitAugmenter implements BatchAugmenter {
    private static final int SIDE = 28;
    private static final double BOX = 20;
    private static final double KEEP_ORIGINAL = 0.2;
    private static final double MAX_ROTATION = Math.toRadians(15);
    private static final double MIN_SCALE = 0.8;
    private static final double MAX_SCALE = 1.2;
    private static final double MAX_SHEAR = 0.2;

    private final double[] src = new double[SIDE * SIDE];
    private final double[] morph = new double[SIDE * SIDE];
    private final double[] warped = new double[SIDE * SIDE];

    @Override
    public void augment(DMatrixRMaj x, SplittableRandom random) {
        if (x.numCols != SIDE * SIDE) {
            throw new IllegalArgumentException("digit augmentation needs 28×28 = 784 pixels a row, not " + x.numCols);
        }
        for (int r = 0; r < x.numRows; r++) {
            if (random.nextDouble() < KEEP_ORIGINAL) {
                continue;
            }
            int offset = r * SIDE * SIDE;
            System.arraycopy(x.data, offset, src, 0, src.length);
            strokes(-0.5 + 1.5 * random.nextDouble());
            if (warp(random)) {
                centre(random.nextInt(3) - 1, random.nextInt(3) - 1, x.data, offset);
            }
        }
    }

    /** Thickens ({@code amount} > 0) or thins ({@code amount} < 0) the strokes of {@link #src}. */
    private void strokes(double amount) {
        boolean dilate = amount > 0;
        double weight = Math.abs(amount);
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int i = y * SIDE + x;
                double v = src[i];
                double m = v;
                m = pick(m, x > 0 ? src[i - 1] : 0, dilate);
                m = pick(m, x < SIDE - 1 ? src[i + 1] : 0, dilate);
                m = pick(m, y > 0 ? src[i - SIDE] : 0, dilate);
                m = pick(m, y < SIDE - 1 ? src[i + SIDE] : 0, dilate);
                morph[i] = v + weight * (m - v);
            }
        }
        System.arraycopy(morph, 0, src, 0, src.length);
    }

    private static double pick(double a, double b, boolean max) {
        return max ? Math.max(a, b) : Math.min(a, b);
    }

    /**
     * Maps {@link #src} through a random rotation, scale and shear into {@link #warped}, scaled
     * so the ink's bounding box has a longer side of 20 pixels and centred on the box's centre.
     *
     * @return false when there is no ink left (then the row stays as it was)
     */
    private boolean warp(SplittableRandom random) {
        double angle = (random.nextDouble() * 2 - 1) * MAX_ROTATION;
        double sx = MIN_SCALE + random.nextDouble() * (MAX_SCALE - MIN_SCALE);
        double sy = MIN_SCALE + random.nextDouble() * (MAX_SCALE - MIN_SCALE);
        double shear = (random.nextDouble() * 2 - 1) * MAX_SHEAR;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        // forward map A = R·Sh·S about the image centre
        double a = cos * sx;
        double b = (cos * shear - sin) * sy;
        double c = sin * sx;
        double d = (sin * shear + cos) * sy;
        double centre = SIDE / 2.0;
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                if (src[y * SIDE + x] > 0.05) {
                    double px = x + 0.5 - centre;
                    double py = y + 0.5 - centre;
                    double qx = a * px + b * py;
                    double qy = c * px + d * py;
                    minX = Math.min(minX, qx);
                    maxX = Math.max(maxX, qx);
                    minY = Math.min(minY, qy);
                    maxY = Math.max(maxY, qy);
                }
            }
        }
        if (minX > maxX) {
            return false;
        }
        double fit = BOX / Math.max(1, Math.max(maxX - minX + 1, maxY - minY + 1));
        double midX = (minX + maxX) / 2;
        double midY = (minY + maxY) / 2;
        // output o = fit·(A·p − mid) + centre, so p = A⁻¹·((o − centre)/fit + mid)
        double det = a * d - b * c;
        double ia = d / det;
        double ib = -b / det;
        double ic = -c / det;
        double id = a / det;
        for (int y = 0; y < SIDE; y++) {
            double qy = (y + 0.5 - centre) / fit + midY;
            for (int x = 0; x < SIDE; x++) {
                double qx = (x + 0.5 - centre) / fit + midX;
                double u = ia * qx + ib * qy + centre - 0.5;
                double v = ic * qx + id * qy + centre - 0.5;
                warped[y * SIDE + x] = bilinear(u, v);
            }
        }
        return true;
    }

    private double bilinear(double u, double v) {
        if (u <= -1 || v <= -1 || u >= SIDE || v >= SIDE) {
            return 0;
        }
        int x0 = (int) Math.floor(u);
        int y0 = (int) Math.floor(v);
        double fx = u - x0;
        double fy = v - y0;
        return (1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0))
                + fy * ((1 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1));
    }

    private double at(int x, int y) {
        return x < 0 || y < 0 || x >= SIDE || y >= SIDE ? 0 : src[y * SIDE + x];
    }

    /**
     * Writes {@link #warped} into {@code out}, stretched so its strongest ink is 1 and moved by
     * whole pixels so its centre of mass is at the centre (as MNIST and the preprocessing do),
     * plus ({@code jx}, {@code jy}).
     */
    private void centre(int jx, int jy, double[] out, int offset) {
        double mass = 0;
        double massX = 0;
        double massY = 0;
        double max = 0;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                double v = warped[y * SIDE + x];
                mass += v;
                massX += v * (x + 0.5);
                massY += v * (y + 0.5);
                max = Math.max(max, v);
            }
        }
        int dx = (int) Math.round(SIDE / 2.0 - massX / mass) + jx;
        int dy = (int) Math.round(SIDE / 2.0 - massY / mass) + jy;
        double gain = 1 / max;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int sx = x - dx;
                int sy = y - dy;
                double v = sx < 0 || sy < 0 || sx >= SIDE || sy >= SIDE ? 0 : warped[sy * SIDE + sx] * gain;
                out[offset + y * SIDE + x] = v < 0.02 ? 0 : Math.min(1, v);
            }
        }
    }
}
