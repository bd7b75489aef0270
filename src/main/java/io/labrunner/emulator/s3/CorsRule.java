package io.labrunner.emulator.s3;

import java.util.List;
import java.util.Locale;

/**
 * One rule of a bucket's CORS configuration (the S3 API reference's CORSRule).
 *
 * @param id             the rule's ID, or null
 * @param allowedMethods GET, PUT, POST, DELETE or HEAD
 * @param allowedOrigins origins, each with at most one {@code *}
 * @param allowedHeaders headers a preflight may ask for, each with at most one {@code *}
 * @param exposeHeaders  response headers the browser may read
 * @param maxAgeSeconds  how long a browser may cache the preflight's answer, or null
 */
public record CorsRule(String id, List<String> allowedMethods, List<String> allowedOrigins,
                       List<String> allowedHeaders, List<String> exposeHeaders, Integer maxAgeSeconds) {
    public CorsRule {
        allowedMethods = List.copyOf(allowedMethods);
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedHeaders = allowedHeaders == null ? List.of() : List.copyOf(allowedHeaders);
        exposeHeaders = exposeHeaders == null ? List.of() : List.copyOf(exposeHeaders);
    }

    /** The allowed origin matching {@code origin}, or null. */
    String originMatching(String origin) {
        return allowedOrigins.stream().filter(o -> wildcardMatch(o, origin)).findFirst().orElse(null);
    }

    boolean allowsMethod(String method) {
        return allowedMethods.contains(method);
    }

    /** True when every requested header matches an allowed header (case-insensitively, with one {@code *}). */
    boolean allowsHeaders(List<String> requested) {
        return requested.stream().allMatch(h -> allowedHeaders.stream().anyMatch(a -> wildcardMatch(
                a.toLowerCase(Locale.ROOT), h.toLowerCase(Locale.ROOT))));
    }

    /** {@code pattern} with at most one {@code *}, which stands for any run of characters. */
    static boolean wildcardMatch(String pattern, String value) {
        int star = pattern.indexOf('*');
        if (star < 0) {
            return pattern.equals(value);
        }
        String head = pattern.substring(0, star);
        String tail = pattern.substring(star + 1);
        return value.length() >= head.length() + tail.length() && value.startsWith(head) && value.endsWith(tail);
    }
}
