package com.backpropexplorer.cli;

import com.backpropexplorer.data.DataException;
import com.backpropexplorer.data.MnistLocator;
import com.backpropexplorer.launch.LaunchCommand;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The headless commands: {@code backprop-explorer COMMAND [OPTIONS]} from the app image or the
 * installed package, {@code java -jar backprop-explorer.jar COMMAND [OPTIONS]} from the jar.
 *
 * <p>Exit codes: 0 done, 1 a runtime problem the user can fix (missing or corrupt data, an
 * unwritable file, a diverged training), 2 bad arguments. Problems are one sentence on stderr;
 * {@code --verbose} adds the stack trace.
 */
public final class Cli {
    /** Exit code of a run that went well. */
    public static final int OK = 0;
    /** Exit code of a runtime problem: data, files, divergence. */
    public static final int RUNTIME_ERROR = 1;
    /** Exit code of bad arguments. */
    public static final int USAGE_ERROR = 2;

    /**
     * The subcommands, in the order {@code --help} lists them. A new command (predict,
     * screenshot) is a picocli {@code @Command} class implementing {@code Callable<Integer>},
     * added here.
     */
    static final List<Supplier<Object>> COMMANDS = List.of(
            TrainCommand::new,
            GradcheckCommand::new,
            TraceCommand::new,
            BenchCommand::new,
            DownloadCommand::new,
            PredictCommand::new,
            ScreenshotCli::new,
            ClassArchiveCommand::new);

    private Cli() {
    }

    /** Runs one command on the process's streams and environment; returns the exit code. */
    public static int run(String... args) {
        return run(System.out, System.err, args);
    }

    /** Runs one command writing to the given streams (tests capture them); returns the exit code. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return run(new Context(MnistLocator.system(), err == System.err && System.console() != null), out, err, args);
    }

    /**
     * Runs one command with an explicit context (tests inject the MNIST locator).
     *
     * @return the exit code
     */
    public static int run(Context context, PrintStream out, PrintStream err, String... args) {
        PrintWriter outWriter = new PrintWriter(out, true);
        PrintWriter errWriter = new PrintWriter(err, true);
        try {
            return commandLine(context, outWriter, errWriter).execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    /** The parser with every subcommand registered and the exit-code policy installed. */
    static CommandLine commandLine(Context context, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Root(context));
        // usage and error messages name the command as the user typed it
        cli.setCommandName(LaunchCommand.current());
        for (Supplier<Object> command : COMMANDS) {
            cli.addSubcommand(command.get());
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(Cli::usageError);
        cli.setExecutionExceptionHandler(Cli::runtimeError);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    /** Bad arguments: the parser's sentence and where to read more; never the whole usage dump. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String message = oneLine(e.getMessage());
        err.println(message + (message.endsWith(".") ? "" : ".") + " See '" + command.getCommandSpec().qualifiedName()
                + " --help'.");
        if (verbose(command.getParseResult())) {
            e.printStackTrace(err);
        }
        return USAGE_ERROR;
    }

    private static int runtimeError(Exception e, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        if (e instanceof DataException || e instanceof UserError) {
            err.println(oneLine(e.getMessage()));
        } else if (e instanceof CancellationException) {
            err.println("Cancelled.");
        } else {
            err.println("Unexpected error: " + oneLine(String.valueOf(e.getMessage())) + " (" + e.getClass().getSimpleName()
                    + "); run again with --verbose for the details.");
        }
        if (verbose(parseResult)) {
            e.printStackTrace(err);
        }
        return RUNTIME_ERROR;
    }

    private static boolean verbose(ParseResult result) {
        for (ParseResult r = result; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /**
     * What the commands need from outside: where MNIST is looked for, and whether stderr is a
     * terminal (so a progress bar can redraw itself in place).
     */
    public record Context(MnistLocator locator, boolean terminal) {
    }

    /** The top-level command: holds the context and the options every command accepts. */
    @Command(name = "backprop-explorer", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = {
                "The two-layer net of \"Deep Learning from Scratch\" ch. 4-5 on the command line.",
                "Without a command it opens the app."},
            footer = {"", "Exit codes: 0 done, 1 runtime problem (data, files, divergence), 2 bad arguments."})
    static final class Root implements Runnable {
        private final Context context;

        @Spec
        CommandSpec spec;

        @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
                description = "Print stack traces with error messages.")
        boolean verbose;

        Root(Context context) {
            this.context = context;
        }

        Context context() {
            return context;
        }

        @Override
        public void run() {
            // the hidden ones (class-archive, run by the installer) are not offered
            throw new ParameterException(spec.commandLine(), "Choose a command: " + String.join(", ",
                    spec.subcommands().entrySet().stream()
                            .filter(command -> !command.getValue().getCommandSpec().usageMessage().hidden())
                            .map(java.util.Map.Entry::getKey).toList()));
        }
    }

    /** {@code --version}: the Maven version baked into the jar, or "development build" from the IDE. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws java.io.IOException {
            String version = Cli.class.getPackage().getImplementationVersion();
            if (version == null) {
                try (var in = Cli.class.getResourceAsStream(
                        "/META-INF/maven/com.backpropexplorer/backprop-explorer/pom.properties")) {
                    if (in != null) {
                        java.util.Properties properties = new java.util.Properties();
                        properties.load(in);
                        version = properties.getProperty("version");
                    }
                }
            }
            return new String[] {"Backprop Explorer " + (version == null ? "(development build)" : version),
                "Java " + System.getProperty("java.version")};
        }
    }
}
