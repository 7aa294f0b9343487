package com.backpropexplorer.engine;

import java.util.Locale;

/**
 * How the learning rate changes over a run, as a factor on the configured η: constant (the
 * book's scripts), step decay (η, then η/10 from half-way, η/100 from three quarters) or cosine
 * decay ({@code η·(1 + cos(π·i/N))/2}, from η down to 0 at the last iteration). Late small
 * steps let the weights settle into a minimum the noisy minibatch gradient keeps them from.
 */
public enum LearningRateSchedule {
    CONSTANT,
    STEP,
    COSINE;

    /** The factor on η for iteration {@code iteration} (from 0) of {@code total}. */
    public double factor(int iteration, int total) {
        if (total <= 0) {
            return 1;
        }
        double progress = Math.min(1.0, Math.max(0.0, (double) iteration / total));
        return switch (this) {
            case CONSTANT -> 1;
            case STEP -> progress < 0.5 ? 1 : progress < 0.75 ? 0.1 : 0.01;
            case COSINE -> 0.5 * (1 + Math.cos(Math.PI * progress));
        };
    }

    /** "constant", "step" or "cosine", as on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "constant", "step" or "cosine", case-insensitively. */
    public static LearningRateSchedule parse(String text) {
        for (LearningRateSchedule s : values()) {
            if (s.id().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown learning-rate schedule '" + text + "': use constant, step or cosine");
    }
}
