package com.backpropexplorer.launch;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The app image's class-data archive (AppCDS): the classes a start needs, already parsed,
 * verified and laid out, mapped into memory by the JVM instead of read from the jars. It
 * roughly halves the time the JVM spends loading classes before the window appears.
 *
 * <p>The image's launcher names the archive in {@value #PATH_PROPERTY} and, when the file
 * exists, in {@code -XX:SharedArchiveFile=}: the image's own in {@code lib/app}, or, for an
 * image the user cannot write (installed in /opt without its archive), one in the user's cache
 * (the Linux launcher script, src/dist/launcher/linux). JDK 17 uses an archive only with the
 * class path it was made with (absolute paths, sizes and times of the jars), so an archive made
 * when the package is built would not fit where the package installs. The archive is therefore
 * made where the app lives: by the .deb's install script, by the build for the image in
 * {@code target/dist}, and by the app itself, in the background after its window is up, when
 * the archive is missing or was made for another place (an unpacked or moved image). A stamp
 * beside it records what it was made for. The JVM's own CDS messages are switched off by the
 * launcher: an archive that does not fit is silently not used.
 */
public final class ClassArchive {
    /** Set to true in the JVM that runs the app once to record the classes it loads. */
    public static final String TRAINING_PROPERTY = "backprop-explorer.class-archive.training";
    /** The main class the launcher starts (named here: this package depends on nothing). */
    static final String MAIN_CLASS = "com.backpropexplorer.Main";
    /** Where the launcher wants the archive, whether it exists yet or not. */
    public static final String PATH_PROPERTY = "backprop-explorer.class-archive";
    private static final String ARCHIVE_OPTION = "-XX:SharedArchiveFile=";
    private static final String PATH_OPTION = "-D" + PATH_PROPERTY + "=";
    private static final List<String> OWN_OPTIONS = List.of(ARCHIVE_OPTION, PATH_OPTION, "-XX:ArchiveClassesAtExit=",
            "-Xshare:", "-Djava.class.path=", "-Dsun.java.command=", "-Dsun.java.launcher", "-D" + TRAINING_PROPERTY);

    private final Path file;
    private final Path javaHome;
    private final String classPath;
    private final List<String> jvmOptions;

    /**
     * @param file the archive
     * @param javaHome the runtime that uses it
     * @param classPath the class path it is made for
     * @param jvmOptions the launcher's other JVM options (they are kept for the run that makes it)
     */
    ClassArchive(Path file, Path javaHome, String classPath, List<String> jvmOptions) {
        this.file = file.toAbsolutePath();
        this.javaHome = javaHome;
        this.classPath = classPath;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** The archive this JVM was told to use, if it was started with one (by the image's launcher). */
    public static Optional<ClassArchive> ofThisProcess() {
        List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        return of(arguments, Path.of(System.getProperty("java.home")), System.getProperty("java.class.path"));
    }

    static Optional<ClassArchive> of(List<String> arguments, Path javaHome, String classPath) {
        Path file = null;
        Path wanted = null;
        List<String> others = new ArrayList<>();
        for (String argument : arguments) {
            if (argument.startsWith(ARCHIVE_OPTION)) {
                file = Path.of(argument.substring(ARCHIVE_OPTION.length()));
            }
            if (argument.startsWith(PATH_OPTION)) {
                wanted = Path.of(argument.substring(PATH_OPTION.length()));
            }
            if (OWN_OPTIONS.stream().noneMatch(argument::startsWith)) {
                others.add(argument);
            }
        }
        Path archive = wanted != null ? wanted : file;
        return archive == null ? Optional.empty() : Optional.of(new ClassArchive(archive, javaHome, classPath, others));
    }

    /** True in the JVM that runs the app once to fill an archive. */
    public static boolean isTrainingRun() {
        return Boolean.getBoolean(TRAINING_PROPERTY);
    }

    public Path file() {
        return file;
    }

    Path stampFile() {
        return file.resolveSibling(file.getFileName() + ".stamp");
    }

    Path lockFile() {
        return file.resolveSibling(file.getFileName() + ".lock");
    }

    Path partFile() {
        return file.resolveSibling(file.getFileName() + ".part");
    }

    /** True when the archive exists and was made for this runtime and these very jars. */
    public boolean isCurrent() {
        try {
            return Files.isRegularFile(file) && Files.isRegularFile(stampFile())
                    && Files.readString(stampFile(), StandardCharsets.UTF_8).equals(stamp());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * True when this user may write the archive: its folder, or the nearest folder above it
     * that exists (a cache folder not made yet), is theirs to write.
     */
    public boolean isWritable() {
        Path dir = file.getParent();
        while (dir != null && !Files.exists(dir)) {
            dir = dir.getParent();
        }
        return dir != null && Files.isDirectory(dir) && Files.isWritable(dir);
    }

    /** What an archive is made for: the runtime, the class path, and each jar's size and time. */
    String stamp() {
        StringBuilder stamp = new StringBuilder();
        stamp.append("runtime ").append(javaHome).append(' ').append(System.getProperty("java.vm.version")).append('\n');
        stamp.append("class path ").append(classPath).append('\n');
        for (String entry : classPath.split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            try {
                stamp.append(jar).append(' ').append(Files.size(jar)).append(' ')
                        .append(Files.getLastModifiedTime(jar).toMillis()).append('\n');
            } catch (IOException e) {
                stamp.append(jar).append(" missing\n");
            }
        }
        return stamp.toString();
    }

    /**
     * The command of the JVM that runs the app once, headless, and writes the classes it loaded
     * to {@code output} when it exits.
     */
    List<String> trainingCommand(Path output) {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve(isWindows() ? "java.exe" : "java").toString());
        command.addAll(jvmOptions);
        command.add("-XX:ArchiveClassesAtExit=" + output);
        command.add("-D" + TRAINING_PROPERTY + "=true");
        // Monocle's headless screen: no display needed (an install script has none) and no
        // window flashing on the learner's screen when the app refreshes its archive
        command.add("-Dglass.platform=Monocle");
        command.add("-Dmonocle.platform=Headless");
        command.add("-Dprism.order=sw");
        command.add("-cp");
        command.add(classPath);
        command.add(MAIN_CLASS);
        return command;
    }

    /**
     * The command that makes the archive in a process of its own ({@code class-archive}), started
     * by the app in the background; it runs at low priority where {@code nice} exists.
     */
    List<String> refreshCommand() {
        List<String> command = new ArrayList<>();
        Path nice = Path.of("/usr/bin/nice");
        if (Files.isExecutable(nice)) {
            command.addAll(List.of(nice.toString(), "-n", "10"));
        }
        command.add(javaHome.resolve("bin").resolve(isWindows() ? "java.exe" : "java").toString());
        command.addAll(jvmOptions);
        // the archive it is to make (the JVM is not told to use it: it may not exist yet)
        command.add(PATH_OPTION + file);
        command.add("-cp");
        command.add(classPath);
        command.add(MAIN_CLASS);
        command.add("class-archive");
        return command;
    }

    /** Writes the stamp saying the archive fits this runtime and class path. */
    void writeStamp() throws IOException {
        Path part = stampFile().resolveSibling(stampFile().getFileName() + ".part");
        Files.writeString(part, stamp(), StandardCharsets.UTF_8);
        Files.move(part, stampFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean isWindows() {
        return File.separatorChar == '\\';
    }
}
