package io.labrunner.emulator.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.protocol.ServiceModels;
import io.labrunner.emulator.protocol.SignedHttp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.BedrockException;
import software.amazon.awssdk.services.bedrock.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrock.model.ValidationException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;

/**
 * Bedrock's requests as the REST-JSON protocol core reads, checks and answers them: routing by method and path,
 * members bound to URI labels, query strings and bodies checked against the models, and errors shaped so the
 * SDK raises the exception class and message AWS's answer gives.
 */
class BedrockProtocolTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Emulator emulator;
    private static BedrockClient bedrock;
    private static BedrockRuntimeClient runtime;
    private static SignedHttp http;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0).build().start();
        bedrock = EmulatorClients.pointedAt(BedrockClient.builder(), emulator).build();
        runtime = EmulatorClients.pointedAt(BedrockRuntimeClient.builder(), emulator).build();
        http = new SignedHttp(emulator.getEndpoint(), "bedrock", emulator.getRegion());
    }

    @AfterAll
    static void stop() {
        bedrock.close();
        runtime.close();
        emulator.close();
    }

    @Test
    void aPathNoOperationIsServedAtIsA404UnknownOperationWithAMessage() throws Exception {
        SignedHttp.Answer answer = http.send("GET", "/no-such-resource/x", Map.of(), Map.of(), new byte[0]);
        SignedHttp.Answer wrongMethod = http.send("PUT", "/guardrails", Map.of(), Map.of(), new byte[0]);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("x-amzn-ErrorType")).isEqualTo("UnknownOperationException");
        assertThat(JSON.readTree(answer.body()).path("message").asText()).contains("GET /no-such-resource/x");
        assertThat(wrongMethod.status()).isEqualTo(404);
        assertThat(wrongMethod.header("x-amzn-ErrorType")).isEqualTo("UnknownOperationException");
    }

    @Test
    void aModelIdLabelOffItsPatternIsAValidationExceptionNamingTheLabel() {
        String pattern = ServiceModels.get("bedrock-runtime").shape("ConversationalModelId").pattern().source();

        assertThatThrownBy(() -> runtime.converse(r -> r.modelId("no such model!").messages(m -> m
                .role(ConversationRole.USER).content(ContentBlock.fromText("Hi")))))
                .isInstanceOf(software.amazon.awssdk.services.bedrockruntime.model.ValidationException.class)
                .hasMessageStartingWith("1 validation error detected: Value 'no such model!' at 'modelId' failed to "
                        + "satisfy constraint: Member must satisfy regular expression pattern: " + pattern);
    }

    @Test
    void aGuardrailIdentifierLabelOffItsPatternIsRefusedBeforeAnyLookup() {
        assertThatThrownBy(() -> bedrock.getGuardrail(r -> r.guardrailIdentifier("Not_An_Id")))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("1 validation error detected: Value 'Not_An_Id' at 'guardrailIdentifier' "
                        + "failed to satisfy constraint: Member must satisfy regular expression pattern: ");
    }

    @Test
    void aModelIdTooLongForJavasRegexEngineIsAValidationExceptionNotAServerError() throws Exception {
        // Matching Bedrock's model-id pattern on thousands of characters overflows the matcher's stack.
        String modelId = "a".repeat(6000);

        SignedHttp.Answer answer = http.send("POST", "/model/" + modelId + "/converse", Map.of(),
                Map.of("Content-Type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).as(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).path("message").asText())
                .contains("at 'modelId' failed to satisfy constraint: Member must have length less than or equal to 2048");
    }

    @Test
    void aQueryStringMemberOutOfRangeIsAValidationExceptionQuotingTheValue() {
        assertThatThrownBy(() -> bedrock.listGuardrails(r -> r.maxResults(1001)))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("1 validation error detected: Value '1001' at 'maxResults' failed to satisfy "
                        + "constraint: Member must have value less than or equal to 1000");
    }

    @Test
    void aQueryStringValueThatIsNoNumberIsAValidationExceptionNotAServerError() throws Exception {
        SignedHttp.Answer answer = http.send("GET", "/guardrails", Map.of("maxResults", List.of("ten")), Map.of(),
                new byte[0]);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("x-amzn-ErrorType")).isEqualTo("ValidationException");
        assertThat(JSON.readTree(answer.body()).path("message").asText()).contains("Value 'ten' at 'maxResults'");
    }

    @Test
    void aMissingRequiredBodyMemberIsRefusedAndNothingIsCreated() {
        String name = "missing-messaging-" + System.nanoTime();

        assertThatThrownBy(() -> bedrock.createGuardrail(r -> r.name(name).blockedInputMessaging("no")))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("1 validation error detected: Value null at 'blockedOutputsMessaging' failed "
                        + "to satisfy constraint: Member must not be null");
        assertThat(bedrock.listGuardrails(r -> { }).guardrails()).noneMatch(g -> g.name().equals(name));
    }

    @Test
    void everyViolationIsListedAndNeitherCollectionsNorSensitiveValuesAreQuoted() throws Exception {
        String body = "{\"name\":\"\",\"blockedInputMessaging\":\"no\",\"blockedOutputsMessaging\":\"no\","
                + "\"topicPolicyConfig\":{\"topicsConfig\":[]}}";

        SignedHttp.Answer answer = http.send("POST", "/guardrails", Map.of(), Map.of("Content-Type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8));

        String message = JSON.readTree(answer.body()).path("message").asText();
        // The name is sensitive in the model: its value is not quoted; the pattern and the length both fail.
        assertThat(message).startsWith("3 validation errors detected: ")
                .contains("Value at 'name' failed to satisfy constraint: Member must have length greater than or equal to 1")
                .contains("Value at 'topicPolicyConfig.topicsConfig' failed to satisfy constraint: Member must have "
                        + "length greater than or equal to 1");
    }

    @Test
    void theSdkReadsAnErrorsTypeFromTheHeaderAndItsMessageFromTheBody() {
        assertThatThrownBy(() -> bedrock.getGuardrail(r -> r.guardrailIdentifier("abcdefghijkl")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("The specified guardrail or guardrail version was not found.");
                });
    }

    @Test
    void aBodyThatIsNotJsonIsASerializationException() throws Exception {
        SignedHttp.Answer answer = http.send("POST", "/guardrails", Map.of(), Map.of("Content-Type", "application/json"),
                "{not json".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("x-amzn-ErrorType")).isEqualTo("SerializationException");
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.has("message")).isTrue();
    }

    @Test
    void anOperationOfTheModelTheEmulatorDoesNotServeIsA501NamingIt() {
        assertThatThrownBy(() -> bedrock.listCustomModels(r -> { }))
                .isInstanceOfSatisfying(BedrockException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(501);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
                    assertThat(e.getMessage()).contains("ListCustomModels");
                });
    }

    @Test
    void createGuardrailAnswersWithTheModelsResponseCode() throws Exception {
        String body = "{\"name\":\"accepted-" + System.nanoTime() + "\",\"blockedInputMessaging\":\"no\","
                + "\"blockedOutputsMessaging\":\"no\"}";

        SignedHttp.Answer answer = http.send("POST", "/guardrails", Map.of(), Map.of("Content-Type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.header("content-type")).startsWith("application/json");
        assertThat(JSON.readTree(answer.body()).path("guardrailId").asText()).matches("[a-z0-9]{12}");
    }

    @Test
    void aModelNamedByItsArnIsRoutedThoughItsSlashArrivesDecoded() {
        String arn = "arn:aws:bedrock:" + emulator.getRegion() + "::foundation-model/amazon.nova-micro-v1:0";

        assertThat(runtime.converse(r -> r.modelId(arn).messages(m -> m.role(ConversationRole.USER)
                .content(ContentBlock.fromText("What is S3?")))).output().message().role())
                .isEqualTo(ConversationRole.ASSISTANT);
    }
}
