package com.backpropexplorer.ui.gradcheck;

import com.backpropexplorer.data.DataException;
import com.backpropexplorer.data.Mnist;
import com.backpropexplorer.data.MnistDataset;
import com.backpropexplorer.data.MnistLocator;
import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.GradientCheck;
import com.backpropexplorer.engine.NumericalGradient;
import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.explain.Example;
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
    /** Which numerical gradient: the local one (one hidden unit per element) or the book's loop. */
    public enum Method { LOCAL, BOOK }

    /** Relative error's floor in the denominator, so two gradients that are both ~0 do not count. */
    public static final double EPSILON = 1e-8;

    private final AppContext ctx;
    private final ObjectProperty<Example> net = new SimpleObjectProperty<>(this, "net", Example.TINY);
    private final IntegerProperty samples = new SimpleIntegerProperty(this, "samples", MnistLesson.BATCH);
    private final ObjectProperty<Method> method = new SimpleObjectProperty<>(this, "method", Method.LOCAL);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyObjectWrapper<GradcheckResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    /** "cancelled", "failed: …" or empty: what the last run ended with if not a result. */
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper cancelled = new ReadOnlyBooleanWrapper(this, "cancelled");
    private Task<GradcheckResult> task;
    private volatile LongConsumer progressListener = done -> { };
    private volatile MnistDataset cachedTest;
    private volatile Path cachedFrom;

    public GradcheckModel(AppContext ctx) {
        this.ctx = ctx;
    }

    public ObjectProperty<Example> netProperty() {
        return net;
    }

    public IntegerProperty samplesProperty() {
        return samples;
    }

    public ObjectProperty<Method> methodProperty() {
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
        Method how = method.get();
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
                String description = checked.inputSize() + "-" + checked.hiddenSize() + "-" + checked.outputSize()
                        + ", N = " + x.numRows;
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
                return check(checked, x, labels, how, description, monitor);
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
        Path dir = folder != null ? MnistLocator.system().locate(folder) : MnistLocator.system().locate(null);
        if (cachedTest == null || !Objects.equals(cachedFrom, dir)) {
            cachedTest = Mnist.loadTest(dir);
            cachedFrom = dir;
        }
        return cachedTest;
    }

    private static TwoLayerNet netOf(Trace trace) {
        Map<String, DMatrixRMaj> params = new LinkedHashMap<>();
        trace.params().forEach((name, t) -> params.put(name, t.toMatrix()));
        boolean sigmoid = trace.nodes().stream().anyMatch(n -> n.kind() == LayerKind.SIGMOID);
        return TwoLayerNet.fromParams(params, sigmoid ? Activation.SIGMOID : Activation.RELU);
    }

    /** The check itself, off the FX thread: backprop, the numerical gradient, and the comparison. */
    static GradcheckResult check(TwoLayerNet net, DMatrixRMaj x, int[] labels, Method how, String description,
                                 LocalNumericalGradient.Monitor monitor) {
        long start = System.nanoTime();
        Map<String, DMatrixRMaj> numerical = how == Method.LOCAL ? LocalNumericalGradient.of(net, x, labels, monitor)
                : bookNumericalGradient(net.copy(), x, labels, monitor);
        long nanos = System.nanoTime() - start;
        Map<String, DMatrixRMaj> backprop = net.copy().gradient(x, labels);
        GradientCheck.Result compared = GradientCheck.compare(backprop, numerical);
        Map<String, Double> maxRelative = new LinkedHashMap<>();
        Map<String, Tensor> relative = new LinkedHashMap<>();
        Map<String, Tensor> backpropT = new LinkedHashMap<>();
        Map<String, Tensor> numericalT = new LinkedHashMap<>();
        for (String name : TwoLayerNet.PARAM_NAMES) {
            DMatrixRMaj a = backprop.get(name);
            DMatrixRMaj b = numerical.get(name);
            DMatrixRMaj rel = new DMatrixRMaj(a.numRows, a.numCols);
            double max = 0;
            for (int i = 0; i < a.data.length; i++) {
                rel.data[i] = relativeError(a.data[i], b.data[i]);
                max = Math.max(max, rel.data[i]);
            }
            maxRelative.put(name, max);
            if (name.startsWith("W")) {
                relative.put(name, Tensor.of(name, rel));
            }
            backpropT.put(name, Tensor.of(name, a));
            numericalT.put(name, Tensor.of(name, b));
        }
        return new GradcheckResult(description, how, compared.meanAbsDiff(), maxRelative, relative, backpropT,
                numericalT, nanos, kinks(net, x));
    }

    /** Hidden inputs a1 = x·W1 + b1 within h of 0 (ReLU only: sigmoid has no kink). */
    static int kinks(TwoLayerNet net, DMatrixRMaj x) {
        if (net.activation() != Activation.RELU) {
            return 0;
        }
        DMatrixRMaj a1 = new DMatrixRMaj(x.numRows, net.hiddenSize());
        org.ejml.dense.row.CommonOps_DDRM.mult(x, net.params().get("W1"), a1);
        com.backpropexplorer.engine.Matrices.addRowInPlace(a1, net.params().get("b1"));
        int count = 0;
        for (double a : a1.data) {
            if (Math.abs(a) < NumericalGradient.H) {
                count++;
            }
        }
        return count;
    }

    /** |a − b| / max(|a|, |b|, ε). */
    public static double relativeError(double a, double b) {
        return Math.abs(a - b) / Math.max(EPSILON, Math.max(Math.abs(a), Math.abs(b)));
    }

    /**
     * The book's loop: each element moved by ±h and the whole loss recomputed, element by
     * element; kept to show what the local version saves.
     */
    private static Map<String, DMatrixRMaj> bookNumericalGradient(TwoLayerNet net, DMatrixRMaj x, int[] labels,
                                                                  LocalNumericalGradient.Monitor monitor) {
        long total = 0;
        for (String name : TwoLayerNet.PARAM_NAMES) {
            total += net.params().get(name).getNumElements();
        }
        long done = 0;
        Map<String, DMatrixRMaj> grads = new LinkedHashMap<>();
        for (String name : TwoLayerNet.PARAM_NAMES) {
            DMatrixRMaj p = net.params().get(name);
            DMatrixRMaj g = new DMatrixRMaj(p.numRows, p.numCols);
            for (int i = 0; i < p.data.length; i++) {
                if (i % p.numCols == 0) {
                    if (monitor.isCancelled()) {
                        throw new CancellationException("numerical gradient cancelled");
                    }
                    monitor.progress(done, total);
                }
                g.data[i] = NumericalGradient.centralDifference(() -> net.loss(x, labels), p, i, NumericalGradient.H);
                done++;
            }
            grads.put(name, g);
        }
        monitor.progress(total, total);
        return grads;
    }
}
