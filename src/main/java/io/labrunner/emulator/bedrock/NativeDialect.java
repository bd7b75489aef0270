package io.labrunner.emulator.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.bedrock.text.Generation;
import io.labrunner.emulator.bedrock.text.Prompt;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A model provider's own InvokeModel body: how its request reads as a {@link Prompt} and how a
 * {@link Generation} is written back, whole or as the chunks of InvokeModelWithResponseStream.
 */
interface NativeDialect {

    /** Reads and validates the request body, throwing ValidationException with Bedrock's wording. */
    Prompt prompt(JsonNode body, FoundationModel model);

    /** The InvokeModel response body. */
    ObjectNode response(FoundationModel model, Generation generation, String id);

    /** The JSON documents that InvokeModelWithResponseStream's {@code chunk} events carry, in order. */
    List<ObjectNode> chunks(FoundationModel model, Generation generation, String id, long latencyMs);

    /** The dialect of a model's provider; Bedrock's native bodies differ per provider. */
    static NativeDialect of(FoundationModel model) {
        return switch (model.dialect()) {
            case ANTHROPIC -> new AnthropicMessages();
            case NOVA -> new NovaMessages();
            case LLAMA -> new LlamaPrompt();
            case MISTRAL -> new MistralPrompt();
            default -> throw AwsException.notImplemented("bedrock", "InvokeModel request bodies for " + model.id());
        };
    }

    /** Bedrock's wording for a body that fails the provider's JSON schema. */
    static AwsException malformed(List<String> problems) {
        return AwsException.validation("Malformed input request: " + String.join("", problems)
                + ", please reformat your input and try again.");
    }

    /** Schema problems for keys outside {@code allowed} and missing {@code required} ones, as "#: ..." lines. */
    static List<String> keyProblems(JsonNode object, String path, Set<String> allowed, List<String> required) {
        List<String> problems = new ArrayList<>();
        for (String key : required) {
            if (!object.has(key)) {
                problems.add(path + ": required key [" + key + "] not found");
            }
        }
        object.fieldNames().forEachRemaining(key -> {
            if (!allowed.contains(key)) {
                problems.add(path + ": extraneous key [" + key + "] is not permitted");
            }
        });
        return problems;
    }

    /** The usage numbers Bedrock appends to the last chunk of every streamed model. */
    static ObjectNode invocationMetrics(Generation generation, long latencyMs) {
        return Json.object()
                .put("inputTokenCount", generation.inputTokens())
                .put("outputTokenCount", generation.outputTokens())
                .put("invocationLatency", latencyMs)
                .put("firstByteLatency", latencyMs);
    }
}
