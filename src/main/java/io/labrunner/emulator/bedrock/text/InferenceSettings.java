package io.labrunner.emulator.bedrock.text;

import java.util.List;

/**
 * The base inference parameters every Bedrock text model takes, already validated.
 *
 * @param maxTokens     the most tokens to generate (the model's limit when the request gave none)
 * @param temperature   sampling temperature, or null for the model's default
 * @param topP          nucleus sampling mass, or null for the model's default
 * @param stopSequences texts that end generation where they would appear
 */
public record InferenceSettings(int maxTokens, Float temperature, Float topP, List<String> stopSequences) {

    public InferenceSettings {
        stopSequences = List.copyOf(stopSequences);
    }
}
