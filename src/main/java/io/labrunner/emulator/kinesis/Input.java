package io.labrunner.emulator.kinesis;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Locale;

/** A request's members, read the same way whichever wire format carried them. */
final class Input {
    private final JsonNode node;
    private final WireFormat format;

    Input(JsonNode node, WireFormat format) {
        this.node = node;
        this.format = format;
    }

    Input member(String name) {
        JsonNode child = node.get(name);
        return child == null || child.isNull() ? null : new Input(child, format);
    }

    JsonNode node() {
        return node;
    }

    WireFormat format() {
        return format;
    }

    boolean has(String name) {
        JsonNode child = node.get(name);
        return child != null && !child.isNull();
    }

    String string(String name) {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            return null;
        }
        if (!child.isTextual()) {
            throw KinesisErrors.serialization("Unexpected value type in " + name + ": expected a string");
        }
        return child.textValue();
    }

    /** A member that must be present: Coral reports a missing one as a validation error. */
    String requiredString(String name) {
        String value = string(name);
        if (value == null) {
            throw KinesisErrors.validation("null", memberPath(name), "not be null");
        }
        return value;
    }

    Integer integer(String name) {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            return null;
        }
        if (!child.isNumber()) {
            throw KinesisErrors.serialization("STRING_VALUE can not be converted to an Integer");
        }
        if (!fitsInteger(child)) {
            // Coral refuses a number its Integer cannot hold instead of wrapping or rounding it; a wrapped
            // 1e400 or 2147483648 would otherwise pass every range check as Integer.MAX_VALUE or a negative.
            throw KinesisErrors.serialization("NUMBER_VALUE can not be converted to an Integer");
        }
        return child.intValue();
    }

    /** True for a whole number within Integer's range, however the wire format encoded it. */
    private static boolean fitsInteger(JsonNode number) {
        if (number.isIntegralNumber()) {
            return number.canConvertToInt();
        }
        double value = number.doubleValue();
        return value == Math.rint(value) && value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
    }

    byte[] blob(String name) {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            return null;
        }
        try {
            // java.util.Base64 decodes several times faster than Jackson's lenient decoder.
            return child.isTextual() ? java.util.Base64.getDecoder().decode(child.textValue()) : child.binaryValue();
        } catch (IOException | IllegalArgumentException e) {
            throw KinesisErrors.serialization("'" + child.asText() + "' can not be converted to a Blob");
        }
    }

    Long timestampMillis(String name) {
        JsonNode child = node.get(name);
        return child == null || child.isNull() ? null : format.timestampMillis(child);
    }

    /** A hash key given as a decimal string, or null when absent. */
    BigInteger hashKey(String name, String memberPath) {
        String value = string(name);
        if (value == null) {
            return null;
        }
        if (!value.matches("0|([1-9]\\d{0,38})")) {
            throw KinesisErrors.validation(value, memberPath,
                    "satisfy regular expression pattern: 0|([1-9]\\d{0,38})");
        }
        return new BigInteger(value);
    }

    /**
     * The stream a request addresses, by StreamName or StreamARN (the API accepts either since 2022;
     * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DescribeStreamSummary.html).
     */
    String streamName() {
        String arn = string("StreamARN");
        if (arn != null) {
            int slash = arn.indexOf(":stream/");
            if (!arn.startsWith("arn:aws") || slash < 0) {
                throw KinesisErrors.validation(arn, "streamARN",
                        "satisfy regular expression pattern: arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+");
            }
            String name = arn.substring(slash + ":stream/".length());
            String given = string("StreamName");
            if (given != null && !given.equals(name)) {
                throw KinesisErrors.invalidArgument("StreamARN " + arn + " and StreamName " + given
                        + " do not refer to the same stream.");
            }
            return name;
        }
        String name = string("StreamName");
        if (name == null) {
            throw KinesisErrors.invalidArgument("Either StreamName or StreamARN should be provided.");
        }
        return name;
    }

    /** Coral names members in lower camel case in its messages, e.g. {@code streamName}. */
    static String memberPath(String name) {
        return name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }
}
