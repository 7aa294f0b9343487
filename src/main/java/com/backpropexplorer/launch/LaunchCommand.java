package com.backpropexplorer.launch;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * The command the user typed to start this program, so that a message can tell them what to
 * run next in words they can paste: {@code backprop-explorer download} after installing the
 * package, {@code /home/me/backprop-explorer/bin/backprop-explorer download} from an unpacked
 * app image, {@code java -jar backprop-explorer.jar download} for the jar.
 */
public final class LaunchCommand {
    /** The program's name, used where nothing better is known (run from classes, in tests). */
    public static final String PROGRAM = "backprop-explorer";

    private static volatile String current;

    private LaunchCommand() {
    }

    /** How this process was started, as a command to type. */
    public static String current() {
        String command = current;
        if (command == null) {
            command = of(System.getProperty("jpackage.app-path"), System.getProperty("sun.java.command"),
                    System.getenv("PATH"), ownJar());
            current = command;
        }
        return command;
    }

    /** The command to run one of the program's commands, e.g. {@code with("download")}. */
    public static String with(String arguments) {
        return current() + " " + arguments;
    }

    /**
     * The command for a process started by the app image's launcher (its path, or null), or by
     * {@code java} with these main arguments ({@code sun.java.command}: the jar or main class,
     * then the arguments), given the {@code PATH} and the jar this class was loaded from (null
     * when it came from a folder of classes).
     */
    static String of(String launcher, String javaCommand, String path, Path ownJar) {
        if (launcher != null && !launcher.isBlank()) {
            return launcherCommand(launcher, path);
        }
        if (javaCommand != null && ownJar != null) {
            String first = javaCommand.strip().split("\\s+", 2)[0];
            // java -jar with our jar (not, say, a test runner's jar): the path as it was typed
            if (first.endsWith(".jar") && sameFile(first, ownJar)) {
                return "java -jar " + quoted(first);
            }
        }
        return PROGRAM;
    }

    private static boolean sameFile(String typed, Path jar) {
        try {
            return Files.isSameFile(Path.of(typed), jar);
        } catch (IOException | InvalidPathException e) {
            return false;
        }
    }

    private static Path ownJar() {
        try {
            CodeSource source = LaunchCommand.class.getProtectionDomain().getCodeSource();
            Path location = source == null ? null : Path.of(source.getLocation().toURI());
            return location != null && Files.isRegularFile(location) ? location : null;
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }

    /** Just the launcher's name when PATH finds this very launcher under it, else its full path. */
    private static String launcherCommand(String launcher, String path) {
        try {
            Path self = Path.of(launcher);
            Path name = self.getFileName();
            if (name != null && path != null) {
                for (String dir : path.split(File.pathSeparator)) {
                    if (dir.isBlank()) {
                        continue;
                    }
                    Path candidate = Path.of(dir).resolve(name);
                    if (Files.isExecutable(candidate) && Files.isSameFile(candidate, self)) {
                        return name.toString();
                    }
                    if (Files.isExecutable(candidate)) {
                        break; // PATH finds another program of that name first
                    }
                }
            }
        } catch (IOException | InvalidPathException e) {
            // an unreadable PATH entry: fall back to the full path
        }
        return quoted(launcher);
    }

    /** The word as a POSIX shell reads it: quoted when it holds anything but plain characters. */
    static String quoted(String word) {
        if (word.matches("[A-Za-z0-9_./:@%+=,-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
