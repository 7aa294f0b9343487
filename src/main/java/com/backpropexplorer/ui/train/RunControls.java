package com.backpropexplorer.ui.train;

import com.backpropexplorer.ui.Fxml;
import com.backpropexplorer.ui.I18n;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;

/**
 * The training view's run section: the buttons that start, continue, pause, resume and stop the
 * {@link TrainingModel}'s run (each enabled only when it means something), the progress bar,
 * how far and how fast in words, and the notice line. Controller of train-run.fxml.
 */
final class RunControls {
    private final I18n i18n;
    private final TrainingModel model;
    private final VBox root;

    @FXML private Button startButton;
    @FXML private Button continueButton;
    @FXML private Button pauseButton;
    @FXML private Button resumeButton;
    @FXML private Button stopButton;
    @FXML private ProgressBar progress;
    @FXML private Label progressLine;
    @FXML private Label timeLine;
    @FXML private Label notice;

    /** @param subscriptions holds the listeners on the model, which outlives the section */
    RunControls(I18n i18n, TrainingModel model, Subscriptions subscriptions) {
        this.i18n = i18n;
        this.model = model;
        root = Fxml.load(RunControls.class, "train-run.fxml", i18n, this);
        bindButtons();
        subscriptions.listen(model.stateProperty(), (obs, o, n) -> showState());
        subscriptions.listen(model.settings().lengthProperty(), (obs, o, n) -> showContinue());
        subscriptions.listen(model.settings().inEpochsProperty(), (obs, o, n) -> showContinue());
        subscriptions.listen(model.noticeProperty(), (obs, o, n) -> showNotice());
        subscriptions.listen(model.progress().doneProperty(), (obs, o, n) -> showProgress());
        subscriptions.listen(model.progress().secondsProperty(), (obs, o, n) -> showProgress());
        showState();
        showNotice();
    }

    Node view() {
        return root;
    }

    /** The status line's sentence for the run's state: "press Start" only when Start is what to do. */
    String statusHint() {
        return switch (model.state()) {
            case LOADING, RUNNING, STOPPING -> i18n.text("train.status.running");
            case PAUSED -> i18n.text("train.status.paused");
            default -> i18n.text("train.status.hint");
        };
    }

    private void bindButtons() {
        startButton.disableProperty().bind(Bindings.createBooleanBinding(() -> model.state().active(),
                model.stateProperty()));
        continueButton.disableProperty().bind(Bindings.createBooleanBinding(() -> model.state().active()
                || !model.hasNetProperty().get(), model.stateProperty(), model.hasNetProperty()));
        pauseButton.disableProperty().bind(model.stateProperty().isNotEqualTo(TrainingState.RUNNING));
        resumeButton.disableProperty().bind(model.stateProperty().isNotEqualTo(TrainingState.PAUSED));
        stopButton.disableProperty().bind(Bindings.createBooleanBinding(() -> model.state() != TrainingState.RUNNING
                && model.state() != TrainingState.PAUSED, model.stateProperty()));
    }

    private void showState() {
        progress.setProgress(model.state() == TrainingState.LOADING ? ProgressBar.INDETERMINATE_PROGRESS
                : model.progress().fraction());
        showProgress();
    }

    /** Continue says how far it goes: the rest of a plan a Stop cut short, or "Train for" more. */
    private void showContinue() {
        int more = model.continueLength();
        continueButton.setText(more > 0 && model.hasNetProperty().get()
                ? i18n.text("train.action.continueFor", more) : i18n.text("train.action.continue"));
    }

    private void showProgress() {
        TrainingState state = model.state();
        RunProgress counts = model.progress();
        if (state != TrainingState.LOADING) {
            progress.setProgress(counts.fraction());
        }
        String stateText = i18n.text("train.state." + state.name().toLowerCase(Locale.ROOT));
        progressLine.setText(counts.plannedEnd() == 0 && counts.doneProperty().get() == 0
                ? i18n.text("train.progress.none", stateText)
                : i18n.text("train.progress", stateText, counts.doneProperty().get(),
                counts.plannedEnd(), String.format(Locale.ROOT, "%.2f", model.epoch())));
        showContinue();
        double left = counts.secondsLeft();
        boolean live = state == TrainingState.RUNNING;
        timeLine.setText(i18n.text("train.time", clock(counts.secondsProperty().get()),
                live && Double.isFinite(left) ? clock(left) : "–",
                String.format(Locale.ROOT, "%.0f", counts.stepsPerSecondProperty().get())));
    }

    private void showNotice() {
        Notice n = model.noticeProperty().get();
        notice.getStyleClass().removeAll("error", "info");
        if (n == null) {
            notice.setText("");
            return;
        }
        notice.setText(n.text(i18n));
        notice.getStyleClass().add(n.error() ? "error" : "info");
    }

    /** Seconds as a clock: 1:05, or 1:00:05 from an hour on; a dash when unknown. */
    static String clock(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "–";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    // ------------------------------------------------------------ actions (FXML)

    @FXML
    private void start() {
        model.start();
    }

    @FXML
    private void continueTraining() {
        model.continueTraining();
    }

    @FXML
    private void pause() {
        model.pause();
    }

    @FXML
    private void resume() {
        model.resume();
    }

    @FXML
    private void stop() {
        model.stop();
    }
}
