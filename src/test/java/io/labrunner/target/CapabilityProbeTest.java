package io.labrunner.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.Capability;
import org.junit.jupiter.api.Test;

class CapabilityProbeTest {

    @Test
    void localStackHealthCountsAvailableAndRunningServicesOnly() {
        String health = "{\"services\": {\"s3\": \"running\", \"sts\": \"available\", \"kinesis\": \"available\","
                + " \"glue\": \"disabled\", \"athena\": \"error\", \"sqs\": \"available\"},"
                + " \"edition\": \"community\", \"version\": \"4.14.0\"}";

        assertThat(CapabilityProbe.fromLocalStackHealth(health)).hasValueSatisfying(offered ->
                assertThat(offered).containsExactlyInAnyOrder(Capability.S3, Capability.STS, Capability.KINESIS,
                        Capability.KINESIS_RESHARD_LINEAGE));
    }

    @Test
    void glueOnLocalStackMeansTheCatalogAndCrawlers() {
        assertThat(CapabilityProbe.fromLocalStackHealth("{\"services\":{\"glue\":\"available\"}}"))
                .hasValueSatisfying(offered -> assertThat(offered)
                        .containsExactlyInAnyOrder(Capability.GLUE_CATALOG, Capability.GLUE_CRAWLER));
    }

    @Test
    void aBodyThatIsNotLocalStackHealthIsNotTakenForIt() {
        assertThat(CapabilityProbe.fromLocalStackHealth("<Error><Code>AccessDenied</Code></Error>")).isEmpty();
        assertThat(CapabilityProbe.fromLocalStackHealth("{\"status\":\"ok\"}")).isEmpty();
    }

    @Test
    void aLabEmulatorSaysWhatItServesAndWithWhichSettings() {
        byte[] json = new io.labrunner.emulator.EmulatorHealth(java.util.List.of("bedrock", "kinesis", "s3"), true,
                false).toJson();

        assertThat(CapabilityProbe.fromLabEmulatorHealth(new String(json, java.nio.charset.StandardCharsets.UTF_8)))
                .hasValueSatisfying(offered -> assertThat(offered)
                        .contains(Capability.BEDROCK_TEXT, Capability.KINESIS, Capability.S3, Capability.IAM_ENFORCEMENT)
                        .doesNotContain(Capability.KINESIS_SHARD_LIMITS, Capability.GLUE_CRAWLER));
    }

    @Test
    void throughputLimitsCountOnlyWhereTheEmulatorKeepsThem() {
        byte[] json = new io.labrunner.emulator.EmulatorHealth(java.util.List.of("kinesis"), false, true).toJson();

        assertThat(CapabilityProbe.fromLabEmulatorHealth(new String(json, java.nio.charset.StandardCharsets.UTF_8)))
                .hasValueSatisfying(offered -> assertThat(offered).contains(Capability.KINESIS_SHARD_LIMITS)
                        .doesNotContain(Capability.IAM_ENFORCEMENT));
    }

    @Test
    void anotherHealthDocumentIsNotTakenForTheLabEmulators() {
        assertThat(CapabilityProbe.fromLabEmulatorHealth("{\"services\":{\"s3\":\"running\"}}")).isEmpty();
        assertThat(CapabilityProbe.fromLabEmulatorHealth("<html>proxy error</html>")).isEmpty();
    }
}
