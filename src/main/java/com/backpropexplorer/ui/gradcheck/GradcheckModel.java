package com.backpropexplorer.ui.gradcheck;

import com.backpropexplorer.data.DataException;
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
import com.backpropexplorer.ui.pages.AppContext;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.LongConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
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
    private final AppContext ctx;
    private final ObjectProperty<Example> net = new SimpleObjectProperty<>(this, "net", Example.TINY);
    private final IntegerProperty samples = new SimpleIntegerProperty(this, "samples", MnistLesson.BATCH);
    private final ObjectProperty<Gradcheck.Method> method = new SimpleObjectProperty<>(this, "method", Gradcheck.Method.LOCAL);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyObjectWrapper<GradcheckResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    /** "cancelled", "failed: …" or empty: what the last run ended with if not a result. */
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper cancelled = new ReadOnlyBooleanWrapper(this, "cancelled");
    private Task<GradcheckResult> task;
    private volatile LongConsumer progressListener = done -> { };

    public GradcheckModel(AppContext ctx) {
        this.ctx = ctx;
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

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
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
        Trace shown = ctx.lesson(which).trace();
        TwoLayerNet fallback = which == Example.MNIST
                ? (ctx.trainedNetProperty().get() != null ? ctx.trainedNetProperty().get().copy()
                        : MnistLesson.untrainedNet())
                : Tracer.TinyLesson.of(Tracer.TINY_SEED).net();
        Path folder = ctx.mnistFolderProperty().get();
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
        problem.set("");
        t.setOnSucceeded(e -> finished(t.getValue(), ""));
        t.setOnCancelled(e -> {
            cancelled.set(true);
            finished(null, "cancelled");
        });
        t.setOnFailed(e -> {
            Throwable error = t.getException();
            if (error instanceof CancellationException) {
                cancelled.set(true);
                finished(null, "cancelled");
            } else {
                finished(null, DataException.describe(error, ctx.i18n().locale()));
            }
        });
        ctx.background().execute(t);
    }

    /** Stops the running check (its partial result is dropped). */
    public void cancel() {
        if (task != null && running.get()) {
            task.cancel(false);
        }
    }

    private void finished(GradcheckResult value, String why) {
        progress.unbind();
        running.set(false);
        if (value != null) {
            result.set(value);
            progress.set(1);
        } else {
            progress.set(0);
        }
        problem.set(why);
        task = null;
    }

    private MnistDataset testSet(Path folder) throws DataException {
        return ctx.mnistCache().test(MnistLocator.system().locate(folder));
    }

    private static TwoLayerNet netOf(Trace trace) {
        Map<String, DMatrixRMaj> params = new LinkedHashMap<>();
        trace.params().forEach((name, t) -> params.put(name, t.toMatrix()));
        boolean sigmoid = trace.nodes().stream().anyMatch(n -> n.kind() == LayerKind.SIGMOID);
        return TwoLayerNet.fromParams(params, sigmoid ? Activation.SIGMOID : Activation.RELU);
    }
}
