package io.labrunner.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.AwsClients;
import io.labrunner.core.Capability;
import io.labrunner.core.Resource;
import io.labrunner.core.ResourceKinds;
import io.labrunner.emulator.Emulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/** Sweep over tagged leftovers (a stand-in Tagging API) and named ones (on the emulator). */
class SweeperTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static Emulator emulator;
    private static AwsClients clients;

    @BeforeAll
    static void startEmulator() {
        emulator = Emulator.builder().port(0).build().start();
        clients = new AwsClients(Optional.of(emulator.getEndpoint()), Region.of(emulator.getRegion()),
                EndpointTarget.emulatorCredentials());
    }

    @AfterAll
    static void stopEmulator() {
        clients.close();
        emulator.close();
    }

    private static TaggedResources.Tagged tagged(String arn, Instant expiresAt) {
        return new TaggedResources.Tagged(arn, Map.of("lab:run-id", "k3f9x2", "lab:lab", "s3-glue-athena",
                "lab:expires-at", expiresAt.toString()));
    }

    private static Sweeper sweeper(TaggedResources tagged) {
        return new Sweeper(clients, Set.of(Capability.S3, Capability.STS), tagged, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aDryRunFindsTaggedLeftoversOlderThanTheAgeAndLeavesYoungerOnes() {
        TaggedResources tags = () -> List.of(
                tagged("arn:aws:iam::111122223333:role/lab-k3f9x2-crawler", NOW.minus(Duration.ofHours(1))),
                tagged("arn:aws:glue:eu-west-1:111122223333:database/lab_p7q8r9_db", NOW.plus(Duration.ofHours(5))),
                tagged("arn:aws:kinesis:eu-west-1:111122223333:stream/lab-k3f9x2-clicks", NOW.minus(Duration.ofDays(2))),
                tagged("arn:aws:sqs:eu-west-1:111122223333:lab-k3f9x2-queue", NOW.minus(Duration.ofDays(2))));

        List<Sweeper.Leftover> found = sweeper(tags).find(Duration.ofHours(6));

        assertThat(found).extracting(Sweeper.Leftover::what).containsExactly(
                "IAM role lab-k3f9x2-crawler", "Kinesis stream lab-k3f9x2-clicks",
                "arn:aws:sqs:eu-west-1:111122223333:lab-k3f9x2-queue");
        assertThat(found.get(0).startedAt()).contains(NOW.minus(Duration.ofHours(7)));
        assertThat(found).allMatch(l -> l.foundBy().equals("tag"));
    }

    @Test
    void namedLeftoversAreFoundByTheRunnersNamePatternOnly() {
        clients.s3().createBucket(b -> b.bucket("lab-w2e3r4-data"));
        clients.s3().createBucket(b -> b.bucket("lab-results"));
        try {
            List<Sweeper.Leftover> found = new Sweeper(clients, Set.of(Capability.S3), TaggedResources.NONE,
                    Clock.fixed(Instant.now().plus(Duration.ofHours(7)), ZoneOffset.UTC)).find(Duration.ofHours(6));

            assertThat(found).extracting(Sweeper.Leftover::what).containsExactly("S3 bucket lab-w2e3r4-data");
            assertThat(found.get(0).foundBy()).isEqualTo("name");
        } finally {
            clients.s3().deleteBucket(b -> b.bucket("lab-w2e3r4-data"));
            clients.s3().deleteBucket(b -> b.bucket("lab-results"));
        }
    }

    @Test
    void kindsWithoutADeleterAreReportedNotDeleted() {
        List<Sweeper.Leftover> found = List.of(new Sweeper.Leftover("arn:aws:sqs:eu-west-1:1:lab-k3f9x2-q",
                Optional.empty(), Optional.empty(), "tag"));

        assertThat(sweeper(TaggedResources.NONE).delete(found)).singleElement().asString()
                .contains("cannot delete this kind");
    }

    @Test
    void aTrainingJobsArnBecomesATrainingJobAndOtherSageMakerArnsDoNot() {
        assertThat(ResourceKinds.standard().fromArn("arn:aws:sagemaker:us-east-1:1:training-job/lab-k3f9x2-train"))
                .contains(Resource.trainingJob("lab-k3f9x2-train"));
        assertThat(ResourceKinds.standard().fromArn("arn:aws:sagemaker:us-east-1:1:notebook-instance/lab-k3f9x2-nb")).isEmpty();
    }

    @Test
    void arnsOfKnownKindsBecomeLedgerResources() {
        assertThat(ResourceKinds.standard().fromArn("arn:aws:s3:::lab-k3f9x2-data")).contains(Resource.bucket("lab-k3f9x2-data"));
        assertThat(ResourceKinds.standard().fromArn("arn:aws:iam::1:role/service/lab-k3f9x2-r")).contains(Resource.role("lab-k3f9x2-r"));
        assertThat(ResourceKinds.standard().fromArn("arn:aws:glue:us-east-1:1:crawler/lab-k3f9x2-c")).contains(Resource.crawler("lab-k3f9x2-c"));
        assertThat(ResourceKinds.standard().fromArn("arn:aws:athena:us-east-1:1:workgroup/lab-k3f9x2-w")).contains(Resource.workGroup("lab-k3f9x2-w"));
        assertThat(ResourceKinds.standard().fromArn("arn:aws:s3:::lab-k3f9x2-data/some/key")).isEmpty();
        assertThat(ResourceKinds.standard().fromArn("arn:aws:sagemaker:us-east-1:1:model/lab-k3f9x2-m"))
                .contains(Resource.sageMakerModel("lab-k3f9x2-m"));
        assertThat(ResourceKinds.standard().fromArn("arn:aws:sagemaker:us-east-1:1:transform-job/lab-k3f9x2-t"))
                .contains(Resource.transformJob("lab-k3f9x2-t"));
        assertThat(ResourceKinds.standard().fromArn("arn:aws:sagemaker:us-east-1:1:processing-job/lab-k3f9x2-p"))
                .contains(Resource.processingJob("lab-k3f9x2-p"));
        assertThat(ResourceKinds.standard().fromArn("arn:aws:sagemaker:us-east-1:1:data-quality-job-definition/lab-k3f9x2-d"))
                .contains(Resource.dataQualityJobDefinition("lab-k3f9x2-d"));
        assertThat(ResourceKinds.standard().fromArn("arn:aws:sagemaker:us-east-1:1:monitoring-schedule/lab-k3f9x2-s"))
                .contains(Resource.monitoringSchedule("lab-k3f9x2-s"));
        assertThat(ResourceKinds.standard().fromArn("arn:aws:sagemaker:us-east-1:1:hyper-parameter-tuning-job/lab-k3f9x2-h"))
                .contains(Resource.tuningJob("lab-k3f9x2-h"));
        assertThat(ResourceKinds.standard().fromArn("arn:aws:bedrock:us-east-1:1:guardrail/abc123def456"))
                .contains(Resource.guardrail("arn:aws:bedrock:us-east-1:1:guardrail/abc123def456"));
    }

    @Test
    void aGuardrailFoundByTagAndByNameIsListedOnceAndDeleted() {
        var created = clients.bedrock().createGuardrail(g -> g.name("lab-w2e3r4-assistant-guardrail")
                .blockedInputMessaging("no").blockedOutputsMessaging("no")
                .wordPolicyConfig(w -> w.wordsConfig(word -> word.text("Brightwing"))));
        TaggedResources tags = () -> List.of(tagged(created.guardrailArn(), NOW.minus(Duration.ofHours(1))));
        Sweeper sweeper = new Sweeper(clients, Set.of(Capability.S3, Capability.BEDROCK_GUARDRAILS), tags,
                Clock.fixed(NOW, ZoneOffset.UTC));

        List<Sweeper.Leftover> found = sweeper.find(Duration.ofHours(6));

        assertThat(found).extracting(Sweeper.Leftover::what)
                .containsExactly("Bedrock guardrail " + created.guardrailArn());
        assertThat(sweeper.delete(found)).isEmpty();
        assertThat(clients.bedrock().listGuardrails(r -> { }).guardrails()).isEmpty();
    }
}
