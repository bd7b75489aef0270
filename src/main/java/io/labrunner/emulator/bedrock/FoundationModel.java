package io.labrunner.emulator.bedrock;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.Json;
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
 */
public record FoundationModel(
        String id,
        String name,
        String provider,
        Kind kind,
        List<String> inputModalities,
        List<String> outputModalities,
        boolean streaming,
        List<String> customizations) {

    /** How the emulator answers a model: with vectors from the embedding model, or with generated text. */
    public enum Kind { EMBEDDING, TEXT }

    public FoundationModel {
        inputModalities = List.copyOf(inputModalities);
        outputModalities = List.copyOf(outputModalities);
        customizations = List.copyOf(customizations);
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

    /**
     * The model as ListFoundationModels' summaries and GetFoundationModel's details show it (both shapes
     * carry the same fields: https://docs.aws.amazon.com/bedrock/latest/APIReference/API_FoundationModelSummary.html).
     * Every served model is on demand and active: the emulator has no provisioned throughput and no legacy models.
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
        node.putArray("inferenceTypesSupported").add("ON_DEMAND");
        node.putObject("modelLifecycle").put("status", "ACTIVE");
        return node;
    }
}
