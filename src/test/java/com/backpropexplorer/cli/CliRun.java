package com.backpropexplorer.cli;

import com.backpropexplorer.data.MnistLocator;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One command run through {@link Cli#run} with captured streams. */
record CliRun(int exitCode, String out, String err) {

    /** With an environment that has no MNIST anywhere (no $MNIST_DIR, an empty home). */
    static CliRun run(Path emptyHome, String... args) {
        return run(new Cli.Context(new MnistLocator(Map.of(), emptyHome), false), args);
    }

    static CliRun run(Cli.Context context, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Cli.run(context, o, e, args);
        }
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    List<String> outLines() {
        return out.lines().toList();
    }

    List<String> errLines() {
        return err.lines().toList();
    }

    /** Every stdout line parsed as one JSON object (fails if a line is not one). */
    List<JsonObject> jsonLines() {
        return out.lines().map(line -> JsonParser.parseString(line).getAsJsonObject()).toList();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
