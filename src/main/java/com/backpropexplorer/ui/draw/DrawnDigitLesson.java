package com.backpropexplorer.ui.draw;

import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.explain.Example;
import com.backpropexplorer.explain.Lessons;
import com.backpropexplorer.ui.lesson.LessonRun;
import com.backpropexplorer.ui.lesson.LessonSource;
import org.ejml.data.DMatrixRMaj;

/**
 * The mnist lesson on the learner's own digit: one preprocessed 28×28 drawing, the label they
 * say it is, and the net that read it, stepped forward and backward in the explainer. Pure
 * computation, safe on the lesson's background thread.
 */
public final class DrawnDigitLesson implements LessonSource {
    private final double[] pixels;
    private final int label;
    private final TwoLayerNet net;

    /**
     * @param pixels the 784 inputs (copied)
     * @param label what the learner says the digit is, 0-9: the t of the loss
     * @param net the net (copied)
     */
    public DrawnDigitLesson(double[] pixels, int label, TwoLayerNet net) {
        if (pixels.length != net.inputSize()) {
            throw new IllegalArgumentException(pixels.length + " pixels for a net with " + net.inputSize() + " inputs");
        }
        if (label < 0 || label >= net.outputSize()) {
            throw new IllegalArgumentException("label " + label + " is not a class of the net");
        }
        this.pixels = pixels.clone();
        this.label = label;
        this.net = net.copy();
    }

    public int label() {
        return label;
    }

    @Override
    public Example example() {
        return Example.MNIST;
    }

    @Override
    public String subtitleKey() {
        return "lesson.mnist.drawn.subtitle";
    }

    @Override
    public LessonRun compute() {
        DMatrixRMaj x = new DMatrixRMaj(1, pixels.length, true, pixels.clone());
        return LessonRun.of(Lessons.mnist(net, x, new int[] {label}, "N = 1, t = " + label));
    }
}
