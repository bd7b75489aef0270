package io.labrunner.cli;

import io.labrunner.core.Lab;
import io.labrunner.core.report.LabResult;
import io.labrunner.target.Targets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;

/** {@code lab test}: the self-test CI runs. */
@Command(name = "test",
        description = {"Self-test labs: setup → every check must FAIL → solve → every check must PASS →",
                "cleanup → nothing of the run left. A check that passes before the solution is a broken check."},
        footerHeading = "%nExamples:%n",
        footer = {"  lab test s3-data-formats", "  lab test --all --junit target/lab-tests.xml"})
final class TestCommand extends LabsCommand {

    @ArgGroup(multiplicity = "1")
    RunCommand.Selection selection;

    @Override
    public Integer call() throws Exception {
        List<Lab> labs = selection.all ? root.catalog.all() : List.of(lab(selection.id));
        return drive(Targets.Lifetime.EPHEMERAL, labs, runner -> {
            List<LabResult> results = new ArrayList<>();
            for (Lab lab : labs) {
                results.add(runner.selfTest(lab));
            }
            return results;
        });
    }
}
