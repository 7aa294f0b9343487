package com.backpropexplorer.explain;

import com.backpropexplorer.engine.EmptyCacheException;
import com.backpropexplorer.engine.Sgd;
import com.backpropexplorer.explain.code.Listing;
import com.backpropexplorer.explain.text.Texts;
import java.lang.ref.SoftReference;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A lesson as data: its graph (nodes and edges, a DAG), its stages (forward, backward, then the
 * update), its code listing and the map from stages to lines, its texts, and the book's printed
 * numbers where it has them. Immutable: stepping to the next iteration, changing η, picking one
 * sample, editing an input or choosing a preset each give a new Lesson. Adding a lesson adds a
 * way to build one ({@link Lessons}) and its texts, and touches no view.
 *
 * <p>{@link #trace()} runs the engine (milliseconds for MNIST with a few digits); call it off the
 * FX thread. It is computed once and kept while memory allows; everything else is cheap.
 */
public final class Lesson {
    private final Example example;
    private final LessonPass pass;
    private final double learningRate;
    private final int iteration;
    private volatile SoftReference<Trace> trace = new SoftReference<>(null);
    private volatile Listing listing;
    private volatile SoftReference<CodeMap> code = new SoftReference<>(null);

    Lesson(Example example, LessonPass pass, double learningRate, int iteration) {
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("the learning rate must be a finite number ≥ 0, not " + learningRate);
        }
        this.example = example;
        this.pass = pass;
        this.learningRate = learningRate;
        this.iteration = iteration;
    }

    Lesson(Example example, LessonPass pass) {
        this(example, pass, Sgd.DEFAULT_LEARNING_RATE, 0);
    }

    public Example example() {
        return example;
    }

    /** "tiny", "buy-apple" …: the id the command line and the sidebar use. */
    public String id() {
        return example.id();
    }

    // ---------------------------------------------------------------- texts

    /** The lesson's title in that language. */
    public String title(Locale locale) {
        return example.title(locale);
    }

    /** The sentence under the title, with the run's description filled in. */
    public String subtitle(Locale locale) {
        return Texts.text(locale, "lesson." + id() + ".subtitle", description());
    }

    /** Its name in a list of lessons (the sidebar). */
    public String navLabel(Locale locale) {
        return example.navLabel(locale);
    }

    /** Short and language-neutral: "784-50-10, N = 3, #0–#2", "apple 100 × 2, tax 1.1". */
    public String description() {
        return pass.description();
    }

    // ---------------------------------------------------------------- the pass

    /** The iteration: forward, backward and (for nets) the SGD update. Computed on first call. */
    public Trace trace() {
        Trace t = trace.get();
        if (t == null) {
            t = pass.run(example, learningRate);
            trace = new SoftReference<>(t);
        }
        return t;
    }

    /** The computational graph (nodes, edges). */
    public ComputationGraph graph() {
        return trace().graph();
    }

    /** The code listing, with this lesson's sizes and inputs written in. */
    public Listing listing() {
        Listing l = listing;
        if (l == null) {
            l = pass.listing();
            listing = l;
        }
        return l;
    }

    /** Stages ↔ lines ↔ variables for this pass. */
    public CodeMap code() {
        CodeMap c = code.get();
        if (c == null) {
            c = CodeMap.of(listing(), trace());
            code = new SoftReference<>(c); // it holds the trace: kept while memory allows, like the trace
        }
        return c;
    }

    /** The engine's own exception when backward runs before forward (the refusal's message). */
    public EmptyCacheException backwardBeforeForward() {
        return pass.backwardBeforeForward();
    }

    /** The book's printed numbers beside ours, while the lesson runs on the book's values. */
    public Optional<BookValues> book() {
        return Optional.ofNullable(pass.book(trace()));
    }

    // ---------------------------------------------------------------- iterations

    /** η of the update stage (0.1 unless changed). */
    public double learningRate() {
        return learningRate;
    }

    /** The same iteration with another η: the forward and backward stages are unchanged, the update is not. */
    public Lesson withLearningRate(double lr) {
        return new Lesson(example, pass, lr, iteration);
    }

    /** 0 for the lesson as it starts, 1 after one update, … */
    public int iteration() {
        return iteration;
    }

    /** Whether the lesson has parameters that an update changes (nets do; the shopping graphs do not). */
    public boolean hasUpdate() {
        return trace().update().isPresent();
    }

    /**
     * The next iteration: the same batch with the parameters this iteration's update produced.
     *
     * @throws UnsupportedOperationException for lessons without an update
     */
    public Lesson next() {
        Trace done = trace();
        if (done.update().isEmpty()) {
            throw new UnsupportedOperationException(id() + " has no update stage");
        }
        return new Lesson(example, pass.withParams(done.updatedParams()), learningRate, iteration + 1);
    }

    // ---------------------------------------------------------------- one sample or the batch

    /** N of the whole batch, whatever sample is picked. */
    public int fullBatchSize() {
        return pass.fullBatchSize();
    }

    /** Whether one sample can be run alone (TwoLayerNet lessons with N &gt; 1). */
    public boolean canPickSample() {
        return pass.fullBatchSize() > 1;
    }

    /** The row run alone (N = 1), if one is. */
    public OptionalInt sample() {
        return pass.sample() < 0 ? OptionalInt.empty() : OptionalInt.of(pass.sample());
    }

    /** The lesson rerun on row {@code row} of the batch alone (N = 1), same parameters. */
    public Lesson withSample(int row) {
        return new Lesson(example, pass.onSample(row), learningRate, iteration);
    }

    /** Back to the whole batch. */
    public Lesson withWholeBatch() {
        return pass.sample() < 0 ? this : new Lesson(example, pass.onSample(-1), learningRate, iteration);
    }

    // ---------------------------------------------------------------- inputs and presets

    /** The numbers the learner may edit (apple, apple_num, tax …), in order; empty for nets. */
    public Map<String, Double> inputs() {
        return pass.inputs();
    }

    /** The lesson with one input changed: every value and gradient follows. */
    public Lesson withInput(String name, double value) {
        return new Lesson(example, pass.withInput(name, value), learningRate, 0);
    }

    /** The starting values on offer (simpleNet: the book's W, a reader's own run). */
    public List<Preset> presets() {
        return pass.presets();
    }

    /** The preset the lesson started from, or "" once its values were changed. */
    public String preset() {
        return pass.preset();
    }

    public Lesson withPreset(String id) {
        return new Lesson(example, pass.withPreset(id), learningRate, 0);
    }

    /** Whether the lesson's nodes can be folded into one (Sigmoid taken apart, §5.5.2). */
    public boolean foldable() {
        return pass.foldable();
    }

    /** Whether they are folded now. */
    public boolean folded() {
        return pass.folded();
    }

    /** The same lesson with its nodes folded into one, or taken apart again. */
    public Lesson withFolded(boolean fold) {
        return new Lesson(example, pass.withFolded(fold), learningRate, iteration);
    }

    /** For the package: what the lesson runs on. */
    LessonPass pass() {
        return pass;
    }

    @Override
    public String toString() {
        return id() + " (" + description() + ", iteration " + iteration + ", lr " + learningRate + ")";
    }
}
