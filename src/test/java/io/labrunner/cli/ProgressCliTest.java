package io.labrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.core.StateDirectory;
import io.labrunner.labs.LabCatalog;
import io.labrunner.testing.FakeLab;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** 'lab progress': the exam's domains and tasks, with what the learner passed and answered. */
class ProgressCliTest {
    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int lab(String... args) {
        CommandLine cli = Main.commandLine(new LabCatalog(List.of(new FakeLab("quiz-fake"), new FakeLab("other-lab"))),
                new StateDirectory(home));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void withNothingDoneEveryTaskShowsItsLabsNotYetAndTasksWithoutALab() {
        assertThat(lab("progress")).isZero();

        assertThat(out.toString())
                .contains("Domain 1: Data Preparation for Machine Learning", "28 % of the exam")
                .contains("1.1 Ingest and store data", "· quiz-fake", "not yet")
                .contains("3.1 Select deployment infrastructure", "no lab yet")
                .contains("Coverage: 0 of 2 labs passed")
                .contains("Next: lab start quiz-fake");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aLabPassedByRunIsRecordedWhereLabsAreDrivenAndShown() {
        assertThat(lab("run", "quiz-fake")).isZero();
        out.getBuffer().setLength(0);

        assertThat(lab("progress")).isZero();

        assertThat(out.toString()).contains("✔ quiz-fake", "embedded: run ", "Coverage: 1 of 2 labs passed")
                .contains("Next: lab start other-lab");
    }

    @Test
    void quizAnswersCountUnderTheirTasks() throws Exception {
        Path answers = home.resolve("a.yaml");
        Files.writeString(answers, "columnar: B\ntwo-streaming: AC\neta: A\n");
        lab("quiz", "quiz-fake", "--answers", answers.toString());
        out.getBuffer().setLength(0);

        assertThat(lab("progress", "--output", "json")).isZero();

        JsonNode json = new ObjectMapper().readTree(out.toString());
        JsonNode t11 = json.get("domains").get(0).get("tasks").get(0);
        assertThat(t11.get("number").asText()).isEqualTo("1.1");
        assertThat(t11.get("quiz").get("right").asInt()).isEqualTo(2);
        assertThat(t11.get("quiz").get("total").asInt()).isEqualTo(2);
        assertThat(t11.get("labs").get(0).get("passed").asBoolean()).isFalse();
        JsonNode t22 = json.get("domains").get(1).get("tasks").get(1);
        assertThat(t22.get("quiz").get("right").asInt()).isZero();
        assertThat(t22.get("labs")).isEmpty();
        assertThat(json.get("quizzes").get("quiz-fake").get("best").get("right").asInt()).isEqualTo(2);
        assertThat(json.get("next").get("command").asText()).isEqualTo("lab start quiz-fake");
    }

    @Test
    void aCorruptProgressFileIsSetAsideWithOneLineAndTheCommandGoesOn() throws Exception {
        Files.writeString(home.resolve("progress.json"), "{ this is not json");

        assertThat(lab("progress")).isZero();

        assertThat(err.toString().strip()).startsWith("lab: Your progress file").contains("set aside as progress.json.corrupt-")
                .doesNotContain("\n");
        assertThat(out.toString()).contains("Domain 4");
        try (var files = Files.list(home)) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(n -> n.startsWith("progress.json.corrupt-"));
        }
    }

    @Test
    void helpListsQuizAndProgress() {
        assertThat(lab("--help")).isZero();
        assertThat(out.toString()).contains("quiz", "progress");
    }
}
