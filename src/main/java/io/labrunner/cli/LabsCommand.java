package io.labrunner.cli;

import io.labrunner.core.AwsClients;
import io.labrunner.core.AwsResourceTagger;
import io.labrunner.core.Capability;
import io.labrunner.core.Lab;
import io.labrunner.core.LabRunner;
import io.labrunner.core.StopSignal;
import io.labrunner.core.report.LabResult;
import io.labrunner.core.report.RunListener;
import io.labrunner.core.report.RunReport;
import io.labrunner.target.Target;
import io.labrunner.target.TargetKind;
import io.labrunner.target.Targets;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What the commands that drive labs share: open the target, run labs through a {@link LabRunner},
 * show progress, write the reports, and turn the outcome into an exit status.
 */
abstract class LabsCommand implements Callable<Integer> {

    @ParentCommand
    LabCommand root;

    @Spec
    CommandSpec spec;

    /** What one command does with the runner. */
    @FunctionalInterface
    interface Work {
        List<LabResult> run(LabRunner runner) throws Exception;
    }

    Lab lab(String id) {
        return root.catalog.get(id);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    int drive(Targets.Lifetime lifetime, Work work) throws Exception {
        return drive(lifetime, List.of(), work);
    }

    /**
     * Opens the target and runs {@code work}. On a real account the labs that will create
     * resources ({@code creating}) are shown with their estimated cost and must be confirmed first.
     * Ctrl-C waits until all of this is done — cleanup, summary, then the clients and the target
     * closed, in that order (the hold is released last). On the embedded target, a command whose state
     * outlives it uses the {@code lab emulator} serving the state directory, started in the background
     * first if none is.
     */
    int drive(Targets.Lifetime lifetime, List<Lab> creating, Work work) throws Exception {
        GlobalOptions options = root.options;
        long start = System.nanoTime();
        boolean text = options.output == GlobalOptions.OutputFormat.text;
        boolean terminal = Terminal.interactive();
        Style style = options.style();
        if (lifetime == Targets.Lifetime.SESSION && options.target.equals("embedded")) {
            root.emulators.ensureServing(root.state, text ? out() : spec.commandLine().getErr());
        }
        try (StopSignal.Hold untilClosed = StopSignal.jvm().hold();
             Console console = text ? new Console(out(), style, options.verbose, terminal) : null;
             Target target = Targets.open(options.targetOptions(root.env), lifetime, root.state, needs(creating));
             AwsClients clients = new AwsClients(target.endpoint(), target.region(), target.credentials(),
                     target.tlsEndpoint())) {
            PrintWriter notices = text ? out() : spec.commandLine().getErr();
            target.notices().forEach(line -> notices.println(style.dim(line)));
            if (target.isRealAccount()) {
                new CostConfirmation(notices, options.yes).confirm(target, creating);
            }
            RunListener listener = console != null ? console : RunListener.NONE;
            LabRunner runner = new LabRunner(target.name(), target.capabilities(), clients, root.state, listener, root.clock)
                    .advisingWith(TargetKind::whoServes).knowingFaults(target.knownFaults()).at(target.location());
            if (target.isRealAccount()) {
                runner.taggingWith(new AwsResourceTagger(clients));
            }
            List<LabResult> results = new ArrayList<>(work.run(runner));
            // Progress: a lab that PASSED by run, test or check is recorded (lab progress).
            ProgressCommand.recordPasses(root, spec.commandLine().getErr(), results);
            RunReport report = new RunReport(results, Duration.ofNanos(System.nanoTime() - start));
            report(report, console);
            if (options.junit != null) {
                JUnitReport.write(report, options.junit);
            }
            out().flush();
            return report.ok() ? 0 : 1;
        }
    }

    /**
     * What the labs a command creates need of the target: every lab's own needs, and what some of their checks
     * need when every lab asks for it. A check-level need such as IAM enforcement changes how the target
     * treats the other labs too, so one lab's check does not impose it on a whole {@code --all} run; there
     * that check is skipped with its reason.
     */
    private static Set<Capability> needs(List<Lab> labs) {
        Set<Capability> needed = EnumSet.noneOf(Capability.class);
        labs.forEach(lab -> needed.addAll(lab.info().capabilities()));
        Set<Capability> everyLabsChecks = null;
        for (Lab lab : labs) {
            Set<Capability> checks = EnumSet.noneOf(Capability.class);
            lab.checks().forEach(check -> checks.addAll(check.needs()));
            if (everyLabsChecks == null) {
                everyLabsChecks = checks;
            } else {
                everyLabsChecks.retainAll(checks);
            }
        }
        if (everyLabsChecks != null) {
            needed.addAll(everyLabsChecks);
        }
        return needed;
    }

    /** The end of the output: the summary line, or the JSON document ({@code console} is null with {@code --output json}). */
    void report(RunReport report, Console console) {
        if (console != null) {
            console.summary(report);
        } else {
            out().println(JsonReport.render(report));
        }
    }
}
