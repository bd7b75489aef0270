package io.labrunner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.core.Ledger;
import io.labrunner.target.RunningEmulator;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code lab status}: the started runs, how their last check went, and whether the emulator serves. */
@Command(name = "status", description = "What is started (run id, lab, target, when, last check) and whether"
        + " the lab emulator is serving.")
final class StatusCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @ParentCommand
    LabCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Ledger> runs = root.state.activeRuns();
        Optional<RunningEmulator> emulator = RunningEmulator.readIfAlive(root.state.emulatorPidFile());
        PrintWriter out = spec.commandLine().getOut();
        if (root.options.output == GlobalOptions.OutputFormat.json) {
            out.println(json(runs, emulator));
        } else {
            text(out, runs, emulator);
        }
        out.flush();
        return 0;
    }

    private void text(PrintWriter out, List<Ledger> runs, Optional<RunningEmulator> emulator) {
        Style style = root.options.style();
        if (runs.isEmpty()) {
            out.println("No started runs. 'lab start <lab>' starts one (see 'lab list').");
        } else {
            out.println(style.bold("Started runs"));
            int labWidth = runs.stream().mapToInt(r -> r.labId().length()).max().orElse(0);
            int targetWidth = runs.stream().mapToInt(r -> r.target().length()).max().orElse(0);
            for (Ledger run : runs) {
                Optional<LastCheck> last = LastCheck.load(root.state.lastCheckFile(run.runId()), this::warn);
                String check = last.map(c -> c.passed() + "/" + c.checks().size() + " passed at " + when(c.at()))
                        .orElse("not checked yet");
                out.println("  " + run.runId() + "  " + pad(run.labId(), labWidth) + "  " + pad(run.target(), targetWidth)
                        + "  started " + when(run.startedAt()) + "  last check: " + check);
            }
        }
        if (emulator.isPresent()) {
            RunningEmulator e = emulator.get();
            out.println("Lab emulator: serving on " + e.endpoint() + " (pid " + e.pid()
                    + (e.data() == null ? "" : ", data " + e.data()) + (e.log() == null ? "" : ", log " + e.log())
                    + (e.enforceIam() ? ", IAM enforced" : "") + "); 'lab emulator stop' ends it.");
        } else {
            out.println("Lab emulator: not running; 'lab start' starts one in the background, or run 'lab emulator'.");
        }
    }

    private String json(List<Ledger> runs, Optional<RunningEmulator> emulator) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode list = root.putArray("runs");
        for (Ledger run : runs) {
            ObjectNode node = list.addObject().put("runId", run.runId()).put("lab", run.labId()).put("target", run.target())
                    .put("startedAt", run.startedAt().toString());
            if (run.location() != null) {
                node.put("where", run.location().describe());
            }
            Optional<LastCheck> last = LastCheck.load(this.root.state.lastCheckFile(run.runId()), this::warn);
            if (last.isPresent()) {
                node.putObject("lastCheck").put("passed", last.get().passed()).put("total", last.get().checks().size())
                        .put("at", last.get().at().toString());
            } else {
                node.putNull("lastCheck");
            }
        }
        ObjectNode serving = root.putObject("emulator");
        serving.put("running", emulator.isPresent());
        emulator.ifPresent(e -> serving.put("endpoint", e.endpoint()).put("pid", e.pid()).put("data", e.data())
                .put("log", e.log()).put("enforceIam", e.enforceIam()));
        return root.toPrettyString();
    }

    private void warn(String line) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("lab: " + line);
        err.flush();
    }

    /** A time on this machine's clock: the hour today, the day and hour before. */
    private String when(Instant at) {
        ZoneId zone = ZoneId.systemDefault();
        boolean today = LocalDate.ofInstant(at, zone).equals(LocalDate.ofInstant(root.clock.instant(), zone));
        return (today ? TIME : DAY_AND_TIME).format(at.atZone(zone));
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
