package io.labrunner.emulator.kinesis;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Page sizes and opaque pagination tokens shared by the list operations. */
final class Paging {
    private Paging() {
    }

    /** A page size: {@code dflt} when absent, else validated against [1, max] as Coral does. */
    static int limit(Integer value, int dflt, int max, String member) {
        if (value == null) {
            return dflt;
        }
        if (value < 1) {
            throw KinesisErrors.validation(value.toString(), member, "have value greater than or equal to 1");
        }
        if (value > max) {
            throw KinesisErrors.validation(value.toString(), member, "have value less than or equal to " + max);
        }
        return value;
    }

    static String encodeToken(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String decodeToken(String token) {
        try {
            return new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw KinesisErrors.invalidArgument("Invalid NextToken.");
        }
    }
}
