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

    /** Where the output of a {@code lab emulator} that a command started in the background goes. */
    public Path emulatorLog() {
        return root.resolve("emulator.log");
    }

    /** Held while a command looks for the shared emulator and starts one, so that two never start at once. */
    public Path emulatorLock() {
        return root.resolve("emulator.lock");
    }

    /** Held by the {@code lab emulator} serving this directory for as long as it runs. */
    public Path emulatorServingLock() {
        return root.resolve("emulator.serving.lock");
    }

    /**
     * The outcomes of a run's last {@code lab check}, for {@code lab hint} and {@code lab status}. In a
     * folder of its own, so that no version of Lab Runner takes it for a ledger.
     */
    public Path lastCheckFile(String runId) {
        return runs().resolve("checks").resolve(runId + ".json");
    }

    /** The learner's progress: labs passed by target, quiz scores ({@code lab progress}). */
    public Path progressFile() {
        return root.resolve("progress.json");
    }

    /**
     * Ledgers of runs that still have resources, oldest first. A ledger that cannot be read is
     * left out here; {@link #scanRuns()} sets it aside and says so.
     */
    public List<Ledger> activeRuns() {
        return scan(false).runs();
    }

    /**
     * What {@code cleanup} sees: the readable ledgers, oldest first, and one line for each unreadable
     * one, which is moved aside as {@code <file>.unreadable} so that it blocks no later command.
     */
    public RunScan scanRuns() {
        return scan(true);
    }

    /** The result of {@link #scanRuns()}. */
    public record RunScan(List<Ledger> runs, List<String> setAside) {
    }

    private RunScan scan(boolean setAsideUnreadable) {
        if (!Files.isDirectory(runs())) {
            return new RunScan(List.of(), List.of());
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(runs())) {
            files = listed.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new LabException("Cannot list runs in " + runs() + ": " + e.getMessage(), e);
        }
        List<Ledger> ledgers = new ArrayList<>();
        List<String> setAside = new ArrayList<>();
        for (Path file : files) {
            try {
                ledgers.add(Ledger.load(file));
            } catch (LabException unreadable) {
                if (setAsideUnreadable) {
                    setAside.add(setAside(file, unreadable.getMessage()));
                }
            }
        }
        ledgers.sort(Comparator.comparing(Ledger::startedAt));
        return new RunScan(List.copyOf(ledgers), List.copyOf(setAside));
    }

    private static String setAside(Path file, String why) {
        try {
            Path moved = Ledger.setAside(file, "unreadable");
            return why + "; moved aside as " + moved.getFileName()
                    + ". Whatever that run left is not cleaned: 'lab sweep' finds leftovers by name.";
        } catch (LabException e) {
            return why + "; " + e.getMessage();
        }
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
