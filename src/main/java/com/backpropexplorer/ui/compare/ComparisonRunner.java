package com.backpropexplorer.ui.compare;

import com.backpropexplorer.engine.KernelFactory;
import com.backpropexplorer.engine.Trainer;
import com.backpropexplorer.engine.TrainingData;
import com.backpropexplorer.engine.TrainingListener;
import com.backpropexplorer.engine.TrainingSummary;
import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.explain.ActivationHistogram;
import com.backpropexplorer.explain.TrainingHealth;
import com.backpropexplorer.ui.Sentence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.ejml.data.DMatrixRMaj;

/**
 * Trains one configuration of a comparison on the calling thread and reports what the view
 * needs as {@link ComparisonRun} snapshots, at most every {@code publishNanos} and once at the
 * end. No JavaFX here: the queue hands the snapshots to the FX thread.
 */
final class ComparisonRunner implements TrainingListener {
    /** Samples the activations and dead units are counted on: the first 1,000 test images. */
    static final int PROBE_ROWS = 1000;
    /** Health is measured every this-many updates. */
    static final int HEALTH_EVERY = 20;

    private final ComparisonRun queued;
    private final TrainingData data;
    private final KernelFactory kernels;
    private final Consumer<ComparisonRun> publish;
    private final long publishNanos;
    private final DMatrixRMaj probe;
    private Trainer trainer;
    private TrainingHealth health;
    private ActivationHistogram start;
    private double[] losses = new double[1024];
    private int lossCount;
    private final List<ComparisonRun.Epoch> epochs = new ArrayList<>();
    private long lastPublish;
    private volatile boolean cancelled;

    ComparisonRunner(ComparisonRun queued, TrainingData data, KernelFactory kernels, Consumer<ComparisonRun> publish,
                     long publishNanos) {
        this.queued = queued;
        this.data = data;
        this.kernels = kernels;
        this.publish = publish;
        this.publishNanos = publishNanos;
        this.probe = probeOf(data);
    }

    private static DMatrixRMaj probeOf(TrainingData data) {
        DMatrixRMaj test = data.testImages();
        int rows = Math.min(PROBE_ROWS, test.numRows);
        DMatrixRMaj out = new DMatrixRMaj(rows, test.numCols);
        System.arraycopy(test.data, 0, out.data, 0, rows * test.numCols);
        return out;
    }

    /** Trains to the end (or a cancel) and returns the last snapshot, which was also published. */
    ComparisonRun run() {
        TwoLayerNet net = queued.config().newNet(data.inputSize(), data.classCount());
        start = ActivationHistogram.of(net, probe);
        health = new TrainingHealth(net, probe, HEALTH_EVERY);
        trainer = new Trainer(net, queued.config(), data, kernels);
        if (cancelled) {
            trainer.cancel();
        }
        publish(ComparisonRun.Status.RUNNING, null, null);
        TrainingSummary summary = trainer.run(this);
        ComparisonRun.Status status = switch (summary.status()) {
            case COMPLETED -> ComparisonRun.Status.DONE;
            case CANCELLED -> ComparisonRun.Status.CANCELLED;
            case DIVERGED -> ComparisonRun.Status.DIVERGED;
        };
        return publish(status, ActivationHistogram.of(net, probe), summary.diverged() ? divergence(summary) : null);
    }

    /** Any thread. */
    void cancel() {
        cancelled = true;
        Trainer made = trainer;
        if (made != null) {
            made.cancel();
        }
    }

    @Override
    public void onIteration(int iteration, double loss) {
        if (lossCount == losses.length) {
            losses = Arrays.copyOf(losses, lossCount * 2);
        }
        losses[lossCount++] = loss;
        health.afterUpdate(iteration);
        long now = System.nanoTime();
        if (now - lastPublish >= publishNanos) {
            publish(ComparisonRun.Status.RUNNING, null, null);
        }
    }

    @Override
    public void onEpoch(int epoch, int iteration, double trainAccuracy, double testAccuracy) {
        epochs.add(new ComparisonRun.Epoch(iteration, trainAccuracy, testAccuracy));
    }

    private ComparisonRun publish(ComparisonRun.Status status, ActivationHistogram end, Sentence why) {
        lastPublish = System.nanoTime();
        ComparisonRun run = new ComparisonRun(queued.id(), queued.label(), queued.config(), status,
                Arrays.copyOf(losses, lossCount), epochs, start, end, health.snapshot(), why);
        publish.accept(run);
        return run;
    }

    /** What a diverged run's legend entry says: where, how far the loss leapt, at which learning rate. */
    private static Sentence divergence(TrainingSummary summary) {
        double bad = summary.badLoss();
        String badText = Double.isNaN(bad) ? "NaN" : Double.isInfinite(bad) ? "∞"
                : String.format(Locale.ROOT, "%.4g", bad);
        return Sentence.of("compare.why.diverged", summary.divergedAt(), badText, summary.learningRate());
    }
}
