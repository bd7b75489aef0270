package io.labrunner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.core.Lab;
import io.labrunner.core.LabException;
import io.labrunner.core.LabInfo;
import io.labrunner.core.exam.Quiz;
import io.labrunner.core.progress.ExamCoverage;
import io.labrunner.core.progress.Progress;
import io.labrunner.core.progress.ProgressStore;
import io.labrunner.core.report.LabResult;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code lab progress}: what you have covered of the MLA-C01 exam, by domain and task. */
@Command(name = "progress", description = "What you have covered of MLA-C01: labs passed, quiz scores, by task.",
        footer = {"", "A lab counts as passed when 'lab check' (your own work), 'lab run' or",
                "'lab test' (the reference solution) passed it. Kept in progress.json under",
                "LAB_RUNNER_HOME (default ~/.lab-runner)."})
final class ProgressCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @ParentCommand
    LabCommand root;

    @Spec
    CommandSpec spec;

    /** The progress store under the state directory; what it has to say (a file set aside) goes to {@code err}. */
    static ProgressStore store(LabCommand root, PrintWriter err) {
        return new ProgressStore(root.state.progressFile(), root.clock, line -> {
            err.println("lab: " + line);
            err.flush();
        });
    }

    /**
     * Records the labs that passed by run, test or check. A progress that cannot be kept is one line
     * on standard error and never changes how the command ends.
     */
    static void recordPasses(LabCommand root, PrintWriter err, List<LabResult> results) {
        try {
            store(root, err).recordPasses(results);
        } catch (LabException e) {
            err.println("lab: your progress is not saved: " + e.getMessage());
            err.flush();
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = store(root, err).read();
        List<LabInfo> labs = root.catalog.all().stream().map(Lab::info).toList();
        Map<String, Quiz> quizzes = new LinkedHashMap<>();
        for (LabInfo lab : labs) {
            try {
                quizzes.put(lab.id(), Quiz.load(lab.id()));
            } catch (LabException broken) {
                err.println("lab: " + broken.getMessage() + "; its questions are left out.");
            }
        }
        ExamCoverage coverage = ExamCoverage.of(labs, quizzes, progress);
        PrintWriter out = spec.commandLine().getOut();
        if (root.options.output == GlobalOptions.OutputFormat.json) {
            out.println(json(coverage, progress));
        } else {
            text(coverage, out, root.options.style());
        }
        out.flush();
        return 0;
    }

    private static void text(ExamCoverage coverage, PrintWriter out, Style style) {
        out.println(style.bold("Your progress on MLA-C01 (AWS Certified Machine Learning Engineer – Associate)"));
        int idWidth = coverage.domains().stream().flatMap(d -> d.labs().stream())
                .mapToInt(l -> l.id().length()).max().orElse(10);
        for (ExamCoverage.DomainCoverage d : coverage.domains()) {
            out.println();
            out.println(style.bold("Domain " + d.domain().number + ": " + d.domain().title)
                    + style.dim("  · " + d.domain().percent + " % of the exam"));
            for (ExamCoverage.TaskCoverage t : d.tasks()) {
                out.println("  " + t.task());
                if (!t.hasLab()) {
                    out.println("      " + style.dim("no lab yet"));
                }
                for (ExamCoverage.LabStatus lab : t.labs()) {
                    String id = String.format("%-" + idWidth + "s", lab.id());
                    out.println(lab.passed()
                            ? "      " + style.green("✔ " + id) + "  " + passes(lab.passes())
                            : "      " + "· " + id + "  " + style.dim("not yet"));
                }
                if (t.quizTotal() > 0) {
                    out.println("      quiz: " + t.quizRight() + " of " + t.quizTotal() + " right (best scores)");
                }
            }
            out.println("  " + style.cyan("Coverage: " + coverage(d)));
        }
        out.println();
        coverage.next().ifPresentOrElse(
                next -> out.println(style.bold("Next: lab " + next.command() + " " + next.labId()) + " — " + next.why() + "."),
                () -> out.println(style.bold("Every lab passed and every quiz answered right.")));
        out.println(style.dim("check: your own work passed the checks; run, test: the reference solution did."));
    }

    private static String coverage(ExamCoverage.DomainCoverage d) {
        String quiz = d.quizTotal() == 0 ? "no quiz questions yet" : "quiz " + d.quizRight() + " of " + d.quizTotal() + " right";
        if (d.labs().isEmpty()) {
            return "no lab yet on this domain · " + quiz;
        }
        String labs = d.labsPassed() + " of " + d.labs().size() + (d.labs().size() == 1 ? " lab" : " labs") + " passed";
        String tasks = d.tasksPassed() + " of " + d.tasks().size() + " tasks practised"
                + (d.tasksWithoutLab() > 0 ? " (" + d.tasksWithoutLab() + " with no lab yet)" : "");
        return labs + " · " + tasks + " · " + quiz;
    }

    /** {@code embedded: check 2026-12-07, run 2026-12-05 · aws: run 2026-12-06}, the newest pass per command. */
    private static String passes(List<Progress.LabPass> passes) {
        Map<String, List<Progress.LabPass>> byTarget = passes.stream()
                .collect(Collectors.groupingBy(Progress.LabPass::target, LinkedHashMap::new, Collectors.toList()));
        return byTarget.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue().stream()
                        .map(p -> p.command() + " " + date(p.lastPassed()))
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining(" · "));
    }

    private static LocalDate date(Instant at) {
        return LocalDate.ofInstant(at, ZoneId.systemDefault());
    }

    private static String json(ExamCoverage coverage, Progress progress) throws Exception {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode domains = root.putArray("domains");
        for (ExamCoverage.DomainCoverage d : coverage.domains()) {
            ObjectNode domain = domains.addObject();
            domain.put("number", d.domain().number);
            domain.put("title", d.domain().title);
            domain.put("percent", d.domain().percent);
            ObjectNode summary = domain.putObject("coverage");
            summary.put("labs", d.labs().size());
            summary.put("labsPassed", d.labsPassed());
            summary.put("tasks", d.tasks().size());
            summary.put("tasksPassed", d.tasksPassed());
            summary.put("tasksWithoutLab", d.tasksWithoutLab());
            summary.put("quizRight", d.quizRight());
            summary.put("quizTotal", d.quizTotal());
            ArrayNode tasks = domain.putArray("tasks");
            for (ExamCoverage.TaskCoverage t : d.tasks()) {
                ObjectNode task = tasks.addObject();
                task.put("number", t.task().number);
                task.put("title", t.task().title);
                ArrayNode labs = task.putArray("labs");
                for (ExamCoverage.LabStatus l : t.labs()) {
                    ObjectNode lab = labs.addObject();
                    lab.put("id", l.id());
                    lab.put("title", l.title());
                    lab.put("passed", l.passed());
                    ArrayNode passes = lab.putArray("passes");
                    for (Progress.LabPass p : l.passes()) {
                        ObjectNode pass = passes.addObject();
                        pass.put("target", p.target());
                        pass.put("command", p.command());
                        pass.put("firstPassed", p.firstPassed().toString());
                        pass.put("lastPassed", p.lastPassed().toString());
                    }
                }
                ObjectNode quiz = task.putObject("quiz");
                quiz.put("right", t.quizRight());
                quiz.put("total", t.quizTotal());
            }
        }
        ObjectNode quizzes = root.putObject("quizzes");
        progress.quizzes().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            ObjectNode q = quizzes.putObject(e.getKey());
            q.set("best", score(e.getValue().best()));
            q.set("last", score(e.getValue().last()));
        });
        coverage.next().ifPresentOrElse(next -> {
            ObjectNode n = root.putObject("next");
            n.put("command", "lab " + next.command() + " " + next.labId());
            n.put("lab", next.labId());
            n.put("why", next.why());
        }, () -> root.putNull("next"));
        return JSON.writeValueAsString(root);
    }

    private static ObjectNode score(Progress.QuizScore s) {
        ObjectNode node = JSON.createObjectNode();
        node.put("right", s.right());
        node.put("total", s.total());
        node.put("at", s.at().toString());
        ObjectNode questions = node.putObject("questions");
        s.questions().forEach(questions::put);
        return node;
    }
}
