package io.labrunner.core.progress;

import io.labrunner.core.LabInfo;
import io.labrunner.core.exam.ExamTask;
import io.labrunner.core.exam.Quiz;
import io.labrunner.core.exam.QuizQuestion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Progress seen through the MLA-C01 exam guide: for each domain and task, the labs that teach it
 * (by the task line of each lab) with their passes, and the quiz questions on it answered right in
 * each lab's best score; and what to do next.
 */
public record ExamCoverage(List<DomainCoverage> domains, Optional<Next> next) {

    /** A lab under a task, with where and how it passed (empty: not yet). */
    public record LabStatus(String id, String title, List<Progress.LabPass> passes) {
        public boolean passed() {
            return !passes.isEmpty();
        }
    }

    /** One task: the labs that teach it, and its quiz questions answered right out of all. */
    public record TaskCoverage(ExamTask task, List<LabStatus> labs, int quizRight, int quizTotal) {
        public boolean hasLab() {
            return !labs.isEmpty();
        }

        public boolean passed() {
            return labs.stream().anyMatch(LabStatus::passed);
        }
    }

    /** One domain: its tasks, and its labs (each counted once) passed out of all. */
    public record DomainCoverage(ExamTask.Domain domain, List<TaskCoverage> tasks, List<LabStatus> labs) {
        public int labsPassed() {
            return (int) labs.stream().filter(LabStatus::passed).count();
        }

        public int tasksPassed() {
            return (int) tasks.stream().filter(TaskCoverage::passed).count();
        }

        public int tasksWithoutLab() {
            return (int) tasks.stream().filter(t -> !t.hasLab()).count();
        }

        public int quizRight() {
            return tasks.stream().mapToInt(TaskCoverage::quizRight).sum();
        }

        public int quizTotal() {
            return tasks.stream().mapToInt(TaskCoverage::quizTotal).sum();
        }

        double share() {
            return labs.isEmpty() ? 1 : (double) labsPassed() / labs.size();
        }
    }

    /** What to do next: {@code lab <command> <labId>}, and why. */
    public record Next(String command, String labId, String why) {
    }

    /**
     * @param labs    every lab, in the order a learner would take them
     * @param quizzes each lab's quiz by lab id (a lab with none may be left out)
     */
    public static ExamCoverage of(List<LabInfo> labs, Map<String, Quiz> quizzes, Progress progress) {
        List<DomainCoverage> domains = new ArrayList<>();
        for (ExamTask.Domain domain : ExamTask.Domain.values()) {
            List<TaskCoverage> tasks = new ArrayList<>();
            Set<LabStatus> domainLabs = new LinkedHashSet<>();
            for (ExamTask task : domain.tasks()) {
                List<LabStatus> teaching = labs.stream()
                        .filter(lab -> ExamTask.named(lab.examTask()).contains(task))
                        .map(lab -> new LabStatus(lab.id(), lab.title(), progress.passesOf(lab.id())))
                        .toList();
                domainLabs.addAll(teaching);
                int right = 0;
                int total = 0;
                for (LabInfo lab : labs) {
                    Quiz quiz = quizzes.get(lab.id());
                    if (quiz == null) {
                        continue;
                    }
                    Map<String, Boolean> best = progress.quiz(lab.id()).map(r -> r.best().questions()).orElse(Map.of());
                    for (QuizQuestion q : quiz.questions()) {
                        if (q.examTask() == task) {
                            total++;
                            right += Boolean.TRUE.equals(best.get(q.id())) ? 1 : 0;
                        }
                    }
                }
                tasks.add(new TaskCoverage(task, teaching, right, total));
            }
            domains.add(new DomainCoverage(domain, tasks, List.copyOf(domainLabs)));
        }
        return new ExamCoverage(domains, next(domains, labs, quizzes, progress));
    }

    /**
     * A lab not yet passed on the weakest domain (the smallest share of its labs passed; of equals,
     * the one that weighs most in the exam); when every lab passed, a quiz not yet taken or not yet
     * at full marks.
     */
    private static Optional<Next> next(List<DomainCoverage> domains, List<LabInfo> labs, Map<String, Quiz> quizzes,
                                       Progress progress) {
        Optional<DomainCoverage> weakest = domains.stream()
                .filter(d -> d.labsPassed() < d.labs().size())
                .min(Comparator.comparingDouble(DomainCoverage::share)
                        .thenComparing(d -> -d.domain().percent)
                        .thenComparing(d -> d.domain().number));
        if (weakest.isPresent()) {
            DomainCoverage d = weakest.get();
            LabStatus lab = d.labs().stream().filter(l -> !l.passed()).findFirst().orElseThrow();
            boolean nothingYet = domains.stream().allMatch(c -> c.labsPassed() == 0);
            String domain = "domain " + d.domain().number + " (" + d.domain().percent + " % of the exam)";
            return Optional.of(new Next("start", lab.id(), nothingYet
                    ? "no lab passed yet; " + domain + " weighs most of those with labs"
                    : domain + " is your weakest: " + d.labsPassed() + " of " + d.labs().size() + " labs passed"));
        }
        for (LabInfo lab : labs) {
            Quiz quiz = quizzes.get(lab.id());
            if (quiz == null || quiz.questions().isEmpty()) {
                continue;
            }
            Optional<Progress.QuizRecord> record = progress.quiz(lab.id());
            if (record.isEmpty()) {
                return Optional.of(new Next("quiz", lab.id(), "every lab passed; its quiz is not taken yet"));
            }
            Progress.QuizScore best = record.get().best();
            if (best.right() < best.total() || best.total() < quiz.questions().size()) {
                return Optional.of(new Next("quiz", lab.id(), "every lab passed; your best on its quiz is "
                        + best.right() + "/" + best.total()));
            }
        }
        return Optional.empty();
    }
}
