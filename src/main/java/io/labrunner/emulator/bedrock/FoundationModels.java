package io.labrunner.emulator.bedrock;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.bedrock.FoundationModel.Kind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** The models the emulator serves, and the lookup that turns a model id from a request into one of them. */
public final class FoundationModels {
    // Cross-Region inference profiles name a model with a geography prefix, e.g. us.amazon.nova-micro-v1:0
    // (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html).
    private static final Pattern PROFILE_PREFIX = Pattern.compile("^(us|eu|apac|us-gov|global)\\.");

    private final List<FoundationModel> models;

    public FoundationModels(List<FoundationModel> models) {
        this.models = List.copyOf(models);
    }

    /**
     * The catalogue the emulator serves: embedding models answered in-process by {@link EmbeddingInvoker},
     * text models answered by {@link TextInvoker}. Names, providers and modalities as ListFoundationModels
     * reports them (https://docs.aws.amazon.com/bedrock/latest/userguide/models-supported.html).
     */
    public static FoundationModels served() {
        List<String> text = List.of("TEXT");
        List<String> embedding = List.of("EMBEDDING");
        return new FoundationModels(List.of(
                new FoundationModel("amazon.titan-embed-text-v2:0", "Titan Text Embeddings V2", "Amazon",
                        Kind.EMBEDDING, text, embedding, false),
                new FoundationModel("amazon.titan-embed-text-v1", "Titan Embeddings G1 - Text", "Amazon",
                        Kind.EMBEDDING, text, embedding, false),
                new FoundationModel("cohere.embed-english-v3", "Embed English", "Cohere",
                        Kind.EMBEDDING, text, embedding, false),
                new FoundationModel("cohere.embed-multilingual-v3", "Embed Multilingual", "Cohere",
                        Kind.EMBEDDING, text, embedding, false),
                new FoundationModel("anthropic.claude-3-haiku-20240307-v1:0", "Claude 3 Haiku", "Anthropic",
                        Kind.TEXT, List.of("TEXT", "IMAGE"), text, true, List.of("FINE_TUNING")),
                new FoundationModel("anthropic.claude-3-5-haiku-20241022-v1:0", "Claude 3.5 Haiku", "Anthropic",
                        Kind.TEXT, text, text, true),
                new FoundationModel("amazon.nova-micro-v1:0", "Nova Micro", "Amazon",
                        Kind.TEXT, text, text, true, List.of("FINE_TUNING", "DISTILLATION")),
                new FoundationModel("amazon.nova-lite-v1:0", "Nova Lite", "Amazon",
                        Kind.TEXT, List.of("TEXT", "IMAGE", "VIDEO"), text, true, List.of("FINE_TUNING", "DISTILLATION")),
                new FoundationModel("amazon.nova-pro-v1:0", "Nova Pro", "Amazon",
                        Kind.TEXT, List.of("TEXT", "IMAGE", "VIDEO"), text, true, List.of("FINE_TUNING", "DISTILLATION"))));
    }

    public List<FoundationModel> all() {
        return models;
    }

    /** The model a request names by id, inference-profile id or foundation-model ARN. */
    public Optional<FoundationModel> find(String identifier) {
        String id = identifier.contains("foundation-model/")
                ? identifier.substring(identifier.indexOf("foundation-model/") + "foundation-model/".length())
                : identifier.contains("inference-profile/")
                        ? identifier.substring(identifier.indexOf("inference-profile/") + "inference-profile/".length())
                        : identifier;
        String base = PROFILE_PREFIX.matcher(id).replaceFirst("");
        return models.stream().filter(m -> m.id().equals(base)).findFirst();
    }

    /** Like {@link #find}, but a model the emulator does not serve is AWS's error for an unknown model. */
    public FoundationModel require(String identifier) {
        return find(identifier).orElseThrow(FoundationModels::unknown);
    }

    /**
     * ListFoundationModels: the served models that pass every filter given. The provider filter ignores
     * case, as AWS's does ({@code byProvider=anthropic} finds {@code Anthropic}); the others are enums the protocol core has checked.
     */
    ObjectNode list(String region, String byProvider, String byOutputModality, String byInferenceType,
            String byCustomizationType) {
        Predicate<FoundationModel> filter = m -> true;
        if (byProvider != null) {
            String provider = byProvider.toLowerCase(Locale.ROOT);
            filter = filter.and(m -> m.provider().toLowerCase(Locale.ROOT).equals(provider));
        }
        if (byOutputModality != null) {
            filter = filter.and(m -> m.outputModalities().contains(byOutputModality));
        }
        if (byInferenceType != null) {
            // Every served model is on demand; none has provisioned throughput.
            filter = filter.and(m -> "ON_DEMAND".equals(byInferenceType));
        }
        if (byCustomizationType != null) {
            filter = filter.and(m -> m.customizations().contains(byCustomizationType));
        }
        ObjectNode response = Json.object();
        ArrayNode summaries = response.putArray("modelSummaries");
        models.stream().filter(filter).forEach(m -> summaries.add(m.describe(region)));
        return response;
    }

    /** GetFoundationModel: the model's details, or AWS's error for an unknown model. */
    ObjectNode get(String region, String identifier) {
        ObjectNode response = Json.object();
        response.set("modelDetails", require(identifier).describe(region));
        return response;
    }

    private static AwsException unknown() {
        // What InvokeModel and Converse answer for a model id Bedrock does not know, as users report it, e.g.
        // https://github.com/aws-samples/amazon-bedrock-workshop/issues/315 (InvokeModel) and
        // https://github.com/GoogleCloudPlatform/kubectl-ai/issues/515 (ConverseStream): 400 ValidationException.
        return AwsException.validation("The provided model identifier is invalid.");
    }
}
