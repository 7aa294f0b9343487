package com.backpropexplorer.ui.train;

import com.backpropexplorer.data.AtomicFiles;
import com.backpropexplorer.engine.TwoLayerNet;
import com.backpropexplorer.explain.TrainingHealth;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * Everything a run measured, kept on the FX thread: the batch loss of every update, the
 * accuracies at each epoch boundary and the training's health, over all runs of the current net
 * (continuing counts on).
 * {@link #versionProperty()} changes once per batch of news, so charts redraw once per batch.
 */
public final class TrainingLog {
    /** Accuracies on the whole training and test sets after update {@code iteration}. */
    public record EpochPoint(int iteration, double train, double test) {
    }

    private double[] losses = new double[1024];
    private int size;
    private final List<EpochPoint> epochs = new ArrayList<>();
    private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper(this, "version");
    private int iterationsPerEpoch = 600;
    /** The health each run measured, by the updates the net had before it. */
    private final TreeMap<Integer, TrainingHealth.Series> health = new TreeMap<>();

    /** Changes whenever the log does. */
    public ReadOnlyIntegerProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    /** How many updates make an epoch (for the x axis of the accuracy chart). */
    public int iterationsPerEpoch() {
        return iterationsPerEpoch;
    }

    void setIterationsPerEpoch(int value) {
        iterationsPerEpoch = Math.max(1, value);
    }

    /** Number of losses recorded: the loss of update i is {@link #loss(int) loss(i)}. */
    public int size() {
        return size;
    }

    public double loss(int iteration) {
        return losses[iteration];
    }

    /** A copy of all losses. */
    public double[] losses() {
        return Arrays.copyOf(losses, size);
    }

    public List<EpochPoint> epochs() {
        return List.copyOf(epochs);
    }

    void appendLosses(int firstIteration, double[] values) {
        if (firstIteration != size) {
            // a chunk from a run the learner already replaced: ignore rather than misplace it
            return;
        }
        if (size + values.length > losses.length) {
            losses = Arrays.copyOf(losses, Math.max(losses.length * 2, size + values.length));
        }
        System.arraycopy(values, 0, losses, size, values.length);
        size += values.length;
    }

    void addEpoch(EpochPoint point) {
        epochs.add(point);
    }

    /**
     * What the run that began after update {@code offset} measured so far (its iterations counted
     * from its first update). It replaces what that run sent before, and what runs after it sent
     * (a Continue from an earlier point starts over from there).
     */
    void setHealth(int offset, TrainingHealth.Series series) {
        health.tailMap(offset, true).clear();
        health.put(offset, series);
    }

    /** The health of all runs of the current net, iterations counted over all of them as the losses are. */
    public TrainingHealth.Series health() {
        int n = health.values().stream().mapToInt(TrainingHealth.Series::size).sum();
        int[] iterations = new int[n];
        double[][] ratios = new double[TwoLayerNet.PARAM_NAMES.size()][n];
        double[] dead = new double[n];
        int at = 0;
        for (var run : health.entrySet()) {
            TrainingHealth.Series s = run.getValue();
            for (int i = 0; i < s.size(); i++) {
                iterations[at + i] = run.getKey() + s.iterations()[i];
                dead[at + i] = s.deadShare()[i];
                for (int k = 0; k < ratios.length; k++) {
                    ratios[k][at + i] = s.log10Ratio()[k][i];
                }
            }
            at += s.size();
        }
        return new TrainingHealth.Series(iterations, ratios, dead);
    }

    /** Tells the charts that news arrived (once per drain, not once per loss). */
    void changed() {
        version.set(version.get() + 1);
    }

    void clear() {
        size = 0;
        epochs.clear();
        health.clear();
        changed();
    }

    /**
     * The log as CSV: {@code iteration,epoch,loss,train_acc,test_acc}, one row an update; the
     * accuracy columns are filled on the rows where they were measured.
     */
    public String toCsv() {
        StringBuilder csv = new StringBuilder(size * 28 + 64);
        csv.append("iteration,epoch,loss,train_acc,test_acc\n");
        int next = 0;
        List<EpochPoint> points = epochs();
        for (int i = 0; i < size; i++) {
            csv.append(i).append(',').append(String.format(Locale.ROOT, "%.4f", (double) i / iterationsPerEpoch))
                    .append(',').append(losses[i]);
            while (next < points.size() && points.get(next).iteration() < i) {
                next++;
            }
            if (next < points.size() && points.get(next).iteration() == i) {
                csv.append(',').append(points.get(next).train()).append(',').append(points.get(next).test());
                next++;
            } else {
                csv.append(",,");
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    /** Writes {@code csv} to {@code target} through a temporary file moved into place. */
    static void writeCsv(String csv, Path target) {
        AtomicFiles.write(target, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(csv);
            writer.flush();
        });
    }
}
