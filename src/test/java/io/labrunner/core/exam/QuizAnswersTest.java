package io.labrunner.core.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.core.LabException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Answer files for 'lab quiz --answers': what they may say, and one line for everything else. */
class QuizAnswersTest {
    private final Quiz quiz = Quiz.load("quiz-fake");

    private Map<String, Set<String>> parse(String text) {
        return QuizAnswers.parse(text, quiz, "mine.yaml");
    }

    @Test
    void theTestQuizLoadsAndIsWellFormed() {
        assertThat(quiz.questions()).extracting(QuizQuestion::id).containsExactly("columnar", "two-streaming", "eta", "guardrail");
        assertThat(quiz.problems()).isEmpty();
    }

    @Test
    void yamlGivesLettersPerQuestionInAnyCaseAndWithAnySeparator() {
        Map<String, Set<String>> given = parse("columnar: b\ntwo-streaming: \"c, a\"\neta: C\n");

        assertThat(given).containsExactly(
                Map.entry("columnar", Set.of("B")), Map.entry("two-streaming", Set.of("A", "C")), Map.entry("eta", Set.of("C")));
    }

    @Test
    void jsonAndYamlListsWorkToo() {
        assertThat(parse("{\"two-streaming\": \"AC\", \"guardrail\": [\"a\"]}"))
                .containsEntry("two-streaming", Set.of("A", "C")).containsEntry("guardrail", Set.of("A"));
        assertThat(parse("two-streaming: [A, C]\n")).containsEntry("two-streaming", Set.of("A", "C"));
        assertThat(parse("two-streaming: A C\n")).containsEntry("two-streaming", Set.of("A", "C"));
    }

    @Test
    void questionsTheFileLeavesOutAreSimplyAbsent() {
        assertThat(parse("eta: C")).containsOnlyKeys("eta");
    }

    @Test
    void aFileThatDoesNotParseIsOneLine() {
        assertOneLine("columnar: [B\n", "do not parse");
        assertOneLine("{\"columnar\": \"B\",,}", "do not parse");
    }

    @Test
    void aKeyGivenTwiceIsAMistake() {
        assertOneLine("columnar: B\ncolumnar: C\n", "do not parse");
    }

    @Test
    void aFileThatIsNotAMapIsOneLine() {
        assertOneLine("- B\n- C\n", "not a map of question id to letters");
        assertOneLine("B", "not a map");
    }

    @Test
    void anEmptyFileIsOneLine() {
        assertOneLine("", "are empty");
        assertOneLine("# nothing\n", "are empty");
    }

    @Test
    void aQuestionTheQuizDoesNotHaveIsNamedWithTheOnesItHas() {
        assertOneLine("columnar: B\nparquet-scan: B\n", "question 'parquet-scan', which the quiz of quiz-fake does not have");
        assertThatThrownBy(() -> parse("nope: A")).hasMessageContaining("columnar, two-streaming, eta, guardrail");
    }

    @Test
    void lettersOutsideAToDAreOneLine() {
        assertOneLine("columnar: E\n", "question 'columnar': 'E' is not one of the letters A–D");
        assertOneLine("columnar: A;B\n", "';' is not one of the letters");
        assertOneLine("columnar: 2\n", "'2' is not one of the letters");
        assertOneLine("columnar: [A, {x: 1}]\n", "is not one of the letters");
    }

    @Test
    void aQuestionWithNoLettersIsOneLineSayingHowToSkipIt() {
        assertOneLine("columnar:\n", "no letters; give A–D, or leave the question out");
        assertOneLine("columnar: \"\"\n", "no letters");
        assertOneLine("columnar: []\n", "no letters");
    }

    private void assertOneLine(String text, String expected) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(LabException.class)
                .hasMessageContaining("mine.yaml").hasMessageContaining(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
