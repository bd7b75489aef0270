package io.labrunner.emulator.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.AwsException;

/**
 * Integer members read as the service reads them: a number an Integer cannot hold (1e400, 2147483648,
 * 1.5) or a string is a SerializationException, never wrapped or rounded into a value that passes a
 * range check.
 */
final class WholeNumbers {
    private WholeNumbers() {
    }

    /** The member as an int, or null when absent. */
    static Integer read(JsonNode parent, String name) {
        JsonNode node = parent == null ? null : parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw new AwsException("SerializationException", "STRING_VALUE can not be converted to an Integer", 400);
        }
        double value = node.doubleValue();
        if (node.isIntegralNumber() ? !node.canConvertToInt() : value != Math.rint(value)
                || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new AwsException("SerializationException", "NUMBER_VALUE can not be converted to an Integer", 400);
        }
        return node.intValue();
    }
}
