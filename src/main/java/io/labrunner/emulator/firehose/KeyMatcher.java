package io.labrunner.emulator.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the JSON member that holds a column (or a struct field), as the deserializer matches keys: an exact
 * match first, then, unless OpenX's CaseInsensitive is false, one that ignores case. OpenX's
 * ColumnToJsonKeyMappings names another key for a column, and ConvertDotsInJsonKeysToUnderscores reads
 * {@code a.b} as {@code a_b} (https://docs.aws.amazon.com/firehose/latest/APIReference/API_OpenXJsonSerDe.html).
 */
final class KeyMatcher {
    private final FormatConversion.JsonDeserializer deserializer;

    KeyMatcher(FormatConversion.JsonDeserializer deserializer) {
        this.deserializer = deserializer;
    }

    /**
     * The value for {@code column}, or null when the object has no such member.
     *
     * @param topLevel true for a table column, to which ColumnToJsonKeyMappings applies
     */
    JsonNode find(ObjectNode object, String column, boolean topLevel) {
        String key = topLevel ? deserializer.columnToJsonKey().getOrDefault(column.toLowerCase(Locale.ROOT), column)
                : column;
        JsonNode exact = object.get(key);
        if (exact != null && !deserializer.dotsToUnderscores()) {
            return exact;
        }
        JsonNode caseless = null;
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String name = deserializer.dotsToUnderscores() ? f.getKey().replace('.', '_') : f.getKey();
            if (name.equals(key)) {
                return f.getValue();
            }
            if (caseless == null && deserializer.caseInsensitive() && name.equalsIgnoreCase(key)) {
                caseless = f.getValue();
            }
        }
        return caseless;
    }
}
