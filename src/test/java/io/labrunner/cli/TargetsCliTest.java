package io.labrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.core.Capability;
import io.labrunner.core.StateDirectory;
import io.labrunner.emulator.Emulator;
import io.labrunner.labs.LabCatalog;
import io.labrunner.target.DockerCheck;
import io.labrunner.testing.BucketLab;
import io.labrunner.testing.FakeLab;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The target options on the command line, against a {@code lab emulator} this test starts. */
class TargetsCliTest {
    private static final String NEEDS_ENFORCEMENT = "enforcement-lab";
    private static Emulator emulator;
    private static S3Client s3;

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    /** The real environment (DOCKER_HOST, a LocalStack token), less what would point these tests elsewhere. */
    private final Map<String, String> env = new HashMap<>(System.getenv());

    {
        env.remove("AWS_ENDPOINT_URL");
    }

    @BeforeAll
    static void startEmulator() {
        emulator = Emulator.builder().port(0).build().start();
        s3 = S3Client.builder().endpointOverride(emulator.getEndpoint()).region(Region.of(emulator.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .forcePathStyle(true).build();
    }

    @AfterAll
    static void stopEmulator() {
        s3.close();
        emulator.close();
    }

    private int lab(String... args) {
        CommandLine cli = Main.commandLine(new LabCatalog(List.of(BucketLab.good(),
                        new FakeLab(NEEDS_ENFORCEMENT, Set.of(Capability.S3, Capability.IAM_ENFORCEMENT)))),
                new StateDirectory(home));
        ((LabCommand) cli.getCommand()).env = env;
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private String endpoint() {
        return emulator.getEndpoint().toString();
    }

    private static Optional<String> dockerProblem() {
        return DockerCheck.system(System.getenv()).whyNotAvailable();
    }

    @Test
    void withoutDockerLocalStackIsOneLineAndExitTwoAndNothingElseHappens() {
        Optional<String> why = dockerProblem();
        assumeTrue(why.isPresent(), "Docker is available here, so the no-Docker path cannot be shown");

        assertThat(lab("--target", "localstack", "run", "bucket-lab")).isEqualTo(2);

        assertThat(err.toString().strip()).isEqualTo("lab: Docker is not available: " + why.get()
                + ". Use --target embedded (the default) or start Docker.");
        assertThat(out.toString()).isEmpty();
        assertThat(new StateDirectory(home).activeRuns()).isEmpty();
    }

    @Test
    void withoutDockerFlociIsTheSameOneLine() {
        Optional<String> why = dockerProblem();
        assumeTrue(why.isPresent(), "Docker is available here, so the no-Docker path cannot be shown");

        assertThat(lab("test", "--all", "--target", "floci")).isEqualTo(2);

        assertThat(err.toString().strip()).startsWith("lab: Docker is not available: ").doesNotContain("\n");
    }

    @Test
    void withDockerALabRunsInLocalStack() {
        Optional<String> why = dockerProblem();
        assumeTrue(why.isEmpty(), () -> DockerCheck.message(why.orElse("")));

        assertThat(lab("--target", "localstack", "test", "bucket-lab")).as(err.toString()).isZero();

        assertThat(out.toString()).contains("bucket-lab passed");
    }

    @Test
    void aLabTheEndpointCannotServeIsSkippedWithOneLineSayingWhoWould(@TempDir Path reports) throws Exception {
        Path junit = reports.resolve("labs.xml");

        assertThat(lab("--target", "endpoint", "--endpoint", endpoint(), "run", "--all", "--junit", junit.toString()))
                .as(err.toString()).isZero();

        String skipLine = out.toString().lines().filter(l -> l.contains(NEEDS_ENFORCEMENT + " skipped")).findFirst().orElseThrow();
        assertThat(skipLine).contains("needs IAM_ENFORCEMENT, which target endpoint does not offer; ")
                .endsWith("embedded would serve it");
        assertThat(out.toString()).contains("bucket-lab passed").contains("1 passed, 0 failed, 1 skipped");
        Element skipped = (Element) DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile())
                .getElementsByTagName("skipped").item(0);
        assertThat(skipped.getAttribute("message")).isEqualTo(skipLine.substring(skipLine.indexOf("needs ")));
    }

    @Test
    void theSkipReasonIsInTheJsonReport() throws Exception {
        assertThat(lab("--target", "endpoint", "--endpoint", endpoint(), "--output", "json", "run", NEEDS_ENFORCEMENT)).isZero();

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.at("/labs/0/outcome").asText()).isEqualTo("skipped");
        assertThat(json.at("/labs/0/skipReason").asText()).startsWith("needs IAM_ENFORCEMENT, which target endpoint does not offer; ");
    }

    @Test
    void awsEndpointUrlStandsInForEndpoint() {
        env.put("AWS_ENDPOINT_URL", endpoint());

        assertThat(lab("--target", "endpoint", "run", "bucket-lab")).as(err.toString()).isZero();

        assertThat(out.toString()).contains("Target endpoint " + endpoint());
    }

    @Test
    void sweepListsLeftoversByNameAndDeletesNothingWithoutNoDryRun() {
        s3.createBucket(b -> b.bucket("lab-k3f9x2-data"));
        s3.createBucket(b -> b.bucket("lab-notes"));

        assertThat(lab("--target", "endpoint", "--endpoint", endpoint(), "sweep", "--older-than", "0m"))
                .as(err.toString()).isZero();

        assertThat(out.toString()).contains("S3 bucket lab-k3f9x2-data").contains("found by name")
                .contains("This was a dry run: nothing was deleted").doesNotContain("lab-notes");
        assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).contains("lab-k3f9x2-data", "lab-notes");

        assertThat(lab("--target", "endpoint", "--endpoint", endpoint(), "sweep", "--older-than", "0m", "--no-dry-run"))
                .isZero();

        assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).doesNotContain("lab-k3f9x2-data").contains("lab-notes");
        s3.deleteBucket(b -> b.bucket("lab-notes"));
    }

    @Test
    void sweepLeavesRunsYoungerThanTheAgeAlone() {
        s3.createBucket(b -> b.bucket("lab-m4x7yz-data"));

        assertThat(lab("--target", "endpoint", "--endpoint", endpoint(), "sweep")).isZero();

        assertThat(out.toString()).contains("Nothing older than 6h");
        s3.deleteBucket(b -> b.bucket("lab-m4x7yz-data"));
    }

    @Test
    void aBadAgeIsOneLine() {
        assertThat(lab("sweep", "--older-than", "six hours")).isEqualTo(2);

        assertThat(err.toString().strip()).isEqualTo(
                "lab: --older-than takes minutes, hours or days, e.g. 30m, 6h or 2d; got 'six hours'.");
    }

    @Test
    void aMistypedTargetGetsASuggestion() {
        assertThat(lab("--target", "locastack", "run", "bucket-lab")).isEqualTo(2);

        assertThat(err.toString().strip()).startsWith("lab: Unknown target 'locastack'. Did you mean 'localstack'?");
    }

    @Test
    void anEndpointForAnotherTargetIsAMistake() {
        assertThat(lab("--endpoint", endpoint(), "run", "bucket-lab")).isEqualTo(2);

        assertThat(err.toString().strip()).isEqualTo("lab: --endpoint is for --target endpoint; target embedded chooses its own.");
    }

    @Test
    void sweepAndTheOtherCommandsAnswerHelp() {
        assertThat(lab("sweep", "--help")).isZero();
        assertThat(lab("run", "--help")).isZero();

        assertThat(out.toString()).contains("Usage: lab sweep").contains("--no-dry-run").contains("Usage: lab run")
                .contains("--endpoint=URL").contains("--region=REGION");
    }
}
