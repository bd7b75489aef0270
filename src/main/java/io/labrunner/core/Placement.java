package io.labrunner.core;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether a command may act on an earlier run from where it stands: the run's resources live
 * where its ledger says, and deleting by name anywhere else finds nothing and would drop the ledger
 * of resources that are still there.
 */
public final class Placement {

    /** What the comparison found. */
    public enum Kind {
        /** The same place: go ahead. */
        SAME,
        /** An old ledger that does not say where it was made: go ahead, and say so. */
        UNKNOWN,
        /** Another place: refuse unless forced. */
        ELSEWHERE,
        /** A throwaway place whose process has ended: its resources went with it. */
        ENDED,
        /** A throwaway place whose process is still running: that process cleans up after itself. */
        STILL_RUNNING
    }

    /** The finding, with the one line to show for it (empty for {@link Kind#SAME}). */
    public record Verdict(Kind kind, String message) {
        public boolean mayProceed() {
            return kind == Kind.SAME || kind == Kind.UNKNOWN;
        }
    }

    private Placement() {
    }

    /**
     * Judges whether {@code command} (e.g. {@code cleanup}) at {@code here} reaches the resources of
     * {@code run}.
     */
    public static Verdict judge(Ledger run, Location here, String command) {
        Location made = run.location();
        String name = "Run " + run.runId() + " (" + run.labId() + ")";
        if (made == null) {
            return new Verdict(Kind.UNKNOWN, name + ": its ledger does not say where it was made (an older Lab Runner"
                    + " wrote it); this " + command + " assumes " + here.describe() + ".");
        }
        boolean ourOwn = made.isThrowaway() && made.endsWithProcess() == ProcessHandle.current().pid();
        if (made.isThrowaway() && !ourOwn) {
            if (alive(made.endsWithProcess(), run.startedAt())) {
                return new Verdict(Kind.STILL_RUNNING, name + " is still going in process " + made.endsWithProcess()
                        + " on " + made.describe() + "; that process cleans it up when it ends.");
            }
            return new Verdict(Kind.ENDED, name + " was made on " + made.describe()
                    + ", which ended with its process (" + made.endsWithProcess()
                    + "): its resources went with it, so nothing is left to clean anywhere.");
        }
        if (!made.sameAs(here)) {
            return new Verdict(Kind.ELSEWHERE, name + " was made on " + made.describe() + "; this " + command
                    + " targets " + here.describe() + ". " + advice(made) + ", or --force.");
        }
        return new Verdict(Kind.SAME, "");
    }

    private static String advice(Location made) {
        if (made.target().equals("embedded") && made.data() != null) {
            return "Serve that data with 'lab emulator --data " + made.data() + "' and run it again";
        }
        if (made.target().equals("aws")) {
            return "Use the same --profile and --region";
        }
        return "Use the same --target/--endpoint/--region";
    }

    /**
     * Whether the process is still the one that made the run: a process with that id that started
     * after the run did is another process that reuses the id.
     */
    private static boolean alive(long pid, Instant runStarted) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        return process.get().info().startInstant().map(started -> !started.isAfter(runStarted)).orElse(true);
    }
}
