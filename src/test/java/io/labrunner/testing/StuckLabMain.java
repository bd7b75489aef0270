package io.labrunner.testing;

import io.labrunner.cli.Main;
import io.labrunner.core.StateDirectory;
import io.labrunner.labs.LabCatalog;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code lab} with only {@link StuckLab} in its catalog, for tests that run it as a child process
 * and press Ctrl-C: {@code StuckLabMain HOME ARGS...}.
 */
public final class StuckLabMain {
    private StuckLabMain() {
    }

    public static void main(String[] args) {
        int status = Main.commandLine(new LabCatalog(List.of(new StuckLab(false))), new StateDirectory(Path.of(args[0])))
                .execute(Arrays.copyOfRange(args, 1, args.length));
        System.exit(Main.exitStatus(status));
    }
}
