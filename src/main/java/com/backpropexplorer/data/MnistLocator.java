package com.backpropexplorer.data;

import com.backpropexplorer.launch.LaunchCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides where MNIST is: the folder given with {@code --data DIR}, else the folder in the
 * environment variable {@code MNIST_DIR}, else the per-user cache folder
 * ({@code $XDG_CACHE_HOME/backprop-explorer/mnist}, by default
 * {@code ~/.cache/backprop-explorer/mnist}), which is also where {@code download} puts it.
 *
 * <p>A folder given with {@code --data} is taken at its word: if MNIST is not there, that is
 * the error, rather than silently using another copy.
 */
public final class MnistLocator {
    /** Environment variable naming a folder with the four MNIST files. */
    public static final String ENV_VAR = "MNIST_DIR";
    /** The command that fetches MNIST, as the user types it (the launcher, or java -jar with the jar). */
    public static String downloadCommand() {
        return LaunchCommand.with("download");
    }

    private final Map<String, String> env;
    private final Path home;

    /**
     * @param env the environment (injectable for tests)
     * @param home the user's home folder
     */
    public MnistLocator(Map<String, String> env, Path home) {
        this.env = Map.copyOf(env);
        this.home = home;
    }

    /** A locator reading the real environment and {@code user.home}. */
    public static MnistLocator system() {
        return new MnistLocator(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The per-user cache folder where {@code download} puts MNIST and where it is looked for last. */
    public Path cacheDir() {
        String xdg = env.get("XDG_CACHE_HOME");
        // the XDG spec says a relative value is invalid and must be ignored
        Path cacheRoot = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : home.resolve(".cache");
        return cacheRoot.resolve("backprop-explorer").resolve("mnist");
    }

    /**
     * Finds the folder with the four MNIST files.
     *
     * @param explicitDir the folder given with {@code --data}, or null
     * @throws DataException naming every place looked at and how to get MNIST
     */
    public Path locate(Path explicitDir) {
        if (explicitDir != null) {
            DataMessage problem = problemWith(explicitDir);
            if (problem != null) {
                throw new DataException("locate.givenFolder", explicitDir, problem, downloadCommand());
            }
            return explicitDir;
        }
        List<DataMessage> looked = new ArrayList<>();
        String envDir = env.get(ENV_VAR);
        if (envDir == null || envDir.isBlank()) {
            looked.add(DataMessage.of("locate.envNotSet", ENV_VAR));
        } else {
            Optional<Path> found = check(Path.of(envDir), "$" + ENV_VAR + " = ", looked);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return check(cacheDir(), "", looked).orElseThrow(() -> new DataException("locate.notFound",
                DataMessage.commaList(looked), downloadCommand()));
    }

    /** Like {@link #locate(Path)} but empty instead of an error (for the app's "found / not found"). */
    public Optional<Path> find(Path explicitDir) {
        try {
            return Optional.of(locate(explicitDir));
        } catch (DataException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> check(Path dir, String label, List<DataMessage> looked) {
        DataMessage problem = problemWith(dir);
        if (problem == null) {
            return Optional.of(dir);
        }
        looked.add(DataMessage.of("locate.looked", label + dir, problem));
        return Optional.empty();
    }

    /** Null if {@code dir} holds all four files, else a short reason. */
    private static DataMessage problemWith(Path dir) {
        if (!Files.isDirectory(dir)) {
            return DataMessage.of(Files.exists(dir) ? "locate.notAFolder" : "locate.doesNotExist");
        }
        List<DataMessage> problems = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : Mnist.FILES) {
            DataMessage problem = Mnist.problem(dir, name);
            if (problem != null && problem.key().equals("mnist.problem.missing")) {
                missing.add(name);
            } else if (problem != null) {
                problems.add(problem);
            }
        }
        if (!missing.isEmpty()) {
            problems.add(0, DataMessage.of("mnist.problem.missing", String.join(", ", missing)));
        }
        return problems.isEmpty() ? null : DataMessage.list(problems);
    }
}
