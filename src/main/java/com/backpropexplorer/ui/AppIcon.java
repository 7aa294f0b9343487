package com.backpropexplorer.ui;

import java.net.URL;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The app's icon (assets/icon: a computational graph, forward in blue, backward in orange) on
 * the window, at every size the desktop may ask for. The pictures are decoded on a thread of
 * their own, so the first frame never waits for them.
 */
final class AppIcon {
    private static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private AppIcon() {
    }

    /** Puts the icon on the stage a moment later; call on the FX thread. */
    static void applyLater(Stage stage) {
        Thread loader = new Thread(() -> {
            List<Image> images = images();
            Platform.runLater(() -> stage.getIcons().setAll(images));
        }, "app-icon");
        loader.setDaemon(true);
        loader.start();
    }

    static List<Image> images() {
        return Arrays.stream(SIZES).mapToObj(size -> {
            URL url = Objects.requireNonNull(AppIcon.class.getResource("icon/backprop-explorer-" + size + ".png"),
                    "icon " + size);
            return new Image(url.toExternalForm());
        }).toList();
    }
}
