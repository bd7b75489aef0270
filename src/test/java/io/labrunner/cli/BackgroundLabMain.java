package io.labrunner.cli;

import io.labrunner.core.StateDirectory;
import io.labrunner.labs.LabCatalog;
import io.labrunner.testing.BucketLab;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code lab} with only {@link BucketLab}, whose background emulator takes any free port rather than
 * 4566, for tests that run it as a child process: {@code BackgroundLabMain HOME ARGS...}.
 */
public final class BackgroundLabMain {
    private BackgroundLabMain() {
    }

    public static void main(String[] args) {
        picocli.CommandLine cli = Main.commandLine(new LabCatalog(List.of(BucketLab.good())), new StateDirectory(Path.of(args[0])));
        ((LabCommand) cli.getCommand()).emulators = new BackgroundEmulator(0);
        System.exit(cli.execute(Arrays.copyOfRange(args, 1, args.length)));
    }
}
