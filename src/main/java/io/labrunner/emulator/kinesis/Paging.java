package io.labrunner.emulator.kinesis;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Page sizes and opaque pagination tokens shared by the list operations. */
final class Paging {
    private Paging() {
    }

    /** A page size: {@code dflt} when absent (the model bounds a given one). */
    static int limit(Integer value, int dflt) {
        return value == null ? dflt : value;
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
