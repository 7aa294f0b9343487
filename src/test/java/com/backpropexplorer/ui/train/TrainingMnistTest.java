package com.backpropexplorer.ui.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.data.SharedMnist;
import com.backpropexplorer.explain.Example;
import com.backpropexplorer.ui.lesson.LessonModel;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A short real run on MNIST ({@code ../shared/mnist}, system property {@code shared.dir}) started
 * from the view, and the explainer showing the net it trained. Skipped, saying why, without MNIST.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingMnistTest {
    private TrainFixture app;

    static Path mnistDir() {
        return SharedMnist.dir();
    }

    @Start
    void start(Stage stage) {
        app = new TrainFixture(stage, Locale.ENGLISH, null);
    }

    @AfterEach
    void stopTraining() {
        app.model().shutdown();
    }

    @Test
    void threeHundredBookUpdatesOnMnistFromTheViewAndTheExplainerShowsTheTrainedNet(FxRobot robot) throws Exception {
        Path dir = mnistDir();
        robot.interact(() -> {
            app.ctx.mnistFolderProperty().set(dir);
            app.model().settings().lengthProperty().set("300");
        });
        assertTrue(robot.lookup("#trainDataText").queryAs(Label.class).getText().startsWith("MNIST found in"));
        robot.clickOn("#trainStartButton");
        TrainFixture.await(180, () -> app.model().state() == TrainingModel.State.COMPLETED);

        TrainingModel model = app.model();
        assertEquals(300, model.log().size());
        assertEquals(600, model.log().iterationsPerEpoch(), "60,000 / 100");
        assertEquals(2, model.log().epochs().size(), "the book measures at iteration 0 only within 600, then the end");
        assertTrue(model.log().epochs().get(0).test() < 0.3, "right after one update the net is still guessing");
        String notice = robot.lookup("#trainNotice").queryAs(Label.class).getText();
        assertTrue(notice.startsWith("Done: 300 updates"), notice);
        double testAccuracy = Double.parseDouble(notice.replaceAll(".*, ([0-9.]+)% on the test data.*", "$1"));
        assertTrue(testAccuracy > 80, "after 300 updates the book's net gets most digits right: " + notice);
        assertEquals(1.0, robot.lookup("#trainProgress").queryAs(ProgressBar.class).getProgress(), 1e-9);
        assertTrue(robot.lookup("#trainDataText").queryAs(Label.class).getText()
                .startsWith("MNIST: 60,000 training and 10,000 test images"));
        assertTrue(app.page().strip().rightCount() >= 14, "right on the strip: " + app.page().strip().rightCount());
        assertTrue(app.page().lossChart().redraws() > 0);

        // the explainer's mnist lesson puts test digits through the trained net
        robot.clickOn("#nav-mnist");
        LessonModel lesson = app.ctx.lesson(Example.MNIST);
        TrainFixture.await(60, () -> lesson.status() == LessonModel.Status.READY);
        assertArrayEquals(model.net().params().get("W1").data, lesson.trace().params().get("W1").toArray());
        assertTrue(robot.lookup(".lesson-subtitle").queryAs(Label.class).getText().startsWith("The 784-50-10 net you"));

        // ... on any test digit
        robot.interact(() -> app.ctx.mnistFirstDigitProperty().set(1234));
        TrainFixture.await(60, () -> lesson.status() == LessonModel.Status.READY
                && lesson.run().description().contains("#1234–#1236"));
        assertTrue(lesson.trace().loss() < 2.0, "a trained net is confident: loss " + lesson.trace().loss());
    }
}
