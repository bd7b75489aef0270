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
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads and validates a CreateGuardrail body into a {@link GuardrailConfig}. Constraints follow the
 * API reference (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_CreateGuardrail.html).
 */
final class GuardrailRequests {
    private static final Pattern NAME = Pattern.compile("[0-9a-zA-Z_-]{1,50}");
    private static final Set<String> FILTER_TYPES = Set.of("SEXUAL", "VIOLENCE", "HATE", "INSULTS", "MISCONDUCT",
            "PROMPT_ATTACK");
    private static final Set<String> PII_TYPES = Set.of("ADDRESS", "AGE", "AWS_ACCESS_KEY", "AWS_SECRET_KEY",
            "CA_HEALTH_NUMBER", "CA_SOCIAL_INSURANCE_NUMBER", "CREDIT_DEBIT_CARD_CVV", "CREDIT_DEBIT_CARD_EXPIRY",
            "CREDIT_DEBIT_CARD_NUMBER", "DRIVER_ID", "EMAIL", "INTERNATIONAL_BANK_ACCOUNT_NUMBER", "IP_ADDRESS",
            "LICENSE_PLATE", "MAC_ADDRESS", "NAME", "PASSWORD", "PHONE", "PIN", "SWIFT_CODE", "UK_NATIONAL_HEALTH_SERVICE_NUMBER",
            "UK_NATIONAL_INSURANCE_NUMBER", "UK_UNIQUE_TAXPAYER_REFERENCE_NUMBER", "URL", "USERNAME",
            "US_BANK_ACCOUNT_NUMBER", "US_BANK_ROUTING_NUMBER", "US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER",
            "US_PASSPORT_NUMBER", "US_SOCIAL_SECURITY_NUMBER", "VEHICLE_IDENTIFICATION_NUMBER");

    private GuardrailRequests() {
    }

    static GuardrailConfig config(JsonNode body) {
        String name = required(body, "name");
        if (!NAME.matcher(name).matches()) {
            throw AwsException.validation("1 validation error detected: Value '" + name
                    + "' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[0-9a-zA-Z-_]+$");
        }
        JsonNode topicPolicy = body.path("topicPolicyConfig");
        JsonNode contentPolicy = body.path("contentPolicyConfig");
        JsonNode wordPolicy = body.path("wordPolicyConfig");
        JsonNode sensitivePolicy = body.path("sensitiveInformationPolicyConfig");
        // List lengths from the model (botocore bedrock/2023-04-20), checked before any entry is read.
        maxLength(topicPolicy.path("topicsConfig"), "topicPolicyConfig.topicsConfig", 30);
        maxLength(contentPolicy.path("filtersConfig"), "contentPolicyConfig.filtersConfig", 6);
        maxLength(wordPolicy.path("wordsConfig"), "wordPolicyConfig.wordsConfig", 10000);
        maxLength(sensitivePolicy.path("regexesConfig"), "sensitiveInformationPolicyConfig.regexesConfig", 10);
        maxLength(body.path("tags"), "tags", 200);
        List<DeniedTopic> topics = list(topicPolicy.path("topicsConfig"), t -> new DeniedTopic(
                required(t, "name"), required(t, "definition"), strings(t.path("examples"))));
        List<ContentFilter> filters = list(contentPolicy.path("filtersConfig"), f -> new ContentFilter(
                oneOf(f, "type", FILTER_TYPES), strength(f, "inputStrength"), strength(f, "outputStrength")));
        List<String> words = list(wordPolicy.path("wordsConfig"), w -> required(w, "text"));
        List<String> managed = list(wordPolicy.path("managedWordListsConfig"), m -> oneOf(m, "type", Set.of("PROFANITY")));
        List<PiiRule> pii = list(sensitivePolicy.path("piiEntitiesConfig"), p -> new PiiRule(
                oneOf(p, "type", PII_TYPES), action(p)));
        List<RegexRule> regexes = list(sensitivePolicy.path("regexesConfig"), r -> new RegexRule(
                required(r, "name"), r.path("description").asText(null), pattern(r), action(r)));
        return new GuardrailConfig(name, body.path("description").asText(null),
                required(body, "blockedInputMessaging"), required(body, "blockedOutputsMessaging"),
                topics, filters, words, !managed.isEmpty(), pii, regexes);
    }

    static String required(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw AwsException.validation("1 validation error detected: Value null at '" + field
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value.asText();
    }

    private static String oneOf(JsonNode node, String field, Set<String> allowed) {
        String value = required(node, field);
        if (!allowed.contains(value)) {
            throw AwsException.validation("1 validation error detected: Value '" + value + "' at '" + field
                    + "' failed to satisfy constraint: Member must satisfy enum value set: " + allowed);
        }
        return value;
    }

    private static Strength strength(JsonNode node, String field) {
        return Strength.valueOf(oneOf(node, field, Set.of("NONE", "LOW", "MEDIUM", "HIGH")));
    }

    private static PiiAction action(JsonNode node) {
        return PiiAction.valueOf(oneOf(node, "action", Set.of("BLOCK", "ANONYMIZE")));
    }

    private static String pattern(JsonNode node) {
        String pattern = required(node, "pattern");
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

    private static void maxLength(JsonNode array, String memberPath, int max) {
        if (array.isArray() && array.size() > max) {
            throw AwsException.validation("1 validation error detected: Value at '" + memberPath
                    + "' failed to satisfy constraint: Member must have length less than or equal to " + max);
        }
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> read) {
        List<T> values = new ArrayList<>();
        array.forEach(item -> values.add(read.apply(item)));
        return List.copyOf(values);
    }
}
