package io.labrunner.core.exam;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One exam-style question of a lab's quiz ({@code labs/<id>/quiz.yaml}).
 *
 * @param id          stable within the lab, e.g. {@code parquet-scan}; progress is kept by it
 * @param task        the MLA-C01 task it practises, e.g. {@code 1.1}
 * @param scenario    the question, as the exam words one; "(Choose two.)" when two are right
 * @param options     exactly four, keyed A–D
 * @param answer      the right letters, one or two
 * @param explanation why, pointing back to what the lab showed and measured
 */
public record QuizQuestion(String id, String task, String scenario, Map<String, String> options,
                           List<String> answer, String explanation) {

    /** Whether two options are right ("Choose two."), so an answer must name two letters. */
    public boolean choosesTwo() {
        return answer.size() == 2;
    }

    /** Right only when the letters given are exactly the right ones, in any order. */
    public boolean isRight(Set<String> given) {
        return given.equals(Set.copyOf(answer));
    }

    /** The MLA-C01 task, for questions that passed {@link Quiz#problems()}. */
    public ExamTask examTask() {
        return ExamTask.byNumber(task).orElseThrow();
    }
}
