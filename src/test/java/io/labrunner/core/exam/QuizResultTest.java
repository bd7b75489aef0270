package io.labrunner.core.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Scoring: both letters of a (Choose two.) question, in any order; unanswered is not right. */
class QuizResultTest {
    private final Quiz quiz = Quiz.load("quiz-fake");

    @Test
    void aTwoAnswerQuestionNeedsBothLettersInAnyOrder() {
        assertThat(right("two-streaming", Set.of("A", "C"))).isTrue();
        assertThat(right("two-streaming", Letters.parse("c,a"))).isTrue();
        assertThat(right("two-streaming", Set.of("A"))).isFalse();
        assertThat(right("two-streaming", Set.of("A", "B"))).isFalse();
        assertThat(right("two-streaming", Set.of("A", "C", "D"))).isFalse();
    }

    @Test
    void aOneAnswerQuestionIsNotRightWithAnExtraLetter() {
        assertThat(right("columnar", Set.of("B"))).isTrue();
        assertThat(right("columnar", Set.of("A", "B"))).isFalse();
    }

    @Test
    void theScoreCountsRightAnswersAndUnansweredOnesAsMisses() {
        QuizResult result = QuizResult.score(quiz, Map.of("columnar", Set.of("B"), "two-streaming", Set.of("C", "A"),
                "eta", Set.of("A")));

        assertThat(result.right()).isEqualTo(2);
        assertThat(result.total()).isEqualTo(4);
        assertThat(result.unanswered()).isEqualTo(1);
        assertThat(result.percent()).isEqualTo(50);
        assertThat(result.rightByQuestion()).containsExactly(Map.entry("columnar", true), Map.entry("two-streaming", true),
                Map.entry("eta", false), Map.entry("guardrail", false));
    }

    @Test
    void missesAreGroupedByExamTaskInTaskOrder() {
        QuizResult result = QuizResult.score(quiz, Map.of("guardrail", Set.of("B"), "columnar", Set.of("A")));

        assertThat(result.missesByTask()).containsExactly(
                Map.entry(ExamTask.T1_1, List.of("columnar", "two-streaming")),
                Map.entry(ExamTask.T2_2, List.of("eta")),
                Map.entry(ExamTask.T4_3, List.of("guardrail")));
    }

    @Test
    void percentIsRoundedToTheNearestWhole() {
        QuizQuestion q = quiz.questions().get(0);
        List<QuizResult.Answered> nine = new java.util.ArrayList<>();
        for (int i = 0; i < 9; i++) {
            nine.add(new QuizResult.Answered(q, i < 7 ? Set.of("B") : Set.of("A")));
        }

        assertThat(new QuizResult("x", nine).percent()).isEqualTo(78);
    }

    @Test
    void lettersAreReadInAnyCaseAndSeparation() {
        assertThat(Letters.parse(" a, C ")).containsExactly("A", "C");
        assertThat(Letters.parse("CA")).containsExactly("A", "C");
        assertThat(Letters.parse("")).isEmpty();
        assertThat(Letters.join(List.of("C", "A"))).isEqualTo("AC");
    }

    private boolean right(String id, Set<String> given) {
        return quiz.questions().stream().filter(q -> q.id().equals(id)).findFirst().orElseThrow().isRight(given);
    }
}
