package io.labrunner.core.exam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A quiz answered: each question with the letters given, and the score. */
public record QuizResult(String labId, List<Answered> answers) {

    /** One question and what was given for it; {@code given} is empty when it was not answered. */
    public record Answered(QuizQuestion question, Set<String> given) {
        public Answered {
            given = Set.copyOf(given);
        }

        public boolean right() {
            return question.isRight(given);
        }

        public boolean unanswered() {
            return given.isEmpty();
        }
    }

    public QuizResult {
        answers = List.copyOf(answers);
    }

    /** Scores {@code given} (question id → letters) against the quiz; questions it leaves out are unanswered. */
    public static QuizResult score(Quiz quiz, Map<String, Set<String>> given) {
        List<Answered> answers = new ArrayList<>();
        for (QuizQuestion q : quiz.questions()) {
            answers.add(new Answered(q, given.getOrDefault(q.id(), Set.of())));
        }
        return new QuizResult(quiz.labId(), answers);
    }

    public int right() {
        return (int) answers.stream().filter(Answered::right).count();
    }

    public int total() {
        return answers.size();
    }

    public int unanswered() {
        return (int) answers.stream().filter(Answered::unanswered).count();
    }

    /** Rounded to a whole percent: 7 of 9 is 78. */
    public int percent() {
        return total() == 0 ? 0 : (int) Math.round(100.0 * right() / total());
    }

    /** The questions missed (wrong or unanswered), by the MLA-C01 task they are on, in task order. */
    public Map<ExamTask, List<String>> missesByTask() {
        Map<ExamTask, List<String>> misses = new java.util.TreeMap<>();
        for (Answered a : answers) {
            if (!a.right()) {
                misses.computeIfAbsent(a.question().examTask(), t -> new ArrayList<>()).add(a.question().id());
            }
        }
        return new LinkedHashMap<>(misses);
    }

    /** Question id → answered right, in the quiz's order: what progress keeps. */
    public Map<String, Boolean> rightByQuestion() {
        Map<String, Boolean> right = new LinkedHashMap<>();
        answers.forEach(a -> right.put(a.question().id(), a.right()));
        return right;
    }
}
