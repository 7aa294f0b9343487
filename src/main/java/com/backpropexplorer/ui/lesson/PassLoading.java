package com.backpropexplorer.ui.lesson;

import com.backpropexplorer.ui.I18n;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

/**
 * Computing a lesson's pass in the background: where that stands ({@link LessonModel.Status}),
 * why it failed, and that only the newest load's result is taken when several overlap (another
 * source, digit or net came while one was computing). FX thread, except
 * {@link LessonSource#compute()}, which runs on the background executor.
 */
final class PassLoading {
    private final Executor background;
    private final Consumer<LessonRun> onLoaded;
    private final ReadOnlyObjectWrapper<LessonModel.Status> status =
            new ReadOnlyObjectWrapper<>(this, "status", LessonModel.Status.IDLE);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    /** What made the last load fail, rendered by {@link #problemText}. */
    private Throwable problemCause;
    /** Counts loads, so that only the newest one's result is shown. */
    private long loads;

    /**
     * @param background where passes are computed
     * @param onLoaded takes each newest pass, before the status says READY
     */
    PassLoading(Executor background, Consumer<LessonRun> onLoaded) {
        this.background = background;
        this.onLoaded = onLoaded;
    }

    ReadOnlyObjectProperty<LessonModel.Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Why the lesson could not run, in {@code locale}'s language ({@link I18n#describe}). */
    String problemText(Locale locale) {
        Throwable cause = problemCause;
        return cause == null ? problem.get() : I18n.describe(cause, locale);
    }

    /** Computes a pass from {@code from} in the background; a load started later wins. */
    void load(LessonSource from) {
        status.set(LessonModel.Status.LOADING);
        long generation = ++loads;
        Task<LessonRun> task = new Task<>() {
            @Override
            protected LessonRun call() throws Exception {
                return from.compute();
            }
        };
        task.setOnSucceeded(e -> {
            if (generation != loads) {
                return; // a newer load (another source, digit or net) is on its way
            }
            onLoaded.accept(task.getValue());
            problem.set("");
            problemCause = null;
            status.set(LessonModel.Status.READY);
        });
        task.setOnFailed(e -> {
            if (generation != loads) {
                return;
            }
            Throwable error = task.getException();
            problemCause = error;
            problem.set(error.getMessage() == null ? error.toString() : error.getMessage());
            status.set(error instanceof MnistMissingException ? LessonModel.Status.MNIST_MISSING
                    : LessonModel.Status.FAILED);
        });
        try {
            background.execute(task);
        } catch (RejectedExecutionException closing) {
            // the app is closing (its executor shut down): nothing will show the pass any more
        }
    }
}
