package com.backpropexplorer.explain;

import com.backpropexplorer.engine.NumericalGradient;
import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.explain.WeightProbe.Element;
import java.util.Arrays;
import java.util.concurrent.CancellationException;

/**
 * The book's {@code numerical_gradient(f, x)} on one parameter of a TwoLayerNet lesson, as an
 * animation: element by element, the net's own array is nudged to x + h in place and the loss
 * is computed (f ignores its argument: {@code lambda W: self.loss(x, t)} reads the array the net
 * holds), then to x − h and the loss again, and the central difference
 * {@code (fxh1 − fxh2) / 2h} fills in that element of the gradient; then the element is put
 * back. Each loss is the lesson's batch loss with the nudged element, computed the local way
 * ({@link LocalNumericalGradient}: only what the element moves), so the finished gradient is
 * the gradient check's numerical gradient, to the bit.
 *
 * <p>Owns a private copy of the net; not thread-safe: one thread (the engine's) walks it and
 * hands the UI immutable {@link Step}s and tensors.
 */
public final class NumericalGradientWalk {

    /** The lines of the loop, in the order they run for each element (anchors in gradient.py). */
    public enum Phase {
        KEEP("numgrad:keep"),
        PLUS("numgrad:plus"),
        F_PLUS("numgrad:fplus"),
        MINUS("numgrad:minus"),
        F_MINUS("numgrad:fminus"),
        DIFF("numgrad:diff"),
        RESTORE("numgrad:restore");

        private final String anchor;

        Phase(String anchor) {
            this.anchor = anchor;
        }

        /** The listing anchor of the phase's line (see {@code Listing#withAnchor}). */
        public String anchor() {
            return anchor;
        }
    }

    /**
     * What one element's turn did.
     *
     * @param index the element, row-major (idx in the book's loop)
     * @param original the element's value before (tmp_val)
     * @param lossPlus f(x + h): the batch loss with the element raised by h (fxh1)
     * @param lossMinus f(x − h) (fxh2)
     * @param gradient (fxh1 − fxh2) / 2h
     */
    public record Step(String param, int index, int row, int col, double original, double lossPlus, double lossMinus,
                       double gradient) {
        /** What the net's own array holds at this element during a phase: x + h, x − h, or x. */
        public double heldDuring(Phase phase) {
            return switch (phase) {
                case PLUS, F_PLUS -> original + NumericalGradient.H;
                case MINUS, F_MINUS -> original - NumericalGradient.H;
                default -> original;
            };
        }
    }

    private final String param;
    private final TwoLayerNet net;
    private final BatchState state;
    private final int rows;
    private final int cols;
    private final double[] gradient;
    private final double[] lossPlus;
    private final double[] lossMinus;
    private int done;

    private NumericalGradientWalk(String param, TwoLayerNet net, org.ejml.data.DMatrixRMaj x, int[] labels) {
        if (!TwoLayerNet.PARAM_NAMES.contains(param)) {
            throw new IllegalArgumentException("no parameter " + param + ": use W1, b1, W2 or b2");
        }
        this.param = param;
        this.net = net.copy();
        this.state = new BatchState(this.net, x.copy(), labels.clone());
        this.rows = this.net.params().get(param).numRows;
        this.cols = this.net.params().get(param).numCols;
        int n = rows * cols;
        this.gradient = new double[n];
        this.lossPlus = new double[n];
        this.lossMinus = new double[n];
    }

    /**
     * The walk over one parameter of a TwoLayerNet lesson (ch4, mnist, tiny), on the batch and
     * weights of its current pass.
     */
    public static NumericalGradientWalk of(Lesson lesson, String param) {
        if (!(lesson.pass() instanceof TwoLayerPass pass)) {
            throw new IllegalArgumentException(lesson.id() + " has no TwoLayerNet to take a numerical gradient of");
        }
        return new NumericalGradientWalk(param, pass.net(), pass.rows(), pass.rowLabels());
    }

    /** The walk over one parameter of any TwoLayerNet on a batch (the net is copied). */
    public static NumericalGradientWalk of(TwoLayerNet net, org.ejml.data.DMatrixRMaj x, int[] labels, String param) {
        return new NumericalGradientWalk(param, net, x, labels);
    }

    public String param() {
        return param;
    }

    /** How many elements the parameter has: the loop's length. */
    public int size() {
        return gradient.length;
    }

    /** How many elements are done. */
    public int done() {
        return done;
    }

    public boolean finished() {
        return done == gradient.length;
    }

    /** The loss with nothing nudged. */
    public double loss() {
        return state.loss();
    }

    /** Runs the next element's turn and returns it. */
    public Step next() {
        if (finished()) {
            throw new IllegalStateException("every element of " + param + " is done");
        }
        int i = done;
        Element e = new Element(param, i / cols, i % cols);
        double h = NumericalGradient.H;
        double up = state.change(e, h);
        double down = state.change(e, -h);
        gradient[i] = (up - down) / (2 * h);
        lossPlus[i] = state.loss() + up;
        lossMinus[i] = state.loss() + down;
        done++;
        return step(i);
    }

    /** The turn of an element already done. */
    public Step step(int index) {
        if (index < 0 || index >= done) {
            throw new IllegalArgumentException("element " + index + " is not done yet (" + done + " are)");
        }
        return new Step(param, index, index / cols, index % cols, net.params().get(param).data[index],
                lossPlus[index], lossMinus[index], gradient[index]);
    }

    /**
     * Fast-forward: runs the turns up to element {@code until} (exclusive), telling the monitor
     * how far it is now and then.
     *
     * @throws CancellationException when the monitor asks to stop (the elements done stay done)
     */
    public void runTo(int until, LocalNumericalGradient.Monitor monitor) {
        int end = Math.min(until, gradient.length);
        while (done < end) {
            if (done % cols == 0) {
                if (monitor.isCancelled()) {
                    throw new CancellationException("numerical gradient cancelled");
                }
                monitor.progress(done, gradient.length);
            }
            next();
        }
        monitor.progress(done, gradient.length);
    }

    /** The gradient as filled in so far (elements not done yet are 0, as in np.zeros_like). */
    public Tensor gradientSoFar() {
        return Tensor.wrap("d" + param, rows, cols, Arrays.copyOf(gradient, gradient.length));
    }

    /**
     * The parameter as the net holds it while element {@code index} is in {@code phase}: the
     * one element nudged, everything else as it is. This is the array {@code f} reads.
     */
    public Tensor heldDuring(int index, Phase phase) {
        double[] held = net.params().get(param).data.clone();
        held[index] = new Step(param, index, index / cols, index % cols, held[index], 0, 0, 0).heldDuring(phase);
        return Tensor.wrap(param, rows, cols, held);
    }
}
