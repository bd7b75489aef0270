package io.labrunner.emulator.protocol;

import java.util.Locale;

/**
 * Where a REST protocol carries a structure member instead of the JSON body ({@code "location"} and
 * {@code "locationName"} in the model).
 *
 * @param location the part of the HTTP message
 * @param wireName the label, query parameter or header name on the wire
 */
public record MemberBinding(Location location, String wireName) {

    /** The parts of an HTTP message a member can be bound to. */
    public enum Location {
        /** A label of the request URI, {@code {name}} or greedy {@code {name+}}. */
        URI,
        QUERYSTRING,
        HEADER,
        /** Every header starting with the wire name, as a map (S3's metadata); not read by the core yet. */
        HEADERS,
        /** The response's status code. */
        STATUS_CODE;

        static Location of(String modelLocation) {
            return "statusCode".equals(modelLocation) ? STATUS_CODE : valueOf(modelLocation.toUpperCase(Locale.ROOT));
        }
    }
}
