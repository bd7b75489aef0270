package io.labrunner.emulator.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.bedrock.text.Generation;
import io.labrunner.emulator.bedrock.text.InferenceSettings;
import io.labrunner.emulator.bedrock.text.Prompt;
import io.labrunner.emulator.bedrock.text.Prompt.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Amazon Nova's native body (https://docs.aws.amazon.com/nova/latest/userguide/complete-request-schema.html):
 * request {@code {schemaVersion:"messages-v1", system:[{text}], messages:[{role, content:[{text}]}],
 * inferenceConfig:{maxTokens|max_new_tokens, temperature, topP, topK, stopSequences}}}; response
 * {@code {output:{message:{role, content:[{text}]}}, stopReason, usage:{inputTokens, outputTokens, totalTokens}}};
 * streamed as chunks shaped like ConverseStream's events: messageStart, contentBlockDelta…,
 * contentBlockStop, messageStop, metadata.
 */
final class NovaMessages implements NativeDialect {
    static final String SCHEMA_VERSION = "messages-v1";
    private static final Set<String> KEYS = Set.of("schemaVersion", "system", "messages", "inferenceConfig", "toolConfig");
    private static final Set<String> CONFIG_KEYS = Set.of("maxTokens", "max_new_tokens", "temperature", "topP", "top_p",
            "topK", "top_k", "stopSequences", "reasoningConfig");

    @Override
    public Prompt prompt(JsonNode body, FoundationModel model) {
        List<String> problems = NativeDialect.keyProblems(body, "#", KEYS, List.of("messages"));
        JsonNode config = body.path("inferenceConfig");
        if (config.isObject()) {
            problems.addAll(NativeDialect.keyProblems(config, "#/inferenceConfig", CONFIG_KEYS, List.of()));
        }
        JsonNode schema = body.path("schemaVersion");
        if (schema.isTextual() && !SCHEMA_VERSION.equals(schema.asText())) {
            problems.add("#/schemaVersion: " + schema.asText() + " is not a valid enum value");
        }
        if (body.has("messages") && !body.path("messages").isArray()) {
            problems.add("#/messages: expected type: JSONArray, found: " + AnthropicMessages.typeName(body.path("messages")));
        }
        if (!problems.isEmpty()) {
            throw NativeDialect.malformed(problems);
        }
        if (body.has("toolConfig")) {
            throw AwsException.validation("This model doesn't support tool use.");
        }
        List<String> system = new ArrayList<>();
        body.path("system").forEach(block -> system.add(text(block, "#/system")));
        List<Turn> turns = new ArrayList<>();
        JsonNode messages = body.path("messages");
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String role = message.path("role").asText("");
            if (!"user".equals(role) && !"assistant".equals(role)) {
                throw NativeDialect.malformed(List.of("#/messages/" + i + "/role: " + role + " is not a valid enum value"));
            }
            List<String> texts = new ArrayList<>();
            for (JsonNode block : message.path("content")) {
                texts.add(text(block, "#/messages/" + i + "/content"));
            }
            if (texts.isEmpty()) {
                throw NativeDialect.malformed(List.of("#/messages/" + i + "/content: expected minimum item count: 1, found: 0"));
            }
            turns.add(new Turn("user".equals(role) ? Turn.Role.USER : Turn.Role.ASSISTANT, String.join("\n\n", texts)));
        }
        Conversations.requireUserFirstAndAlternating(turns);
        JsonNode max = config.has("maxTokens") ? config.path("maxTokens") : config.path("max_new_tokens");
        String maxField = config.has("maxTokens") ? "inferenceConfig.maxTokens" : "inferenceConfig.max_new_tokens";
        List<String> stops = new ArrayList<>();
        config.path("stopSequences").forEach(s -> stops.add(s.asText()));
        InferenceSettings settings = new InferenceSettings(
                ModelLimits.maxTokens(model, ModelLimits.requested(max), maxField),
                ConverseRequest.unitInterval(config.path("temperature"), "inferenceConfig.temperature"),
                ConverseRequest.unitInterval(config.has("topP") ? config.path("topP") : config.path("top_p"), "inferenceConfig.topP"),
                stops);
        return new Prompt(system, turns, settings);
    }

    @Override
    public ObjectNode response(FoundationModel model, Generation generation, String id) {
        ObjectNode out = Json.object();
        ObjectNode message = out.putObject("output").putObject("message").put("role", "assistant");
        message.putArray("content").addObject().put("text", generation.text());
        out.put("stopReason", generation.stopReason().wireName());
        out.putObject("usage")
                .put("inputTokens", generation.inputTokens())
                .put("outputTokens", generation.outputTokens())
                .put("totalTokens", generation.inputTokens() + generation.outputTokens())
                .put("cacheReadInputTokenCount", 0)
                .put("cacheWriteInputTokenCount", 0);
        return out;
    }

    @Override
    public List<ObjectNode> chunks(FoundationModel model, Generation generation, String id, long latencyMs) {
        List<ObjectNode> chunks = new ArrayList<>();
        ObjectNode start = Json.object();
        start.putObject("messageStart").put("role", "assistant");
        chunks.add(start);
        for (String piece : EventStream.deltas(generation.text())) {
            ObjectNode delta = Json.object();
            ObjectNode event = delta.putObject("contentBlockDelta");
            event.putObject("delta").put("text", piece);
            event.put("contentBlockIndex", 0);
            chunks.add(delta);
        }
        ObjectNode stop = Json.object();
        stop.putObject("contentBlockStop").put("contentBlockIndex", 0);
        chunks.add(stop);
        ObjectNode messageStop = Json.object();
        messageStop.putObject("messageStop").put("stopReason", generation.stopReason().wireName());
        chunks.add(messageStop);
        ObjectNode metadata = Json.object();
        ObjectNode meta = metadata.putObject("metadata");
        meta.putObject("usage").put("inputTokens", generation.inputTokens()).put("outputTokens", generation.outputTokens());
        meta.putObject("metrics");
        meta.putObject("trace");
        metadata.set("amazon-bedrock-invocationMetrics", NativeDialect.invocationMetrics(generation, latencyMs));
        chunks.add(metadata);
        return chunks;
    }

    private static String text(JsonNode block, String path) {
        if (block.has("text")) {
            return block.path("text").asText("");
        }
        throw AwsException.validation("The emulator's text models read text only: a content block without 'text' at "
                + path + " is not supported.");
    }
}
