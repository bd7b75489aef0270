package io.labrunner.cli;

import io.labrunner.core.Lab;
import io.labrunner.core.LabException;
import io.labrunner.core.LabInfo;
import io.labrunner.target.Target;
import java.io.Console;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Before labs create resources on a real account: what they create and what they cost, and a yes
 * from the user — typed at the terminal, or {@code --yes} in CI. Without either, nothing runs.
 */
final class CostConfirmation {
    private final PrintWriter out;
    private final boolean yes;

    CostConfirmation(PrintWriter out, boolean yes) {
        this.out = out;
        this.yes = yes;
    }

    void confirm(Target target, List<Lab> labs) {
        if (labs.isEmpty()) {
            return;
        }
        out.println("These labs create resources in region " + target.region().id() + ", named lab-<run id>-…,"
                + " tagged lab:run-id, and delete them when they end:");
        for (Lab lab : labs) {
            LabInfo info = lab.info();
            out.println("  " + info.id() + " — " + String.join(", ", info.services()) + " — estimated "
                    + info.estimatedCost() + " per run");
        }
        out.flush();
        if (yes) {
            return;
        }
        Console console = System.console();
        if (console == null || !Terminal.interactive()) {
            throw new LabException("Not confirmed: this is a real AWS account and there is no terminal to ask on."
                    + " Pass --yes to go ahead (in CI).");
        }
        String answer = console.readLine("Go ahead on this account? [y/N] ");
        if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).matches("y|yes")) {
            throw new LabException("Stopped before anything was created.");
        }
    }
}
