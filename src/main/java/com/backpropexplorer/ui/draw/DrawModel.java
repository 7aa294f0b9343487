package com.backpropexplorer.ui.draw;

import com.backpropexplorer.data.DataException;
import com.backpropexplorer.data.DigitPreprocessor;
import com.backpropexplorer.data.ShippedModel;
import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.explain.DigitReader;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * The digit canvas's view-model: the strokes (with undo), the paper they make, and what the
 * net reads from it. It outlives the page, so the drawing survives the page being rebuilt
 * (language or theme switch, another page visited).
 *
 * <p>Threading: the FX thread owns the strokes and the paper. Every change hands a copy of the
 * ink to one "digit-reader" thread, which owns the net's copy (and reads the shipped model from
 * the jar when there is no trained one), preprocesses, predicts, and posts the reading back;
 * requests that pile up while it works are skipped, only the latest counts. The thread is a
 * daemon, so it never keeps the process alive.
 */
public final class DrawModel {
    /** Side of the paper in pixels; the canvas shows it 1:1. */
    public static final int PAPER = 336;
    /** The default brush radius: about MNIST's stroke width for a digit as tall as most of the paper. */
    public static final double DEFAULT_RADIUS = 13;
    /** How many recent readings the timing median is taken over. */
    private static final int TIMING_WINDOW = 200;

    /** The two tools. */
    public enum Tool { PEN, ERASER }

    /** Where the net comes from. */
    public enum NetSource {
        /** The model shipped in the jar (assets/model). */
        SHIPPED,
        /** The net trained in the training view or opened from a file. */
        TRAINED,
        /** None: the shipped model is missing from this build. */
        NONE
    }

    /** One undoable step: a stroke, a clear, or a picture opened from a file. */
    private sealed interface Mark permits StrokeMark, ClearMark, PictureMark {
    }

    /** A stroke: the pointer positions in paper pixels, the radius and the tool. */
    private record StrokeMark(List<double[]> points, double radius, boolean erase) implements Mark {
    }

    private record ClearMark() implements Mark {
    }

    private record PictureMark(double[] ink) implements Mark {
    }

    private final Paper paper = new Paper(PAPER);
    private final List<Mark> history = new ArrayList<>();
    private StrokeMark current;
    private final List<Consumer<Paper.Region>> inkListeners = new ArrayList<>();

    private final ObjectProperty<Tool> tool = new SimpleObjectProperty<>(this, "tool", Tool.PEN);
    private final DoubleProperty radius = new SimpleDoubleProperty(this, "radius", DEFAULT_RADIUS);
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper blank = new ReadOnlyBooleanWrapper(this, "blank", true);
    private final ReadOnlyObjectWrapper<DigitReader.Reading> reading = new ReadOnlyObjectWrapper<>(this, "reading");
    private final ReadOnlyObjectWrapper<NetSource> netSource = new ReadOnlyObjectWrapper<>(this, "netSource");
    private final ReadOnlyDoubleWrapper medianMillis = new ReadOnlyDoubleWrapper(this, "medianMillis", Double.NaN);

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "digit-reader");
        t.setDaemon(true);
        return t;
    });
    /** The latest ink not yet read; the worker takes it, so older requests are simply replaced. */
    private final AtomicReference<double[]> pendingInk = new AtomicReference<>();
    /** Worker only: reads the digits with the net chosen last. */
    private DigitReader reader;
    /** FX thread: the net the reader copied, for lessons on the drawn digit; immutable by contract. */
    private TwoLayerNet net;
    /** FX thread: counts changes of the net, so only the newest one is announced. */
    private long netChanges;
    /** Worker only: recent preprocess + predict times. */
    private final double[] timings = new double[TIMING_WINDOW];
    private int timingCount;

    /**
     * @param trainedNet the net the learner trained or opened (null: read with the model that
     *     ships with the app); followed as it changes
     */
    public DrawModel(ObservableValue<TwoLayerNet> trainedNet) {
        useNet(trainedNet.getValue());
        trainedNet.addListener((obs, old, now) -> useNet(now));
    }

    // ------------------------------------------------------------ the net

    /** FX thread: the worker takes the net (or loads the shipped one), then the paper is read again. */
    private void useNet(TwoLayerNet trained) {
        long change = ++netChanges;
        worker.execute(() -> {
            TwoLayerNet chosen = trained;
            NetSource source = NetSource.TRAINED;
            if (chosen == null) {
                try {
                    chosen = DigitReader.netOf(ShippedModel.load());
                    source = NetSource.SHIPPED;
                } catch (DataException e) {
                    chosen = null;
                    source = NetSource.NONE;
                }
            }
            try {
                reader = chosen == null ? null : new DigitReader(chosen);
            } catch (IllegalArgumentException notForDigits) {
                // e.g. a net trained on another input size: keep reading with what we had
                return;
            }
            TwoLayerNet using = chosen;
            NetSource from = source;
            Platform.runLater(() -> {
                if (change == netChanges) {
                    net = using;
                    netSource.set(from);
                }
                requestReading();
            });
        });
    }

    /** A copy of the net that reads the digits, or null when there is none. */
    public TwoLayerNet net() {
        return net == null ? null : net.copy();
    }

    public ReadOnlyObjectProperty<NetSource> netSourceProperty() {
        return netSource.getReadOnlyProperty();
    }

    // ------------------------------------------------------------ drawing

    public ObjectProperty<Tool> toolProperty() {
        return tool;
    }

    /** The brush radius in paper pixels. */
    public DoubleProperty radiusProperty() {
        return radius;
    }

    /** Starts a stroke at (x, y) in paper pixels with the current tool and radius. */
    public void beginStroke(double x, double y) {
        endStroke();
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {x, y});
        current = new StrokeMark(points, radius.get(), tool.get() == Tool.ERASER);
        history.add(current);
        inkChanged(paper.stroke(x, y, x, y, current.radius(), current.erase()));
    }

    /** Continues the stroke to (x, y): the segment from the last point is drawn, so no gaps. */
    public void extendStroke(double x, double y) {
        if (current == null) {
            beginStroke(x, y);
            return;
        }
        double[] last = current.points().get(current.points().size() - 1);
        if (last[0] == x && last[1] == y) {
            return;
        }
        current.points().add(new double[] {x, y});
        inkChanged(paper.stroke(last[0], last[1], x, y, current.radius(), current.erase()));
    }

    public void endStroke() {
        current = null;
    }

    /** Takes back the last stroke, clear or opened picture. */
    public void undo() {
        endStroke();
        if (!history.isEmpty()) {
            history.remove(history.size() - 1);
            replay();
        }
    }

    /** Clears the paper (undoable). */
    public void clear() {
        endStroke();
        if (!paper.isBlank()) {
            history.add(new ClearMark());
            paper.clear();
            inkChanged(Paper.Region.all(PAPER));
        }
    }

    /**
     * Puts a picture on the paper (undoable), dark on light or light on dark, fitted to most of
     * the paper. The slow part runs on the calling thread: call {@link #pictureInk} off the FX
     * thread, then this on it.
     */
    public void showPicture(double[] fittedInk) {
        endStroke();
        history.add(new PictureMark(fittedInk.clone()));
        paper.setInk(fittedInk);
        inkChanged(Paper.Region.all(PAPER));
    }

    /** The ink of a picture fitted to the paper; may be slow for large pictures, any thread. */
    public static double[] pictureInk(BufferedImage image) {
        double[] ink = DigitPreprocessor.inkOf(image);
        return Paper.fit(ink, image.getWidth(), image.getHeight(), PAPER, 0.8);
    }

    private void replay() {
        int start = 0;
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i) instanceof ClearMark || history.get(i) instanceof PictureMark) {
                start = i;
                break;
            }
        }
        paper.clear();
        for (Mark mark : history.subList(start, history.size())) {
            if (mark instanceof PictureMark picture) {
                paper.setInk(picture.ink());
            } else if (mark instanceof StrokeMark stroke) {
                double[] previous = stroke.points().get(0);
                for (double[] point : stroke.points()) {
                    paper.stroke(previous[0], previous[1], point[0], point[1], stroke.radius(), stroke.erase());
                    previous = point;
                }
            }
        }
        inkChanged(Paper.Region.all(PAPER));
    }

    /** The ink at a paper pixel (the canvas paints from this). */
    public double inkAt(int x, int y) {
        return paper.inkAt(x, y);
    }

    /** Called on the FX thread with the changed pixels after every change of the ink. */
    public void addInkListener(Consumer<Paper.Region> listener) {
        inkListeners.add(listener);
    }

    public void removeInkListener(Consumer<Paper.Region> listener) {
        inkListeners.remove(listener);
    }

    private void inkChanged(Paper.Region region) {
        canUndo.set(!history.isEmpty());
        blank.set(paper.isBlank());
        if (region != null) {
            for (Consumer<Paper.Region> listener : List.copyOf(inkListeners)) {
                listener.accept(region);
            }
        }
        requestReading();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    /** True while there is no ink on the paper. */
    public ReadOnlyBooleanProperty blankProperty() {
        return blank.getReadOnlyProperty();
    }

    // ------------------------------------------------------------ reading

    /** What the net read from the paper most recently; null before the first reading. */
    public ReadOnlyObjectProperty<DigitReader.Reading> readingProperty() {
        return reading.getReadOnlyProperty();
    }

    public DigitReader.Reading reading() {
        return reading.get();
    }

    /** The median time of preprocessing + predicting over the recent readings, in ms (NaN before any). */
    public ReadOnlyDoubleProperty medianMillisProperty() {
        return medianMillis.getReadOnlyProperty();
    }

    private void requestReading() {
        if (pendingInk.getAndSet(paper.copyInk()) == null) {
            worker.execute(this::readLatest);
        }
    }

    /** Worker thread: reads the latest ink; whatever arrives meanwhile is read next. */
    private void readLatest() {
        double[] ink = pendingInk.getAndSet(null);
        DigitReader using = reader;
        if (ink == null || using == null) {
            return;
        }
        long start = System.nanoTime();
        DigitReader.Reading result = using.read(ink, PAPER, PAPER);
        double millis = (System.nanoTime() - start) / 1e6;
        if (!result.empty()) {
            // a blank page is read in no time: it would only flatter the median
            timings[timingCount++ % TIMING_WINDOW] = millis;
        }
        double median = timingCount == 0 ? Double.NaN : median(timings, Math.min(timingCount, TIMING_WINDOW));
        Platform.runLater(() -> {
            reading.set(result);
            medianMillis.set(median);
        });
    }

    private static double median(double[] values, int count) {
        double[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2;
    }
}
