package io.labrunner.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code lab show}: a lab's guide, rendered for the terminal. */
@Command(name = "show", description = "Show a lab's guide: what you learn, your task, and the why.")
final class ShowCommand implements Callable<Integer> {

    @ParentCommand
    LabCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "LAB", description = "The lab's id (see 'lab list').")
    String id;

    @Override
    public Integer call() {
        String guide = Guides.load(root.catalog.get(id).info().id());
        spec.commandLine().getOut().print(new MarkdownRenderer(root.options.style()).render(guide));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
