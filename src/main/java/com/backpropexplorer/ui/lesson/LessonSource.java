package com.backpropexplorer.ui.lesson;

import com.backpropexplorer.explain.Example;

/**
 * Computes one lesson's pass. Called on a background thread: implementations may be slow
 * (loading MNIST) and must not touch JavaFX.
 */
public interface LessonSource {

    Example example();

    /** The bundle key of the sentence under the lesson's title; {0} is the run's description. */
    default String subtitleKey() {
        return "lesson." + example().id() + ".subtitle";
    }

    /**
     * Runs the lesson's forward and backward pass on the engine.
     *
     * @throws MnistMissingException when the lesson needs MNIST and it is not on this machine
     */
    LessonRun compute() throws Exception;
}
