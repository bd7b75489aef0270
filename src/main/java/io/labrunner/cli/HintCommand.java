package io.labrunner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.core.LabException;
import io.labrunner.core.Ledger;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code lab hint}: the next tier of the hints of what the last {@code lab check} found failing — the
 * first tier nudges, the next says more, the last shows the solution step.
 */
@Command(name = "hint", description = "The next hint for the checks your last 'lab check' found failing"
        + " (or for one check, by number or the start of its name).",
        footerHeading = "%nExamples:%n",
        footer = {"  lab hint                       the next hint for every failing check of the lab started last",
                "  lab hint kinesis-streams 2     the next hint for its second check",
                "  lab hint kinesis-streams every the next hint for the check whose name starts with 'every'"})
final class HintCommand implements Callable<Integer> {

    @ParentCommand
    LabCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "[LAB] [CHECK]", arity = "0..2",
            description = "The lab's id (default: the lab started last), then a check's number or the start of its name.")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        Optional<String> labId = Optional.empty();
        Optional<String> which = Optional.empty();
        if (!args.isEmpty() && (args.size() == 2 || root.catalog.find(args.get(0)).isPresent())) {
            labId = Optional.of(args.get(0));
            which = args.size() == 2 ? Optional.of(args.get(1)) : Optional.empty();
        } else if (!args.isEmpty()) {
            which = Optional.of(args.get(0));
        }
        Ledger run = StartedRuns.latest(root, labId);
        Path file = root.state.lastCheckFile(run.runId());
        PrintWriter err = spec.commandLine().getErr();
        LastCheck last = LastCheck.load(file, line -> err.println("lab: " + line))
                .orElseThrow(() -> new LabException("No 'lab check' of run " + run.runId() + " (" + run.labId()
                        + ") yet: run 'lab check " + run.labId() + "' first, then 'lab hint'."));
        List<Integer> chosen = which.isPresent() ? List.of(select(last, which.get()))
                : IntStream.range(0, last.checks().size()).filter(i -> !last.checks().get(i).passed()).boxed().toList();
        List<Integer> revealing = chosen.stream().filter(i -> last.checks().get(i).hasMore()).toList();
        if (revealing.isEmpty()) {
            throw new LabException(nothingToReveal(last, chosen, run.labId()));
        }
        LastCheck updated = last;
        for (int i : revealing) {
            updated = updated.with(i, updated.checks().get(i).revealOne());
        }
        updated.save(file);
        print(updated, revealing, run);
        return 0;
    }

    /** The check {@code which} names: its number (from 1) or the start of its name, ignoring case. */
    private static int select(LastCheck last, String which) {
        List<LastCheck.CheckState> checks = last.checks();
        if (which.matches("\\d+")) {
            int number = Integer.parseInt(which);
            if (number < 1 || number > checks.size()) {
                throw new LabException("There is no check " + which + "; the last 'lab check' had " + checks.size()
                        + " (1 to " + checks.size() + ").");
            }
            return number - 1;
        }
        String prefix = which.toLowerCase(Locale.ROOT);
        List<Integer> matching = IntStream.range(0, checks.size())
                .filter(i -> checks.get(i).name().toLowerCase(Locale.ROOT).startsWith(prefix)).boxed().toList();
        if (matching.size() == 1) {
            return matching.get(0);
        }
        throw new LabException(matching.isEmpty()
                ? "No check's name starts with '" + which + "'; give its number, 1 to " + checks.size() + " (see 'lab check')."
                : "'" + which + "' starts " + matching.size() + " checks' names (" + numbers(matching) + "); give its number.");
    }

    private static String nothingToReveal(LastCheck last, List<Integer> chosen, String labId) {
        if (chosen.isEmpty()) {
            return "Every check passed at the last 'lab check'; there is nothing to hint.";
        }
        if (chosen.size() == 1) {
            LastCheck.CheckState check = last.checks().get(chosen.get(0));
            int number = chosen.get(0) + 1;
            if (check.passed()) {
                return "Check " + number + " passed at the last 'lab check'; there is nothing to hint.";
            }
            if (check.hints().isEmpty()) {
                return "Check " + number + " has no hints; its detail in 'lab check -v' says what it saw.";
            }
            return "The last hint of check " + number + " (" + check.hints().size() + " of " + check.hints().size()
                    + ") was already shown; 'lab solve " + labId + "' runs the reference solution.";
        }
        return "The last hint of every failing check was already shown; 'lab solve " + labId
                + "' runs the reference solution.";
    }

    private void print(LastCheck last, List<Integer> revealed, Ledger run) {
        PrintWriter out = spec.commandLine().getOut();
        if (root.options.output == GlobalOptions.OutputFormat.json) {
            ObjectNode json = new ObjectMapper().createObjectNode();
            json.put("runId", run.runId()).put("lab", run.labId());
            ArrayNode hints = json.putArray("hints");
            for (int i : revealed) {
                LastCheck.CheckState check = last.checks().get(i);
                hints.addObject().put("check", i + 1).put("name", check.name()).put("tier", check.revealed())
                        .put("tiers", check.hints().size()).put("hint", check.hints().get(check.revealed() - 1));
            }
            out.println(json.toPrettyString());
            out.flush();
            return;
        }
        Style style = root.options.style();
        boolean more = false;
        for (int i : revealed) {
            LastCheck.CheckState check = last.checks().get(i);
            out.println(style.red("✘") + " " + (i + 1) + ". " + check.name());
            out.println("  " + style.yellow("hint " + check.revealed() + "/" + check.hints().size() + ": "
                    + check.hints().get(check.revealed() - 1)));
            more |= check.hasMore();
        }
        if (more) {
            out.println(style.dim("More: lab hint " + run.labId() + (revealed.size() == 1 ? " " + (revealed.get(0) + 1) : "")));
        }
        out.flush();
    }

    private static String numbers(List<Integer> indexes) {
        return String.join(", ", indexes.stream().map(i -> Integer.toString(i + 1)).toList());
    }
}
