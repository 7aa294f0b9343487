package com.backpropexplorer.ui.train;

import com.backpropexplorer.engine.ConfusionMatrix;
import com.backpropexplorer.engine.Matrices;
import com.backpropexplorer.engine.Trainer;
import com.backpropexplorer.engine.TrainingConfig;
import com.backpropexplorer.engine.TrainingData;
import com.backpropexplorer.engine.TrainingListener;
import com.backpropexplorer.engine.TrainingSummary;
import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.engine.fast.FastKernels;
import com.backpropexplorer.explain.TrainingHealth;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;

/**
 * One training run on its own daemon thread, which owns the net while it trains. It reports
 * through a {@link SnapshotChannel}: every loss (in chunks), every epoch's accuracies, and
 * progress at most {@value #PROGRESS_HZ} times a second with W1 as tiles and the predictions
 * on the strip of test digits at most {@value #PICTURE_HZ} times a second.
 *
 * <p>It also measures the run's health ({@link TrainingHealth}: update sizes and dead ReLU units
 * on the first {@value #HEALTH_PROBE} test digits), every 1 % of the run, and sends what it has
 * with the pictures.
 *
 * <p>Pause waits at a gate between two updates; before waiting the run hands out a copy of the
 * weights, so the paused net can be shown in the explainer or saved.
 */
final class TrainingRun implements TrainingListener {
    static final int PROGRESS_HZ = 20;
    static final int PICTURE_HZ = 5;
    /** The health's dead units are counted on this many test digits, a batch of the book's size. */
    static final int HEALTH_PROBE = 100;
    private static final long PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(1) / PROGRESS_HZ;
    private static final long PICTURE_NANOS = TimeUnit.SECONDS.toNanos(1) / PICTURE_HZ;
    /*
     * For its first second and a half a run pauses 2 ms after every 4 ms of training. That is when
     * the JIT compiles the kernel and the renderer's paths (one C2 compile of the rasteriser took
     * 100 ms of a core) and the charts draw for the first time: with the trainer flat out on one
     * of two cores, frames of 55-63 ms came then. Breathing, none over 50 ms in our runs, for
     * about half a second more on the book's 10,000 updates.
     */
    static final long LATE_MILLIS = 10;
    private static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(LATE_MILLIS);
    static final long MAX_NAP_MILLIS = 50;
    static final long BLOCKED_MILLIS = 250;
    private static final long BLOCKED_NANOS = TimeUnit.MILLISECONDS.toNanos(BLOCKED_MILLIS);
    private static final long MAX_NAP_NANOS = TimeUnit.MILLISECONDS.toNanos(MAX_NAP_MILLIS);
    private static final long NAP_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long WARM_UP_NANOS = TimeUnit.MILLISECONDS.toNanos(1500);
    private static final long BREATH_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(4);
    private static final long BREATH_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final java.util.function.Supplier<Trainer> makeTrainer;
    private final TrainingConfig config;
    /** Made on the training thread, so that drawing a new net's random weights never delays a frame. */
    private volatile Trainer trainer;
    private final int offset;
    private final int epochLength;
    private final DMatrixRMaj strip;
    private final SnapshotChannel channel;
    private final Object gate = new Object();
    private final Thread thread;
    private volatile boolean pauseRequested;
    private volatile boolean cancelled;

    // training thread only
    private double[] losses = new double[64];
    private int lossCount;
    private int firstPending;
    private int runDone;
    private long startNanos;
    private long pausedNanos;
    private long lastProgress;
    private long lastPicture;
    private long lastBreath;
    private TrainingHealth health;
    private int healthSent;
    private volatile long naps;

    /**
     * @param makeTrainer builds the run's trainer (and its net) on the training thread
     * @param config the trainer's configuration
     * @param offset updates the net had before this run (continuing a run counts on)
     * @param strip the test digits whose predictions are shown, one a row
     */
    TrainingRun(java.util.function.Supplier<Trainer> makeTrainer, TrainingConfig config, int offset, int trainSize,
                DMatrixRMaj strip, SnapshotChannel channel) {
        this.makeTrainer = makeTrainer;
        this.config = config;
        this.offset = offset;
        this.epochLength = config.iterationsPerEpoch(trainSize);
        this.strip = strip;
        this.channel = channel;
        this.firstPending = offset;
        this.thread = new Thread(this::body, "trainer");
        // closing the window must end the process even mid-step
        thread.setDaemon(true);
    }

    /**
     * A run of the fast kernels on {@code sets}.
     *
     * @param from the net to train further, or null for a fresh one (drawn on the training thread)
     * @param strip the test digits whose predictions are shown, or null
     */
    static TrainingRun of(TwoLayerNet from, TrainingConfig config, TrainingData sets, FastKernels kernels, int offset,
                          DigitStrip strip, SnapshotChannel channel) {
        java.util.function.Supplier<Trainer> trainer = () -> new Trainer(
                from != null ? from : config.newNet(sets.inputSize(), sets.classCount()), config, sets, kernels);
        return new TrainingRun(trainer, config, offset, sets.trainSize(),
                strip == null ? new DMatrixRMaj(0, sets.inputSize()) : strip.images().copy(), channel);
    }

    void start() {
        thread.start();
    }

    Thread thread() {
        return thread;
    }

    /** Stops at the gate after the current update (any thread). */
    void pause() {
        pauseRequested = true;
    }

    void resume() {
        synchronized (gate) {
            pauseRequested = false;
            gate.notifyAll();
        }
    }

    /** Ends the run before its next update or accuracy chunk (any thread), keeping the weights. */
    void cancel() {
        cancelled = true;
        Trainer made = trainer;
        if (made != null) {
            made.cancel();
        }
        synchronized (gate) {
            gate.notifyAll();
        }
    }

    private void body() {
        startNanos = System.nanoTime();
        try {
            Trainer made = makeTrainer.get();
            health = new TrainingHealth(made.net(), firstRows(made.data().testImages(), HEALTH_PROBE),
                    healthEvery(config.iterations()));
            trainer = made;
            if (cancelled) {
                made.cancel(); // cancel() came before there was a trainer to tell
            }
            made.run(this);
        } catch (RuntimeException | OutOfMemoryError e) {
            channel.event(new TrainingEvent.Failed(e));
        }
    }

    // ------------------------------------------------------------ listener (training thread)

    @Override
    public void onIteration(int iteration, double loss) {
        if (lossCount == losses.length) {
            losses = Arrays.copyOf(losses, losses.length * 2);
        }
        losses[lossCount++] = loss;
        runDone = iteration + 1;
        health.afterUpdate(iteration);
        if (iteration % epochLength != 0) {
            afterUpdate(false); // on epoch iterations the accuracies come first, then onEpoch does this
        }
    }

    @Override
    public void onEpoch(int epoch, int iteration, double trainAccuracy, double testAccuracy) {
        flushLosses();
        channel.event(new TrainingEvent.EpochAccuracy(offset + iteration, trainAccuracy, testAccuracy));
        afterUpdate(true);
    }

    @Override
    public void onConfusion(int epoch, int iteration, ConfusionMatrix confusion) {
        channel.event(new TrainingEvent.Confusion(new EpochConfusion(offset + iteration, confusion,
                trainer.net().copy())));
    }

    @Override
    public void onFinish(TrainingSummary summary) {
        flushLosses();
        if (summary.confusion() != null) {
            // the final accuracy pass's matrix (a new one when the run did not end on an epoch boundary)
            onConfusion(-1, runDone - 1, summary.confusion());
        }
        publishProgress(System.nanoTime(), true);
        sendHealth();
        channel.event(new TrainingEvent.Finished(summary, trainer.net().copy()));
    }

    private void afterUpdate(boolean force) {
        long now = System.nanoTime();
        if (now - startNanos < WARM_UP_NANOS && now - lastBreath >= BREATH_EVERY_NANOS) {
            java.util.concurrent.locks.LockSupport.parkNanos(BREATH_NANOS);
            lastBreath = System.nanoTime();
        }
        stepAsideWhileTheWindowIsLate();
        if (force || now - lastProgress >= PROGRESS_NANOS) {
            flushLosses();
            publishProgress(now, force || now - lastPicture >= PICTURE_NANOS);
        }
        if (pauseRequested && !cancelled) {
            waitAtGate();
        }
    }

    /**
     * The window first: while the FX thread has left a heartbeat waiting longer than
     * {@value #LATE_MILLIS} ms, the trainer naps 2 ms at a time (at most {@value #MAX_NAP_MILLIS}
     * ms an update), so a frame never has to wait long for a core. It costs nothing while the
     * window keeps up; it matters when the machine has less than two cores to give (other
     * programs, a virtual machine's host taking one), where frames of 51-67 ms came otherwise.
     * A heartbeat waiting over {@value #BLOCKED_MILLIS} ms means the FX thread is busy or blocked
     * rather than short of a core, which napping does not help: then training goes on at full
     * speed.
     */
    private void stepAsideWhileTheWindowIsLate() {
        long napped = 0;
        long now = System.nanoTime();
        long late;
        while (!cancelled && napped < MAX_NAP_NANOS && (late = channel.fxLateness(now)) > LATE_NANOS
                && late < BLOCKED_NANOS) {
            java.util.concurrent.locks.LockSupport.parkNanos(NAP_NANOS);
            long after = System.nanoTime();
            napped += after - now;
            now = after;
        }
        naps += napped;
    }

    /** Nanoseconds the run has stepped aside for the window (tests, benchmarks). */
    long stepAsideNanos() {
        return naps;
    }

    private void waitAtGate() {
        long pausedAt = System.nanoTime();
        flushLosses();
        publishProgress(pausedAt, true);
        channel.event(new TrainingEvent.Paused(trainer.net().copy()));
        synchronized (gate) {
            while (pauseRequested && !cancelled) {
                try {
                    gate.wait();
                } catch (InterruptedException e) {
                    // the thread is asked to end (the app is closing): treat it as Stop
                    cancelled = true;
                    trainer.cancel();
                }
            }
        }
        pausedNanos += System.nanoTime() - pausedAt;
    }

    /**
     * Measures every 1 % of the run: some 100 points whatever its length, at least 10 and at
     * most 100 updates apart (a measurement passes the 100 digits through the first layer once).
     */
    static int healthEvery(int iterations) {
        return Math.max(10, Math.min(100, iterations / 100));
    }

    private static DMatrixRMaj firstRows(DMatrixRMaj m, int rows) {
        int n = Math.min(rows, m.numRows);
        DMatrixRMaj out = new DMatrixRMaj(n, m.numCols);
        System.arraycopy(m.data, 0, out.data, 0, n * m.numCols);
        return out;
    }

    /** The health measured so far, when there is more than was sent. */
    private void sendHealth() {
        if (health != null && health.size() != healthSent) {
            healthSent = health.size();
            channel.event(new TrainingEvent.Health(offset, health.snapshot()));
        }
    }

    private void flushLosses() {
        if (lossCount == 0) {
            return;
        }
        channel.event(new TrainingEvent.Losses(firstPending, Arrays.copyOf(losses, lossCount)));
        firstPending += lossCount;
        lossCount = 0;
    }

    private void publishProgress(long now, boolean withPicture) {
        lastProgress = now;
        WeightPicture picture = null;
        int[] predictions = null;
        if (withPicture) {
            lastPicture = now;
            picture = WeightPicture.of(trainer.net().params().get("W1"));
            predictions = strip.numRows == 0 ? new int[0] : Matrices.argmaxRows(trainer.net().predict(strip));
            sendHealth();
        }
        double seconds = (now - startNanos - pausedNanos) / 1e9;
        channel.progress(new Progress(offset + runDone, runDone, config.iterations(), seconds, picture,
                predictions));
    }
}
