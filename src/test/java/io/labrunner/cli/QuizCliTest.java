package io.labrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.StateDirectory;
import io.labrunner.labs.LabCatalog;
import io.labrunner.testing.FakeLab;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** 'lab quiz': asked on a terminal or answered from a file, scored, explained and saved. */
class QuizCliTest {
    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private String typed;
    private String stdin = "";

    private int lab(String... args) {
        CommandLine cli = Main.commandLine(new LabCatalog(List.of(new FakeLab("quiz-fake"), new FakeLab("no-quiz"))),
                new StateDirectory(home));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        QuizCommand quiz = cli.getSubcommands().get("quiz").getCommand();
        if (typed != null) {
            quiz.keyboard = new BufferedReader(new StringReader(typed));
        }
        quiz.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        return cli.execute(args);
    }

    private Path answers(String text) throws Exception {
        Path file = home.resolve("answers.yaml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void anAnswerFileIsScoredWithEachQuestionsWhyAndTheTasksMissed() throws Exception {
        Path file = answers("columnar: B\ntwo-streaming: \"c, a\"\neta: A\n");

        assertThat(lab("quiz", "quiz-fake", "--answers", file.toString())).isZero();

        assertThat(out.toString())
                .contains("✔ columnar (1.1): B", "✔ two-streaming (1.1): AC", "✘ eta (2.2): A; the answer is C",
                        "· guardrail (4.3): unanswered; the answer is A")
                .contains("eta is the learning rate")
                .contains("Score: 2/4 (50 %)")
                .contains("1 question was not in " + file + ", so unanswered: guardrail")
                .contains("2.2 Train and refine models: eta", "4.3 Secure AWS resources: guardrail")
                .contains("Your best on this quiz: 2/4");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aScoreIsNotAFailure() throws Exception {
        assertThat(lab("quiz", "quiz-fake", "--answers", answers("columnar: A").toString())).isZero();
        assertThat(out.toString()).contains("Score: 0/4 (0 %)");
    }

    @Test
    void answersCanComeFromStandardInput() {
        stdin = "{\"columnar\": \"B\", \"two-streaming\": [\"A\", \"C\"], \"eta\": \"C\", \"guardrail\": \"a\"}";

        assertThat(lab("quiz", "quiz-fake", "--answers", "-")).isZero();

        assertThat(out.toString()).contains("Score: 4/4 (100 %)", "No misses.");
    }

    @Test
    void jsonGivesEachQuestionAndTheScore() throws Exception {
        assertThat(lab("quiz", "quiz-fake", "--answers", answers("two-streaming: A\neta: C").toString(), "--output", "json")).isZero();

        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        assertThat(json.get("score").get("right").asInt()).isEqualTo(1);
        assertThat(json.get("score").get("total").asInt()).isEqualTo(4);
        assertThat(json.get("score").get("percent").asInt()).isEqualTo(25);
        assertThat(json.get("score").get("unanswered").asInt()).isEqualTo(2);
        assertThat(json.get("questions").get(1).get("given").asText()).isEqualTo("A");
        assertThat(json.get("questions").get(1).get("answer").asText()).isEqualTo("AC");
        assertThat(json.get("questions").get(1).get("right").asBoolean()).isFalse();
        assertThat(json.get("questions").get(0).get("given").isNull()).isTrue();
        assertThat(json.get("missedTasks").get(0).get("task").asText()).isEqualTo("1.1");
        assertThat(json.get("best").get("right").asInt()).isEqualTo(1);
    }

    @Test
    void everyBadAnswerFileIsOneLineAndExitTwo() throws Exception {
        for (String bad : List.of("columnar: [B", "columnar: B\ncolumnar: C", "- B", "", "nope: B", "columnar: E",
                "columnar:")) {
            StringWriter before = new StringWriter();
            before.write(err.toString());
            int status = lab("quiz", "quiz-fake", "--answers", answers(bad).toString());
            String line = err.toString().substring(before.toString().length());

            assertThat(status).as(bad).isEqualTo(2);
            assertThat(line.strip()).as(bad).startsWith("lab: ").doesNotContain("\n");
        }
        assertThat(out.toString()).isEmpty();
        assertThat(home.resolve("progress.json")).doesNotExist();
    }

    @Test
    void aMissingAnswerFileIsOneLine() {
        assertThat(lab("quiz", "quiz-fake", "--answers", home.resolve("nope.yaml").toString())).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("lab: No answer file").doesNotContain("\n");
    }

    @Test
    void aLabWithNoQuizYetIsOneLineAndExitTwo() {
        assertThat(lab("quiz", "no-quiz", "--answers", "-")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("lab: The lab no-quiz has no quiz yet.");
    }

    @Test
    void anUnknownLabSuggestsTheClosest() {
        assertThat(lab("quiz", "quiz-fak")).isEqualTo(2);
        assertThat(err.toString()).contains("Did you mean 'quiz-fake'?");
    }

    @Test
    void withoutATerminalOrAnswersItSaysHowToAnswer() {
        assertThat(lab("quiz", "quiz-fake")).isEqualTo(2);
        assertThat(err.toString().strip()).contains("--answers FILE").doesNotContain("\n");
    }

    @Test
    void onATerminalEachQuestionIsAskedThenExplained() {
        // A letter out of range and a single letter for a (Choose two.) question are asked again.
        typed = "b\nE\nA\na, c\nC\nB\n";

        assertThat(lab("quiz", "quiz-fake")).isZero();

        String shown = out.toString();
        assertThat(shown).contains("Question 1 of 4", "A) CSV", "B) Parquet", "✔ Right.", "Parquet stores each column apart");
        assertThat(shown).contains("'E' is not one of the letters A–D", "This one takes two letters (Choose two.)");
        assertThat(shown).contains("✘ Not quite: the answer is A.", "Score: 3/4 (75 %)", "4.3 Secure AWS resources: guardrail");
        assertThat(shown.indexOf("Question 2 of 4")).isGreaterThan(shown.indexOf("Parquet stores each column apart"));
    }

    @Test
    void stoppingPartWayRecordsNothing() {
        typed = "B\nq\n";

        assertThat(lab("quiz", "quiz-fake")).isZero();

        assertThat(out.toString()).contains("Stopped before the end; nothing is recorded.").doesNotContain("Score:");
        assertThat(home.resolve("progress.json")).doesNotExist();
    }

    @Test
    void aCompletedQuizIsSavedForProgress() throws Exception {
        lab("quiz", "quiz-fake", "--answers", answers("columnar: B\neta: C").toString());
        lab("quiz", "quiz-fake", "--answers", answers("columnar: B").toString());

        assertThat(out.toString()).contains("Your best on this quiz: 2/4");
        assertThat(Files.readString(home.resolve("progress.json"))).contains("\"quiz-fake\"", "\"eta\" : true");
    }
}
