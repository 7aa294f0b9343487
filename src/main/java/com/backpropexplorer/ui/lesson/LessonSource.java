package com.backpropexplorer.ui.lesson;

import com.backpropexplorer.explain.Example;

/**
 * Computes one lesson's pass. Called on a background thread: implementations may be slow
 * (loading MNIST) and must not touch JavaFX.
 */
public interface LessonSource {

    Example example();

    /**
     * Runs the lesson's forward and backward pass on the engine.
     *
     * @throws MnistMissingException when the lesson needs MNIST and it is not on this machine
     */
    LessonRun compute() throws Exception;
}
