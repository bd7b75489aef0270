package io.labrunner.cli;

import io.labrunner.core.Lab;
import io.labrunner.core.Ledger;
import io.labrunner.core.report.LabResult;
import io.labrunner.target.Targets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code lab check}: judge a started lab, and keep what it saw for {@code lab hint} and {@code lab status}. */
@Command(name = "check", description = "Check your work on a started lab (the newest one if no id is given).")
final class CheckCommand extends LabsCommand {

    @Parameters(paramLabel = "LAB", arity = "0..1", description = "The lab's id; default: the lab started last.")
    String id;

    @Override
    public Integer call() throws Exception {
        Ledger run = StartedRuns.latest(root, Optional.ofNullable(id));
        Lab lab = lab(run.labId());
        Path kept = root.state.lastCheckFile(run.runId());
        LastCheck[] seen = new LastCheck[1];
        int status = drive(Targets.Lifetime.SESSION, runner -> {
            LabResult result = runner.check(lab, run);
            if (!result.checks().isEmpty()) {
                seen[0] = LastCheck.of(result, root.clock.instant(), LastCheck.load(kept));
                seen[0].save(kept);
            }
            return List.of(result);
        });
        if (seen[0] != null && root.options.output == GlobalOptions.OutputFormat.text
                && seen[0].checks().stream().anyMatch(LastCheck.CheckState::hasMore)) {
            out().println("Stuck? 'lab hint " + run.labId() + "' tells you more, one step at a time.");
            out().flush();
        }
        return status;
    }
}
