package io.labrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.core.StateDirectory;
import io.labrunner.labs.LabCatalog;
import io.labrunner.testing.NamesLab;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The loop around a started lab on the embedded target — start with your names, env, check, hint,
 * status, cleanup — with the shared emulator served from this JVM.
 */
class LearnerLoopCliTest {
    @TempDir
    Path home;

    private final InProcessEmulators emulators = new InProcessEmulators();
    private Prompt prompt = question -> Optional.empty();
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    @AfterEach
    void stopEmulators() {
        emulators.close();
    }

    private int lab(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = Main.commandLine(new LabCatalog(List.of(new NamesLab())), new StateDirectory(home));
        LabCommand root = (LabCommand) cli.getCommand();
        root.emulators = emulators;
        root.prompt = prompt;
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private String runId() {
        return new StateDirectory(home).activeRuns().get(0).runId();
    }

    @Test
    void startFillsTheTaskWithTheRunsNamesListsThemAndSaysWhatWasSetUpWithoutAPassedCount() {
        assertThat(lab("--no-color", "start", NamesLab.ID)).as(err.toString()).isZero();

        String id = runId();
        String said = out.toString();
        assertThat(said).contains("BUCKET=lab-" + id + "-data")
                .contains("s3://lab-" + id + "-data/in/answer.txt")
                .contains("  BUCKET=lab-" + id + "-data\n").contains("  PREFIX=in/\n")
                .contains("eval \"$(lab env names-lab)\"")
                .contains("Set up run " + id + " on the embedded emulator with data in")
                .contains("'lab cleanup' deletes, whichever exist: S3 bucket lab-" + id + "-data.")
                .doesNotContain("<run id>").doesNotContain("$BUCKET").doesNotContain("passed");
        assertThat(said).as("ENDPOINT is left for 'lab env' to set").contains("aws $ENDPOINT s3 cp");
        assertThat(emulators.launches()).isEqualTo(1);
    }

    @Test
    void startingALabAlreadyStartedWithoutATerminalRefusesInOneLineNamingNew() {
        assertThat(lab("start", NamesLab.ID)).isZero();
        String first = runId();

        assertThat(lab("start", NamesLab.ID)).isEqualTo(2);

        assertThat(err.toString().strip()).doesNotContain("\n").startsWith("lab: names-lab is already started as run " + first)
                .contains("'lab start names-lab --new' starts a second run");
        assertThat(new StateDirectory(home).activeRuns()).hasSize(1);

        assertThat(lab("start", NamesLab.ID, "--new")).as(err.toString()).isZero();
        assertThat(new StateDirectory(home).activeRuns()).hasSize(2);
        assertThat(emulators.launches()).as("the second start used the emulator the first one started").isEqualTo(1);
    }

    @Test
    void atATerminalStartingAgainAsksAndNoStartsNothing() {
        assertThat(lab("start", NamesLab.ID)).isZero();
        StringBuilder asked = new StringBuilder();
        prompt = question -> {
            asked.append(question);
            return Optional.of(false);
        };

        assertThat(lab("start", NamesLab.ID)).isZero();

        assertThat(asked.toString()).contains("already started as run " + runId()).endsWith("Start a second run? [y/N] ");
        assertThat(out.toString()).startsWith("Nothing started.");
        assertThat(new StateDirectory(home).activeRuns()).hasSize(1);

        prompt = question -> Optional.of(true);
        assertThat(lab("start", NamesLab.ID)).isZero();
        assertThat(new StateDirectory(home).activeRuns()).hasSize(2);
    }

    @Test
    void envExportsTheNamesEndpointAndKeyPairSoThatBashEvalSetsThem() throws Exception {
        assertThat(lab("start", NamesLab.ID)).isZero();
        String endpoint = emulatorEndpoint();

        assertThat(lab("env", NamesLab.ID)).as(err.toString()).isZero();

        Path script = home.resolve("env.sh");
        Files.writeString(script, out.toString());
        Process bash = new ProcessBuilder("bash", "-c", "eval \"$(cat " + script + ")\"; "
                + "printf '%s|%s|%s|%s|%s|%s|%s' \"$BUCKET\" \"$PREFIX\" \"$ENDPOINT\" \"$AWS_ENDPOINT_URL\" "
                + "\"$AWS_ACCESS_KEY_ID\" \"$AWS_SECRET_ACCESS_KEY\" \"$AWS_DEFAULT_REGION\"").start();
        assertThat(bash.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String values = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(values).isEqualTo("lab-" + runId() + "-data|in/|--endpoint-url " + endpoint + "|" + endpoint
                + "|test|test|us-east-1");
    }

    @Test
    void envAsJsonIsOneObjectOfTheVariables() throws Exception {
        assertThat(lab("start", NamesLab.ID)).isZero();

        assertThat(lab("--output", "json", "env")).isZero();

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("BUCKET").asText()).isEqualTo("lab-" + runId() + "-data");
        assertThat(json.get("ENDPOINT").asText()).isEqualTo("--endpoint-url " + emulatorEndpoint());
    }

    @Test
    void envForALabNotStartedIsOneLineAndExitTwo() {
        assertThat(lab("env", NamesLab.ID)).isEqualTo(2);

        assertThat(err.toString().strip()).isEqualTo(
                "lab: No started run of names-lab on target embedded. Start one with 'lab start names-lab'.");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void checkShowsTheFirstTierAndHintRevealsTheNextUntilTheLastThenSaysSo() throws Exception {
        assertThat(lab("start", NamesLab.ID)).isZero();
        assertThat(lab("hint")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("lab: No 'lab check' of run " + runId()
                + " (names-lab) yet: run 'lab check names-lab' first, then 'lab hint'.");

        assertThat(lab("--no-color", "check")).isEqualTo(1);
        assertThat(out.toString()).contains("hint: tier one").doesNotContain("tier two")
                .contains("Stuck? 'lab hint names-lab' tells you more");

        assertThat(lab("--no-color", "hint")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("✘ 1. the answer is 42").contains("hint 2/3: tier two")
                .doesNotContain("tier three").doesNotContain("the bucket is there");

        assertThat(lab("--no-color", "hint", NamesLab.ID, "the ANS")).isZero();
        assertThat(out.toString()).contains("hint 3/3: tier three");

        assertThat(lab("hint", "1")).isEqualTo(2);
        assertThat(err.toString().strip()).doesNotContain("\n")
                .isEqualTo("lab: The last hint of check 1 (3 of 3) was already shown; 'lab solve names-lab' runs the reference solution.");

        assertThat(lab("hint", "2")).isEqualTo(2);
        assertThat(err.toString()).contains("Check 2 passed at the last 'lab check'");
        assertThat(lab("hint", "7")).isEqualTo(2);
        assertThat(err.toString()).contains("There is no check 7");
    }

    @Test
    void aCheckThatStillFailsTheSameWayKeepsTheTiersAlreadyRevealed() {
        assertThat(lab("start", NamesLab.ID)).isZero();
        assertThat(lab("check")).isEqualTo(1);
        assertThat(lab("hint")).isZero();

        assertThat(lab("check")).isEqualTo(1);
        assertThat(lab("--no-color", "hint")).isZero();

        assertThat(out.toString()).contains("hint 3/3: tier three");
    }

    @Test
    void anUnreadableCheckFileIsSetAsideWithOneLineAndCountsAsNoCheck() throws Exception {
        assertThat(lab("start", NamesLab.ID)).isZero();
        Path kept = new StateDirectory(home).lastCheckFile(runId());
        Files.createDirectories(kept.getParent());
        Files.writeString(kept, "{ \"checks\": [");

        assertThat(lab("hint")).isEqualTo(2);

        assertThat(err.toString()).contains("cannot be read; moved aside as " + runId() + ".json.unreadable")
                .contains("No 'lab check' of run " + runId());
        assertThat(kept.resolveSibling(runId() + ".json.unreadable")).exists();
        assertThat(lab("check")).isEqualTo(1);
        assertThat(lab("hint")).isZero();
    }

    @Test
    void hintAsJsonNamesTheCheckAndTheTier() throws Exception {
        assertThat(lab("start", NamesLab.ID)).isZero();
        assertThat(lab("check")).isEqualTo(1);

        assertThat(lab("--output", "json", "hint")).isZero();

        JsonNode hint = new ObjectMapper().readTree(out.toString()).at("/hints/0");
        assertThat(hint.get("check").asInt()).isEqualTo(1);
        assertThat(hint.get("tier").asInt()).isEqualTo(2);
        assertThat(hint.get("tiers").asInt()).isEqualTo(3);
        assertThat(hint.get("hint").asText()).isEqualTo("tier two: the check reads in/answer.txt");
    }

    @Test
    void statusListsStartedRunsWithTheirLastCheckAndTheEmulator() throws Exception {
        assertThat(lab("status")).isZero();
        assertThat(out.toString()).contains("No started runs").contains("Lab emulator: not running");

        assertThat(lab("start", NamesLab.ID)).isZero();
        assertThat(lab("--no-color", "status")).isZero();
        assertThat(out.toString()).contains(runId() + "  names-lab  embedded  started ").contains("last check: not checked yet")
                .contains("Lab emulator: serving on " + emulatorEndpoint() + " (pid " + ProcessHandle.current().pid());

        assertThat(lab("check")).isEqualTo(1);
        assertThat(lab("--no-color", "status")).isZero();
        assertThat(out.toString()).containsPattern("last check: 1/2 passed at \\d\\d:\\d\\d");

        assertThat(lab("--output", "json", "status")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.at("/runs/0/runId").asText()).isEqualTo(runId());
        assertThat(json.at("/runs/0/lastCheck/passed").asInt()).isEqualTo(1);
        assertThat(json.at("/runs/0/lastCheck/total").asInt()).isEqualTo(2);
        assertThat(json.at("/emulator/running").asBoolean()).isTrue();
        assertThat(json.at("/emulator/endpoint").asText()).isEqualTo(emulatorEndpoint());
    }

    @Test
    void theWholeLoopEndsWithNothingLeftAndTheCheckFileGone() throws Exception {
        assertThat(lab("start", NamesLab.ID)).isZero();
        String id = runId();
        try (S3Client s3 = s3()) {
            s3.putObject(b -> b.bucket("lab-" + id + "-data").key("in/answer.txt"), RequestBody.fromString("42\n"));
        }
        assertThat(lab("check")).as(out.toString()).isZero();
        assertThat(new StateDirectory(home).lastCheckFile(id)).exists();

        assertThat(lab("cleanup")).as(err.toString()).isZero();

        assertThat(new StateDirectory(home).activeRuns()).isEmpty();
        assertThat(new StateDirectory(home).lastCheckFile(id)).doesNotExist();
    }

    @Test
    void startAsJsonIsOneDocumentWithTheNamesAndVariables() throws Exception {
        assertThat(lab("--output", "json", "start", NamesLab.ID)).as(err.toString()).isZero();

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.at("/labs/0/command").asText()).isEqualTo("start");
        assertThat(json.at("/names/BUCKET").asText()).isEqualTo("lab-" + runId() + "-data");
        assertThat(json.at("/env/AWS_ENDPOINT_URL").asText()).isEqualTo(emulatorEndpoint());
        assertThat(err.toString()).as("progress goes to standard error").contains("Lab emulator serving on");
    }

    @Test
    void cleanupWithNothingStartedExitsZeroWithOneLineWithOrWithoutAllOrALab() {
        assertThat(lab("cleanup")).isZero();
        assertThat(out.toString().strip()).isEqualTo("Nothing to clean up on target embedded.");
        assertThat(lab("cleanup", NamesLab.ID)).isZero();
        assertThat(out.toString().strip()).isEqualTo("Nothing to clean up on target embedded: no started run of names-lab.");
        assertThat(lab("cleanup", "--all")).isZero();
        assertThat(out.toString().strip()).isEqualTo("Nothing to clean up on target embedded.");
        assertThat(lab("--output", "json", "cleanup")).isZero();
        assertThat(out.toString()).startsWith("{").contains("\"labs\" : [ ]");
        assertThat(emulators.launches()).as("nothing to clean needs no emulator").isZero();

        assertThat(lab("cleanup", "names-lbb")).as("a mistyped lab is still a mistake").isEqualTo(2);
        assertThat(err.toString()).contains("Did you mean 'names-lab'?");
    }

    private String emulatorEndpoint() {
        return io.labrunner.target.RunningEmulator.readIfAlive(new StateDirectory(home).emulatorPidFile())
                .orElseThrow().endpoint();
    }

    private S3Client s3() {
        return S3Client.builder().endpointOverride(java.net.URI.create(emulatorEndpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .forcePathStyle(true).build();
    }
}
