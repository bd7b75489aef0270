package io.labrunner.emulator.bedrock;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.AwsService;
import io.labrunner.emulator.Protocol;
import io.labrunner.emulator.bedrock.embed.MiniLmEmbedder;
import io.labrunner.emulator.bedrock.embed.TextEmbedder;
import io.labrunner.emulator.bedrock.text.BertTokenCounter;
import io.labrunner.emulator.bedrock.text.GroundedResponder;
import io.labrunner.emulator.bedrock.text.ModelServer;
import io.labrunner.emulator.bedrock.text.OllamaTextModel;
import io.labrunner.emulator.bedrock.text.TextModel;
import io.labrunner.emulator.protocol.OperationHandler;
import io.labrunner.emulator.protocol.RestJsonProtocolService;
import io.labrunner.emulator.state.StateStore;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Amazon Bedrock's control plane and runtime on the protocol core: both are signed as {@code bedrock} and
 * served on one port, so one {@link RestJsonProtocolService} routes over both models ({@code bedrock},
 * {@code bedrock-runtime}), checks every request against them and writes the answers; this class maps each
 * operation to its behaviour. Served: ListFoundationModels and GetFoundationModel over
 * {@link FoundationModels#served()}; ListInferenceProfiles and GetInferenceProfile over their
 * system-defined cross-Region profiles; the guardrail operations ({@link GuardrailOperations}) and the
 * runtime's ApplyGuardrail; InvokeModel for embedding models ({@link EmbeddingInvoker}); Converse,
 * ConverseStream, InvokeModel and InvokeModelWithResponseStream for text models ({@link TextInvoker}).
 */
public final class BedrockService implements AwsService, io.labrunner.emulator.TaggableResources {
    private final RestJsonProtocolService protocol;
    private final GuardrailTags tags;

    /**
     * A service with the system clock and all-MiniLM-L6-v2, which computes embeddings and, beside the keyword
     * matcher, recognises denied topics by meaning.
     */
    public BedrockService(String accountId) {
        this(accountId, (ModelServer) null);
    }

    /**
     * Like {@link #BedrockService(String)}, with text from a local model server when {@code modelServer}
     * is not null, else from the {@link GroundedResponder}.
     */
    public BedrockService(String accountId, ModelServer modelServer) {
        this(accountId, modelServer, StateStore.none());
    }

    /** Like {@link #BedrockService(String, ModelServer)}, with guardrails kept in {@code state}. */
    public BedrockService(String accountId, ModelServer modelServer, StateStore state) {
        this(accountId, new MiniLmEmbedder(), modelServer, state);
    }

    private BedrockService(String accountId, TextEmbedder embedder, ModelServer modelServer, StateStore state) {
        this(accountId, Clock.systemUTC(),
                new AnyTopicMatcher(List.of(new KeywordTopicMatcher(), new EmbeddingTopicMatcher(embedder))),
                embedder, modelServer, state);
    }

    public BedrockService(String accountId, Clock clock, TopicMatcher topicMatcher, TextEmbedder embedder) {
        this(accountId, clock, topicMatcher, embedder, (ModelServer) null, StateStore.none());
    }

    private BedrockService(String accountId, Clock clock, TopicMatcher topicMatcher, TextEmbedder embedder,
            ModelServer modelServer, StateStore state) {
        this(accountId, clock, topicMatcher, embedder, FoundationModels.served(),
                modelServer != null ? new OllamaTextModel(modelServer) : new GroundedResponder(embedder, new BertTokenCounter()),
                state);
    }

    /** A service serving {@code models}, with text from {@code textModel}. */
    public BedrockService(String accountId, Clock clock, TopicMatcher topicMatcher, TextEmbedder embedder,
            FoundationModels models, TextModel textModel) {
        this(accountId, clock, topicMatcher, embedder, models, textModel, StateStore.none());
    }

    /** Like the constructor above, with guardrails and their versions kept in {@code state}: loaded now, written through. */
    public BedrockService(String accountId, Clock clock, TopicMatcher topicMatcher, TextEmbedder embedder,
            FoundationModels models, TextModel textModel, StateStore state) {
        GuardrailStore store = new GuardrailStore(state);
        GuardrailOperations guardrails = new GuardrailOperations(accountId, clock, store,
                new GuardrailEvaluator(topicMatcher));
        this.tags = new GuardrailTags(store, state);
        InferenceProfileOperations profiles = new InferenceProfileOperations(models, accountId);
        RuntimeOperations runtime = new RuntimeOperations(models, new EmbeddingInvoker(embedder),
                new TextInvoker(textModel, guardrails));
        this.protocol = RestJsonProtocolService.builder("bedrock", "bedrock-runtime")
                .handler("ListFoundationModels", (input, request) -> models.list(request.region(),
                        text(input, "byProvider"), text(input, "byOutputModality"), text(input, "byInferenceType"),
                        text(input, "byCustomizationType")))
                .handler("GetFoundationModel", (input, request) ->
                        models.get(request.region(), input.path("modelIdentifier").asText()))
                .handler("ListInferenceProfiles", profiles::list)
                .handler("GetInferenceProfile", profiles::get)
                .handler("CreateGuardrail", (input, request) -> {
                    java.util.Map<String, String> initial = GuardrailTags.read(input.path("tags"));
                    GuardrailTags.checkCount(input.path("name").asText(), initial.size());
                    ObjectNode created = guardrails.create(input, request);
                    if (!initial.isEmpty()) {
                        tags.tag(created.path("guardrailArn").asText(), initial);
                    }
                    return created;
                })
                .handler("GetGuardrail", guardrails::get)
                .handler("ListGuardrails", guardrails::list)
                .handler("CreateGuardrailVersion", guardrails::createVersion)
                .handler("DeleteGuardrail", (input, request) -> {
                    String arn = tags.arnOf(input.path("guardrailIdentifier").asText());
                    ObjectNode deleted = guardrails.delete(input, request);
                    String version = text(input, "guardrailVersion");
                    if (arn != null && (version == null || Guardrail.DRAFT.equals(version))) {
                        tags.forget(arn);
                    }
                    return deleted;
                })
                .handler("TagResource", tags::tagResource)
                .handler("UntagResource", tags::untagResource)
                .handler("ListTagsForResource", tags::listTagsForResource)
                .handler("ApplyGuardrail", guardrails::apply)
                .handler("InvokeModel", invocation(runtime, "invoke"))
                .handler("InvokeModelWithResponseStream", invocation(runtime, "invoke-with-response-stream"))
                .handler("Converse", invocation(runtime, "converse"))
                .handler("ConverseStream", invocation(runtime, "converse-stream"))
                .build();
    }

    private static OperationHandler invocation(RuntimeOperations runtime, String action) {
        return (input, request) -> runtime.invoke(action, input, request);
    }

    private static String text(ObjectNode input, String member) {
        return input.hasNonNull(member) ? input.get(member).asText() : null;
    }

    /** The operations served, of both models. */
    public Set<String> implementedOperations() {
        return protocol.operations();
    }

    /** Guardrails for the Resource Groups Tagging API, over the tags Bedrock's own tagging operations keep. */
    @Override
    public Set<String> arnServices() {
        return Set.of("bedrock");
    }

    @Override
    public List<TaggedResource> taggedResources(String region) {
        return tags.tagged(region);
    }

    @Override
    public void tag(String arn, java.util.Map<String, String> added) {
        tags.tag(arn, added);
    }

    @Override
    public void untag(String arn, java.util.Collection<String> keys) {
        tags.untag(arn, keys);
    }

    @Override
    public String signingName() {
        return "bedrock";
    }

    @Override
    public Protocol protocol() {
        return Protocol.REST_JSON;
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        return protocol.handle(request);
    }

    /**
     * {@code bedrock:<operation>}, on the foundation model for the runtime's invocations
     * ({@code arn:aws:bedrock:<region>::foundation-model/<id>}) and on {@code *} otherwise.
     */
    @Override
    public List<io.labrunner.emulator.iam.access.AccessRequest> accessRequests(AwsRequest request) {
        return protocol.operationOf(request).map(op -> {
            String model = op.getValue().get("modelId");
            String resource = model == null ? "*" : model.startsWith("arn:") ? model
                    : "arn:aws:bedrock:" + request.regionOrDefault() + "::foundation-model/" + model;
            return List.of(io.labrunner.emulator.iam.access.AccessRequest.of("bedrock:" + op.getKey(), resource));
        }).orElse(List.of());
    }
}
