package com.backpropexplorer.cli;

import com.backpropexplorer.data.MnistDownloader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code download}: fetch and verify the four MNIST files. */
@Command(name = "download", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Download and verify MNIST.",
        description = {"Download the four MNIST files from the book's mirror (then a fallback), check each",
            "against its published checksum, and move it into place only when it is right."})
final class DownloadCommand implements Callable<Integer> {
    @ParentCommand
    Cli.Root root;

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Where to put the files (default: ~/.cache/backprop-explorer/mnist, where the other commands look).")
    Path dir;

    @Override
    public Integer call() {
        Path target = dir != null ? dir : root.context().locator().cacheDir();
        PrintWriter err = spec.commandLine().getErr();
        MnistDownloader downloader = new MnistDownloader();
        Map<String, MnistDownloader.Outcome> outcomes = downloader.download(target,
                new Progress(err, root.context().terminal()));
        long fetched = outcomes.values().stream().filter(o -> o == MnistDownloader.Outcome.DOWNLOADED).count();
        spec.commandLine().getOut().printf(Locale.ROOT, "MNIST is in %s (%d downloaded, %d already there)%n", target,
                fetched, outcomes.size() - fetched);
        return Cli.OK;
    }

    /**
     * On a terminal, one line per file redrawn in place with \r; elsewhere (a log, a pipe) plain
     * lines only when a file starts and ends, so logs stay readable.
     */
    static final class Progress implements MnistDownloader.ProgressListener {
        private static final int WIDTH = 30;
        private final PrintWriter err;
        private final boolean terminal;

        Progress(PrintWriter err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        @Override
        public void started(String file, URI url) {
            if (!terminal) {
                err.println("downloading " + file + " from " + url);
            }
        }

        @Override
        public void progress(String file, long bytesSoFar, long totalBytes) {
            if (!terminal) {
                return;
            }
            err.print("\r" + bar(file, bytesSoFar, totalBytes));
            err.flush();
        }

        /** "train-images-idx3-ubyte.gz [#######.......]  45%  4.5 / 9.9 MB". */
        String bar(String file, long bytesSoFar, long totalBytes) {
            if (totalBytes <= 0) {
                return String.format(Locale.ROOT, "%-28s %.1f MB", file, bytesSoFar / 1e6);
            }
            double fraction = Math.min(1.0, (double) bytesSoFar / totalBytes);
            int filled = (int) Math.round(fraction * WIDTH);
            return String.format(Locale.ROOT, "%-28s [%s%s] %3d%%  %.1f / %.1f MB", file, "#".repeat(filled),
                    ".".repeat(WIDTH - filled), Math.round(fraction * 100), bytesSoFar / 1e6, totalBytes / 1e6);
        }

        @Override
        public void skipped(String file) {
            err.println(file + ": already there and valid");
        }

        @Override
        public void mirrorFailed(String file, URI url, String reason) {
            if (terminal) {
                err.println();
            }
            err.println(file + ": " + url + " failed (" + reason + "); trying the next mirror");
        }

        @Override
        public void finished(String file) {
            if (terminal) {
                err.println();
            }
            err.println(file + ": verified");
        }
    }
}
