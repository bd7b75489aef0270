package io.labrunner.emulator.cloudwatch;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque NextTokens over a sorted listing: the offset of the next page, encoded. */
final class Pages {
    private static final String PREFIX = "cw:";

    private Pages() {
    }

    static String token(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** The offset a token names; 0 without one; InvalidNextToken for one this service did not write. */
    static int start(String token) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                return Integer.parseInt(text.substring(PREFIX.length()));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error
        }
        throw CloudWatchErrors.invalidToken();
    }
}
