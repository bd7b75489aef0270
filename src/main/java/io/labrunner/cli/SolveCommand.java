package io.labrunner.cli;

import io.labrunner.core.Lab;
import io.labrunner.core.Ledger;
import io.labrunner.target.Targets;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code lab solve}: run the reference solution on a started lab. */
@Command(name = "solve", description = "Run the reference solution on a started lab, then 'lab check' to see it pass.")
final class SolveCommand extends LabsCommand {

    @Parameters(paramLabel = "LAB", arity = "0..1", description = "The lab's id; default: the lab started last.")
    String id;

    @Override
    public Integer call() throws Exception {
        Ledger run = StartedRuns.latest(root, Optional.ofNullable(id));
        Lab lab = lab(run.labId());
        return drive(Targets.Lifetime.SESSION, List.of(lab), runner -> List.of(runner.solve(lab, run)));
    }
}
