package io.labrunner.emulator.glue;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.AwsException;

/**
 * The model's ranges for page sizes and batch lengths (botocore glue/2017-03-31), checked before any
 * work, in the wording every Coral service uses for a constraint: e.g. "1 validation error detected:
 * Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1".
 */
final class RequestLimits {
    private RequestLimits() {
    }

    /** MaxResults within [1, {@code max}], or {@code dflt} when absent. */
    static int maxResults(JsonNode request, int dflt, int max) {
        JsonNode node = request.get("MaxResults");
        if (node == null || node.isNull()) {
            return dflt;
        }
        if (!node.isNumber()) {
            throw new AwsException("SerializationException", "STRING_VALUE can not be converted to an Integer", 400);
        }
        if (!node.canConvertToInt() || node.doubleValue() != Math.rint(node.doubleValue())) {
            throw new AwsException("SerializationException", "NUMBER_VALUE can not be converted to an Integer", 400);
        }
        int value = node.intValue();
        if (value < 1) {
            throw validation("'" + value + "'", "maxResults", "have value greater than or equal to 1");
        }
        if (value > max) {
            throw validation("'" + value + "'", "maxResults", "have value less than or equal to " + max);
        }
        return value;
    }

    /** A list member of at most {@code max} entries. */
    static void listLength(JsonNode request, String member, int max) {
        JsonNode node = request.get(member);
        if (node != null && node.isArray() && node.size() > max) {
            throw validation(null, Character.toLowerCase(member.charAt(0)) + member.substring(1),
                    "have length less than or equal to " + max);
        }
    }

    private static AwsException validation(String shownValue, String memberPath, String constraint) {
        return new AwsException("ValidationException", "1 validation error detected: Value "
                + (shownValue == null ? "" : shownValue + " ") + "at '" + memberPath
                + "' failed to satisfy constraint: Member must " + constraint, 400);
    }
}
