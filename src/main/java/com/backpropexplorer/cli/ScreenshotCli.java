package com.backpropexplorer.cli;

import com.backpropexplorer.ui.screenshot.Screenshots;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code screenshot}: the main views as PNG files, rendered without a window. */
@Command(name = "screenshot", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Render the main views (each lesson at a few stages, English and Japanese, light and",
            "dark) as PNG files, without showing a window. Works with no display at all."})
final class ScreenshotCli implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The folder to write the PNGs into.")
    Path out;

    @Option(names = "--data", paramLabel = "DIR",
            description = "The MNIST folder for the mnist lesson (default: MNIST_DIR, then the per-user cache).")
    Path data;

    @Option(names = "--every-stage", description = "Every stage of every lesson in both languages, for review.")
    boolean everyStage;

    @Override
    public Integer call() {
        // The toolkit's threads are not daemons: end the process here rather than hang.
        int code = Screenshots.run(out, data, everyStage);
        javafx.application.Platform.exit();
        return code;
    }
}
