package com.backpropexplorer.cli;

import com.backpropexplorer.launch.ClassArchive;
import com.backpropexplorer.launch.ClassArchiveMaker;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code class-archive}: makes the app image's class-data archive, which the installer runs
 * after installing and the app runs by itself when its archive is missing or out of date.
 * Hidden from {@code --help}: a learner never needs it.
 */
@Command(name = "class-archive", hidden = true, mixinStandardHelpOptions = true,
        header = "Make the app image's class-data archive (a faster start).",
        description = {"Run the app once without a display and record the classes it loads in the archive the",
            "image's launcher names (lib/app/backprop-explorer.jsa). The .deb does this when it installs;",
            "the app does it by itself when the archive is missing or was made for another folder."})
final class ClassArchiveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--force", description = "Make it even when the archive is up to date.")
    boolean force;

    @Override
    public Integer call() throws InterruptedException {
        ClassArchive archive = ClassArchive.ofThisProcess().orElseThrow(() -> new UserError(
                "There is no class-data archive to make: only the app image's launcher (bin/backprop-explorer)"
                        + " starts the app with one."));
        if (!force && archive.isCurrent()) {
            spec.commandLine().getOut().println("The class-data archive is up to date: " + archive.file());
            return Cli.OK;
        }
        if (!archive.isWritable()) {
            throw new UserError("Cannot write the class-data archive in " + archive.file().getParent()
                    + "; run this command as the user who owns that folder (for the installed app: with sudo).");
        }
        try {
            ClassArchiveMaker.Result made = ClassArchiveMaker.make(archive, ClassArchiveMaker.TIMEOUT);
            spec.commandLine().getOut().printf(Locale.ROOT, "Wrote the class-data archive %s (%.1f MB) in %.1f s%n",
                    made.file(), made.bytes() / 1e6, made.seconds());
            return Cli.OK;
        } catch (IOException e) {
            throw new UserError(e.getMessage());
        }
    }
}
