package com.backpropexplorer.engine;

import java.util.function.BooleanSupplier;

/**
 * The arithmetic of one training run, as {@link Trainer} asks for it step by step: the loss of
 * a minibatch (the forward pass, which keeps what backward needs), then the update (backward and
 * the optimizer's step), and now and then the accuracy on the whole training and test sets.
 *
 * <p>{@link KernelFactory#PLAIN} computes all of it with the book's layers. A faster kernel (the
 * engine's fast package) may take any shortcut that leaves the numbers those of the plain one.
 * A kernel owns the net's parameters while the run lasts: only it writes them.
 */
public interface TrainingKernel extends AutoCloseable {

    /**
     * The loss of the net on the batch (the book's {@code network.loss(x_batch, t_batch)}): the
     * drawn rows of the training set, or the batch's own images once it was
     * {@link Minibatch#gather gathered}.
     */
    double loss(Minibatch batch);

    /**
     * Backward from the last {@link #loss} and one step of the optimizer
     * ({@code grad = network.gradient(...)}, {@code optimizer.update(params, grad)}), keeping
     * the weights from before it for {@link #undoLastUpdate}.
     */
    void update();

    /** Puts back the weights from before the last {@link #update} (which led to a diverging loss). */
    void undoLastUpdate();

    /**
     * The book's {@code network.accuracy(x_train, t_train)}.
     *
     * @param stop asked now and then; true ends the pass with a CancellationException
     */
    double trainAccuracy(BooleanSupplier stop);

    /** The book's {@code network.accuracy(x_test, t_test)}; see {@link #trainAccuracy}. */
    double testAccuracy(BooleanSupplier stop);

    /**
     * The predicted class of every test sample, the pass from which the test accuracy and the
     * confusion matrix are both counted; null when the kernel cannot list them (then the
     * trainer asks {@link #testAccuracy}).
     *
     * @param stop see {@link #trainAccuracy}
     */
    default int[] testPredictions(BooleanSupplier stop) {
        return null;
    }

    /** Ends whatever the kernel holds (helper threads); it is not used afterwards. */
    @Override
    default void close() {
    }
}
