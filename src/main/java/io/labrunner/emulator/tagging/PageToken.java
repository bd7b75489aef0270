package io.labrunner.emulator.tagging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An opaque PaginationToken: the last item of the page it ends, so that the next page starts after it even when
 * items were added or removed in between (items are listed in a stable, sorted order).
 */
final class PageToken {
    private static final String PREFIX = "after:";

    private PageToken() {
    }

    static String after(String lastItem) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + lastItem).getBytes(StandardCharsets.UTF_8));
    }

    /** The item the token's page ended with; null for no token (or an empty one, the first page). */
    static String lastItem(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw TaggingErrors.invalidToken();
        }
        if (!decoded.startsWith(PREFIX)) {
            throw TaggingErrors.invalidToken();
        }
        return decoded.substring(PREFIX.length());
    }
}
