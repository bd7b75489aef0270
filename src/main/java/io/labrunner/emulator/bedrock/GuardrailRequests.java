package io.labrunner.emulator.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.bedrock.GuardrailConfig.ContentFilter;
import io.labrunner.emulator.bedrock.GuardrailConfig.DeniedTopic;
import io.labrunner.emulator.bedrock.GuardrailConfig.PiiAction;
import io.labrunner.emulator.bedrock.GuardrailConfig.PiiRule;
import io.labrunner.emulator.bedrock.GuardrailConfig.RegexRule;
import io.labrunner.emulator.bedrock.GuardrailConfig.Strength;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a CreateGuardrail input into a {@link GuardrailConfig}. The protocol core has already checked it
 * against the model (required members, name pattern, enums, list lengths;
 * https://docs.aws.amazon.com/bedrock/latest/APIReference/API_CreateGuardrail.html); what is left is what the
 * model cannot say, such as a regex that does not compile.
 */
final class GuardrailRequests {

    private GuardrailRequests() {
    }

    static GuardrailConfig config(JsonNode body) {
        JsonNode topicPolicy = body.path("topicPolicyConfig");
        JsonNode contentPolicy = body.path("contentPolicyConfig");
        JsonNode wordPolicy = body.path("wordPolicyConfig");
        JsonNode sensitivePolicy = body.path("sensitiveInformationPolicyConfig");
        List<DeniedTopic> topics = list(topicPolicy.path("topicsConfig"), t -> new DeniedTopic(
                t.path("name").asText(), t.path("definition").asText(), strings(t.path("examples"))));
        List<ContentFilter> filters = list(contentPolicy.path("filtersConfig"), f -> new ContentFilter(
                f.path("type").asText(), strength(f, "inputStrength"), strength(f, "outputStrength")));
        List<String> words = list(wordPolicy.path("wordsConfig"), w -> w.path("text").asText());
        List<String> managed = list(wordPolicy.path("managedWordListsConfig"), m -> m.path("type").asText());
        List<PiiRule> pii = list(sensitivePolicy.path("piiEntitiesConfig"), p -> new PiiRule(
                p.path("type").asText(), action(p)));
        List<RegexRule> regexes = list(sensitivePolicy.path("regexesConfig"), r -> new RegexRule(
                r.path("name").asText(), r.path("description").asText(null), pattern(r), action(r)));
        return new GuardrailConfig(body.path("name").asText(), body.path("description").asText(null),
                body.path("blockedInputMessaging").asText(), body.path("blockedOutputsMessaging").asText(),
                topics, filters, words, !managed.isEmpty(), pii, regexes);
    }

    /** A filter strength; the model allows NONE, LOW, MEDIUM and HIGH, and requires it. */
    private static Strength strength(JsonNode node, String field) {
        return Strength.valueOf(node.path(field).asText());
    }

    /**
     * A PII or regex rule's action. The model also lists NONE (detect only), which the emulator does not
     * evaluate yet: answered as not implemented rather than taken and ignored.
     */
    private static PiiAction action(JsonNode node) {
        String action = node.path("action").asText();
        if ("NONE".equals(action)) {
            throw AwsException.notImplemented("bedrock", "CreateGuardrail with the sensitive information action NONE");
        }
        return PiiAction.valueOf(action);
    }

    private static String pattern(JsonNode node) {
        String pattern = node.path("pattern").asText();
        try {
            Pattern.compile(pattern);
            return pattern;
        } catch (PatternSyntaxException e) {
            throw AwsException.validation("The regex pattern '" + pattern + "' is not valid: " + e.getDescription());
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> read) {
        List<T> values = new ArrayList<>();
        array.forEach(item -> values.add(read.apply(item)));
        return List.copyOf(values);
    }
}
