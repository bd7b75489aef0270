package io.labrunner.cli;

import io.labrunner.core.LabException;
import io.labrunner.core.Ledger;
import java.util.Optional;

/** Finds the run that {@code check}, {@code solve} and {@code cleanup} continue. */
final class StartedRuns {
    private StartedRuns() {
    }

    static Ledger latest(LabCommand root, Optional<String> labId) {
        labId.ifPresent(root.catalog::get); // a mistyped id gets its suggestion first
        String target = root.options.target;
        return root.state.latestRun(labId, target).orElseThrow(() -> new LabException(
                labId.map(id -> "No started run of " + id + " on target " + target + ". Start one with 'lab start " + id + "'.")
                        .orElse("No started lab on target " + target + ". Start one with 'lab start <lab>' (see 'lab list').")));
    }
}
