package com.backpropexplorer.engine;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * Changes the images of a gathered minibatch in place before the loss is computed (data
 * augmentation): every epoch then sees a slightly different version of each training sample.
 * Labels stay as they are. Called on the training thread only.
 */
@FunctionalInterface
public interface BatchAugmenter {
    /**
     * @param x the batch's images, one a row, changed in place
     * @param random the run's augmentation random numbers (seeded from the config's seed)
     */
    void augment(DMatrixRMaj x, SplittableRandom random);
}
