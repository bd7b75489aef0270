package io.labrunner.emulator.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.AwsException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Checks a model's native request body against its JSON schema and words what is wrong the way Bedrock does:
 * each violation as {@code <JSON pointer>: <what>} ({@code #: required key [inputText] not found},
 * {@code #/texts/0: expected maxLength: 2048, actual: 19882}), inside
 * {@code Malformed input request: ..., please reformat your input and try again.} Users quote these messages, e.g.
 * https://github.com/promptfoo/promptfoo/issues/921 (Cohere Embed, violations run together) and
 * https://github.com/spring-projects/spring-ai/issues/788 (Titan Embeddings, only their number).
 */
final class SchemaViolations {
    /** How a model's validator words several violations at once. */
    enum Listing {
        /** Each violation, run together: Cohere's models. */
        EACH,
        /** Only their number ({@code 2 schema violations found}): Amazon Titan's. */
        COUNT
    }

    private final Listing listing;
    private final List<String> violations = new ArrayList<>();

    SchemaViolations(Listing listing) {
        this.listing = listing;
    }

    /** The whole-body error Bedrock gives when the body is not JSON at all. */
    static AwsException unreadable() {
        return AwsException.validation("Malformed input request, please reformat your input and try again.");
    }

    void add(String pointer, String violation) {
        violations.add(pointer + ": " + violation);
    }

    /** Required keys first, then keys the schema does not allow, in the order the validator reports them. */
    void keys(JsonNode body, List<String> required, Set<String> allowed) {
        for (String key : required) {
            if (!body.has(key)) {
                add("#", "required key [" + key + "] not found");
            }
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                add("#", "extraneous key [" + name + "] is not permitted");
            }
        }
    }

    /** True when {@code node} is a string; otherwise records the type violation. */
    boolean isString(String pointer, JsonNode node) {
        return isType(pointer, node, node.isTextual(), "String");
    }

    boolean isArray(String pointer, JsonNode node) {
        return isType(pointer, node, node.isArray(), "JSONArray");
    }

    boolean isBoolean(String pointer, JsonNode node) {
        return isType(pointer, node, node.isBoolean(), "Boolean");
    }

    boolean isInteger(String pointer, JsonNode node) {
        return isType(pointer, node, node.isIntegralNumber(), "Integer");
    }

    void length(String pointer, String text, int min, int max) {
        int length = text.codePointCount(0, text.length());
        if (length < min) {
            add(pointer, "expected minLength: " + min + ", actual: " + length);
        } else if (length > max) {
            add(pointer, "expected maxLength: " + max + ", actual: " + length);
        }
    }

    void items(String pointer, JsonNode array, int min, int max) {
        if (array.size() < min) {
            add(pointer, "expected minimum item count: " + min + ", found: " + array.size());
        } else if (array.size() > max) {
            add(pointer, "expected maximum item count: " + max + ", found: " + array.size());
        }
    }

    void oneOf(String pointer, JsonNode value, List<?> allowed) {
        Object plain = value.isIntegralNumber() ? (Object) value.asInt() : value.isTextual() ? value.asText() : value;
        if (!allowed.contains(plain)) {
            add(pointer, (value.isTextual() ? value.asText() : value.toString()) + " is not a valid enum value");
        }
    }

    /** Throws the ValidationException for what was found, if anything was. */
    void throwIfAny() {
        if (violations.isEmpty()) {
            return;
        }
        String detail = violations.size() == 1 || listing == Listing.EACH
                ? String.join("", violations)
                : violations.size() + " schema violations found";
        throw AwsException.validation("Malformed input request: " + detail + ", please reformat your input and try again.");
    }

    private boolean isType(String pointer, JsonNode node, boolean matches, String expected) {
        if (!matches) {
            add(pointer, "expected type: " + expected + ", found: " + typeName(node));
        }
        return matches;
    }

    /** The Java type the validator names for a JSON value (it works on org.json values). */
    static String typeName(JsonNode node) {
        if (node.isTextual()) {
            return "String";
        }
        if (node.isIntegralNumber()) {
            return "Integer";
        }
        if (node.isNumber()) {
            return "BigDecimal";
        }
        if (node.isBoolean()) {
            return "Boolean";
        }
        if (node.isArray()) {
            return "JSONArray";
        }
        if (node.isObject()) {
            return "JSONObject";
        }
        return "Null";
    }
}
