package io.labrunner.emulator.kinesis;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;

/**
 * A request's members after the protocol core checked them against Kinesis's API model: types,
 * required members, lengths, ranges, patterns and enums already hold, blobs are decoded and
 * timestamps are epoch milliseconds, whichever wire format carried them.
 */
final class Input {
    private final JsonNode node;

    Input(JsonNode node) {
        this.node = node;
    }

    Input member(String name) {
        JsonNode child = node.get(name);
        return child == null ? null : new Input(child);
    }

    JsonNode node() {
        return node;
    }

    boolean has(String name) {
        return node.has(name);
    }

    String string(String name) {
        JsonNode child = node.get(name);
        return child == null ? null : child.textValue();
    }

    Integer integer(String name) {
        JsonNode child = node.get(name);
        return child == null ? null : child.intValue();
    }

    byte[] blob(String name) {
        JsonNode child = node.get(name);
        try {
            return child == null ? null : child.binaryValue();
        } catch (IOException e) {
            throw new IllegalStateException("the protocol core decodes blobs", e);
        }
    }

    Long timestampMillis(String name) {
        JsonNode child = node.get(name);
        return child == null ? null : child.longValue();
    }

    /** A hash key (the model's pattern {@code 0|([1-9]\d{0,38})} holds), or null when absent. */
    BigInteger hashKey(String name) {
        String value = string(name);
        return value == null ? null : new BigInteger(value);
    }

    /**
     * The stream a request addresses, by StreamName or StreamARN (the API accepts either since 2022;
     * https://docs.aws.amazon.com/kinesis/latest/APIReference/API_DescribeStreamSummary.html).
     * The model's pattern guarantees an ARN holds {@code :stream/}.
     */
    String streamName() {
        String arn = string("StreamARN");
        if (arn != null) {
            String name = arn.substring(arn.indexOf(":stream/") + ":stream/".length());
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
}
