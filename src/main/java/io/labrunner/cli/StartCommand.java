package io.labrunner.cli;

import io.labrunner.core.Lab;
import io.labrunner.target.RunningEmulator;
import io.labrunner.target.Targets;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code lab start}: setup, then the learner's task. */
@Command(name = "start", description = "Set a lab up and show your task. Check your work with 'lab check'.",
        footerHeading = "%nExample:%n",
        footer = {"  lab emulator &                 # serve the emulator for your own AWS CLI or code",
                "  lab start s3-data-formats", "  lab check s3-data-formats", "  lab cleanup s3-data-formats"})
final class StartCommand extends LabsCommand {

    @Parameters(paramLabel = "LAB", description = "The lab's id (see 'lab list').")
    String id;

    @Override
    public Integer call() throws Exception {
        Lab lab = lab(id);
        int status = drive(Targets.Lifetime.SESSION, List.of(lab), runner -> List.of(runner.start(lab)));
        if (status == 0 && root.options.output == GlobalOptions.OutputFormat.text) {
            String task = Guides.section(Guides.load(lab.info().id()), "Your task");
            out().println(new MarkdownRenderer(root.options.style()).render(task));
            if (root.options.target.equals("embedded")
                    && RunningEmulator.readIfAlive(root.state.emulatorPidFile()).isEmpty()) {
                out().println("To work with the AWS CLI, serve the emulator in another terminal: lab emulator");
            }
            out().println("When you are done: lab check " + id + "   ·   stuck? lab solve " + id
                    + "   ·   finished: lab cleanup " + id);
        }
        return status;
    }
}
