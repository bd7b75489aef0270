package io.labrunner.cli;

import io.labrunner.core.Lab;
import io.labrunner.core.LabException;
import io.labrunner.core.Ledger;
import io.labrunner.core.report.LabResult;
import io.labrunner.target.Targets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lab cleanup}: delete what started (or crashed) runs left. */
@Command(name = "cleanup", description = "Delete every resource a started, kept or crashed run left behind.")
final class CleanupCommand extends LabsCommand {

    @Parameters(paramLabel = "LAB", arity = "0..1", description = "The lab's id; default: the lab started last.")
    String id;

    @Option(names = "--all", description = "Every run this target still has resources of.")
    boolean all;

    @Override
    public Integer call() throws Exception {
        if (all && id != null) {
            throw new LabException("Give a lab id or --all, not both.");
        }
        List<Ledger> runs = all
                ? root.state.activeRuns().stream().filter(r -> r.target().equals(root.options.target)).toList()
                : List.of(StartedRuns.latest(root, Optional.ofNullable(id)));
        if (runs.isEmpty()) {
            out().println("Nothing to clean up on target " + root.options.target + ".");
            return 0;
        }
        return drive(Targets.Lifetime.SESSION, runner -> {
            List<LabResult> results = new ArrayList<>();
            for (Ledger run : runs) {
                Lab lab = root.catalog.find(run.labId()).orElseGet(() -> new UnknownLab(run.labId()));
                results.add(runner.cleanup(lab, run));
            }
            return results;
        });
    }
}
