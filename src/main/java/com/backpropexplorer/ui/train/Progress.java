package com.backpropexplorer.ui.train;

/**
 * The latest state of a run, replaced (not queued) as training goes on: the FX thread only
 * ever draws the newest one.
 *
 * @param done updates applied so far, over all runs of this net
 * @param runDone updates applied in this run
 * @param runTotal updates this run will make
 * @param seconds training time of this run, pauses excluded
 * @param weights W1 as tiles, or null when not redrawn this time
 * @param predictions the class predicted for each digit of the strip, or null when unchanged
 */
record Progress(int done, int runDone, int runTotal, double seconds, WeightPicture weights, int[] predictions) {
}
