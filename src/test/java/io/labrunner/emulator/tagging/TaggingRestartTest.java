package io.labrunner.emulator.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.tagging.TaggingCalls.Answer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** Tags set through TagResources are kept in each service's own state, across a restart on the same data folder. */
class TaggingRestartTest {

    @Test
    void tagsSetThroughTheTaggingApiSurviveARestart(@TempDir Path data) throws Exception {
        String stream;
        String guardrail;
        try (Emulator emulator = Emulator.builder().port(0).dataDir(data).build().start();
             KinesisClient kinesis = KinesisClient.builder().endpointOverride(emulator.getEndpoint())
                     .region(Region.of(emulator.getRegion())).credentialsProvider(credentials(emulator)).build();
             BedrockClient bedrock = BedrockClient.builder().endpointOverride(emulator.getEndpoint())
                     .region(Region.of(emulator.getRegion())).credentialsProvider(credentials(emulator)).build()) {
            kinesis.createStream(r -> r.streamName("kept").shardCount(1));
            stream = kinesis.describeStreamSummary(r -> r.streamName("kept")).streamDescriptionSummary().streamARN();
            guardrail = bedrock.createGuardrail(g -> g.name("kept").blockedInputMessaging("no")
                    .blockedOutputsMessaging("no").wordPolicyConfig(w -> w.wordsConfig(word -> word.text("x"))))
                    .guardrailArn();
            Answer tagged = new TaggingCalls(emulator).call("TagResources", "{\"ResourceARNList\":[\"" + stream
                    + "\",\"" + guardrail + "\"],\"Tags\":{\"lab:run-id\":\"kept\"}}");
            assertThat(tagged.body().path("FailedResourcesMap").size()).as(tagged.body().toString()).isZero();
        }
        try (Emulator emulator = Emulator.builder().port(0).dataDir(data).build().start()) {
            Answer found = new TaggingCalls(emulator).call("GetResources",
                    "{\"TagFilters\":[{\"Key\":\"lab:run-id\",\"Values\":[\"kept\"]}]}");
            assertThat(found.body().findValuesAsText("ResourceARN")).containsExactlyInAnyOrder(stream, guardrail);
        }
    }

    private static StaticCredentialsProvider credentials(Emulator emulator) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(emulator.getAccessKey(),
                emulator.getSecretKey()));
    }
}
