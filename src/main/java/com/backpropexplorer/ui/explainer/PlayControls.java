package com.backpropexplorer.ui.explainer;

import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.graph.GraphView;
import com.backpropexplorer.ui.lesson.Playback;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * A lesson's play button, its speed slider and the clock that plays the lesson through: one
 * stage at once, then one per stage animation and a short gap, both shorter at a higher speed.
 */
final class PlayControls {
    /** Pause between two stages while playing, on top of the animation, at speed 1. */
    private static final Duration PLAY_GAP = Duration.millis(350);

    private final I18n i18n;
    private final Playback playback;
    private final ToggleButton playButton;
    private final Region playIcon;
    private final PauseTransition clock = new PauseTransition();
    private final ChangeListener<Boolean> onPlaying = (obs, o, n) -> playingChanged(n);

    /** Ties the page's button ({@code playIcon} its graphic), slider and speed label to {@code playback}. */
    PlayControls(I18n i18n, Playback playback, ToggleButton playButton, Region playIcon, Slider speedSlider,
                 Label speedValue) {
        this.i18n = i18n;
        this.playback = playback;
        this.playButton = playButton;
        this.playIcon = playIcon;
        speedSlider.valueProperty().bindBidirectional(playback.speedProperty());
        speedValue.textProperty().bind(playback.speedProperty().asString(Locale.ROOT, "%.2g×"));
        playback.playingProperty().addListener(new WeakChangeListener<>(onPlaying));
        clock.setOnFinished(e -> tickAndGoOn());
        playButton.setSelected(playback.isPlaying());
    }

    /** The page is hidden: no more ticks. */
    void stop() {
        clock.stop();
    }

    private void playingChanged(boolean playing) {
        playButton.setSelected(playing);
        playButton.setText(i18n.text(playing ? "step.pause" : "step.play"));
        playIcon.getStyleClass().removeAll("icon-play", "icon-pause");
        playIcon.getStyleClass().add(playing ? "icon-pause" : "icon-play");
        if (playing) {
            tickAndGoOn(); // the first stage at once
        } else {
            clock.stop();
        }
    }

    private void tickAndGoOn() {
        playback.tick();
        if (playback.isPlaying()) {
            double speed = Math.max(0.1, playback.speedProperty().get());
            clock.setDuration(GraphView.STAGE_DURATION.add(PLAY_GAP).divide(speed));
            clock.playFromStart();
        }
    }
}
