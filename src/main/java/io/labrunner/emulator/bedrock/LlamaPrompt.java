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
 * Meta Llama's native body (https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-meta.html):
 * request {@code {prompt, temperature, top_p, max_gen_len}} with the prompt in Llama's chat template; response
 * {@code {generation, prompt_token_count, generation_token_count, stop_reason: "stop"|"length"}}; streamed as
 * chunks of the same shape, the first carrying the prompt's token count and the last the stop reason.
 */
final class LlamaPrompt implements NativeDialect {
    private static final Set<String> KEYS = Set.of("prompt", "temperature", "top_p", "max_gen_len", "images");
    private static final int DEFAULT_MAX_GEN_LEN = 512;

    @Override
    public Prompt prompt(JsonNode body, FoundationModel model) {
        List<String> problems = NativeDialect.keyProblems(body, "#", KEYS, List.of("prompt"));
        RawPrompts.typeProblems(body, problems, "prompt", "max_gen_len");
        int limit = ModelLimits.maxOutputTokens(model);
        int max = body.has("max_gen_len") ? body.path("max_gen_len").asInt() : Math.min(DEFAULT_MAX_GEN_LEN, limit);
        RawPrompts.rangeProblems(problems, "max_gen_len", max, limit);
        if (!problems.isEmpty()) {
            throw NativeDialect.malformed(problems);
        }
        if (body.has("images")) {
            throw io.labrunner.emulator.AwsException.validation(
                    "The emulator's text models read text only: leave out 'images'.");
        }
        InferenceSettings settings = new InferenceSettings(max,
                ConverseRequest.unitInterval(body.path("temperature"), "temperature"),
                ConverseRequest.unitInterval(body.path("top_p"), "top_p"), List.of());
        return PromptTemplates.read(body.path("prompt").asText(), settings);
    }

    @Override
    public ObjectNode response(FoundationModel model, Generation generation, String id) {
        return Json.object()
                .put("generation", generation.text())
                .put("prompt_token_count", generation.inputTokens())
                .put("generation_token_count", generation.outputTokens())
                .put("stop_reason", stopReason(generation));
    }

    @Override
    public List<ObjectNode> chunks(FoundationModel model, Generation generation, String id, long latencyMs) {
        List<ObjectNode> chunks = new ArrayList<>();
        List<String> pieces = EventStream.deltas(generation.text());
        int generated = 0;
        for (int i = 0; i < pieces.size(); i++) {
            generated = Math.min(generation.outputTokens(), generated + 1);
            ObjectNode chunk = Json.object().put("generation", pieces.get(i));
            if (i == 0) {
                chunk.put("prompt_token_count", generation.inputTokens());
            } else {
                chunk.putNull("prompt_token_count");
            }
            chunk.put("generation_token_count", generated).putNull("stop_reason");
            chunks.add(chunk);
        }
        ObjectNode last = Json.object().put("generation", "").putNull("prompt_token_count")
                .put("generation_token_count", generation.outputTokens()).put("stop_reason", stopReason(generation));
        last.set("amazon-bedrock-invocationMetrics", NativeDialect.invocationMetrics(generation, latencyMs));
        chunks.add(last);
        return chunks;
    }

    private static String stopReason(Generation generation) {
        return generation.stopReason() == Generation.StopReason.MAX_TOKENS ? "length" : "stop";
    }
}
