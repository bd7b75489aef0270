package io.labrunner.cli;

import io.labrunner.core.Lab;
import io.labrunner.core.LabInfo;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code lab list}: every lab with its exam domain and time. */
@Command(name = "list", description = "List the labs: id, title, MLA-C01 domain and task, services, minutes.")
final class ListCommand implements Callable<Integer> {

    @ParentCommand
    LabCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (root.options.output == GlobalOptions.OutputFormat.json) {
            out.println(LabListJson.render(root.catalog.all()));
            return 0;
        }
        Style style = root.options.style();
        for (Lab lab : root.catalog.all()) {
            LabInfo info = lab.info();
            out.println(style.bold(info.id()) + "  " + info.title());
            out.println("    " + style.dim("MLA-C01 " + info.examTask() + " · " + String.join(", ", info.services())
                    + " · " + info.minutes() + " min · on AWS " + info.estimatedCost()));
        }
        out.println();
        out.println("Run one: lab run <id>   ·   read its guide: lab show <id>");
        return 0;
    }
}
