package io.labrunner.cli;

import io.labrunner.core.Lab;
import io.labrunner.core.LabException;
import io.labrunner.core.Ledger;
import io.labrunner.core.Placement;
import io.labrunner.core.StateDirectory;
import io.labrunner.core.report.LabResult;
import io.labrunner.core.report.RunReport;
import io.labrunner.target.Targets;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lab cleanup}: delete what started (or crashed) runs left — only from the place each run
 * was made, unless {@code --force}.
 */
@Command(name = "cleanup", description = "Delete every resource a started, kept or crashed run left behind.")
final class CleanupCommand extends LabsCommand {

    @Parameters(paramLabel = "LAB", arity = "0..1", description = "The lab's id; default: the lab started last.")
    String id;

    @Option(names = "--all", description = "Every run this target still has resources of.")
    boolean all;

    @Option(names = "--force", description = "Clean up here even if a run was made on another endpoint, region or "
            + "account, and drop its ledger: what is not found here is taken as gone.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        if (all && id != null) {
            throw new LabException("Give a lab id or --all, not both.");
        }
        PrintWriter err = spec.commandLine().getErr();
        StateDirectory.RunScan scan = root.state.scanRuns();
        scan.setAside().forEach(line -> err.println("lab: " + line));
        err.flush();
        int unreadable = scan.setAside().isEmpty() ? 0 : Main.CHECK_FAILED;
        String target = root.options.target;
        List<Ledger> runs = all
                ? scan.runs().stream().filter(r -> r.target().equals(target)).toList()
                : latest(scan.runs(), Optional.ofNullable(id));
        // Runs made on a throwaway emulator that has ended need no target: their resources went with it.
        List<Ledger> reachable = new ArrayList<>();
        for (Ledger run : runs) {
            Placement.Verdict verdict = run.location() == null ? null : Placement.judge(run, run.location(), "cleanup");
            if (!force && verdict != null && verdict.kind() == Placement.Kind.ENDED) {
                PrintWriter notes = root.options.output == GlobalOptions.OutputFormat.text ? out() : err;
                notes.println(verdict.message() + " Its ledger is set aside as " + run.setAside("gone").getFileName() + ".");
                notes.flush();
                forgetLastCheck(run);
            } else {
                reachable.add(run);
            }
        }
        if (reachable.isEmpty()) {
            nothing(target, runs.isEmpty());
            return unreadable;
        }
        List<String> refused = new ArrayList<>();
        int status = drive(Targets.Lifetime.SESSION, runner -> {
            List<LabResult> results = new ArrayList<>();
            for (Ledger run : reachable) {
                Placement.Verdict verdict = Placement.judge(run, runner.location(), "cleanup");
                if (!force && !verdict.mayProceed()) {
                    if (reachable.size() == 1) {
                        throw new LabException(verdict.message());
                    }
                    err.println("lab: " + verdict.message());
                    err.flush();
                    refused.add(run.runId());
                    continue;
                }
                Lab lab = root.catalog.find(run.labId()).orElseGet(() -> new UnknownLab(run.labId()));
                results.add(force ? runner.cleanupHere(lab, run) : runner.cleanup(lab, run));
                if (!Files.exists(run.file())) {
                    forgetLastCheck(run);
                }
            }
            return results;
        });
        return Math.max(Math.max(status, unreadable), refused.isEmpty() ? 0 : Main.USAGE);
    }

    /**
     * Nothing started is not a mistake: "Nothing to clean up", exit 0 — with or without {@code --all} or
     * a lab id (a mistyped lab id is still one, and gets its suggestion first).
     */
    private void nothing(String target, boolean sayIt) {
        if (root.options.output == GlobalOptions.OutputFormat.json) {
            out().println(JsonReport.render(new RunReport(List.of(), Duration.ZERO)));
        } else if (sayIt) {
            out().println("Nothing to clean up on target " + target
                    + (id == null ? "" : ": no started run of " + id) + ".");
        }
        out().flush();
    }

    private void forgetLastCheck(Ledger run) {
        try {
            Files.deleteIfExists(root.state.lastCheckFile(run.runId()));
        } catch (IOException ignored) {
            // A check file without its ledger is never read.
        }
    }

    /** The run {@code lab cleanup [LAB]} means, or none. */
    private List<Ledger> latest(List<Ledger> runs, Optional<String> labId) {
        labId.ifPresent(root.catalog::get); // a mistyped id gets its suggestion first
        try {
            return List.of(StartedRuns.latest(root, labId, runs));
        } catch (LabException none) {
            return List.of();
        }
    }
}
