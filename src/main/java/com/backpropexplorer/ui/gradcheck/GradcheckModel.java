package com.backpropexplorer.ui.gradcheck;

import com.backpropexplorer.data.DataException;
import com.backpropexplorer.data.MnistCache;
import com.backpropexplorer.data.MnistDataset;
import com.backpropexplorer.data.MnistLocator;
import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.explain.Example;
import com.backpropexplorer.explain.Gradcheck;
import com.backpropexplorer.explain.GradcheckResult;
import com.backpropexplorer.explain.LayerKind;
import com.backpropexplorer.explain.LocalNumericalGradient;
import com.backpropexplorer.explain.Tensor;
import com.backpropexplorer.explain.Trace;
import com.backpropexplorer.explain.Tracer;
import com.backpropexplorer.ui.lesson.MnistLesson;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
import org.ejml.data.DMatrixRMaj;

/**
 * The gradient-check page's view-model: which net (tiny or the 784-50-10 mnist net as the
 * lessons currently hold them, edits from the weights panel included), how many samples, which
 * numerical gradient; runs the check as a background Task with progress and cancel. FX thread,
 * except the Task's call.
 */
public final class GradcheckModel {
    private final Executor background;
    private final Function<Example, Trace> lessonTrace;
    private final Supplier<TwoLayerNet> trained;
    private final Supplier<Path> mnistFolder;
    private final MnistCache mnist;
    private final ObjectProperty<Example> net = new SimpleObjectProperty<>(this, "net", Example.TINY);
    private final IntegerProperty samples = new SimpleIntegerProperty(this, "samples", MnistLesson.BATCH);
    private final ObjectProperty<Gradcheck.Method> method = new SimpleObjectProperty<>(this, "method", Gradcheck.Method.LOCAL);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyObjectWrapper<GradcheckResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    /** Why the last run failed (not cancelled), or null: the page says it in the learner's language. */
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    private final ReadOnlyBooleanWrapper cancelled = new ReadOnlyBooleanWrapper(this, "cancelled");
    private Task<GradcheckResult> task;
    private volatile LongConsumer progressListener = done -> { };

    /**
     * @param background where the check runs
     * @param lessonTrace the pass a lesson shows now (tiny or mnist), or null before it computed one
     * @param trained a copy of the learner's net, or null: the mnist net until the lesson has a pass
     * @param mnistFolder where MNIST is, or null to look it up
     * @param mnist the program's one copy of the MNIST test set, once loaded
     */
    public GradcheckModel(Executor background, Function<Example, Trace> lessonTrace, Supplier<TwoLayerNet> trained,
                          Supplier<Path> mnistFolder, MnistCache mnist) {
        this.background = background;
        this.lessonTrace = lessonTrace;
        this.trained = trained;
        this.mnistFolder = mnistFolder;
        this.mnist = mnist;
    }

    public ObjectProperty<Example> netProperty() {
        return net;
    }

    public IntegerProperty samplesProperty() {
        return samples;
    }

    public ObjectProperty<Gradcheck.Method> methodProperty() {
        return method;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<GradcheckResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Throwable> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cancelledProperty() {
        return cancelled.getReadOnlyProperty();
    }

    /**
     * Told, on the worker thread, how many elements are done each time progress is reported
     * (e.g. a test that wants the run to last long enough to cancel it).
     */
    public void setProgressListener(LongConsumer listener) {
        this.progressListener = Objects.requireNonNull(listener);
    }

    /** Starts a check in the background unless one is running. */
    public void run() {
        if (running.get()) {
            return;
        }
        Example which = net.get();
        int n = samples.get();
        Gradcheck.Method how = method.get();
        Trace shown = lessonTrace.apply(which);
        TwoLayerNet learners = which == Example.MNIST ? trained.get() : null;
        TwoLayerNet fallback = which == Example.MNIST
                ? (learners != null ? learners : MnistLesson.untrainedNet())
                : Tracer.TinyLesson.of(Tracer.TINY_SEED).net();
        Path folder = mnistFolder.get();
        Task<GradcheckResult> t = new Task<>() {
            @Override
            protected GradcheckResult call() throws Exception {
                TwoLayerNet checked = shown != null ? netOf(shown) : fallback;
                DMatrixRMaj x;
                int[] labels;
                if (which == Example.MNIST) {
                    MnistDataset test = testSet(folder);
                    int[] indices = new int[Math.min(n, test.size())];
                    for (int i = 0; i < indices.length; i++) {
                        indices[i] = i;
                    }
                    x = test.images(indices);
                    labels = test.labels(indices);
                } else {
                    Tracer.TinyLesson tiny = Tracer.TinyLesson.of(Tracer.TINY_SEED);
                    x = tiny.x();
                    labels = tiny.labels();
                }
                Task<?> self = this;
                LocalNumericalGradient.Monitor monitor = new LocalNumericalGradient.Monitor() {
                    @Override
                    public void progress(long done, long total) {
                        updateProgress(done, total);
                        progressListener.accept(done);
                    }

                    @Override
                    public boolean isCancelled() {
                        return self.isCancelled();
                    }
                };
                return Gradcheck.run(checked, x, labels, how, Gradcheck.describe(checked, x), monitor);
            }
        };
        task = t;
        progress.bind(t.progressProperty());
        running.set(true);
        cancelled.set(false);
        failure.set(null);
        t.setOnSucceeded(e -> finished(t.getValue(), null));
        t.setOnCancelled(e -> {
            cancelled.set(true);
            finished(null, null);
        });
        t.setOnFailed(e -> {
            Throwable error = t.getException();
            if (error instanceof CancellationException) {
                cancelled.set(true);
                finished(null, null);
            } else {
                finished(null, error);
            }
        });
        background.execute(t);
    }

    /** Stops the running check (its partial result is dropped). */
    public void cancel() {
        if (task != null && running.get()) {
            task.cancel(false);
        }
    }

    private void finished(GradcheckResult value, Throwable why) {
        progress.unbind();
        running.set(false);
        if (value != null) {
            result.set(value);
            progress.set(1);
        } else {
            progress.set(0);
        }
        failure.set(why);
        task = null;
    }

    private MnistDataset testSet(Path folder) throws DataException {
        return mnist.test(MnistLocator.system().locate(folder));
    }

    private static TwoLayerNet netOf(Trace trace) {
        Map<String, DMatrixRMaj> params = new LinkedHashMap<>();
        trace.params().forEach((name, t) -> params.put(name, t.toMatrix()));
        boolean sigmoid = trace.nodes().stream().anyMatch(n -> n.kind() == LayerKind.SIGMOID);
        return TwoLayerNet.fromParams(params, sigmoid ? Activation.SIGMOID : Activation.RELU);
    }
}
