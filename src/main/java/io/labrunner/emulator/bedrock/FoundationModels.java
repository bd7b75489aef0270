package io.labrunner.emulator.bedrock;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.bedrock.CatalogueFile.Geography;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The models the emulator serves, and the lookup that turns a model id from a request into one of them, with
 * Bedrock's answers for ids it does not serve: an end-of-life model, a model that runs only through an inference
 * profile, an unknown id.
 */
public final class FoundationModels {
    private final List<FoundationModel> models;
    private final Map<String, Geography> geographies;
    private final Set<String> endOfLife;

    /** Models with no inference profiles and no retired ids, e.g. for tests. */
    public FoundationModels(List<FoundationModel> models) {
        this(models, Map.of(), Set.of());
    }

    FoundationModels(List<FoundationModel> models, Map<String, Geography> geographies, Set<String> endOfLife) {
        this.models = List.copyOf(models);
        this.geographies = Map.copyOf(geographies);
        this.endOfLife = Set.copyOf(endOfLife);
    }

    /**
     * The catalogue the emulator serves, from {@code foundation-models.json}: embedding models answered in-process by
     * {@link EmbeddingInvoker}, text models answered by {@link TextInvoker}, each in its provider's body format.
     */
    public static FoundationModels served() {
        return CatalogueFile.load();
    }

    public List<FoundationModel> all() {
        return models;
    }

    /** The ids that have reached their end of life: Bedrock still knows them, but neither lists nor runs them. */
    public Set<String> endOfLife() {
        return endOfLife;
    }

    /** The system-defined inference profiles a caller in {@code region} can use, in catalogue order. */
    public List<InferenceProfile> profiles(String region) {
        return models.stream().flatMap(m -> m.profiles().stream()
                        .map(geographies::get)
                        .filter(g -> g != null && g.servesCallerIn(region))
                        .map(g -> new InferenceProfile(g, m)))
                .toList();
    }

    /** A profile by id ({@code us.amazon.nova-micro-v1:0}) as a caller in {@code region} sees it. */
    public Optional<InferenceProfile> profile(String id, String region) {
        return profiles(region).stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The model a request names by id, inference-profile id or ARN, without Bedrock's checks; for tests and tools. */
    public Optional<FoundationModel> find(String identifier) {
        String id = identifier.contains("/") ? identifier.substring(identifier.lastIndexOf('/') + 1) : identifier;
        return byId(id).or(() -> geographies.keySet().stream()
                .filter(g -> id.startsWith(g + "."))
                .findFirst()
                .flatMap(g -> byId(id.substring(g.length() + 1))));
    }

    /**
     * The model a runtime request names, checked as Bedrock checks it: a foundation-model ARN must be
     * {@code arn:aws:bedrock:<region>::foundation-model/<id>}; an inference profile (id or ARN) must be one the
     * caller's region can use; a model id must run on demand. A model past its end of life is a
     * ResourceNotFoundException; anything else unknown, AWS's "invalid model identifier".
     */
    public FoundationModel require(String identifier, String region) {
        if (identifier.startsWith("arn:")) {
            return fromArn(identifier, region);
        }
        Optional<FoundationModel> model = byId(identifier);
        if (model.isPresent()) {
            if (!model.get().onDemand()) {
                throw AwsException.validation("Invocation of model ID " + identifier + " with on-demand throughput"
                        + " isn\u2019t supported. Retry your request with the ID or ARN of an inference profile that"
                        + " contains this model.");
            }
            return model.get();
        }
        return profile(identifier, region).map(InferenceProfile::model)
                .orElseThrow(() -> unknownOrRetired(withoutGeography(identifier)));
    }

    /** Like {@link #require(String, String)} for a caller in us-east-1. */
    public FoundationModel require(String identifier) {
        return require(identifier, "us-east-1");
    }

    private FoundationModel fromArn(String arn, String region) {
        // arn:partition:service:region:account:resource
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || !"bedrock".equals(parts[2])) {
            throw unknown();
        }
        String resource = parts[5];
        if (resource.startsWith("foundation-model/") && parts[4].isEmpty()) {
            String id = resource.substring("foundation-model/".length());
            FoundationModel model = byId(id).orElseThrow(() -> unknownOrRetired(id));
            return require(model.id(), region);
        }
        if (resource.startsWith("inference-profile/") && !parts[4].isEmpty()) {
            String id = resource.substring("inference-profile/".length());
            return profile(id, region).map(InferenceProfile::model).orElseThrow(() -> unknownOrRetired(withoutGeography(id)));
        }
        throw unknown();
    }

    /**
     * ListFoundationModels: the served models that pass every filter given. The provider filter ignores
     * case, as AWS's does ({@code byProvider=anthropic} finds {@code Anthropic}); the others are enums the protocol
     * core has checked. {@code byInferenceType=ON_DEMAND} keeps the models callable by their own id; none is provisioned.
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
            filter = filter.and(m -> m.inferenceTypes().contains(byInferenceType));
        }
        if (byCustomizationType != null) {
            filter = filter.and(m -> m.customizations().contains(byCustomizationType));
        }
        ObjectNode response = Json.object();
        ArrayNode summaries = response.putArray("modelSummaries");
        models.stream().filter(filter).forEach(m -> summaries.add(m.describe(region)));
        return response;
    }

    /** GetFoundationModel: the model's details by id or foundation-model ARN. */
    ObjectNode get(String region, String identifier) {
        String id = identifier.startsWith("arn:") && identifier.contains("::foundation-model/")
                ? identifier.substring(identifier.indexOf("::foundation-model/") + "::foundation-model/".length())
                : identifier;
        FoundationModel model = byId(id).orElseThrow(() -> unknownOrRetired(id));
        ObjectNode response = Json.object();
        response.set("modelDetails", model.describe(region));
        return response;
    }

    private Optional<FoundationModel> byId(String id) {
        return models.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    private String withoutGeography(String id) {
        return geographies.keySet().stream().filter(g -> id.startsWith(g + ".")).findFirst()
                .map(g -> id.substring(g.length() + 1)).orElse(id);
    }

    private AwsException unknownOrRetired(String id) {
        if (endOfLife.contains(id)) {
            // What Bedrock answers for a retired model id, e.g. https://github.com/aws-samples/amazon-bedrock-ai-karaoke/issues/21
            return new AwsException("ResourceNotFoundException",
                    "This model version has reached the end of its life. Please refer to the AWS documentation for more details.",
                    404);
        }
        return unknown();
    }

    private static AwsException unknown() {
        // What InvokeModel and Converse answer for a model id Bedrock does not know, as users report it, e.g.
        // https://github.com/aws-samples/amazon-bedrock-workshop/issues/315 (InvokeModel) and
        // https://github.com/GoogleCloudPlatform/kubectl-ai/issues/515 (ConverseStream): 400 ValidationException.
        return AwsException.validation("The provided model identifier is invalid.");
    }
}
