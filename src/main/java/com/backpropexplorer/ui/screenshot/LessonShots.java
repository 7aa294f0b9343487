package com.backpropexplorer.ui.screenshot;

import static com.backpropexplorer.ui.screenshot.FxThread.await;
import static com.backpropexplorer.ui.screenshot.FxThread.call;

import com.backpropexplorer.explain.bugs.PlantedBug;
import com.backpropexplorer.ui.app.Explorer;
import com.backpropexplorer.ui.app.MainWindow;
import com.backpropexplorer.ui.buglab.BugLabModel;
import com.backpropexplorer.ui.numgrad.NumericalGradientModel;
import java.util.Optional;
import javafx.scene.control.TitledPane;

/** How the pictures of the bug lab and of chapter 4's numerical gradient are set up (off the FX thread). */
final class LessonShots {
    /** Lines of the numerical gradient's loop run before the picture: three elements and two lines of the fourth. */
    private static final int LINES = 3 * 7 + 3;

    private LessonShots() {
    }

    /** The bug lab after checking bug C, a wrong guess, and the reveal. */
    static void bugLab(Explorer explorer, MainWindow window) throws Exception {
        BugLabModel model = call(() -> {
            window.showPage("buglab");
            BugLabModel m = explorer.bugLab();
            m.bugProperty().set(Optional.of(PlantedBug.BUG_C));
            m.run();
            return m;
        });
        await(() -> !model.runningProperty().get(), 400, "the bug lab's check");
        call(() -> {
            model.guess("Sigmoid");
            model.reveal();
            return null;
        });
    }

    /** The ch4 lesson with its numerical gradient opened, a few elements of dW2 filled in. */
    static void numericalGradient(Explorer explorer, MainWindow window) throws Exception {
        NumericalGradientModel model = explorer.numericalGradient();
        call(() -> {
            window.scene().getRoot().applyCss(); // the split pane's skin puts the panel in the scene graph
            TitledPane panel = (TitledPane) window.scene().lookup("#numgradPanel");
            if (panel != null) {
                panel.setExpanded(true);
            }
            return null;
        });
        await(model.readyProperty()::get, 0, "the numerical gradient's walk");
        for (int i = 0; i < LINES; i++) {
            await(model.readyProperty()::get, 0, "the numerical gradient's next element");
            call(() -> {
                model.stepLine();
                return null;
            });
        }
        await(model.readyProperty()::get, 0, "the numerical gradient's last step");
    }
}
