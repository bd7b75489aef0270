package io.labrunner.emulator.logs;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a request's members after the protocol core checked them against the Logs model (types,
 * lengths, patterns, ranges already hold; timestamps are epoch milliseconds).
 */
final class Members {
    private final JsonNode node;

    Members(JsonNode node) {
        this.node = node;
    }

    String string(String name) {
        JsonNode child = node.get(name);
        return child == null || child.isNull() ? null : child.asText();
    }

    Integer integer(String name) {
        JsonNode child = node.get(name);
        return child == null || child.isNull() ? null : child.intValue();
    }

    Long longValue(String name) {
        JsonNode child = node.get(name);
        return child == null || child.isNull() ? null : child.longValue();
    }

    boolean flag(String name) {
        JsonNode child = node.get(name);
        return child != null && child.asBoolean(false);
    }

    List<String> strings(String name) {
        List<String> out = new ArrayList<>();
        JsonNode child = node.get(name);
        if (child != null) {
            child.forEach(value -> out.add(value.asText()));
        }
        return out;
    }

    Map<String, String> stringMap(String name) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode child = node.get(name);
        if (child != null) {
            child.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }

    JsonNode node(String name) {
        return node.get(name);
    }

    /**
     * The log group a request names by {@code logGroupName} or {@code logGroupIdentifier} (a name, or an
     * ARN without the trailing {@code :*}); the API reference says exactly one of the two.
     */
    String groupName() {
        String name = string("logGroupName");
        String identifier = string("logGroupIdentifier");
        if (name != null && identifier != null) {
            throw LogsErrors.invalidParameter("LogGroup name and LogGroup ARN are mutually exclusive parameters.");
        }
        if (name == null && identifier == null) {
            throw LogsErrors.invalidParameter("Either logGroupName or logGroupIdentifier must be specified.");
        }
        if (name != null) {
            return name;
        }
        int at = identifier.indexOf(":log-group:");
        return at < 0 ? identifier : identifier.substring(at + ":log-group:".length());
    }

    static String encodeToken(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The text of a token {@link #encodeToken} wrote, or null when it is not one. */
    static String decodeToken(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
