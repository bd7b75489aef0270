package io.labrunner.cli;

import io.labrunner.core.LabException;
import io.labrunner.core.Ledger;
import java.util.List;
import java.util.Optional;

/** Finds the run that {@code check}, {@code solve} and {@code cleanup} continue. */
final class StartedRuns {
    private StartedRuns() {
    }

    static Ledger latest(LabCommand root, Optional<String> labId) {
        return latest(root, labId, root.state.activeRuns());
    }

    /** The newest of {@code runs} on the current target, of the lab if one is named. */
    static Ledger latest(LabCommand root, Optional<String> labId, List<Ledger> runs) {
        labId.ifPresent(root.catalog::get); // a mistyped id gets its suggestion first
        String target = root.options.target;
        for (int i = runs.size() - 1; i >= 0; i--) {
            Ledger run = runs.get(i);
            if (run.target().equals(target) && labId.map(run.labId()::equals).orElse(true)) {
                return run;
            }
        }
        throw new LabException(labId.map(id -> "No started run of " + id + " on target " + target
                        + ". Start one with 'lab start " + id + "'.")
                .orElse("No started lab on target " + target + ". Start one with 'lab start <lab>' (see 'lab list')."));
    }
}
