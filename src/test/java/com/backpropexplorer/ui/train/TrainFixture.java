package com.backpropexplorer.ui.train;

import com.backpropexplorer.engine.TrainingData;
import com.backpropexplorer.ui.I18n;
import com.backpropexplorer.ui.app.Explorer;
import com.backpropexplorer.ui.app.MainWindow;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.geometry.Dimension2D;
import javafx.stage.Stage;
import org.ejml.data.DMatrixRMaj;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window on the training page, with a small generated training set unless told otherwise. */
final class TrainFixture {
    final Explorer explorer;
    final MainWindow window;

    TrainFixture(Stage stage, Locale locale, TrainingSource source) {
        explorer = new Explorer(new I18n(locale));
        if (source != null) {
            explorer.dataset().setSource(source);
        }
        window = new MainWindow(stage, explorer, new Dimension2D(1280, 800));
        window.showPage("train");
        stage.show();
        stage.toFront();
    }

    TrainingModel model() {
        return explorer.training();
    }

    /** Open, save and export as the File menu does them, with this window's dialogs. */
    ModelActions actions() {
        return new ModelActions(explorer.i18n(), explorer.netFiles(), explorer.training(), explorer.trainedNet(),
                window.dialogs(), explorer.background());
    }

    TrainingPage page() {
        return (TrainingPage) window.currentPage();
    }

    /** Waits (up to {@code seconds}) until {@code condition}, read on the FX thread, holds. */
    static void await(int seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean)
                .get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Ten classes of 28×28 "digits": each class a random blob picture, each sample that picture
     * plus noise, values in [0, 1] like MNIST. Learnable in a few hundred updates.
     */
    static TrainingSet generated(int trainSize, int testSize, long seed) {
        Random random = new Random(seed);
        int inputs = 784;
        double[][] prototypes = new double[10][inputs];
        for (double[] p : prototypes) {
            for (int k = 0; k < 6; k++) {
                int cx = 4 + random.nextInt(20);
                int cy = 4 + random.nextInt(20);
                for (int y = 0; y < 28; y++) {
                    for (int x = 0; x < 28; x++) {
                        double d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
                        p[y * 28 + x] = Math.min(1, p[y * 28 + x] + Math.exp(-d2 / 8));
                    }
                }
            }
        }
        DMatrixRMaj train = new DMatrixRMaj(trainSize, inputs);
        int[] trainLabels = new int[trainSize];
        DMatrixRMaj test = new DMatrixRMaj(testSize, inputs);
        int[] testLabels = new int[testSize];
        fill(train, trainLabels, prototypes, random);
        fill(test, testLabels, prototypes, random);
        return new TrainingSet(new TrainingData(train, trainLabels, test, testLabels), "generated", null);
    }

    private static void fill(DMatrixRMaj x, int[] t, double[][] prototypes, Random random) {
        for (int i = 0; i < t.length; i++) {
            t[i] = random.nextInt(10);
            for (int j = 0; j < x.numCols; j++) {
                double v = prototypes[t[i]][j] + 0.25 * random.nextGaussian();
                x.data[i * x.numCols + j] = Math.max(0, Math.min(1, v));
            }
        }
    }
}
