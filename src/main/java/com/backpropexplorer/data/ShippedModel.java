package com.backpropexplorer.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The 784-50-10 net that ships inside the jar ({@code assets/model/two_layer_net.bpex}, copied
 * there by the pom), so that reading a drawn digit works on first start, before any training
 * and without MNIST on the machine. {@code assets/model/README.md} says how it was trained.
 */
public final class ShippedModel {
    /** Where the pom puts {@code assets/model} on the class path. */
    public static final String RESOURCE = "/com/backpropexplorer/model/two_layer_net.bpex";

    private static volatile ModelData cached;

    private ShippedModel() {
    }

    /**
     * The shipped model's parameters. Loaded once; the returned matrices are shared, so copy
     * them (e.g. through a {@code TwoLayerNet}) before changing anything.
     *
     * @throws DataException if the jar was built without the model
     */
    public static ModelData load() {
        ModelData model = cached;
        if (model == null) {
            synchronized (ShippedModel.class) {
                model = cached;
                if (model == null) {
                    model = read();
                    cached = model;
                }
            }
        }
        return model;
    }

    private static ModelData read() {
        try (InputStream in = ShippedModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new DataException("model.shippedMissing", RESOURCE);
            }
            // ModelFiles checks and parses files; a resource may sit inside a jar, so it goes
            // through a private temporary copy (320 KB, once per process)
            Path copy = Files.createTempFile("two_layer_net", ".bpex");
            try {
                Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return ModelFiles.load(copy);
            } finally {
                Files.deleteIfExists(copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the shipped model", e);
        }
    }
}
