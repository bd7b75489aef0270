package io.labrunner.cli;

import io.labrunner.core.Lab;
import io.labrunner.core.report.LabResult;
import io.labrunner.target.Targets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lab run}: setup → solve → checks → cleanup. */
@Command(name = "run", description = "Run a lab end to end: setup, the reference solution, the checks, cleanup.",
        footerHeading = "%nExamples:%n",
        footer = {"  lab run s3-data-formats", "  lab run --all --output json", "  lab run s3-data-formats --keep   # keep the resources to look at"})
final class RunCommand extends LabsCommand {

    @ArgGroup(multiplicity = "1")
    Selection selection;

    @Option(names = "--keep", description = "Leave the resources in place; remove them later with 'lab cleanup'.")
    boolean keep;

    /** One lab by id, or all of them. */
    static final class Selection {
        @Parameters(paramLabel = "LAB", description = "The lab's id (see 'lab list').")
        String id;

        @Option(names = "--all", description = "Every lab the target can serve.")
        boolean all;
    }

    @Override
    public Integer call() throws Exception {
        List<Lab> labs = selection.all ? root.catalog.all() : List.of(lab(selection.id));
        return drive(keep ? Targets.Lifetime.SESSION : Targets.Lifetime.EPHEMERAL, labs, runner -> {
            List<LabResult> results = new ArrayList<>();
            for (Lab lab : labs) {
                results.add(runner.run(lab, keep));
            }
            return results;
        });
    }
}
