package io.labrunner.emulator.bedrock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.AwsService;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.Protocol;
import io.labrunner.emulator.bedrock.GuardrailConfig.Source;
import io.labrunner.emulator.bedrock.embed.MiniLmEmbedder;
import io.labrunner.emulator.bedrock.embed.TextEmbedder;
import io.labrunner.emulator.bedrock.text.BertTokenCounter;
import io.labrunner.emulator.bedrock.text.GroundedResponder;
import io.labrunner.emulator.bedrock.text.ModelServer;
import io.labrunner.emulator.bedrock.text.OllamaTextModel;
import io.labrunner.emulator.bedrock.text.TextModel;
import io.labrunner.emulator.state.StateMap;
import io.labrunner.emulator.state.StateStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amazon Bedrock's control plane and runtime, both signed as {@code bedrock} and told apart by path.
 * Served: ListFoundationModels and GetFoundationModel over {@link FoundationModels#served()}; the
 * guardrail operations (Create/Get/List/CreateVersion/Delete) and the runtime's ApplyGuardrail;
 * InvokeModel for embedding models ({@link EmbeddingInvoker}); Converse, ConverseStream, InvokeModel
 * and InvokeModelWithResponseStream for text models ({@link TextInvoker}). Paths and shapes follow the API reference
 * (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_Operations_Amazon_Bedrock.html).
 */
public final class BedrockService implements AwsService {
    private static final Pattern GUARDRAIL = Pattern.compile("/guardrails/(.+)");
    // Greedy: a model named by its ARN arrives with its '/' decoded.
    private static final Pattern FOUNDATION_MODEL = Pattern.compile("/foundation-models/(.+)");
    // Greedy: an identifier given as an ARN arrives with its '/' decoded.
    private static final Pattern APPLY = Pattern.compile("/guardrail/(.+)/version/([^/]+)/apply");
    // Runtime operations name a model: /model/{modelId}/invoke, .../converse and their streaming forms.
    private static final Pattern MODEL_ACTION =
            Pattern.compile("/model/(.+)/(invoke|invoke-with-response-stream|converse|converse-stream)");
    private static final Pattern VERSION = Pattern.compile("DRAFT|[1-9][0-9]{0,7}");
    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int DEFAULT_PAGE = 100;

    private final String accountId;
    private final Clock clock;
    private final GuardrailEvaluator evaluator;
    private final Map<String, Guardrail> guardrails = new LinkedHashMap<>();
    private final StateMap<Guardrail.Stored> storedGuardrails;
    private final FoundationModels models;
    private final EmbeddingInvoker embeddings;
    private final TextInvoker text;

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
        this.accountId = accountId;
        this.clock = clock;
        this.evaluator = new GuardrailEvaluator(topicMatcher);
        this.models = models;
        this.embeddings = new EmbeddingInvoker(embedder);
        this.text = new TextInvoker(textModel, this::guard);
        this.storedGuardrails = state.map("bedrock.guardrails", Guardrail.Stored.class);
        storedGuardrails.values().stream().map(Guardrail::restored)
                .sorted(Comparator.comparing((Guardrail g) -> g.draft().createdAt()))
                .forEach(g -> guardrails.put(g.id(), g));
    }

    @Override
    public String signingName() {
        return "bedrock";
    }

    @Override
    public Protocol protocol() {
        return Protocol.REST_JSON;
    }

    /**
     * Guardrail operations take the guardrail store's lock; model invocations run outside it, so that a
     * slow text generation never holds up the control plane or other invocations.
     */
    @Override
    public AwsResponse handle(AwsRequest request) {
        String method = request.method();
        String path = request.path();
        if ("/foundation-models".equals(path) && "GET".equals(method)) {
            return json(200, models.list(request.region(), request.param("byProvider").orElse(null),
                    request.param("byOutputModality").orElse(null), request.param("byInferenceType").orElse(null),
                    request.param("byCustomizationType").orElse(null)));
        }
        Matcher foundationModel = FOUNDATION_MODEL.matcher(path);
        if (foundationModel.matches() && "GET".equals(method)) {
            return json(200, models.get(request.region(), foundationModel.group(1)));
        }
        Matcher modelAction = MODEL_ACTION.matcher(path);
        if (modelAction.matches() && "POST".equals(method)) {
            FoundationModel model = models.require(modelAction.group(1));
            String action = modelAction.group(2);
            if (model.kind() == FoundationModel.Kind.EMBEDDING) {
                return embeddings.handle(action, model, request);
            }
            return text.handle(action, model, request);
        }
        synchronized (guardrails) {
            return handleGuardrails(request);
        }
    }

    private AwsResponse handleGuardrails(AwsRequest request) {
        String method = request.method();
        String path = request.path();
        if ("/guardrails".equals(path)) {
            switch (method) {
                case "POST": return json(202, createGuardrail(request));
                case "GET": return json(200, listGuardrails(request));
                default: break;
            }
        }
        Matcher guardrail = GUARDRAIL.matcher(path);
        if (guardrail.matches()) {
            String identifier = guardrail.group(1);
            switch (method) {
                case "GET": return json(200, getGuardrail(identifier, request.param("guardrailVersion").orElse(null)));
                case "POST": return json(202, createVersion(identifier, Json.body(request)));
                case "DELETE": return json(202, deleteGuardrail(identifier, request.param("guardrailVersion").orElse(null)));
                default: break;
            }
        }
        Matcher apply = APPLY.matcher(path);
        if (apply.matches() && "POST".equals(method)) {
            return json(200, applyGuardrail(apply.group(1), apply.group(2), Json.body(request)));
        }
        throw AwsException.notImplemented("bedrock", method + " " + path);
    }

    private ObjectNode createGuardrail(AwsRequest request) {
        GuardrailConfig config = GuardrailRequests.config(Json.body(request));
        boolean taken = guardrails.values().stream().anyMatch(g -> g.draft().config().name().equals(config.name()));
        if (taken) {
            throw new AwsException("ConflictException",
                    "A guardrail with the name " + config.name() + " already exists.", 409);
        }
        String id = newId();
        String arn = "arn:aws:bedrock:" + request.region() + ":" + accountId + ":guardrail/" + id;
        Guardrail created = new Guardrail(id, arn, config, clock.instant());
        guardrails.put(id, created);
        storedGuardrails.put(id, created.stored());
        return Json.object().put("guardrailId", id).put("guardrailArn", arn).put("version", Guardrail.DRAFT)
                .put("createdAt", GuardrailJson.iso(created.draft().createdAt()));
    }

    private ObjectNode getGuardrail(String identifier, String version) {
        Guardrail guardrail = find(identifier);
        return GuardrailJson.get(guardrail, version(guardrail, version));
    }

    private ObjectNode listGuardrails(AwsRequest request) {
        List<ObjectNode> summaries = new ArrayList<>();
        String identifier = request.param("guardrailIdentifier").orElse(null);
        if (identifier == null) {
            guardrails.values().forEach(g -> summaries.add(GuardrailJson.summary(g, g.draft())));
        } else {
            Guardrail guardrail = find(identifier);
            summaries.add(GuardrailJson.summary(guardrail, guardrail.draft()));
            guardrail.versions().forEach(v -> summaries.add(GuardrailJson.summary(guardrail, v)));
        }
        int start = request.param("nextToken").map(token -> number(token, "nextToken")).orElse(0);
        int size = request.param("maxResults").map(max -> signedNumber(max, "maxResults")).orElse(DEFAULT_PAGE);
        if (size < 1 || size > 1000) {
            throw AwsException.validation("1 validation error detected: Value '" + size
                    + "' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 1000");
        }
        // In long: a nextToken near Integer.MAX_VALUE plus the page size would overflow to a negative end.
        int end = (int) Math.min(summaries.size(), (long) start + size);
        ObjectNode response = Json.object();
        ArrayNode page = response.putArray("guardrails");
        summaries.subList(Math.min(start, end), end).forEach(page::add);
        if (end < summaries.size()) {
            response.put("nextToken", Integer.toString(end));
        }
        return response;
    }

    private ObjectNode createVersion(String identifier, JsonNode body) {
        Guardrail guardrail = find(identifier);
        Guardrail.Version version = guardrail.snapshot(body.path("description").asText(null), clock.instant());
        storedGuardrails.put(guardrail.id(), guardrail.stored());
        return Json.object().put("guardrailId", guardrail.id()).put("version", version.version());
    }

    private ObjectNode deleteGuardrail(String identifier, String version) {
        Guardrail guardrail = find(identifier);
        if (version == null || Guardrail.DRAFT.equals(version)) {
            guardrails.remove(guardrail.id());
            storedGuardrails.remove(guardrail.id());
        } else if (!guardrail.removeVersion(version)) {
            throw notFound();
        } else {
            storedGuardrails.put(guardrail.id(), guardrail.stored());
        }
        return Json.object();
    }

    private ObjectNode applyGuardrail(String identifier, String version, JsonNode body) {
        if (!VERSION.matcher(version).matches()) {
            throw AwsException.validation("1 validation error detected: Value '" + version
                    + "' at 'guardrailVersion' failed to satisfy constraint: Member must satisfy regular expression pattern: (([1-9][0-9]{0,7})|(DRAFT))");
        }
        String source = GuardrailRequests.required(body, "source");
        if (!"INPUT".equals(source) && !"OUTPUT".equals(source)) {
            throw AwsException.validation("1 validation error detected: Value '" + source
                    + "' at 'source' failed to satisfy constraint: Member must satisfy enum value set: [INPUT, OUTPUT]");
        }
        List<String> texts = new ArrayList<>();
        body.path("content").forEach(block -> {
            JsonNode text = block.path("text").path("text");
            if (text.isTextual()) {
                texts.add(text.asText());
            }
        });
        if (texts.isEmpty()) {
            throw AwsException.validation("The content field must contain at least one text block.");
        }
        Guardrail guardrail = find(identifier);
        return evaluator.apply(version(guardrail, version).config(), Source.valueOf(source), texts);
    }

    /** The {@link GuardrailGate} the text operations use: ApplyGuardrail on a stored version, under the store's lock. */
    private ObjectNode guard(String identifier, String version, Source source, List<String> texts) {
        synchronized (guardrails) {
            Guardrail guardrail = find(identifier);
            return evaluator.apply(version(guardrail, version).config(), source, texts);
        }
    }

    private Guardrail find(String identifier) {
        String id = identifier.contains("guardrail/")
                ? identifier.substring(identifier.lastIndexOf('/') + 1) : identifier;
        Guardrail guardrail = guardrails.get(id);
        if (guardrail == null) {
            throw notFound();
        }
        return guardrail;
    }

    private static Guardrail.Version version(Guardrail guardrail, String version) {
        return guardrail.version(version).orElseThrow(BedrockService::notFound);
    }

    private static AwsException notFound() {
        return new AwsException("ResourceNotFoundException",
                "The specified guardrail or guardrail version was not found.", 404);
    }

    private static int number(String value, String field) {
        try {
            return Math.max(0, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw AwsException.validation("The " + field + " is not valid.");
        }
    }

    /** A query parameter as an int, negative values kept so a range error names the value given. */
    private static int signedNumber(String value, String field) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw AwsException.validation("The " + field + " is not valid.");
        }
    }

    private static String newId() {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            id.append(ID_ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }

    private static AwsResponse json(int status, ObjectNode body) {
        try {
            return AwsResponse.of(status, "application/json",
                    Json.mapper().writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
