package io.labrunner.emulator.bedrock;

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
 */
public record FoundationModel(
        String id,
        String name,
        String provider,
        Kind kind,
        List<String> inputModalities,
        List<String> outputModalities,
        boolean streaming) {

    /** How the emulator answers a model: with vectors from the embedding model, or with generated text. */
    public enum Kind { EMBEDDING, TEXT }
}
