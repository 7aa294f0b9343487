package com.backpropexplorer.cli;

import com.backpropexplorer.data.DataException;
import com.backpropexplorer.data.DataMessage;
import com.backpropexplorer.data.MnistDownloader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code download}: fetch and verify the four MNIST files. */
@Command(name = "download", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Download and verify MNIST.",
        description = {"Download the four MNIST files from the book's mirror (then a fallback), check each",
            "against its published checksum, and move it into place only when it is right.",
            "A mirror that stalls for 30 s or takes over 10 minutes for a file is given up on; exit 1",
            "when no mirror delivers."})
final class DownloadCommand implements Callable<Integer> {
    /** The longest --timeout or --deadline: a day. */
    static final long MAX_SECONDS = 86_400;

    @ParentCommand
    Cli.Root root;

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Where to put the files (default: ~/.cache/backprop-explorer/mnist, where the other commands look).")
    Path dir;

    @Option(names = "--mirror", paramLabel = "URL", converter = MirrorConverter.class,
            description = {"A base URL the four file names are appended to, e.g. a campus mirror (http or https;",
                "the checksums guard the content). Repeatable, tried in order; replaces the built-in mirrors."})
    List<URI> mirrors;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Give up on a mirror that does not answer or sends nothing for this long (default: 30).")
    double timeoutSeconds = MnistDownloader.Timeouts.DEFAULT.idle().toMillis() / 1000.0;

    @Option(names = "--deadline", paramLabel = "SECONDS",
            description = "Give up on a mirror that has not delivered a file after this long (default: 600).")
    double deadlineSeconds = MnistDownloader.Timeouts.DEFAULT.perFile().toMillis() / 1000.0;

    @Override
    public Integer call() {
        Path target = dir != null ? dir : root.context().locator().cacheDir();
        PrintWriter err = spec.commandLine().getErr();
        MnistDownloader downloader = new MnistDownloader(mirrors == null || mirrors.isEmpty()
                ? MnistDownloader.DEFAULT_MIRRORS : mirrors, MnistDownloader.MNIST_MANIFEST, timeouts());
        Map<String, MnistDownloader.Outcome> outcomes = downloader.download(target,
                new Progress(err, root.context().terminal()));
        long fetched = outcomes.values().stream().filter(o -> o == MnistDownloader.Outcome.DOWNLOADED).count();
        spec.commandLine().getOut().printf(Locale.ROOT, "MNIST is in %s (%d downloaded, %d already there)%n", target,
                fetched, outcomes.size() - fetched);
        return Cli.OK;
    }

    /** --timeout and --deadline: from a millisecond to a day. */
    private MnistDownloader.Timeouts timeouts() {
        Duration idle = seconds("--timeout", timeoutSeconds);
        Duration perFile = seconds("--deadline", deadlineSeconds);
        Duration connect = MnistDownloader.Timeouts.DEFAULT.connect();
        return new MnistDownloader.Timeouts(idle.compareTo(connect) < 0 ? idle : connect, idle, idle, perFile);
    }

    private Duration seconds(String option, double value) {
        if (!(value >= 0.001 && value <= MAX_SECONDS)) {
            throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                    "%s must be between 0.001 and %,d seconds (a day), not %s.", option, MAX_SECONDS,
                    Double.toString(value)));
        }
        return Duration.ofNanos(Math.round(value * 1e9));
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
        public void mirrorFailed(String file, URI url, DataMessage reason) {
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

    /** {@code --mirror URL}: a base URL checked as the downloader will use it. */
    static final class MirrorConverter implements ITypeConverter<URI> {
        @Override
        public URI convert(String value) {
            try {
                return MnistDownloader.parseMirror(value);
            } catch (DataException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
