package io.labrunner.emulator.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.bedrock.text.Generation;
import io.labrunner.emulator.bedrock.text.InferenceSettings;
import io.labrunner.emulator.bedrock.text.Prompt;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Mistral AI's text-completion body (https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-mistral-text-completion.html):
 * request {@code {prompt: "<s>[INST] … [/INST]", max_tokens, stop, temperature, top_p, top_k}}; response
 * {@code {outputs: [{text, stop_reason: "stop"|"length"}]}}; streamed as chunks of the same shape.
 */
final class MistralPrompt implements NativeDialect {
    private static final Set<String> KEYS = Set.of("prompt", "max_tokens", "stop", "temperature", "top_p", "top_k");
    private static final int DEFAULT_MAX_TOKENS = 512;

    @Override
    public Prompt prompt(JsonNode body, FoundationModel model) {
        List<String> problems = NativeDialect.keyProblems(body, "#", KEYS, List.of("prompt"));
        RawPrompts.typeProblems(body, problems, "prompt", "max_tokens");
        if (body.has("stop") && !body.path("stop").isArray()) {
            problems.add("#/stop: expected type: JSONArray, found: " + AnthropicMessages.typeName(body.path("stop")));
        }
        int limit = ModelLimits.maxOutputTokens(model);
        int max = body.has("max_tokens") ? body.path("max_tokens").asInt() : Math.min(DEFAULT_MAX_TOKENS, limit);
        RawPrompts.rangeProblems(problems, "max_tokens", max, limit);
        if (!problems.isEmpty()) {
            throw NativeDialect.malformed(problems);
        }
        List<String> stops = new ArrayList<>();
        body.path("stop").forEach(s -> stops.add(s.asText()));
        InferenceSettings settings = new InferenceSettings(max,
                ConverseRequest.unitInterval(body.path("temperature"), "temperature"),
                ConverseRequest.unitInterval(body.path("top_p"), "top_p"), stops);
        return PromptTemplates.read(body.path("prompt").asText(), settings);
    }

    @Override
    public ObjectNode response(FoundationModel model, Generation generation, String id) {
        ObjectNode out = Json.object();
        out.putArray("outputs").addObject().put("text", generation.text()).put("stop_reason", stopReason(generation));
        return out;
    }

    @Override
    public List<ObjectNode> chunks(FoundationModel model, Generation generation, String id, long latencyMs) {
        List<ObjectNode> chunks = new ArrayList<>();
        for (String piece : EventStream.deltas(generation.text())) {
            ObjectNode chunk = Json.object();
            chunk.putArray("outputs").addObject().put("text", piece).putNull("stop_reason");
            chunks.add(chunk);
        }
        ObjectNode last = Json.object();
        last.putArray("outputs").addObject().put("text", "").put("stop_reason", stopReason(generation));
        last.set("amazon-bedrock-invocationMetrics", NativeDialect.invocationMetrics(generation, latencyMs));
        chunks.add(last);
        return chunks;
    }

    private static String stopReason(Generation generation) {
        return generation.stopReason() == Generation.StopReason.MAX_TOKENS ? "length" : "stop";
    }
}
