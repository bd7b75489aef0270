package io.labrunner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.core.Lab;
import io.labrunner.core.LabException;
import io.labrunner.core.Ledger;
import io.labrunner.core.report.LabResult;
import io.labrunner.core.report.RunReport;
import io.labrunner.target.Targets;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lab start}: setup, then the learner's task with the run's own names filled in, the names as
 * shell variables, and what was set up.
 */
@Command(name = "start", description = "Set a lab up and show your task with your names filled in."
        + " Check your work with 'lab check'.",
        footerHeading = "%nExample:%n",
        footer = {"  lab start s3-data-formats", "  eval \"$(lab env s3-data-formats)\"   # your names, ENDPOINT and key pair",
                "  lab check s3-data-formats", "  lab cleanup s3-data-formats"})
final class StartCommand extends LabsCommand {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Parameters(paramLabel = "LAB", description = "The lab's id (see 'lab list').")
    String id;

    @Option(names = "--new", description = "Start another run even if this lab is already started.")
    boolean newRun;

    @Override
    public Integer call() throws Exception {
        Lab lab = lab(id);
        String labId = lab.info().id();
        Optional<Ledger> started = root.state.latestRun(Optional.of(labId), root.options.target);
        if (started.isPresent() && !newRun && !startAnother(started.get())) {
            out().println("Nothing started. Go on with run " + started.get().runId() + ": lab check " + labId);
            out().flush();
            return 0;
        }
        LabResult[] result = new LabResult[1];
        int status = drive(Targets.Lifetime.SESSION, List.of(lab), runner -> {
            result[0] = runner.start(lab);
            return List.of(result[0]);
        });
        if (status == 0 && root.options.output == GlobalOptions.OutputFormat.text) {
            Ledger run = Ledger.load(root.state.runs().resolve(result[0].runId() + ".json"));
            RunEnvironment env = RunEnvironment.of(lab, run, root.state);
            PrintWriter out = out();
            task(labId).ifPresent(task -> out.println(new MarkdownRenderer(root.options.style()).render(env.fill(task))));
            names(out, env);
            out.println(root.options.style().green(setUp(run)));
            out.println("Next: lab check " + labId + "   ·   stuck? lab hint " + labId + "   ·   finished: lab cleanup " + labId);
            out.flush();
        }
        return status;
    }

    /** Whether to start a second run of a lab already started: asked at a terminal, refused without one. */
    private boolean startAnother(Ledger run) {
        String already = id + " is already started as run " + run.runId() + " ("
                + WHEN.format(run.startedAt().atZone(ZoneId.systemDefault())) + ")";
        Optional<Boolean> answer = root.prompt.yesNo(already + ". Start a second run? [y/N] ");
        if (answer.isEmpty()) {
            throw new LabException(already + "; 'lab start " + id + " --new' starts a second run, 'lab check " + id
                    + "' checks that one.");
        }
        return answer.get();
    }

    /** The guide's "Your task"; empty for a lab without a guide. */
    private static Optional<String> task(String labId) {
        try {
            return Optional.of(Guides.section(Guides.load(labId), "Your task"));
        } catch (LabException noGuide) {
            return Optional.empty();
        }
    }

    private void names(PrintWriter out, RunEnvironment env) {
        Style style = root.options.style();
        String lab = env.run().labId();
        if (env.names().isEmpty()) {
            out.println("Your run id: " + env.run().runId() + "   (eval \"$(lab env " + lab + ")\" sets ENDPOINT and the key pair)");
            return;
        }
        out.println(style.bold("Your names") + " (run " + env.run().runId() + "); to set them, ENDPOINT and the key pair"
                + " in your shell: eval \"$(lab env " + lab + ")\"");
        env.names().forEach((name, value) -> out.println("  " + name + "=" + RunEnvironment.quote(value)));
    }

    /** One line on what was set up, from the run's ledger: nothing was checked, so no "passed". */
    private static String setUp(Ledger run) {
        List<String> made = run.entries().stream().filter(e -> e.state() == Ledger.State.CREATED)
                .map(e -> e.type().label() + " " + e.id()).toList();
        String where = run.location() == null ? "target " + run.target() : run.location().describe();
        // The ledger also holds the names a lab reserves for what the learner creates, so this says what
        // cleanup will delete rather than claiming everything in it exists already.
        return "✔ Set up run " + run.runId() + " on " + where + "."
                + (made.isEmpty() ? "" : " 'lab cleanup' deletes, whichever exist: "
                + made.stream().collect(Collectors.joining(", ")) + ".");
    }

    /**
     * Start's own ending: no "1 passed" when nothing was checked (a failed setup still gets the usual
     * summary); with {@code --output json}, the run's report with its names and variables added.
     */
    @Override
    void report(RunReport report, Console console) {
        if (console != null) {
            if (!report.ok()) {
                console.summary(report);
            }
            return;
        }
        try {
            ObjectNode json = (ObjectNode) new ObjectMapper().readTree(JsonReport.render(report));
            LabResult result = report.labs().get(0);
            if (!result.runId().isEmpty() && Files.exists(root.state.runs().resolve(result.runId() + ".json"))) {
                Ledger run = Ledger.load(root.state.runs().resolve(result.runId() + ".json"));
                RunEnvironment env = RunEnvironment.of(lab(result.labId()), run, root.state);
                ObjectNode names = json.putObject("names");
                env.names().forEach(names::put);
                ObjectNode variables = json.putObject("env");
                for (Map.Entry<String, String> variable : env.all().entrySet()) {
                    variables.put(variable.getKey(), variable.getValue());
                }
            }
            out().println(json.toPrettyString());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
