package io.labrunner.emulator.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.bedrock.embed.MiniLmEmbedder;
import io.labrunner.emulator.bedrock.text.BertTokenCounter;
import io.labrunner.emulator.bedrock.text.GroundedResponder;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.GuardrailPiiEntityType;
import software.amazon.awssdk.services.bedrock.model.GuardrailSensitiveInformationAction;
import software.amazon.awssdk.services.bedrock.model.GuardrailTopicType;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailTrace;
import software.amazon.awssdk.services.bedrockruntime.model.ImageFormat;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/** Converse, ConverseStream, InvokeModel and InvokeModelWithResponseStream through the SDK v2 clients. */
class BedrockTextSdkTest {
    private static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";
    private static final String NOVA = "amazon.nova-micro-v1:0";
    private static final String NOT_STREAMING = "amazon.titan-text-test-v1";
    private static final String EMBEDDING = "amazon.titan-embed-text-v2:0";
    private static final String SYSTEM = "Answer only from the documents. If they do not answer, say you don't know.\n"
            + "<context>\n"
            + "<document>An individual Amazon S3 object can be up to 5 TB in size. Amazon S3 stores objects in buckets.</document>\n"
            + "<document>Kinesis stores records for 24 hours by default, extendable up to 365 days.</document>\n"
            + "<document>The support team can be reached at help@example.com on weekdays.</document>\n"
            + "</context>";

    private static Emulator emulator;
    private static BedrockClient bedrock;
    private static BedrockRuntimeClient runtime;
    private static BedrockRuntimeAsyncClient async;

    @BeforeAll
    static void start() {
        FoundationModels models = new FoundationModels(List.of(
                text(HAIKU, "Claude 3 Haiku", "Anthropic", true),
                text(NOVA, "Nova Micro", "Amazon", true),
                text(NOT_STREAMING, "Titan Text test", "Amazon", false),
                new FoundationModel(EMBEDDING, "Titan Text Embeddings V2", "Amazon", FoundationModel.Kind.EMBEDDING,
                        List.of("TEXT"), List.of("EMBEDDING"), false)));
        MiniLmEmbedder embedder = new MiniLmEmbedder();
        emulator = Emulator.builder().port(0).service(new BedrockService(Emulator.ACCOUNT_ID, Clock.systemUTC(),
                new KeywordTopicMatcher(), embedder, models, new GroundedResponder(embedder, new BertTokenCounter())))
                .build().start();
        bedrock = EmulatorClients.pointedAt(BedrockClient.builder(), emulator).build();
        runtime = EmulatorClients.pointedAt(BedrockRuntimeClient.builder(), emulator).build();
        // The emulator speaks HTTP/1.1; the async client would otherwise try HTTP/2 over plain http.
        async = EmulatorClients.pointedAt(BedrockRuntimeAsyncClient.builder(), emulator)
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1)).build();
    }

    @AfterAll
    static void stop() {
        async.close();
        runtime.close();
        bedrock.close();
        emulator.close();
    }

    private static FoundationModel text(String id, String name, String provider, boolean streaming) {
        return new FoundationModel(id, name, provider, FoundationModel.Kind.TEXT, List.of("TEXT"), List.of("TEXT"), streaming);
    }

    private static ConverseRequest.Builder ask(String model, String question) {
        return ConverseRequest.builder().modelId(model)
                .system(s -> s.text(SYSTEM))
                .messages(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText(question)).build());
    }

    private static String text(ConverseResponse response) {
        return response.output().message().content().get(0).text();
    }

    private static JsonNode invoke(String model, String body) throws IOException {
        byte[] out = runtime.invokeModel(r -> r.modelId(model).contentType("application/json").body(SdkBytes.fromUtf8String(body)))
                .body().asByteArray();
        return Json.mapper().readTree(out);
    }

    private static List<JsonNode> invokeStreaming(String model, String body) throws Exception {
        List<JsonNode> chunks = new CopyOnWriteArrayList<>();
        InvokeModelWithResponseStreamResponseHandler handler = InvokeModelWithResponseStreamResponseHandler.builder()
                .subscriber(InvokeModelWithResponseStreamResponseHandler.Visitor.builder().onChunk(chunk -> {
                    try {
                        chunks.add(Json.mapper().readTree(chunk.bytes().asByteArray()));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).build())
                .build();
        async.invokeModelWithResponseStream(r -> r.modelId(model).contentType("application/json")
                .body(SdkBytes.fromUtf8String(body)), handler).get(60, TimeUnit.SECONDS);
        return chunks;
    }

    private static List<ConverseStreamOutput> converseStream(String model, String question) throws Exception {
        List<ConverseStreamOutput> events = new CopyOnWriteArrayList<>();
        ConverseStreamResponseHandler handler = ConverseStreamResponseHandler.builder().subscriber(events::add).build();
        ConverseRequest request = ask(model, question).build();
        async.converseStream(r -> r.modelId(request.modelId()).system(request.system()).messages(request.messages()), handler)
                .get(60, TimeUnit.SECONDS);
        return events;
    }

    private static String anthropicBody(String question) {
        return Json.object().put("anthropic_version", "bedrock-2023-05-31").put("max_tokens", 200).put("system", SYSTEM)
                .set("messages", Json.mapper().createArrayNode().add(Json.object().put("role", "user").put("content", question)))
                .toString();
    }

    private static String novaBody(String question) {
        var body = Json.object().put("schemaVersion", "messages-v1");
        body.putArray("system").addObject().put("text", SYSTEM);
        var message = body.putArray("messages").addObject().put("role", "user");
        message.putArray("content").addObject().put("text", question);
        body.putObject("inferenceConfig").put("maxTokens", 200).put("temperature", 0.2);
        return body.toString();
    }

    @Test
    void converseAnswersFromTheContextAndSaysWhoAnswered() {
        ConverseResponse response = runtime.converse(ask(HAIKU, "What is the maximum size of an S3 object?").build());

        assertThat(text(response)).contains("5 TB");
        assertThat(response.output().message().role()).isEqualTo(ConversationRole.ASSISTANT);
        assertThat(response.stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(response.usage().inputTokens()).isPositive();
        assertThat(response.usage().totalTokens()).isEqualTo(response.usage().inputTokens() + response.usage().outputTokens());
        assertThat(response.metrics().latencyMs()).isPositive();
        assertThat(response.additionalModelResponseFields().asMap().get("emulator").asMap().get("responder").asString())
                .isEqualTo("grounded-responder");
    }

    @Test
    void converseWithoutContextSaysItDoesNotKnow() {
        ConverseResponse response = runtime.converse(r -> r.modelId(NOVA).messages(Message.builder()
                .role(ConversationRole.USER).content(ContentBlock.fromText("What is the maximum size of an S3 object?")).build()));

        assertThat(text(response)).contains("I don't know");
    }

    @Test
    void converseStopsAtMaxTokensAndAtStopSequences() {
        ConverseResponse cut = runtime.converse(ask(NOVA, "How long does Kinesis keep records by default?")
                .inferenceConfig(c -> c.maxTokens(3)).build());
        ConverseResponse stopped = runtime.converse(ask(NOVA, "How long does Kinesis keep records by default?")
                .inferenceConfig(c -> c.stopSequences("24")).build());

        assertThat(cut.stopReason()).isEqualTo(StopReason.MAX_TOKENS);
        assertThat(cut.usage().outputTokens()).isLessThanOrEqualTo(3);
        assertThat(stopped.stopReason()).isEqualTo(StopReason.STOP_SEQUENCE);
        assertThat(text(stopped)).isEqualTo("Kinesis stores records for");
    }

    @Test
    void converseStreamDeliversTheAnswerInSeveralDeltasThenStopAndMetadata() throws Exception {
        String question = "How long does Kinesis keep records by default?";
        String whole = text(runtime.converse(ask(HAIKU, question).build()));

        List<ConverseStreamOutput> events = converseStream(HAIKU, question);

        List<ConverseStreamOutput.EventType> types = new ArrayList<>();
        StringBuilder streamed = new StringBuilder();
        for (ConverseStreamOutput event : events) {
            types.add(event.sdkEventType());
            event.accept(ConverseStreamResponseHandler.Visitor.builder()
                    .onContentBlockDelta(d -> streamed.append(d.delta().text())).build());
        }
        assertThat(types.get(0)).isEqualTo(ConverseStreamOutput.EventType.MESSAGE_START);
        assertThat(types).filteredOn(t -> t == ConverseStreamOutput.EventType.CONTENT_BLOCK_DELTA).hasSizeGreaterThan(1);
        assertThat(types.subList(types.size() - 3, types.size())).containsExactly(ConverseStreamOutput.EventType.CONTENT_BLOCK_STOP,
                ConverseStreamOutput.EventType.MESSAGE_STOP, ConverseStreamOutput.EventType.METADATA);
        assertThat(streamed.toString()).isEqualTo(whole);
        events.get(events.size() - 1).accept(ConverseStreamResponseHandler.Visitor.builder()
                .onMetadata(m -> assertThat(m.usage().outputTokens()).isPositive()).build());
        events.get(events.size() - 2).accept(ConverseStreamResponseHandler.Visitor.builder()
                .onMessageStop(m -> assertThat(m.stopReason()).isEqualTo(StopReason.END_TURN)).build());
    }

    @Test
    void invokeModelTakesAndAnswersAnthropicsMessagesBody() throws IOException {
        JsonNode response = invoke(HAIKU, anthropicBody("What is the maximum size of an S3 object?"));

        assertThat(response.path("type").asText()).isEqualTo("message");
        assertThat(response.path("role").asText()).isEqualTo("assistant");
        assertThat(response.path("id").asText()).startsWith("msg_bdrk_");
        assertThat(response.path("model").asText()).isEqualTo("claude-3-haiku-20240307");
        assertThat(response.path("content").path(0).path("type").asText()).isEqualTo("text");
        assertThat(response.path("content").path(0).path("text").asText()).contains("5 TB");
        assertThat(response.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(response.path("usage").path("input_tokens").asInt()).isPositive();
        assertThat(response.path("usage").path("output_tokens").asInt()).isPositive();
    }

    @Test
    void invokeModelTakesAndAnswersNovasMessagesBody() throws IOException {
        JsonNode response = invoke(NOVA, novaBody("How long does Kinesis keep records by default?"));

        assertThat(response.path("output").path("message").path("role").asText()).isEqualTo("assistant");
        assertThat(response.path("output").path("message").path("content").path(0).path("text").asText()).contains("24 hours");
        assertThat(response.path("stopReason").asText()).isEqualTo("end_turn");
        JsonNode usage = response.path("usage");
        assertThat(usage.path("totalTokens").asInt()).isEqualTo(usage.path("inputTokens").asInt() + usage.path("outputTokens").asInt());
    }

    @Test
    void invokeModelWithResponseStreamSendsAnthropicsStreamingEventsAsChunks() throws Exception {
        List<JsonNode> chunks = invokeStreaming(HAIKU, anthropicBody("What is the maximum size of an S3 object?"));

        List<String> types = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (JsonNode chunk : chunks) {
            types.add(chunk.path("type").asText());
            text.append(chunk.path("delta").path("text").asText(""));
        }
        assertThat(types.get(0)).isEqualTo("message_start");
        assertThat(types.get(1)).isEqualTo("content_block_start");
        assertThat(types).filteredOn("content_block_delta"::equals).hasSizeGreaterThan(1);
        assertThat(types.subList(types.size() - 3, types.size()))
                .containsExactly("content_block_stop", "message_delta", "message_stop");
        assertThat(text.toString()).contains("5 TB");
        JsonNode last = chunks.get(chunks.size() - 1);
        assertThat(last.path("amazon-bedrock-invocationMetrics").path("outputTokenCount").asInt()).isPositive();
        assertThat(chunks.get(chunks.size() - 2).path("delta").path("stop_reason").asText()).isEqualTo("end_turn");
    }

    @Test
    void invokeModelWithResponseStreamSendsNovasStreamingEventsAsChunks() throws Exception {
        List<JsonNode> chunks = invokeStreaming(NOVA, novaBody("How long does Kinesis keep records by default?"));

        StringBuilder text = new StringBuilder();
        chunks.forEach(c -> text.append(c.path("contentBlockDelta").path("delta").path("text").asText("")));
        assertThat(chunks.get(0).path("messageStart").path("role").asText()).isEqualTo("assistant");
        assertThat(text.toString()).contains("24 hours");
        assertThat(chunks.get(chunks.size() - 2).path("messageStop").path("stopReason").asText()).isEqualTo("end_turn");
        assertThat(chunks.get(chunks.size() - 1).path("metadata").path("usage").path("outputTokens").asInt()).isPositive();
    }

    private static String guardrail() {
        String id = bedrock.createGuardrail(r -> r.name("g-" + UUID.randomUUID().toString().substring(0, 8))
                .blockedInputMessaging("Sorry, I cannot discuss that.")
                .blockedOutputsMessaging("Sorry, the answer was withheld.")
                .topicPolicyConfig(t -> t.topicsConfig(c -> c.name("Investment advice").type(GuardrailTopicType.DENY)
                        .definition("Guidance or recommendations about investing money in stocks, bonds or funds.")
                        .examples("Which stocks should I buy?", "Should I invest in bonds?")))
                .sensitiveInformationPolicyConfig(s -> s.piiEntitiesConfig(p -> p.type(GuardrailPiiEntityType.EMAIL)
                        .action(GuardrailSensitiveInformationAction.ANONYMIZE)))).guardrailId();
        return id;
    }

    @Test
    void aGuardrailBlocksADeniedTopicBeforeTheModelAnswers() {
        String id = guardrail();

        ConverseResponse response = runtime.converse(ask(HAIKU, "Which stocks should I invest my savings in?")
                .guardrailConfig(g -> g.guardrailIdentifier(id).guardrailVersion("DRAFT").trace(GuardrailTrace.ENABLED)).build());

        assertThat(response.stopReason()).isEqualTo(StopReason.GUARDRAIL_INTERVENED);
        assertThat(text(response)).isEqualTo("Sorry, I cannot discuss that.");
        assertThat(response.trace().guardrail().inputAssessment().get(id).topicPolicy().topics().get(0).name())
                .isEqualTo("Investment advice");
        assertThat(response.usage().outputTokens()).isZero();
    }

    @Test
    void aGuardrailMasksPiiInTheAnswerAndTracesTheOriginal() {
        String id = guardrail();

        ConverseResponse response = runtime.converse(ask(HAIKU, "How can I contact the support team?")
                .guardrailConfig(g -> g.guardrailIdentifier(id).guardrailVersion("DRAFT").trace(GuardrailTrace.ENABLED)).build());

        assertThat(response.stopReason()).isEqualTo(StopReason.GUARDRAIL_INTERVENED);
        assertThat(text(response)).contains("{EMAIL}").doesNotContain("help@example.com");
        assertThat(response.trace().guardrail().modelOutput()).singleElement().asString().contains("help@example.com");
        assertThat(response.trace().guardrail().outputAssessments().get(id).get(0).sensitiveInformationPolicy()
                .piiEntities().get(0).type().toString()).isEqualTo("EMAIL");
    }

    @Test
    void aGuardrailLetsACleanConversationThroughUntraced() {
        String id = guardrail();

        ConverseResponse response = runtime.converse(ask(HAIKU, "What is the maximum size of an S3 object?")
                .guardrailConfig(g -> g.guardrailIdentifier(id).guardrailVersion("DRAFT")).build());

        assertThat(response.stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(text(response)).contains("5 TB");
        assertThat(response.trace()).isNull();
    }

    @Test
    void invokeModelAppliesTheGuardrailNamedInItsHeaders() throws IOException {
        String id = guardrail();

        byte[] out = runtime.invokeModel(r -> r.modelId(HAIKU).guardrailIdentifier(id).guardrailVersion("DRAFT")
                .body(SdkBytes.fromUtf8String(anthropicBody("Which stocks should I invest my savings in?")))).body().asByteArray();
        JsonNode response = Json.mapper().readTree(out);

        assertThat(response.path("content").path(0).path("text").asText()).isEqualTo("Sorry, I cannot discuss that.");
        assertThat(response.path("amazon-bedrock-guardrailAction").asText()).isEqualTo("INTERVENED");
    }

    @Test
    void converseStreamReportsAGuardrailsInterventionAndTrace() throws Exception {
        String id = guardrail();
        List<ConverseStreamOutput> events = new CopyOnWriteArrayList<>();
        ConverseRequest request = ask(HAIKU, "How can I contact the support team?").build();

        async.converseStream(r -> r.modelId(HAIKU).system(request.system()).messages(request.messages())
                .guardrailConfig(g -> g.guardrailIdentifier(id).guardrailVersion("DRAFT").trace(GuardrailTrace.ENABLED)),
                ConverseStreamResponseHandler.builder().subscriber(events::add).build()).get(60, TimeUnit.SECONDS);

        StringBuilder text = new StringBuilder();
        List<StopReason> stops = new ArrayList<>();
        List<String> modelOutput = new ArrayList<>();
        events.forEach(e -> e.accept(ConverseStreamResponseHandler.Visitor.builder()
                .onContentBlockDelta(d -> text.append(d.delta().text()))
                .onMessageStop(m -> stops.add(m.stopReason()))
                .onMetadata(m -> modelOutput.addAll(m.trace().guardrail().modelOutput()))
                .build()));
        assertThat(text.toString()).contains("{EMAIL}");
        assertThat(stops).containsExactly(StopReason.GUARDRAIL_INTERVENED);
        assertThat(modelOutput).singleElement().asString().contains("help@example.com");
    }

    @Test
    void aMissingGuardrailIsNotFound() {
        assertThatThrownBy(() -> runtime.converse(ask(HAIKU, "What is S3?")
                .guardrailConfig(g -> g.guardrailIdentifier("nosuchguardrail").guardrailVersion("DRAFT")).build()))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void anUnknownModelIsInvalid() {
        assertThatThrownBy(() -> runtime.converse(ask("anthropic.claude-9-v1:0", "What is S3?").build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("The provided model identifier is invalid.");
    }

    @Test
    void aConversationMustStartWithAUserTurnAndAlternate() {
        Message user = Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("Hi")).build();
        Message assistant = Message.builder().role(ConversationRole.ASSISTANT).content(ContentBlock.fromText("Hello")).build();

        assertThatThrownBy(() -> runtime.converse(r -> r.modelId(NOVA).messages(List.of())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("A conversation must start with a user message.");
        assertThatThrownBy(() -> runtime.converse(r -> r.modelId(NOVA).messages(assistant, user)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("A conversation must start with a user message.");
        assertThatThrownBy(() -> runtime.converse(r -> r.modelId(NOVA).messages(user, user)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("A conversation must alternate between user and assistant roles.");
    }

    @Test
    void maxTokensMustBeWithinTheModelsLimit() {
        assertThatThrownBy(() -> runtime.converse(ask(HAIKU, "What is S3?").inferenceConfig(c -> c.maxTokens(0)).build()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Value '0' at 'inferenceConfig.maxTokens' failed to satisfy constraint");
        assertThatThrownBy(() -> runtime.converse(ask(HAIKU, "What is S3?").inferenceConfig(c -> c.maxTokens(100_000)).build()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("The maximum tokens you requested exceeds the model limit of 4096.");
    }

    @Test
    void imagesAndEmptyTextAreRefused() {
        Message image = Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("What is this?"),
                ContentBlock.fromImage(i -> i.format(ImageFormat.PNG).source(s -> s.bytes(SdkBytes.fromUtf8String("png")))))
                .build();
        Message blank = Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText(" ")).build();

        assertThatThrownBy(() -> runtime.converse(r -> r.modelId(NOVA).messages(image)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("image content block at messages.0.content.1");
        assertThatThrownBy(() -> runtime.converse(r -> r.modelId(NOVA).messages(blank)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("The text field in the ContentBlock object at messages.0.content.0 is blank.");
    }

    @Test
    void malformedNativeBodiesAreRefusedInBedrocksWords() {
        String noMaxTokens = "{\"anthropic_version\":\"bedrock-2023-05-31\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
        String extraneous = "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Hi\"}]}],\"max_tokens\":10}";

        assertThatThrownBy(() -> invoke(HAIKU, noMaxTokens)).isInstanceOf(ValidationException.class).hasMessageContaining(
                "Malformed input request: #: required key [max_tokens] not found, please reformat your input and try again.");
        assertThatThrownBy(() -> invoke(NOVA, extraneous)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Malformed input request: #: extraneous key [max_tokens] is not permitted");
        assertThatThrownBy(() -> invoke(HAIKU, "not json")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Malformed input request");
    }

    @Test
    void streamingAModelThatDoesNotStreamIsRefused() {
        assertThatThrownBy(() -> converseStream(NOT_STREAMING, "What is S3?"))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(ValidationException.class).hasMessageContaining("The model is unsupported for streaming.");
    }

    @Test
    void conversingWithAnEmbeddingModelIsRefused() {
        assertThatThrownBy(() -> runtime.converse(ask(EMBEDDING, "What is S3?").build()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("This action doesn't support the model that you provided.");
    }
}
