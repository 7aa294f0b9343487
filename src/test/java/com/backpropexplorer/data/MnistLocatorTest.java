package com.backpropexplorer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.backpropexplorer.launch.LaunchCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistLocatorTest {
    @TempDir
    Path root;

    private Path withMnist(String name) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        MnistTest.writeSet(dir, 1, 1, true);
        return dir;
    }

    @Test
    void explicitFolderWinsAndIsTakenAtItsWord() throws IOException {
        Path explicit = withMnist("explicit");
        Path env = withMnist("env");
        MnistLocator locator = new MnistLocator(Map.of("MNIST_DIR", env.toString()), root.resolve("home"));
        assertEquals(explicit, locator.locate(explicit));
        Path empty = Files.createDirectories(root.resolve("empty"));
        DataException e = assertThrows(DataException.class, () -> locator.locate(empty));
        assertTrue(e.getMessage().startsWith("MNIST is not in " + empty + " (given with --data): missing "
                + "train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz"), e.getMessage());
    }

    @Test
    void environmentVariableThenCache() throws IOException {
        Path env = withMnist("env");
        Path home = root.resolve("home");
        assertEquals(env, new MnistLocator(Map.of("MNIST_DIR", env.toString()), home).locate(null));
        Path cache = home.resolve(".cache/backprop-explorer/mnist");
        Files.createDirectories(cache);
        MnistTest.writeSet(cache, 1, 1, true);
        assertEquals(cache, new MnistLocator(Map.of(), home).locate(null));
        // a stale MNIST_DIR falls through to the cache
        assertEquals(cache, new MnistLocator(Map.of("MNIST_DIR", root.resolve("gone").toString()), home).locate(null));
    }

    @Test
    void xdgCacheHomeIsRespectedWhenAbsolute() {
        Path home = root.resolve("home");
        assertEquals(root.resolve("xdg/backprop-explorer/mnist"),
                new MnistLocator(Map.of("XDG_CACHE_HOME", root.resolve("xdg").toString()), home).cacheDir());
        assertEquals(home.resolve(".cache/backprop-explorer/mnist"),
                new MnistLocator(Map.of("XDG_CACHE_HOME", "relative/path"), home).cacheDir());
    }

    @Test
    void nowhereListsEveryPlaceAndHowToGetIt() {
        Path home = root.resolve("home");
        Path gone = root.resolve("gone");
        MnistLocator locator = new MnistLocator(Map.of("MNIST_DIR", gone.toString()), home);
        DataException e = assertThrows(DataException.class, () -> locator.locate(null));
        assertEquals("MNIST was not found: looked in --data (not given), $MNIST_DIR = " + gone
                + " (does not exist), " + home.resolve(".cache/backprop-explorer/mnist")
                + " (does not exist); run `" + LaunchCommand.with("download") + "` to fetch it,"
                + " or pass --data DIR.", e.getMessage());
        assertTrue(locator.find(null).isEmpty());
    }
}
