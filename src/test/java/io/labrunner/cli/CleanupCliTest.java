package io.labrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.Ledger;
import io.labrunner.core.StateDirectory;
import io.labrunner.emulator.Emulator;
import io.labrunner.labs.LabCatalog;
import io.labrunner.testing.BucketLab;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code lab cleanup} against two emulators: the one a run was made on, and another. */
class CleanupCliTest {
    private static Emulator made;
    private static Emulator other;
    private static S3Client s3;

    @TempDir
    Path home;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();
    private final Map<String, String> env = new HashMap<>(System.getenv());

    {
        env.remove("AWS_ENDPOINT_URL");
        env.remove("AWS_REGION");
    }

    @BeforeAll
    static void startEmulators() {
        made = Emulator.builder().port(0).build().start();
        other = Emulator.builder().port(0).build().start();
        s3 = S3Client.builder().endpointOverride(made.getEndpoint()).region(Region.of(made.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .forcePathStyle(true).build();
    }

    @AfterAll
    static void stopEmulators() {
        s3.close();
        made.close();
        other.close();
    }

    private int lab(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = Main.commandLine(new LabCatalog(List.of(BucketLab.good())), new StateDirectory(home));
        ((LabCommand) cli.getCommand()).env = env;
        ((LabCommand) cli.getCommand()).emulators = (state, progress) -> {
            throw new AssertionError("these cleanups need no embedded emulator");
        };
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private int onMade(String... args) {
        return lab(prefixed(made, args));
    }

    private int onOther(String... args) {
        return lab(prefixed(other, args));
    }

    private static String[] prefixed(Emulator emulator, String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--target";
        all[1] = "endpoint";
        all[2] = "--endpoint";
        all[3] = emulator.getEndpoint().toString();
        System.arraycopy(args, 0, all, 4, args.length);
        return all;
    }

    /** A run kept on the emulator it was made on; returns its bucket. */
    private String keptRun() {
        assertThat(onMade("run", "bucket-lab", "--keep")).as(err.toString()).isZero();
        Ledger run = new StateDirectory(home).activeRuns().get(0);
        return run.remaining().get(0).id();
    }

    private boolean bucketExists(String bucket) {
        return s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(bucket));
    }

    private List<Path> runFiles() throws Exception {
        try (var files = Files.list(home.resolve("runs"))) {
            return files.map(Path::getFileName).sorted().toList();
        }
    }

    @Test
    void cleanupFromAnotherEndpointIsRefusedInOneLineDeletesNothingAndKeepsTheLedger() throws Exception {
        String bucket = keptRun();
        List<Path> ledgers = runFiles();

        assertThat(onOther("cleanup")).isEqualTo(2);

        String runId = new StateDirectory(home).activeRuns().get(0).runId();
        assertThat(err.toString().strip()).isEqualTo("lab: Run " + runId + " (bucket-lab) was made on endpoint " + made.getEndpoint()
                + " (us-east-1); this cleanup targets endpoint " + other.getEndpoint() + " (us-east-1)."
                + " Use the same --target/--endpoint/--region, or --force.");
        assertThat(out.toString()).doesNotContain("✔ delete");
        assertThat(bucketExists(bucket)).isTrue();
        assertThat(runFiles()).isEqualTo(ledgers);

        assertThat(onMade("cleanup")).as(err.toString()).isZero();

        assertThat(out.toString()).contains("✔ delete S3 bucket " + bucket);
        assertThat(bucketExists(bucket)).isFalse();
        assertThat(new StateDirectory(home).activeRuns()).isEmpty();
    }

    @Test
    void cleanupFromAnotherRegionIsRefusedToo() {
        String bucket = keptRun();

        assertThat(onMade("--region", "eu-west-1", "cleanup", "bucket-lab")).isEqualTo(2);

        assertThat(err.toString()).contains("(us-east-1); this cleanup targets endpoint " + made.getEndpoint() + " (eu-west-1)");
        assertThat(bucketExists(bucket)).isTrue();
        assertThat(onMade("cleanup")).isZero();
    }

    @Test
    void forceCleansUpHereAndSaysWhatWasNotFound() {
        String bucket = keptRun();

        assertThat(onOther("cleanup", "--force")).as(err.toString()).isZero();

        assertThat(out.toString()).contains("was made on endpoint " + made.getEndpoint())
                .contains("○ delete S3 bucket " + bucket + ": already gone").doesNotContain("✔ delete");
        assertThat(new StateDirectory(home).activeRuns()).isEmpty();
        assertThat(bucketExists(bucket)).as("--force cleaned the other endpoint, as it was told").isTrue();
        s3.deleteObject(b -> b.bucket(bucket).key("answer.txt"));
        s3.deleteBucket(b -> b.bucket(bucket));
    }

    @Test
    void aResourceThatIsAlreadyGoneIsReportedAsGoneNotDeleted() {
        String bucket = keptRun();
        s3.deleteObject(b -> b.bucket(bucket).key("answer.txt"));
        s3.deleteBucket(b -> b.bucket(bucket));

        assertThat(onMade("cleanup")).as(err.toString()).isZero();

        assertThat(out.toString()).contains("○ delete S3 bucket " + bucket + ": already gone").doesNotContain("✔ delete");
        assertThat(new StateDirectory(home).activeRuns()).isEmpty();
    }

    @Test
    void theJsonReportSaysWhichResourcesWereAlreadyGone() throws Exception {
        String bucket = keptRun();
        s3.deleteObject(b -> b.bucket(bucket).key("answer.txt"));
        s3.deleteBucket(b -> b.bucket(bucket));

        assertThat(onMade("--output", "json", "cleanup")).as(err.toString()).isZero();

        com.fasterxml.jackson.databind.JsonNode step = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.toString()).at("/labs/0/phases/0/steps/1");
        assertThat(step.get("name").asText()).isEqualTo("delete S3 bucket " + bucket);
        assertThat(step.get("remark").asText()).isEqualTo("already gone");
    }

    @Test
    void anUnreadableLedgerIsSetAsideWithOneLineAndTheOtherRunsAreStillCleaned() throws Exception {
        String bucket = keptRun();
        Files.writeString(home.resolve("runs/zzz999.json"), "{ \"runId\": \"zzz999\", \"entries\": [");

        assertThat(onMade("cleanup", "--all")).isEqualTo(1);

        assertThat(err.toString().strip()).startsWith("lab: Cannot read the run ledger zzz999.json: ")
                .contains("moved aside as zzz999.json.unreadable").doesNotContain("\n").doesNotContain(home.toString());
        assertThat(out.toString()).contains("✔ delete S3 bucket " + bucket);
        assertThat(bucketExists(bucket)).isFalse();
        assertThat(runFiles()).containsExactly(Path.of("zzz999.json.unreadable"));

        assertThat(onMade("cleanup", "--all")).isZero();
        assertThat(out.toString()).contains("Nothing to clean up");
    }

    @Test
    void aLedgerFromBeforeLocationsWereRecordedIsStillCleanedAndSaysItCouldNotTell() throws Exception {
        s3.createBucket(b -> b.bucket("lab-old234-data"));
        Files.createDirectories(home.resolve("runs"));
        Files.writeString(home.resolve("runs/old234.json"), """
                {
                  "runId" : "old234",
                  "labId" : "bucket-lab",
                  "target" : "endpoint",
                  "startedAt" : "2026-11-27T10:00:00Z",
                  "expiresAt" : "2026-11-27T16:00:00Z",
                  "entries" : [ { "type" : "S3_BUCKET", "id" : "lab-old234-data", "state" : "CREATED" } ]
                }
                """);

        assertThat(onMade("cleanup")).as(err.toString()).isZero();

        assertThat(out.toString()).contains("does not say where it was made").contains("✔ delete S3 bucket lab-old234-data");
        assertThat(bucketExists("lab-old234-data")).isFalse();
        assertThat(new StateDirectory(home).activeRuns()).isEmpty();
    }

    @Test
    void anOldLedgerOfWhichNothingIsFoundHereIsKeptUnlessForced() throws Exception {
        Files.createDirectories(home.resolve("runs"));
        Files.writeString(home.resolve("runs/old567.json"), """
                {"runId":"old567","labId":"bucket-lab","target":"endpoint","startedAt":"2026-11-27T10:00:00Z",
                 "expiresAt":"2026-11-27T16:00:00Z",
                 "entries":[{"type":"S3_BUCKET","id":"lab-old567-data","state":"CREATED"}]}
                """);

        assertThat(onOther("cleanup")).isEqualTo(1);

        assertThat(out.toString()).contains("nothing of it was found on endpoint " + other.getEndpoint());
        assertThat(new StateDirectory(home).activeRuns()).extracting(Ledger::runId).containsExactly("old567");

        assertThat(onOther("cleanup", "--force")).isZero();
        assertThat(new StateDirectory(home).activeRuns()).isEmpty();
    }

    @Test
    void aRunOnAThrowawayEmulatorThatEndedIsSetAsideInOneLineWithoutATick() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        assertThat(ended.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Files.createDirectories(home.resolve("runs"));
        Files.writeString(home.resolve("runs/gone23.json"), """
                {"runId":"gone23","labId":"bucket-lab","target":"embedded",
                 "location":{"target":"embedded","endpoint":"http://127.0.0.1:40123","account":"000000000000",
                             "region":"us-east-1","endsWithProcess":%d},
                 "startedAt":"2026-11-27T10:00:00Z","expiresAt":"2026-11-27T16:00:00Z",
                 "entries":[{"type":"S3_BUCKET","id":"lab-gone23-data","state":"CREATED"}]}
                """.formatted(ended.pid()));

        assertThat(lab("cleanup")).as(err.toString()).isZero();

        assertThat(out.toString()).contains("Run gone23 (bucket-lab) was made on a throwaway embedded emulator at"
                + " http://127.0.0.1:40123, which ended with its process (" + ended.pid() + "): its resources went with it")
                .contains("set aside as gone23.json.gone").doesNotContain("✔");
        assertThat(runFiles()).containsExactly(Path.of("gone23.json.gone"));
    }

    @Test
    void cleanupAllCleansWhatItCanAndExitsTwoForARunItRefused() throws Exception {
        String bucket = keptRun();
        assertThat(onOther("run", "bucket-lab", "--keep")).isZero();

        assertThat(onMade("cleanup", "--all")).isEqualTo(2);

        assertThat(err.toString().strip()).startsWith("lab: Run ").contains("this cleanup targets endpoint " + made.getEndpoint())
                .doesNotContain("\n");
        assertThat(bucketExists(bucket)).isFalse();
        assertThat(new StateDirectory(home).activeRuns()).hasSize(1);
        assertThat(onOther("cleanup", "--all")).isZero();
        assertThat(new StateDirectory(home).activeRuns()).isEmpty();
    }

    @Test
    void checkOnARunMadeElsewhereIsOneLineAndExitTwo() {
        keptRun();

        assertThat(onOther("check")).isEqualTo(2);

        assertThat(err.toString().strip()).startsWith("lab: Run ").contains("this check targets").doesNotContain("\n");
        assertThat(onMade("cleanup")).isZero();
    }
}
