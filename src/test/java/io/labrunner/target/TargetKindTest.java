package io.labrunner.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.Capability;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TargetKindTest {

    @Test
    void aLabNeedingOnlyS3OnLocalStackIsServedByEveryOtherEmulator() {
        assertThat(TargetKind.whoServes(Set.of(Capability.S3), "localstack")).isEqualTo("embedded or floci would serve it");
    }

    @Test
    void crawlersOnFlociPointAtLocalStackWithAToken() {
        String advice = TargetKind.whoServes(Set.of(Capability.S3, Capability.GLUE_CRAWLER), "floci");

        assertThat(advice).contains("localstack with LOCALSTACK_AUTH_TOKEN").doesNotContain("floci").endsWith("would serve it");
    }

    @Test
    void kinesisOnFlociNamesThePlainLocalStackAndNotTheTokenOne() {
        String advice = TargetKind.whoServes(Set.of(Capability.KINESIS), "floci");

        assertThat(advice).contains("localstack").doesNotContain("LOCALSTACK_AUTH_TOKEN");
    }

    @Test
    void theTokenLocalStackOffersEverythingButTlsEnforcedIamAndShardLimitsAndAwsOffersEverything() {
        // Its container is reached over plain HTTP: a lab that needs TLS is not served there; its Kinesis never throttles.
        assertThat(TargetKind.LOCALSTACK_TOKEN.knownCapabilities()).containsExactlyInAnyOrder(
                java.util.Arrays.stream(Capability.values())
                        .filter(c -> c != Capability.IAM_ENFORCEMENT && c != Capability.TLS
                                && c != Capability.KINESIS_SHARD_LIMITS)
                        .toArray(Capability[]::new));
        assertThat(TargetKind.AWS.knownCapabilities()).containsExactlyInAnyOrder(Capability.values());
        assertThat(TargetKind.LOCALSTACK.knownCapabilities()).doesNotContain(Capability.GLUE_CATALOG, Capability.ATHENA_SQL,
                Capability.BEDROCK_TEXT);
    }

    @Test
    void flociOffersTheCatalogButNoCrawlersNoAthenaAndNoBedrock() {
        assertThat(TargetKind.FLOCI.knownCapabilities()).contains(Capability.GLUE_CATALOG)
                .doesNotContain(Capability.GLUE_CRAWLER, Capability.ATHENA_SQL, Capability.BEDROCK_TEXT,
                        Capability.BEDROCK_EMBEDDINGS);
    }

    @Test
    void flociNeitherThrottlesNorKeepsAStreamsLineageThroughAReshardAndSaysWhy() {
        assertThat(TargetKind.FLOCI.knownCapabilities()).contains(Capability.KINESIS)
                .doesNotContain(Capability.KINESIS_SHARD_LIMITS, Capability.KINESIS_RESHARD_LINEAGE);
        assertThat(TargetKind.FLOCI.knownFaults()).containsKeys(Capability.KINESIS_SHARD_LIMITS,
                Capability.KINESIS_RESHARD_LINEAGE);
        assertThat(TargetKind.FLOCI.knownFaults().get(Capability.KINESIS_RESHARD_LINEAGE))
                .startsWith("Floci ").contains("hash").doesNotContain("\n");
        assertThat(TargetKind.EMBEDDED.knownFaults()).isEmpty();
        assertThat(TargetKind.AWS.knownFaults()).isEmpty();
    }

    @Test
    void aLabThatNeedsTlsIsServedByTheEmbeddedTargetAndAwsOnly() {
        String advice = TargetKind.whoServes(Set.of(Capability.S3, Capability.TLS), "localstack");

        assertThat(advice).isEqualTo("embedded would serve it");
    }
}
