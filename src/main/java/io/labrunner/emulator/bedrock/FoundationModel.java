package io.labrunner.emulator.bedrock;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.Json;
import java.time.LocalDate;
import java.util.List;

/**
 * A model the emulator serves, described as ListFoundationModels describes it.
 *
 * @param id                 the model id, e.g. {@code amazon.titan-embed-text-v2:0}
 * @param name               the display name
 * @param provider           the provider name, e.g. {@code Amazon}
 * @param kind               what the emulator computes for it
 * @param inputModalities    e.g. {@code TEXT}
 * @param outputModalities   {@code EMBEDDING} or {@code TEXT}
 * @param streaming          whether the response-stream operations serve it
 * @param customizations     the customizations AWS offers for it ({@code FINE_TUNING}, {@code DISTILLATION}...)
 * @param dialect            the provider's InvokeModel body format
 * @param inferenceTypes     {@code ON_DEMAND} (callable by its id) and/or {@code INFERENCE_PROFILE} (only through a profile)
 * @param lifecycle          ACTIVE or LEGACY, with the dates AWS publishes
 * @param maxOutputTokens    the most tokens one answer may hold (text models)
 * @param profiles           the geographies ({@code us}, {@code eu}, {@code apac}, {@code global}) with a system-defined
 *                           cross-Region inference profile for it
 */
public record FoundationModel(
        String id,
        String name,
        String provider,
        Kind kind,
        List<String> inputModalities,
        List<String> outputModalities,
        boolean streaming,
        List<String> customizations,
        Dialect dialect,
        List<String> inferenceTypes,
        Lifecycle lifecycle,
        int maxOutputTokens,
        List<String> profiles) {

    /** How the emulator answers a model: with vectors from the embedding model, or with generated text. */
    public enum Kind { EMBEDDING, TEXT }

    /** The request and response bodies InvokeModel uses for a model, which differ per provider. */
    public enum Dialect {
        ANTHROPIC(Kind.TEXT), NOVA(Kind.TEXT), LLAMA(Kind.TEXT), MISTRAL(Kind.TEXT),
        TITAN_EMBED_V1(Kind.EMBEDDING), TITAN_EMBED_V2(Kind.EMBEDDING), COHERE_EMBED(Kind.EMBEDDING);

        private final Kind kind;

        Dialect(Kind kind) {
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }
    }

    /**
     * Where a model is in Bedrock's lifecycle (https://docs.aws.amazon.com/bedrock/latest/userguide/model-lifecycle.html).
     *
     * @param status     {@code ACTIVE} or {@code LEGACY}; end-of-life models are not served at all
     * @param launched   when it became available, or null when not published
     * @param legacy     when it entered LEGACY, or null
     * @param endOfLife  when it stops answering, or null
     */
    public record Lifecycle(String status, LocalDate launched, LocalDate legacy, LocalDate endOfLife) {
        public static final Lifecycle ACTIVE = new Lifecycle("ACTIVE", null, null, null);
    }

    public FoundationModel {
        inputModalities = List.copyOf(inputModalities);
        outputModalities = List.copyOf(outputModalities);
        customizations = List.copyOf(customizations);
        inferenceTypes = List.copyOf(inferenceTypes);
        profiles = List.copyOf(profiles);
    }

    /** An active, on-demand model with no inference profile, its dialect and limit taken from its id. */
    public FoundationModel(String id, String name, String provider, Kind kind,
            List<String> inputModalities, List<String> outputModalities, boolean streaming, List<String> customizations) {
        this(id, name, provider, kind, inputModalities, outputModalities, streaming, customizations, dialectOf(id, kind),
                List.of("ON_DEMAND"), Lifecycle.ACTIVE, defaultMaxOutputTokens(id), List.of());
    }

    /** A model that offers no customization. */
    public FoundationModel(String id, String name, String provider, Kind kind,
            List<String> inputModalities, List<String> outputModalities, boolean streaming) {
        this(id, name, provider, kind, inputModalities, outputModalities, streaming, List.of());
    }

    /** Foundation-model ARNs name a region but no account. */
    public String arn(String region) {
        return "arn:aws:bedrock:" + region + "::foundation-model/" + id;
    }

    /** Whether the model can be invoked by its own id, not only through an inference profile. */
    public boolean onDemand() {
        return inferenceTypes.contains("ON_DEMAND");
    }

    /**
     * The model as ListFoundationModels' summaries and GetFoundationModel's details show it (both shapes
     * carry the same fields: https://docs.aws.amazon.com/bedrock/latest/APIReference/API_FoundationModelSummary.html).
     */
    ObjectNode describe(String region) {
        ObjectNode node = Json.object()
                .put("modelArn", arn(region))
                .put("modelId", id)
                .put("modelName", name)
                .put("providerName", provider);
        inputModalities.forEach(node.putArray("inputModalities")::add);
        outputModalities.forEach(node.putArray("outputModalities")::add);
        node.put("responseStreamingSupported", streaming);
        customizations.forEach(node.putArray("customizationsSupported")::add);
        inferenceTypes.forEach(node.putArray("inferenceTypesSupported")::add);
        ObjectNode life = node.putObject("modelLifecycle").put("status", lifecycle.status());
        putTime(life, "startOfLifeTime", lifecycle.launched());
        putTime(life, "legacyTime", lifecycle.legacy());
        putTime(life, "endOfLifeTime", lifecycle.endOfLife());
        return node;
    }

    private static void putTime(ObjectNode node, String field, LocalDate date) {
        if (date != null) {
            node.put(field, iso(date));
        }
    }

    /** Bedrock's timestamps are ISO 8601 ({@code Timestamp} has {@code timestampFormat: iso8601} in its model). */
    static String iso(LocalDate date) {
        return date.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toString();
    }

    private static Dialect dialectOf(String id, Kind kind) {
        if (kind == Kind.EMBEDDING) {
            return id.startsWith("cohere.") ? Dialect.COHERE_EMBED
                    : id.equals("amazon.titan-embed-text-v1") ? Dialect.TITAN_EMBED_V1 : Dialect.TITAN_EMBED_V2;
        }
        if (id.startsWith("anthropic.")) {
            return Dialect.ANTHROPIC;
        }
        if (id.startsWith("meta.")) {
            return Dialect.LLAMA;
        }
        return id.startsWith("mistral.") ? Dialect.MISTRAL : Dialect.NOVA;
    }

    /** Claude 3 Haiku 4,096, other Claude 8,192, Nova 10,000: the limits of the models served before the catalogue file. */
    private static int defaultMaxOutputTokens(String id) {
        if (id.startsWith("anthropic.claude-3-haiku")) {
            return 4096;
        }
        if (id.startsWith("anthropic.")) {
            return 8192;
        }
        return id.startsWith("amazon.nova") ? 10_000 : 4096;
    }
}
