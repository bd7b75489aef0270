package io.labrunner.emulator.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.bedrock.text.InferenceSettings;
import io.labrunner.emulator.bedrock.text.Prompt;
import io.labrunner.emulator.bedrock.text.Prompt.Turn;
import java.util.ArrayList;
import java.util.List;

/**
 * A Converse or ConverseStream request body, validated as Bedrock validates it
 * (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html).
 * Text and {@code guardContent} blocks are read; {@code cachePoint} blocks are ignored; images,
 * documents, video, audio and tools are refused, since the emulator's models read text only.
 *
 * @param prompt        the conversation to answer
 * @param guardrail     the guardrail to apply, or null
 * @param guardContent  the texts of {@code guardContent} blocks, which the guardrail evaluates instead of the last user turn when present
 */
record ConverseRequest(Prompt prompt, GuardrailRequest guardrail, List<String> guardContent) {
    private static final List<String> UNSUPPORTED_BLOCKS =
            List.of("image", "document", "video", "audio", "toolUse", "toolResult", "reasoningContent", "citationsContent", "searchResult");

    static ConverseRequest parse(JsonNode body, FoundationModel model) {
        if (body.has("toolConfig")) {
            throw AwsException.validation("This model doesn't support tool use.");
        }
        List<String> guardContent = new ArrayList<>();
        List<String> system = new ArrayList<>();
        JsonNode systemBlocks = body.path("system");
        for (int i = 0; i < systemBlocks.size(); i++) {
            String text = blockText(systemBlocks.get(i), "system." + i, guardContent);
            if (text != null) {
                system.add(text);
            }
        }
        JsonNode messages = body.path("messages");
        if (!messages.isArray()) {
            throw AwsException.validation(
                    "1 validation error detected: Value null at 'messages' failed to satisfy constraint: Member must not be null");
        }
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            Turn.Role role = role(message.path("role").asText(null), i);
            List<String> texts = new ArrayList<>();
            JsonNode content = message.path("content");
            for (int j = 0; j < content.size(); j++) {
                String text = blockText(content.get(j), "messages." + i + ".content." + j, guardContent);
                if (text != null) {
                    texts.add(text);
                }
            }
            if (texts.isEmpty()) {
                throw AwsException.validation("The content field in the Message object at messages." + i
                        + " is empty. Add a ContentBlock object to the content field and try again.");
            }
            turns.add(new Turn(role, String.join("\n\n", texts)));
        }
        Conversations.requireUserFirstAndAlternating(turns);
        JsonNode config = body.path("inferenceConfig");
        Integer maxTokens = ModelLimits.requested(config.path("maxTokens"));
        InferenceSettings settings = new InferenceSettings(
                ModelLimits.maxTokens(model, maxTokens, "inferenceConfig.maxTokens"),
                unitInterval(config.path("temperature"), "inferenceConfig.temperature"),
                unitInterval(config.path("topP"), "inferenceConfig.topP"),
                stopSequences(config.path("stopSequences")));
        return new ConverseRequest(new Prompt(system, turns, settings), GuardrailRequest.of(body.get("guardrailConfig")),
                List.copyOf(guardContent));
    }

    private static Turn.Role role(String role, int index) {
        if ("user".equals(role)) {
            return Turn.Role.USER;
        }
        if ("assistant".equals(role)) {
            return Turn.Role.ASSISTANT;
        }
        throw AwsException.validation("1 validation error detected: Value '" + role + "' at 'messages." + (index + 1)
                + ".member.role' failed to satisfy constraint: Member must satisfy enum value set: [user, assistant]");
    }

    /** The block's text (a text or guardContent block), null for a cache point; refuses other blocks. */
    private static String blockText(JsonNode block, String where, List<String> guardContent) {
        if (block.has("text")) {
            String text = block.path("text").asText("");
            if (text.isBlank()) {
                throw AwsException.validation("The text field in the ContentBlock object at " + where
                        + " is blank. Add text to the text field, and try again.");
            }
            return text;
        }
        if (block.has("guardContent")) {
            String text = block.path("guardContent").path("text").path("text").asText("");
            guardContent.add(text);
            return text;
        }
        if (block.has("cachePoint")) {
            return null;
        }
        String kind = UNSUPPORTED_BLOCKS.stream().filter(block::has).findFirst().orElse("unknown");
        throw AwsException.validation("The emulator's text models read text only: the " + kind
                + " content block at " + where + " is not supported. Send text content blocks, or run this against a real account.");
    }

    static Float unitInterval(JsonNode value, String field) {
        if (!value.isNumber()) {
            return null;
        }
        float f = value.floatValue();
        if (f < 0) {
            throw AwsException.validation("1 validation error detected: Value '" + f + "' at '" + field
                    + "' failed to satisfy constraint: Member must have value greater than or equal to 0");
        }
        if (f > 1) {
            throw AwsException.validation("1 validation error detected: Value '" + f + "' at '" + field
                    + "' failed to satisfy constraint: Member must have value less than or equal to 1");
        }
        return f;
    }

    private static List<String> stopSequences(JsonNode node) {
        List<String> stops = new ArrayList<>();
        node.forEach(s -> stops.add(s.asText()));
        if (stops.size() > 4) {
            throw AwsException.validation("1 validation error detected: Value at 'inferenceConfig.stopSequences' failed to "
                    + "satisfy constraint: Member must have length less than or equal to 4");
        }
        return stops;
    }
}
