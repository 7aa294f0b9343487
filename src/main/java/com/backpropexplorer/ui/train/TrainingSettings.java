package com.backpropexplorer.ui.train;

import com.backpropexplorer.engine.Activation;
import com.backpropexplorer.engine.OptimizerKind;
import com.backpropexplorer.engine.TrainingConfig;
import com.backpropexplorer.engine.WeightInit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * The hyperparameters as the learner typed them, with the book's recipe as defaults. Kept as
 * text so a half-typed or wrong number survives a language switch and is never silently
 * replaced; {@link #parse} turns the text into a config or names every field that is wrong.
 */
public final class TrainingSettings {
    /** A field and the bundle key of the sentence that says what it needs. */
    public record Problem(String field, String messageKey) {
    }

    /** The result of {@link #parse}: a config, or the problems. */
    public record Parsed(TrainingConfig config, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public static final String HIDDEN = "hidden";
    public static final String LEARNING_RATE = "learningRate";
    public static final String BATCH = "batch";
    public static final String LENGTH = "length";
    public static final String INIT_STD = "initStd";
    public static final String SEED = "seed";
    /** The book's seed-free script has none; ours makes runs repeatable. */
    public static final long DEFAULT_SEED = 42;
    static final int MAX_HIDDEN = 2000;
    static final int MAX_ITERATIONS = 10_000_000;

    private final StringProperty hidden = new SimpleStringProperty(this, HIDDEN);
    private final StringProperty learningRate = new SimpleStringProperty(this, LEARNING_RATE);
    private final StringProperty batch = new SimpleStringProperty(this, BATCH);
    private final StringProperty length = new SimpleStringProperty(this, LENGTH);
    /** True: {@link #length} counts epochs; false: iterations (the book's iters_num). */
    private final BooleanProperty inEpochs = new SimpleBooleanProperty(this, "inEpochs", false);
    private final StringProperty initStd = new SimpleStringProperty(this, INIT_STD);
    private final ObjectProperty<Activation> activation = new SimpleObjectProperty<>(this, "activation");
    private final ObjectProperty<OptimizerKind> optimizer = new SimpleObjectProperty<>(this, "optimizer");
    private final StringProperty seed = new SimpleStringProperty(this, SEED);
    private final ObservableSet<String> invalidFields = FXCollections.observableSet();

    public TrainingSettings() {
        reset();
        // picking another optimizer brings its usual rate along, unless the learner typed one
        optimizer.addListener((obs, old, now) -> {
            if (old != null && now != null && rateIs(old.defaultLearningRate())) {
                learningRate.set(format(now.defaultLearningRate()));
            }
        });
    }

    /** Back to the book's recipe: 50 hidden, η 0.1, batch 100, 10,000 iterations, 0.01, ReLU, SGD. */
    public void reset() {
        TrainingConfig book = TrainingConfig.book(DEFAULT_SEED);
        hidden.set(Integer.toString(book.hiddenSize()));
        optimizer.set(book.optimizer());
        learningRate.set(format(book.learningRate()));
        batch.set(Integer.toString(book.batchSize()));
        inEpochs.set(false);
        length.set(Integer.toString(book.iterations()));
        initStd.set(book.weightInit().id());
        activation.set(book.activation());
        seed.set(Long.toString(book.seed()));
    }

    public StringProperty hiddenProperty() {
        return hidden;
    }

    public StringProperty learningRateProperty() {
        return learningRate;
    }

    public StringProperty batchProperty() {
        return batch;
    }

    public StringProperty lengthProperty() {
        return length;
    }

    /** "Train for" as it reads now, with its unit ("3 epochs"): a plan made with other text is a new plan. */
    String lengthText() {
        return lengthProperty().get() + (inEpochsProperty().get() ? " epochs" : " iterations");
    }

    public BooleanProperty inEpochsProperty() {
        return inEpochs;
    }

    public StringProperty initStdProperty() {
        return initStd;
    }

    public ObjectProperty<Activation> activationProperty() {
        return activation;
    }

    public ObjectProperty<OptimizerKind> optimizerProperty() {
        return optimizer;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    /** Fields whose text the last {@link #check} refused (their ids). */
    public ObservableSet<String> invalidFields() {
        return invalidFields;
    }

    /** {@link #parse}, marking the fields it refuses in {@link #invalidFields()} (and only those). */
    Parsed check(int trainSize) {
        Parsed parsed = parse(trainSize);
        invalidFields.clear();
        parsed.problems().forEach(p -> invalidFields.add(p.field()));
        return parsed;
    }

    /**
     * The config the text describes, for a training set of {@code trainSize} examples (to turn
     * epochs into iterations: {@code iter_per_epoch = max(train_size / batch_size, 1)}).
     */
    public Parsed parse(int trainSize) {
        List<Problem> problems = new ArrayList<>();
        int hiddenSize = integer(hidden.get(), 1, MAX_HIDDEN, HIDDEN, "train.invalid.hidden", problems);
        double rate = positive(learningRate.get(), false, LEARNING_RATE, "train.invalid.learningRate", problems);
        int batchSize = integer(batch.get(), 1, Math.max(1, trainSize), BATCH, "train.invalid.batch", problems);
        int count = integer(length.get(), 1, MAX_ITERATIONS, LENGTH,
                inEpochs.get() ? "train.invalid.epochs" : "train.invalid.iterations", problems);
        WeightInit init = null;
        try {
            init = WeightInit.parse(initStd.get());
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(INIT_STD, "train.invalid.initStd"));
        }
        long seedValue = 0;
        try {
            seedValue = Long.parseLong(seed.get().trim());
        } catch (NumberFormatException e) {
            problems.add(new Problem(SEED, "train.invalid.seed"));
        }
        if (!problems.isEmpty()) {
            return new Parsed(null, List.copyOf(problems));
        }
        long iterations = inEpochs.get() ? (long) count * Math.max(trainSize / batchSize, 1) : count;
        if (iterations > MAX_ITERATIONS) {
            return new Parsed(null, List.of(new Problem(LENGTH, "train.invalid.tooLong")));
        }
        return new Parsed(new TrainingConfig(hiddenSize, batchSize, rate, init, (int) iterations, activation.get(),
                seedValue, optimizer.get()), List.of());
    }

    /** Whether one field's text is acceptable on its own (for marking it while typing). */
    public static boolean looksValid(String field, String text) {
        String t = text == null ? "" : text.trim();
        try {
            return switch (field) {
                case HIDDEN -> inRange(Integer.parseInt(t), 1, MAX_HIDDEN);
                case BATCH -> Integer.parseInt(t) >= 1;
                case LENGTH -> inRange(Integer.parseInt(t), 1, MAX_ITERATIONS);
                case LEARNING_RATE -> isNumber(t) && Double.parseDouble(t) > 0 && Double.isFinite(Double.parseDouble(t));
                case INIT_STD -> {
                    WeightInit.parse(t);
                    yield true;
                }
                case SEED -> {
                    Long.parseLong(t);
                    yield true;
                }
                default -> true;
            };
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private boolean rateIs(double value) {
        try {
            return Double.parseDouble(learningRate.get().trim()) == value;
        } catch (NumberFormatException | NullPointerException e) {
            return false;
        }
    }

    private static boolean inRange(int v, int lo, int hi) {
        return v >= lo && v <= hi;
    }

    /** Java's parser also takes "NaN", "Infinity" and hex floats: a learner means none of these. */
    private static boolean isNumber(String t) {
        return t.matches("[+]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    }

    private static int integer(String text, int min, int max, String field, String key, List<Problem> problems) {
        try {
            int v = Integer.parseInt(text.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // reported below
        }
        problems.add(new Problem(field, key));
        return 0;
    }

    private static double positive(String text, boolean zeroAllowed, String field, String key, List<Problem> problems) {
        String t = text == null ? "" : text.trim();
        if (isNumber(t)) {
            double v = Double.parseDouble(t);
            if (Double.isFinite(v) && (v > 0 || (zeroAllowed && v == 0))) {
                return v;
            }
        }
        problems.add(new Problem(field, key));
        return 0;
    }

    static String format(double value) {
        String s = String.format(Locale.ROOT, "%s", value);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
