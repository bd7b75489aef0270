package io.labrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.StateDirectory;
import io.labrunner.labs.LabCatalog;
import io.labrunner.testing.FakeLab;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTest {
    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int lab(String... args) {
        CommandLine cli = Main.commandLine(
                new LabCatalog(List.of(new FakeLab("s3-data-formats"), new FakeLab("s3-glue-athena"))),
                new StateDirectory(home));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void listShowsEveryLabWithItsExamTaskAndMinutes() {
        assertThat(lab("list")).isZero();

        assertThat(out.toString()).contains("s3-data-formats", "s3-glue-athena", "1.1 Ingest and store data", "5 min");
    }

    @Test
    void listAsJsonIsAnArrayOfLabInfo() {
        assertThat(lab("list", "--output", "json")).isZero();

        assertThat(out.toString()).startsWith("[").contains("\"id\" : \"s3-data-formats\"");
    }

    @Test
    void anUnknownCommandIsOneLineWithASuggestionAndExitTwo() {
        assertThat(lab("rnu")).isEqualTo(2);

        assertThat(err.toString().strip()).doesNotContain("\n").contains("Unmatched argument").contains("Did you mean 'run'?");
    }

    @Test
    void anUnknownOptionIsOneLineAndExitTwo() {
        assertThat(lab("run", "s3-data-formats", "--frobnicate")).isEqualTo(2);

        assertThat(err.toString().strip()).doesNotContain("\n").contains("--frobnicate").contains("lab run --help");
    }

    @Test
    void aMistypedLabIdSuggestsTheRightOneAndExitsTwo() {
        assertThat(lab("show", "s3-data-format")).isEqualTo(2);

        assertThat(err.toString().strip()).isEqualTo(
                "lab: Unknown lab 's3-data-format'. Did you mean 's3-data-formats'? See 'lab list' for all labs.");
    }

    @Test
    void runNeedsALabOrAll() {
        assertThat(lab("run")).isEqualTo(2);

        assertThat(err.toString()).contains("Missing required");
    }

    @Test
    void anUnknownTargetIsAConfigurationError() {
        assertThat(lab("--target", "mars", "run", "s3-data-formats")).isEqualTo(2);

        assertThat(err.toString().strip()).startsWith("lab: Unknown target 'mars'").doesNotContain("\n");
    }

    @Test
    void checkWithoutAStartedLabSaysHowToStartOne() {
        assertThat(lab("check", "s3-data-formats")).isEqualTo(2);

        assertThat(err.toString().strip()).isEqualTo(
                "lab: No started run of s3-data-formats on target embedded. Start one with 'lab start s3-data-formats'.");
    }

    @Test
    void globalOptionsWorkAfterTheCommandName() {
        assertThat(lab("list", "--no-color", "-v")).isZero();
    }

    @Test
    void noCommandAtAllPointsToHelp() {
        assertThat(lab()).isEqualTo(2);

        assertThat(err.toString()).contains("lab --help");
    }

    @Test
    void helpListsEveryCommandAndExamples() {
        assertThat(lab("--help")).isZero();

        assertThat(out.toString()).contains("list", "show", "run", "start", "check", "solve", "cleanup", "test",
                "emulator", "doctor", "Examples:", "Exit status");
    }

    @Test
    void theEmulatorCanBeToldToAnswerTextModelsFromAModelServer() {
        assertThat(lab("emulator", "--help")).isZero();

        assertThat(out.toString()).contains("--model-server=URL", "--model-server-model=NAME", "llama3.2");
    }

    @Test
    void theEmulatorsHelpListsOnlyItsOwnOptions() {
        assertThat(lab("emulator", "--help")).isZero();

        assertThat(out.toString()).contains("--port=PORT", "--data=DIR", "stop")
                .doesNotContain("--target").doesNotContain("--endpoint=").doesNotContain("--region")
                .doesNotContain("--profile").doesNotContain("--junit").doesNotContain("--yes");
    }

    @Test
    void aTargetOptionAfterEmulatorIsAUsageError() {
        assertThat(lab("emulator", "--target", "aws")).isEqualTo(2);

        assertThat(err.toString().strip()).doesNotContain("\n").contains("--target").contains("lab emulator --help");
    }

    @Test
    void theStartOfALabsIdSuggestsEveryLabItBegins() {
        assertThat(lab("start", "s3")).isEqualTo(2);

        assertThat(err.toString().strip()).isEqualTo(
                "lab: Unknown lab 's3'. Did you mean 's3-data-formats' or 's3-glue-athena'? See 'lab list' for all labs.");
    }

    @Test
    void partOfALabsIdSuggestsIt() {
        assertThat(lab("show", "glue")).isEqualTo(2);

        assertThat(err.toString()).contains("Did you mean 's3-glue-athena'?");
    }

    @Test
    void theNewCommandsAreInTheHelp() {
        assertThat(lab("--help")).isZero();

        assertThat(out.toString()).contains("status", "env", "hint");
    }

    @Test
    void cleanupWithNothingStartedSaysSoAndSucceeds() {
        assertThat(lab("cleanup", "--all")).isZero();

        assertThat(out.toString()).contains("Nothing to clean up");
    }
}
