package io.labrunner.emulator.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.tagging.TaggingCalls.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrock.model.Tag;
import software.amazon.awssdk.services.bedrock.model.TooManyTagsException;

/**
 * Guardrail tags through Bedrock's own TagResource, UntagResource and ListTagsForResource (SDK v2), and the same
 * tags through the Resource Groups Tagging API.
 */
class GuardrailTaggingTest {

    @Test
    void guardrailTagsAreOneTruthForBedrockAndTheTaggingApi() throws Exception {
        try (Emulator emulator = Emulator.builder().port(0).build().start();
             BedrockClient bedrock = BedrockClient.builder().endpointOverride(emulator.getEndpoint())
                     .region(Region.of(emulator.getRegion()))
                     .credentialsProvider(StaticCredentialsProvider.create(
                             AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey())))
                     .build()) {
            String arn = bedrock.createGuardrail(g -> g.name("tagged-guardrail").blockedInputMessaging("no")
                    .blockedOutputsMessaging("no").wordPolicyConfig(w -> w.wordsConfig(word -> word.text("x")))
                    .tags(Tag.builder().key("lab:run-id").value("g1").build())).guardrailArn();
            assertThat(tags(bedrock, arn)).containsExactly(Map.entry("lab:run-id", "g1"));

            bedrock.tagResource(r -> r.resourceARN(arn).tags(Tag.builder().key("team").value("ml").build()));
            TaggingCalls tagging = new TaggingCalls(emulator);
            Answer found = tagging.call("GetResources", "{\"ResourceTypeFilters\":[\"bedrock:guardrail\"]}");
            assertThat(found.body().path("ResourceTagMappingList")).hasSize(1);
            assertThat(found.body().path("ResourceTagMappingList").get(0).path("ResourceARN").asText()).isEqualTo(arn);
            assertThat(found.body().path("ResourceTagMappingList").get(0).path("Tags")).hasSize(2);

            Answer untagged = tagging.call("UntagResources", "{\"ResourceARNList\":[\"" + arn + "\"],"
                    + "\"TagKeys\":[\"team\"]}");
            assertThat(untagged.body().path("FailedResourcesMap").size()).isZero();
            assertThat(tags(bedrock, arn)).containsExactly(Map.entry("lab:run-id", "g1"));

            bedrock.untagResource(r -> r.resourceARN(arn).tagKeys("lab:run-id"));
            assertThat(tags(bedrock, arn)).isEmpty();
            assertThat(tagging.call("GetResources", "{\"ResourceTypeFilters\":[\"bedrock\"]}").body()
                    .path("ResourceTagMappingList")).isEmpty();

            List<Tag> tooMany = new ArrayList<>();
            for (int i = 0; i <= 50; i++) {
                tooMany.add(Tag.builder().key("k" + i).value("v").build());
            }
            assertThatThrownBy(() -> bedrock.tagResource(r -> r.resourceARN(arn).tags(tooMany)))
                    .isInstanceOf(TooManyTagsException.class);
            assertThat(tags(bedrock, arn)).isEmpty();

            bedrock.deleteGuardrail(r -> r.guardrailIdentifier(arn));
            assertThatThrownBy(() -> bedrock.listTagsForResource(r -> r.resourceARN(arn)))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }

    private static Map<String, String> tags(BedrockClient bedrock, String arn) {
        java.util.LinkedHashMap<String, String> out = new java.util.LinkedHashMap<>();
        bedrock.listTagsForResource(r -> r.resourceARN(arn)).tags().forEach(t -> out.put(t.key(), t.value()));
        return out;
    }
}
