package com.backpropexplorer.cli;

import com.backpropexplorer.data.DataException;
import com.backpropexplorer.data.DigitPreprocessor;
import com.backpropexplorer.data.ImageFiles;
import com.backpropexplorer.data.ModelData;
import com.backpropexplorer.data.ModelFiles;
import com.backpropexplorer.data.ShippedModel;
import com.backpropexplorer.explain.DigitReader;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code predict}: reads pictures of handwritten digits (PNG, JPEG; dark on light or light on
 * dark, any size), preprocesses them the way MNIST was made and prints the net's digit and ten
 * probabilities for each. A picture that cannot be read is one sentence on stderr; the others
 * are still read, and the exit code is 1.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Read handwritten digits from pictures (PNG or JPEG, dark on light or light on dark):",
            "prints the digit and the ten class probabilities for each, using the model that ships",
            "with the app unless --model says otherwise."})
final class PredictCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE",
            description = "A model saved by `train --save` or np.savez (default: the shipped 784-50-10 model).")
    Path model;

    @Option(names = "--json", description = "One JSON object per image: image, digit, probabilities.")
    boolean json;

    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "Pictures of one digit each.")
    List<Path> images;

    @Override
    public Integer call() {
        DigitReader reader = reader();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failures = 0;
        for (Path image : images) {
            DigitReader.Reading reading;
            try {
                DigitPreprocessor.Digit digit = DigitPreprocessor.preprocess(ImageFiles.read(image));
                if (digit.empty()) {
                    throw new DataException("image.noInk", image.getFileName());
                }
                reading = reader.read(digit);
            } catch (DataException e) {
                err.println(e.getMessage());
                err.flush();
                failures++;
                continue;
            }
            out.println(json ? jsonLine(image, reading) : textLine(image, reading));
            out.flush();
        }
        return failures == 0 ? Cli.OK : Cli.RUNTIME_ERROR;
    }

    private DigitReader reader() {
        ModelData data = model == null ? ShippedModel.load() : ModelFiles.load(model);
        String name = model == null ? "The shipped model" : model.getFileName().toString();
        try {
            return new DigitReader(DigitReader.netOf(data));
        } catch (IllegalArgumentException e) {
            throw new UserError(name + " is not a 784-input two-layer net (" + e.getMessage()
                    + "); give a model trained on 28×28 MNIST digits.");
        }
    }

    /** {@code seven.png: 7  0:0.000 1:0.000 ... 7:0.998 ...} */
    private static String textLine(Path image, DigitReader.Reading reading) {
        StringBuilder line = new StringBuilder();
        line.append(image).append(": ").append(reading.digit()).append(' ');
        for (int k = 0; k < reading.probabilities().length; k++) {
            line.append(String.format(Locale.ROOT, " %d:%.3f", k, reading.probabilities()[k]));
        }
        return line.toString();
    }

    private static String jsonLine(Path image, DigitReader.Reading reading) {
        JsonObject line = new JsonObject();
        line.addProperty("image", image.toString());
        line.addProperty("digit", reading.digit());
        JsonArray probabilities = new JsonArray(reading.probabilities().length);
        for (double p : reading.probabilities()) {
            probabilities.add(Json.number(p));
        }
        line.add("probabilities", probabilities);
        return Json.line(line);
    }
}
