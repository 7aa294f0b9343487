package com.backpropexplorer.cli;

import com.backpropexplorer.data.Mnist;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data DIR}, shared by every command that reads MNIST. */
final class DataOptions {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder with the four MNIST files (default: $MNIST_DIR, then ~/.cache/backprop-explorer/mnist).")
    Path dir;

    /** The MNIST folder: --data, else $MNIST_DIR, else the cache folder; a DataException says where it looked. */
    Path locate(Cli.Context context) {
        return context.locator().locate(dir);
    }

    /** Both splits, from the located folder. */
    Mnist load(Cli.Context context) {
        return Mnist.load(locate(context));
    }
}
