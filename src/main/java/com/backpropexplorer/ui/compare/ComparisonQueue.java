package com.backpropexplorer.ui.compare;

import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.KernelFactory;
import com.backpropexplorer.engine.OptimizerKind;
import com.backpropexplorer.engine.TrainingConfig;
import com.backpropexplorer.engine.TrainingData;
import com.backpropexplorer.engine.WeightInit;
import com.backpropexplorer.ui.Sentence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The comparison runs of the Train page, queued and trained one after the other on a
 * background thread of their own (so the page's own run and the comparison do not wait for
 * each other), on the same seed. {@link #runs()} is read and changed on the FX thread only;
 * the training thread hands over immutable {@link ComparisonRun} snapshots, at most ten a
 * second per run.
 *
 * <p>The book's two comparisons are presets, with the values of its scripts for them (the
 * book's repository, {@code ch06/}): figure 6-9's update rules (SGD, Momentum and AdaGrad at
 * η = 0.01, Adam at 0.001: {@code optimizer_compare_mnist.py} takes the defaults of
 * {@code common/optimizer.py}) with He's initial weights and ReLU (the defaults of its
 * {@code MultiLayerNet}), and figure 6-15's initial weights (std 0.01, Xavier, He, with ReLU and
 * SGD at η = 0.01: {@code weight_init_compare.py}); both, like the scripts, with batches of 128
 * for 2,000 iterations. The net is the form's 784-h-10 (the scripts' has four hidden layers of
 * 100), with the form's seed.
 */
public final class ComparisonQueue {
    /** The book's scripts of figures 6-9 and 6-15 train 2,000 iterations of batches of 128. */
    public static final int BOOK_ITERATIONS = 2000;
    public static final int BOOK_BATCH = 128;
    private static final long PUBLISH_NANOS = 100_000_000L;

    private final ObservableList<ComparisonRun> runs = FXCollections.observableArrayList();
    private final Supplier<TrainingData> data;
    private final KernelFactory kernels;
    private final Consumer<Runnable> fx;
    private final ExecutorService worker;
    private final AtomicInteger ids = new AtomicInteger();
    private final List<ComparisonRunner> active = new ArrayList<>();

    /**
     * @param data the loaded training and test sets, or null while there are none
     * @param kernels how the runs train (share the page's: they keep the sparse copies of the set)
     */
    public ComparisonQueue(Supplier<TrainingData> data, KernelFactory kernels) {
        this(data, kernels, Platform::runLater);
    }

    ComparisonQueue(Supplier<TrainingData> data, KernelFactory kernels, Consumer<Runnable> fx) {
        this.data = data;
        this.kernels = kernels;
        this.fx = fx;
        AtomicInteger threads = new AtomicInteger();
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "comparison-" + threads.incrementAndGet());
            t.setDaemon(true); // closing the window ends the process mid-run
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
    }

    /** The runs, in the order they were added (FX thread). */
    public ObservableList<ComparisonRun> runs() {
        return runs;
    }

    /** Figure 6-9: the four update rules at the book's rates, with He's init and ReLU, from {@code base}'s hidden size and seed. */
    public boolean addOptimizers(TrainingConfig base) {
        TrainingConfig book = bookLength(base).withWeightInit(WeightInit.HE).withActivation(Activation.RELU);
        List<ComparisonRun> added = new ArrayList<>();
        for (OptimizerKind kind : OptimizerKind.values()) {
            double rate = kind == OptimizerKind.ADAM ? kind.defaultLearningRate() : 0.01;
            added.add(ComparisonRun.queued(ids.getAndIncrement(), name(kind) + " lr " + number(rate),
                    book.withOptimizer(kind).withLearningRate(rate)));
        }
        return enqueue(added);
    }

    /** Figure 6-15: std 0.01, Xavier and He, trained by SGD at 0.01 with ReLU, from {@code base}'s hidden size and seed. */
    public boolean addInits(TrainingConfig base) {
        TrainingConfig book = bookLength(base).withOptimizer(OptimizerKind.SGD).withLearningRate(0.01)
                .withActivation(Activation.RELU);
        List<ComparisonRun> added = new ArrayList<>();
        for (WeightInit init : List.of(WeightInit.fixed(0.01), WeightInit.XAVIER, WeightInit.HE)) {
            String label = switch (init.kind()) {
                case FIXED -> "std=0.01";
                case XAVIER -> "Xavier";
                case HE -> "He";
            };
            added.add(ComparisonRun.queued(ids.getAndIncrement(), label, book.withWeightInit(init)));
        }
        return enqueue(added);
    }

    /** Any configuration, e.g. the form's, as it is. */
    public boolean add(TrainingConfig config) {
        return enqueue(List.of(ComparisonRun.queued(ids.getAndIncrement(), describe(config), config)));
    }

    /** Stops the running configuration and drops the queued ones (FX thread). */
    public void cancel() {
        synchronized (active) {
            active.forEach(ComparisonRunner::cancel);
        }
        for (int i = 0; i < runs.size(); i++) {
            if (!runs.get(i).status().over()) {
                runs.set(i, runs.get(i).with(ComparisonRun.Status.CANCELLED, null));
            }
        }
    }

    /** Cancels and forgets every run (FX thread). */
    public void clear() {
        cancel();
        runs.clear();
    }

    /** The window closes. */
    public void shutdown() {
        cancel();
        worker.shutdownNow();
    }

    static String describe(TrainingConfig c) {
        return String.format(Locale.ROOT, "%s lr %s, %s, init %s, h %d, batch %d", name(c.optimizer()),
                number(c.learningRate()), c.activation().name().toLowerCase(Locale.ROOT), c.weightInit(),
                c.hiddenSize(), c.batchSize());
    }

    private static String name(OptimizerKind kind) {
        return switch (kind) {
            case SGD -> "SGD";
            case MOMENTUM -> "Momentum";
            case ADAGRAD -> "AdaGrad";
            case ADAM -> "Adam";
        };
    }

    private static String number(double v) {
        String s = Double.toString(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    private static TrainingConfig bookLength(TrainingConfig base) {
        return base.withIterations(BOOK_ITERATIONS).withBatchSize(BOOK_BATCH);
    }

    private boolean enqueue(List<ComparisonRun> added) {
        TrainingData sets = data.get();
        if (sets == null) {
            return false;
        }
        runs.addAll(added);
        for (ComparisonRun run : added) {
            worker.execute(() -> train(run, sets));
        }
        return true;
    }

    /** On the worker thread. */
    private void train(ComparisonRun queued, TrainingData sets) {
        ComparisonRunner runner = new ComparisonRunner(queued, sets, kernels, this::handOver, PUBLISH_NANOS);
        synchronized (active) {
            active.add(runner);
        }
        try {
            if (cancelledBeforeStart(queued)) {
                return;
            }
            runner.run();
        } catch (RuntimeException | OutOfMemoryError e) {
            handOver(queued.with(ComparisonRun.Status.FAILED, Sentence.of("compare.why.failed", e)));
        } finally {
            synchronized (active) {
                active.remove(runner);
            }
        }
    }

    /** A run cancelled (or cleared) while it waited is skipped. */
    private boolean cancelledBeforeStart(ComparisonRun queued) {
        java.util.concurrent.CompletableFuture<Boolean> skip = new java.util.concurrent.CompletableFuture<>();
        fx.accept(() -> {
            ComparisonRun now = find(queued.id());
            skip.complete(now == null || now.status().over());
        });
        try {
            return skip.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (java.util.concurrent.ExecutionException e) {
            return true;
        }
    }

    private void handOver(ComparisonRun snapshot) {
        fx.accept(() -> {
            for (int i = 0; i < runs.size(); i++) {
                ComparisonRun now = runs.get(i);
                if (now.id() == snapshot.id()) {
                    // a run the learner cancelled stays cancelled, with the curves it got
                    boolean keepCancelled = now.status() == ComparisonRun.Status.CANCELLED && !snapshot.status().over();
                    runs.set(i, keepCancelled ? new ComparisonRun(snapshot.id(), snapshot.label(), snapshot.config(),
                            ComparisonRun.Status.CANCELLED, snapshot.losses(), snapshot.epochs(), snapshot.start(),
                            snapshot.end(), snapshot.health(), null) : snapshot);
                    return;
                }
            }
        });
    }

    private ComparisonRun find(int id) {
        for (ComparisonRun run : runs) {
            if (run.id() == id) {
                return run;
            }
        }
        return null;
    }
}
