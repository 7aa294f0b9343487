package com.backpropexplorer.ui.buglab;

import com.backpropexplorer.data.DataException;
import com.backpropexplorer.data.MnistCache;
import com.backpropexplorer.data.MnistDataset;
import com.backpropexplorer.data.MnistLocator;
import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.explain.Gradcheck;
import com.backpropexplorer.explain.GradcheckResult;
import com.backpropexplorer.explain.LocalNumericalGradient;
import com.backpropexplorer.explain.bugs.BugLab;
import com.backpropexplorer.explain.bugs.PlantedBug;
import com.backpropexplorer.ui.shared.MonitoredTask;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
import org.ejml.data.DMatrixRMaj;

/**
 * The bug lab's view-model: which planted bug (by its neutral name, or none for the control),
 * the gradient check of a fresh 784-50-10 net with that bug in its backward on the first MNIST
 * test digits (run as a background Task with progress and cancel), the learner's guess of the
 * faulty layer, and whether the bug was revealed. Choosing another bug clears the result, the
 * guess and the reveal. FX thread, except the Task's call.
 */
public final class BugLabModel {
    /** Digits the check runs on: the book's gradient check uses 3. */
    public static final int SAMPLES = 3;
    /** The seed of the lab's fresh net. */
    public static final long SEED = 0;
    /** The layers the learner can suspect, as the book names their classes. */
    public static final List<String> LAYERS = List.of("Affine", "Relu", "Sigmoid", "SoftmaxWithLoss");

    private final Executor background;
    private final Supplier<Path> mnistFolder;
    private final MnistCache mnist;
    /** The bug planted, or empty for the control run without one. */
    private final ObjectProperty<Optional<PlantedBug>> bug = new SimpleObjectProperty<>(this, "bug",
            Optional.of(PlantedBug.values()[0]));
    private final ReadOnlyObjectWrapper<String> guess = new ReadOnlyObjectWrapper<>(this, "guess");
    private final ReadOnlyBooleanWrapper revealed = new ReadOnlyBooleanWrapper(this, "revealed");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyObjectWrapper<GradcheckResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    private Task<GradcheckResult> task;

    /**
     * @param background where the check runs
     * @param mnistFolder where MNIST is, or null to look it up
     * @param mnist the program's one copy of the MNIST test set
     */
    public BugLabModel(Executor background, Supplier<Path> mnistFolder, MnistCache mnist) {
        this.background = background;
        this.mnistFolder = mnistFolder;
        this.mnist = mnist;
        bug.addListener((obs, o, n) -> {
            cancel();
            result.set(null);
            failure.set(null);
            guess.set(null);
            revealed.set(false);
        });
    }

    public ObjectProperty<Optional<PlantedBug>> bugProperty() {
        return bug;
    }

    /** The learner's guess of the faulty layer class ("Relu" …), or null. */
    public ReadOnlyObjectProperty<String> guessProperty() {
        return guess.getReadOnlyProperty();
    }

    public void guess(String layerClass) {
        if (!LAYERS.contains(layerClass)) {
            throw new IllegalArgumentException("no layer " + layerClass + " to suspect: one of " + LAYERS);
        }
        guess.set(layerClass);
    }

    /** Whether the guess names the layer with the bug (false without a guess or a bug). */
    public boolean guessedRight() {
        return guess.get() != null && bug.get().map(b -> b.layerClass().equals(guess.get())).orElse(false);
    }

    public ReadOnlyBooleanProperty revealedProperty() {
        return revealed.getReadOnlyProperty();
    }

    /** Shows which line was wrong. */
    public void reveal() {
        if (bug.get().isPresent()) {
            revealed.set(true);
        }
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The last check of the chosen bug, or null. */
    public ReadOnlyObjectProperty<GradcheckResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Why the last check could not run (MNIST missing …), or null. */
    public ReadOnlyObjectProperty<Throwable> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** Whether the last check caught a bug (some mean |difference| above {@link BugLab#CAUGHT}). */
    public boolean caught() {
        return result.get() != null && BugLab.caught(result.get());
    }

    /** Runs the gradient check of a net with the chosen bug planted, in the background. */
    public void run() {
        if (running.get()) {
            return;
        }
        Optional<PlantedBug> planted = bug.get();
        Path folder = mnistFolder.get();
        Task<GradcheckResult> t = new MonitoredTask<>() {
            @Override
            protected GradcheckResult call() throws DataException {
                MnistDataset digits = mnist.test(MnistLocator.system().locate(folder)).head(SAMPLES);
                DMatrixRMaj x = digits.images();
                int[] labels = digits.labels();
                LocalNumericalGradient.Monitor monitor = monitor();
                if (planted.isPresent()) {
                    TwoLayerNet net = BugLab.netFor(planted.get(), SEED);
                    return BugLab.check(planted.get(), net, x, labels, Gradcheck.Method.LOCAL, monitor);
                }
                TwoLayerNet net = new TwoLayerNet(784, 50, 10, 0.01, Activation.RELU, SEED);
                return Gradcheck.run(net, x, labels, Gradcheck.Method.LOCAL, Gradcheck.describe(net, x), monitor);
            }
        };
        task = t;
        progress.bind(t.progressProperty());
        running.set(true);
        failure.set(null);
        t.setOnSucceeded(e -> finished(t, t.getValue(), null));
        t.setOnCancelled(e -> finished(t, null, null));
        t.setOnFailed(e -> finished(t, null, t.getException() instanceof CancellationException ? null
                : t.getException()));
        background.execute(t);
    }

    public void cancel() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void finished(Task<GradcheckResult> t, GradcheckResult value, Throwable why) {
        if (t != task) {
            return; // a check of a bug no longer chosen
        }
        progress.unbind();
        progress.set(value != null ? 1 : 0);
        running.set(false);
        result.set(value);
        failure.set(why);
        task = null;
    }
}
