package io.labrunner.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where Lab Runner keeps what must outlive one invocation: run ledgers and the embedded
 * emulator's data. {@code $LAB_RUNNER_HOME}, else {@code ~/.lab-runner}.
 */
public record StateDirectory(Path root) {

    public static StateDirectory fromEnvironment() {
        String home = System.getenv("LAB_RUNNER_HOME");
        Path root = home != null && !home.isBlank()
                ? Path.of(home)
                : Path.of(System.getProperty("user.home"), ".lab-runner");
        return new StateDirectory(root.toAbsolutePath());
    }

    public Path runs() {
        return root.resolve("runs");
    }

    /** Data of the embedded emulator shared by {@code lab emulator}, {@code start}, {@code check} and friends. */
    public Path emulatorData() {
        return root.resolve("emulator");
    }

    /** Written by a running {@code lab emulator} so other invocations can find it. */
    public Path emulatorPidFile() {
        return root.resolve("emulator.json");
    }

    /** Ledgers of runs that still have resources, oldest first. */
    public List<Ledger> activeRuns() {
        if (!Files.isDirectory(runs())) {
            return List.of();
        }
        List<Ledger> ledgers = new ArrayList<>();
        try (Stream<Path> files = Files.list(runs())) {
            files.filter(f -> f.getFileName().toString().endsWith(".json")).forEach(f -> ledgers.add(Ledger.load(f)));
        } catch (IOException e) {
            throw new LabException("Cannot list runs in " + runs() + ": " + e.getMessage(), e);
        }
        ledgers.sort(Comparator.comparing(Ledger::startedAt));
        return ledgers;
    }

    /** The newest active run, of the given lab if one is named, on the given target. */
    public Optional<Ledger> latestRun(Optional<String> labId, String target) {
        List<Ledger> runs = activeRuns();
        for (int i = runs.size() - 1; i >= 0; i--) {
            Ledger run = runs.get(i);
            if (run.target().equals(target) && labId.map(run.labId()::equals).orElse(true)) {
                return Optional.of(run);
            }
        }
        return Optional.empty();
    }
}
