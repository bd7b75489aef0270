package io.labrunner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.core.AwsClients;
import io.labrunner.core.LabException;
import io.labrunner.target.Sweeper;
import io.labrunner.target.TaggedResources;
import io.labrunner.target.Target;
import io.labrunner.target.Targets;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code lab sweep}: what lab runs left behind, found by tag and by name; deleted only when asked. */
@Command(name = "sweep",
        description = {"List what lab runs left on the target; --no-dry-run deletes it.",
                "Found by the lab:run-id tag, where the target serves the Resource Groups Tagging API,",
                "and by lab-<run id>- names."},
        footerHeading = "%nExamples:%n",
        footer = {"  lab sweep --target aws --region eu-west-1", "  lab sweep --target aws --region eu-west-1 --older-than 1d --no-dry-run",
                "  lab sweep --target endpoint --endpoint http://127.0.0.1:4566 --older-than 0m"})
final class SweepCommand implements Callable<Integer> {
    private static final Pattern AGE = Pattern.compile("(\\d+)([mhd])");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @ParentCommand
    LabCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--older-than", paramLabel = "AGE", defaultValue = "6h",
            description = "Only runs older than this: 30m, 6h, 2d. Default: ${DEFAULT-VALUE} (a run's time to live).")
    String olderThan;

    @Option(names = "--no-dry-run", description = "Delete what was found. Without it, sweep only lists.")
    boolean delete;

    @Override
    public Integer call() {
        Duration age = parseAge(olderThan);
        PrintWriter out = spec.commandLine().getOut();
        GlobalOptions options = root.options;
        if (delete && options.target.equals("aws") && !options.yes && !Terminal.interactive()) {
            throw new LabException("Not confirmed: sweep --no-dry-run deletes on a real account. Pass --yes to go ahead.");
        }
        try (Target target = Targets.open(options.targetOptions(root.env), Targets.Lifetime.SESSION, root.state);
             AwsClients clients = new AwsClients(target.endpoint(), target.region(), target.credentials())) {
            Sweeper sweeper = new Sweeper(clients, target.capabilities(), TaggedResources.of(target), root.clock);
            List<String> notices = new ArrayList<>();
            List<Sweeper.Leftover> found = sweeper.find(age, notices::add);
            boolean text = options.output == GlobalOptions.OutputFormat.text;
            if (text) {
                target.notices().forEach(out::println);
                notices.forEach(out::println);
                list(out, target, found);
            } else {
                notices.forEach(spec.commandLine().getErr()::println);
            }
            if (delete && target.isRealAccount() && !options.yes && !found.isEmpty()) {
                String answer = System.console().readLine("Delete these %d resources? [y/N] ", found.size());
                if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).matches("y|yes")) {
                    throw new LabException("Stopped: nothing was deleted.");
                }
            }
            List<String> problems = delete ? sweeper.delete(found) : List.of();
            if (text) {
                outcome(out, target, found, problems);
            } else {
                out.println(json(target, found, problems));
            }
            out.flush();
            return problems.isEmpty() ? 0 : 1;
        }
    }

    private void list(PrintWriter out, Target target, List<Sweeper.Leftover> found) {
        Instant now = root.clock.instant();
        if (found.isEmpty()) {
            out.println("Nothing older than " + olderThan + " left by lab runs on target " + target.name() + ".");
            return;
        }
        out.println(found.size() + " left by lab runs older than " + olderThan + " on target " + target.name() + ":");
        for (Sweeper.Leftover leftover : found) {
            String when = leftover.startedAt().map(t -> "started " + ago(Duration.between(t, now)) + " ago").orElse("age unknown");
            out.println("  " + leftover.what() + "   " + when + "   found by " + leftover.foundBy());
        }
    }

    private void outcome(PrintWriter out, Target target, List<Sweeper.Leftover> found, List<String> problems) {
        if (found.isEmpty()) {
            return;
        }
        if (!delete) {
            out.println("This was a dry run: nothing was deleted. To delete them: lab sweep --target " + target.name()
                    + " --older-than " + olderThan + " --no-dry-run");
        } else if (problems.isEmpty()) {
            out.println("Deleted them all.");
        } else {
            out.println("Could not delete " + problems.size() + ":");
            problems.forEach(p -> out.println("  " + p));
        }
    }

    private String json(Target target, List<Sweeper.Leftover> found, List<String> problems) {
        ObjectNode root = JSON.createObjectNode();
        root.put("target", target.name());
        root.put("dryRun", !delete);
        root.put("olderThan", olderThan);
        ArrayNode leftovers = root.putArray("leftovers");
        for (Sweeper.Leftover leftover : found) {
            ObjectNode node = leftovers.addObject();
            node.put("resource", leftover.what());
            node.put("foundBy", leftover.foundBy());
            leftover.startedAt().ifPresent(t -> node.put("startedAt", t.toString()));
        }
        ArrayNode failed = root.putArray("notDeleted");
        problems.forEach(failed::add);
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Duration parseAge(String text) {
        Matcher m = AGE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new LabException("--older-than takes minutes, hours or days, e.g. 30m, 6h or 2d; got '" + text + "'.");
        }
        long n = Long.parseLong(m.group(1));
        switch (m.group(2)) {
            case "m":
                return Duration.ofMinutes(n);
            case "h":
                return Duration.ofHours(n);
            default:
                return Duration.ofDays(n);
        }
    }

    private static String ago(Duration d) {
        if (d.toHours() >= 48) {
            return d.toDays() + " d";
        }
        return d.toMinutes() >= 120 ? d.toHours() + " h" : Math.max(0, d.toMinutes()) + " min";
    }
}
