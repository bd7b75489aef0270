package io.labrunner.emulator.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
 * Anthropic's Messages API as Bedrock serves it
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-anthropic-claude-messages-request-response.html):
 * request {@code {anthropic_version:"bedrock-2023-05-31", max_tokens, messages, system, temperature, top_p,
 * top_k, stop_sequences}}, where content is a string or a list of {@code {type:"text", text}} blocks;
 * response {@code {id, type:"message", role, content:[{type:"text", text}], model, stop_reason,
 * stop_sequence, usage:{input_tokens, output_tokens}}}; streamed as message_start, content_block_start,
 * content_block_delta…, content_block_stop, message_delta, message_stop.
 */
final class AnthropicMessages implements NativeDialect {
    static final String VERSION = "bedrock-2023-05-31";
    private static final Set<String> KEYS = Set.of("anthropic_version", "anthropic_beta", "max_tokens", "messages",
            "system", "temperature", "top_p", "top_k", "stop_sequences", "tools", "tool_choice", "metadata");

    @Override
    public Prompt prompt(JsonNode body, FoundationModel model) {
        List<String> problems = NativeDialect.keyProblems(body, "#", KEYS, List.of("anthropic_version", "max_tokens", "messages"));
        JsonNode version = body.path("anthropic_version");
        if (version.isTextual() && !VERSION.equals(version.asText())) {
            problems.add("#/anthropic_version: " + version.asText() + " is not a valid enum value");
        }
        JsonNode maxTokens = body.path("max_tokens");
        if (body.has("max_tokens") && !maxTokens.isIntegralNumber()) {
            problems.add("#/max_tokens: expected type: Integer, found: " + typeName(maxTokens));
        }
        if (body.has("messages") && !body.path("messages").isArray()) {
            problems.add("#/messages: expected type: JSONArray, found: " + typeName(body.path("messages")));
        }
        if (!problems.isEmpty()) {
            throw NativeDialect.malformed(problems);
        }
        if (body.has("tools")) {
            throw AwsException.validation("The emulator's text models do not call tools; leave out 'tools'.");
        }
        int limit = ModelLimits.maxOutputTokens(model);
        int max = maxTokens.asInt();
        if (max < 1) {
            throw NativeDialect.malformed(List.of("#/max_tokens: " + max + " is not greater or equal to 1"));
        }
        if (max > limit) {
            throw AwsException.validation("max_tokens: " + max + " > " + limit
                    + ", which is the maximum allowed number of output tokens for " + modelName(model));
        }
        List<Turn> turns = new ArrayList<>();
        JsonNode messages = body.path("messages");
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String role = message.path("role").asText("");
            if (!"user".equals(role) && !"assistant".equals(role)) {
                throw NativeDialect.malformed(List.of("#/messages/" + i + "/role: " + role + " is not a valid enum value"));
            }
            String text = content(message.path("content"), "#/messages/" + i + "/content");
            if (text.isBlank()) {
                throw AwsException.validation("messages." + i
                        + ": all messages must have non-empty content except for the optional final assistant message");
            }
            turns.add(new Turn("user".equals(role) ? Turn.Role.USER : Turn.Role.ASSISTANT, text));
        }
        requireAlternation(turns);
        List<String> system = new ArrayList<>();
        if (body.has("system")) {
            String text = content(body.path("system"), "#/system");
            if (!text.isBlank()) {
                system.add(text);
            }
        }
        List<String> stops = new ArrayList<>();
        body.path("stop_sequences").forEach(s -> stops.add(s.asText()));
        InferenceSettings settings = new InferenceSettings(max,
                ConverseRequest.unitInterval(body.path("temperature"), "temperature"),
                ConverseRequest.unitInterval(body.path("top_p"), "top_p"), stops);
        return new Prompt(system, turns, settings);
    }

    @Override
    public ObjectNode response(FoundationModel model, Generation generation, String id) {
        ObjectNode out = Json.object().put("id", id).put("type", "message").put("role", "assistant")
                .put("model", modelName(model));
        out.putArray("content").addObject().put("type", "text").put("text", generation.text());
        out.put("stop_reason", generation.stopReason().wireName());
        putStopSequence(out, generation);
        out.putObject("usage").put("input_tokens", generation.inputTokens()).put("output_tokens", generation.outputTokens());
        return out;
    }

    @Override
    public List<ObjectNode> chunks(FoundationModel model, Generation generation, String id, long latencyMs) {
        List<ObjectNode> chunks = new ArrayList<>();
        ObjectNode start = Json.object().put("type", "message_start");
        ObjectNode message = start.putObject("message").put("id", id).put("type", "message").put("role", "assistant")
                .put("model", modelName(model));
        message.putArray("content");
        message.putNull("stop_reason");
        message.putNull("stop_sequence");
        message.putObject("usage").put("input_tokens", generation.inputTokens()).put("output_tokens", 1);
        chunks.add(start);
        ObjectNode blockStart = Json.object().put("type", "content_block_start").put("index", 0);
        blockStart.putObject("content_block").put("type", "text").put("text", "");
        chunks.add(blockStart);
        for (String piece : EventStream.deltas(generation.text())) {
            ObjectNode delta = Json.object().put("type", "content_block_delta").put("index", 0);
            delta.putObject("delta").put("type", "text_delta").put("text", piece);
            chunks.add(delta);
        }
        chunks.add(Json.object().put("type", "content_block_stop").put("index", 0));
        ObjectNode messageDelta = Json.object().put("type", "message_delta");
        ObjectNode delta = messageDelta.putObject("delta").put("stop_reason", generation.stopReason().wireName());
        putStopSequence(delta, generation);
        messageDelta.putObject("usage").put("output_tokens", generation.outputTokens());
        chunks.add(messageDelta);
        ObjectNode stop = Json.object().put("type", "message_stop");
        stop.set("amazon-bedrock-invocationMetrics", NativeDialect.invocationMetrics(generation, latencyMs));
        chunks.add(stop);
        return chunks;
    }

    /** The model name Anthropic's responses carry: the Bedrock id without provider and version, e.g. claude-3-haiku-20240307. */
    static String modelName(FoundationModel model) {
        return model.id().replaceFirst("^anthropic\\.", "").replaceFirst("-v\\d+(:\\d+)?$", "");
    }

    private static void putStopSequence(ObjectNode node, Generation generation) {
        if (generation.stopSequence() == null) {
            node.putNull("stop_sequence");
        } else {
            node.put("stop_sequence", generation.stopSequence());
        }
    }

    /** A string, or text blocks joined by blank lines; other block types are refused. */
    private static String content(JsonNode content, String path) {
        if (content.isTextual()) {
            return content.asText();
        }
        if (!content.isArray()) {
            throw NativeDialect.malformed(List.of(path + ": expected type: String, found: " + typeName(content)));
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode block : content) {
            String type = block.path("type").asText("");
            if (!"text".equals(type)) {
                throw AwsException.validation("The emulator's text models read text only: a content block of type '"
                        + type + "' at " + path + " is not supported.");
            }
            texts.add(block.path("text").asText(""));
        }
        return String.join("\n\n", texts);
    }

    private static void requireAlternation(List<Turn> turns) {
        if (turns.isEmpty()) {
            throw AwsException.validation("messages: at least one message is required");
        }
        if (turns.get(0).role() != Turn.Role.USER) {
            throw AwsException.validation("messages: first message must use the \"user\" role");
        }
        for (int i = 1; i < turns.size(); i++) {
            if (turns.get(i).role() == turns.get(i - 1).role()) {
                String role = turns.get(i).role().wireName();
                throw AwsException.validation("messages: roles must alternate between \"user\" and \"assistant\", "
                        + "but found multiple \"" + role + "\" roles in a row");
            }
        }
        if (turns.get(turns.size() - 1).role() != Turn.Role.USER) {
            throw AwsException.validation("The emulator's text models answer a final user message; "
                    + "end the conversation with a user message (assistant prefill is not supported).");
        }
    }

    static String typeName(JsonNode node) {
        if (node.isTextual()) {
            return "String";
        }
        if (node.isArray()) {
            return "JSONArray";
        }
        if (node.isObject()) {
            return "JSONObject";
        }
        if (node.isBoolean()) {
            return "Boolean";
        }
        return node.isNumber() ? "BigDecimal" : "Null";
    }
}
