package io.labrunner.core.progress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a learner has done, as kept in {@code progress.json}: the labs they passed, on which target
 * and with which command, and their quiz scores. Immutable; the {@code with…} methods return a copy.
 *
 * @param labs    one entry per lab, target and command that passed
 * @param quizzes by lab id
 */
public record Progress(List<LabPass> labs, Map<String, QuizRecord> quizzes) {

    /**
     * A lab that passed.
     *
     * @param command {@code check} (the learner's own work passed), {@code run} or {@code test} (the
     *                reference solution did)
     */
    public record LabPass(String lab, String target, String command, Instant firstPassed, Instant lastPassed) {
    }

    /** One quiz taken: right out of total, when, and which questions were right. */
    public record QuizScore(int right, int total, Instant at, Map<String, Boolean> questions) {
        public QuizScore {
            questions = questions == null ? null : new LinkedHashMap<>(questions);
        }

        boolean betterThan(QuizScore other) {
            return (long) right * other.total > (long) other.right * total;
        }
    }

    /** A lab's quiz: the best score (the first time it was reached) and the last. */
    public record QuizRecord(QuizScore best, QuizScore last) {
    }

    public Progress {
        labs = List.copyOf(labs == null ? List.of() : labs);
        quizzes = Map.copyOf(quizzes == null ? Map.of() : quizzes);
    }

    public static Progress empty() {
        return new Progress(List.of(), Map.of());
    }

    /** A pass of {@code lab} on {@code target} by {@code command} at {@code when}. */
    public Progress withPass(String lab, String target, String command, Instant when) {
        List<LabPass> updated = new ArrayList<>();
        boolean found = false;
        for (LabPass pass : labs) {
            if (pass.lab().equals(lab) && pass.target().equals(target) && pass.command().equals(command)) {
                updated.add(new LabPass(lab, target, command, pass.firstPassed(), when));
                found = true;
            } else {
                updated.add(pass);
            }
        }
        if (!found) {
            updated.add(new LabPass(lab, target, command, when, when));
        }
        updated.sort(Comparator.comparing(LabPass::lab).thenComparing(LabPass::target).thenComparing(LabPass::command));
        return new Progress(updated, quizzes);
    }

    /** A quiz taken: it is the last score, and the best if no earlier one was higher. */
    public Progress withQuiz(String lab, QuizScore score) {
        Map<String, QuizRecord> updated = new LinkedHashMap<>(quizzes);
        QuizRecord before = quizzes.get(lab);
        QuizScore best = before == null || score.betterThan(before.best()) ? score : before.best();
        updated.put(lab, new QuizRecord(best, score));
        return new Progress(labs, updated);
    }

    public List<LabPass> passesOf(String lab) {
        return labs.stream().filter(p -> p.lab().equals(lab)).toList();
    }

    public Optional<QuizRecord> quiz(String lab) {
        return Optional.ofNullable(quizzes.get(lab));
    }

    /** What makes a file that parsed still not a progress file; empty when it is one. */
    Optional<String> problem() {
        for (LabPass p : labs) {
            if (p == null || p.lab() == null || p.target() == null || p.command() == null
                    || p.firstPassed() == null || p.lastPassed() == null) {
                return Optional.of("a lab pass lacks its lab, target, command or dates");
            }
        }
        for (Map.Entry<String, QuizRecord> q : quizzes.entrySet()) {
            QuizRecord r = q.getValue();
            if (r == null || !whole(r.best()) || !whole(r.last())) {
                return Optional.of("the quiz score of " + q.getKey() + " is incomplete");
            }
        }
        return Optional.empty();
    }

    private static boolean whole(QuizScore s) {
        return s != null && s.at() != null && s.questions() != null && s.total() > 0
                && s.right() >= 0 && s.right() <= s.total() && s.questions().values().stream().allMatch(Objects::nonNull);
    }
}
