package io.labrunner.cli;

import io.labrunner.core.Lab;
import io.labrunner.core.Ledger;
import io.labrunner.target.Targets;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code lab check}: judge a started lab. */
@Command(name = "check", description = "Check your work on a started lab (the newest one if no id is given).")
final class CheckCommand extends LabsCommand {

    @Parameters(paramLabel = "LAB", arity = "0..1", description = "The lab's id; default: the lab started last.")
    String id;

    @Override
    public Integer call() throws Exception {
        Ledger run = StartedRuns.latest(root, Optional.ofNullable(id));
        Lab lab = lab(run.labId());
        return drive(Targets.Lifetime.SESSION, runner -> List.of(runner.check(lab, run)));
    }
}
