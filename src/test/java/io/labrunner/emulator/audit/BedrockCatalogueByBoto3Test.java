package io.labrunner.emulator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.Emulator;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bedrock's catalogue through boto3 (bedrock_catalogue_by_boto3.py): every listed text model answers InvokeModel in
 * its provider's format and Converse, every embedding model embeds, profiles are listed and invocable by ARN, and
 * retired, profile-only, wrong-service and unknown ids get Bedrock's error codes and messages.
 */
class BedrockCatalogueByBoto3Test {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void boto3CallsEveryListedModelAndMeetsBedrocksErrors(@TempDir Path home) throws Exception {
        ExternalClients clients = new ExternalClients(home);
        String missing = clients.boto3Missing();
        assumeTrue(missing == null, missing);
        Path script = home.resolve("bedrock_catalogue_by_boto3.py");
        try (InputStream in = BedrockCatalogueByBoto3Test.class.getResourceAsStream("bedrock_catalogue_by_boto3.py")) {
            Files.copy(in, script);
        }

        JsonNode seen;
        try (Emulator emulator = Emulator.builder().port(0).build().start()) {
            ExternalClients.Result ran = clients.run(List.of(ExternalClients.PYTHON, script.toString(),
                    emulator.getEndpoint().toString()));
            assertThat(ran.exitCode()).as(ran.stderr()).isZero();
            seen = JSON.readTree(ran.stdout());
        }

        assertThat(seen.path("invoke").size()).isGreaterThan(15);
        seen.path("invoke").forEach(answer -> assertThat(answer.asText()).contains("buckets"));
        assertThat(seen.path("converse").size()).isEqualTo(seen.path("invoke").size());
        seen.path("converse").forEach(answer -> assertThat(answer.asText()).contains("buckets"));
        assertThat(seen.path("invoke").has("meta.llama3-8b-instruct-v1:0")).isTrue();
        assertThat(seen.path("invoke").has("mistral.mistral-large-2402-v1:0")).isTrue();
        assertThat(seen.path("embed").path("amazon.titan-embed-text-v2:0").asInt()).isEqualTo(1024);
        assertThat(seen.path("embed").path("cohere.embed-english-v3").asInt()).isEqualTo(1024);
        assertThat(seen.path("profiles").toString()).contains("us.anthropic.claude-haiku-4-5-20251001-v1:0",
                "global.anthropic.claude-sonnet-4-5-20250929-v1:0");
        assertThat(seen.path("haikuProfileArn").asText())
                .isEqualTo("arn:aws:bedrock:us-east-1:" + Emulator.ACCOUNT_ID
                        + ":inference-profile/us.anthropic.claude-haiku-4-5-20251001-v1:0");
        assertThat(seen.path("converseByProfileArn").asText()).contains("buckets");

        JsonNode errors = seen.path("errors");
        for (String retired : List.of("retired", "retiredSonnet")) {
            assertThat(errors.path(retired).path("code").asText()).isEqualTo("ResourceNotFoundException");
            assertThat(errors.path(retired).path("status").asInt()).isEqualTo(404);
            assertThat(errors.path(retired).path("message").asText())
                    .startsWith("This model version has reached the end of its life.");
        }
        assertThat(errors.path("profileOnly").path("code").asText()).isEqualTo("ValidationException");
        assertThat(errors.path("profileOnly").path("message").asText())
                .contains("with on-demand throughput isn\u2019t supported");
        assertThat(errors.path("lambdaArn").path("code").asText()).isEqualTo("ValidationException");
        assertThat(errors.path("lambdaArn").path("message").asText())
                .contains("at 'modelId' failed to satisfy constraint: Member must satisfy regular expression pattern");
        assertThat(errors.path("unknown").path("message").asText()).isEqualTo("The provided model identifier is invalid.");
    }
}
