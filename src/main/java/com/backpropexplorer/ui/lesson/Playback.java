package com.backpropexplorer.ui.lesson;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * Playing a lesson through: whether it plays and how fast. The view drives the clock and calls
 * {@link #tick()} once a stage; each tick runs the next stage, and playing stops at the end.
 * FX thread.
 */
public final class Playback {
    private final LessonModel model;
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing", false);
    /** Animation speed: 1 is normal (about 600 ms a stage), 2 twice as fast. */
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1.0);

    Playback(LessonModel model) {
        this.model = model;
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public boolean isPlaying() {
        return playing.get();
    }

    /** Animation speed: 1 is normal (about 600 ms a stage), 2 twice as fast. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    /** Starts playing from here (or from the start when at the end). */
    public void play() {
        if (model.trace() == null) {
            return;
        }
        if (model.position() >= model.stageCount()) {
            model.moveTo(0);
        }
        playing.set(true);
    }

    public void stop() {
        playing.set(false);
    }

    public void toggle() {
        if (playing.get()) {
            stop();
        } else {
            play();
        }
    }

    /** One tick of the play clock: the next stage, or stop at the end. */
    public void tick() {
        if (!playing.get()) {
            return;
        }
        if (model.position() >= model.stageCount()) {
            stop();
            return;
        }
        model.moveTo(model.position() + 1);
        if (model.position() >= model.stageCount()) {
            stop();
        }
    }
}
