package io.labrunner.emulator.events;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Pages of a sorted list: NextToken is the position of the next item, opaque to clients. */
record Paging<T>(List<T> page, String nextToken) {
    private static final int DEFAULT_LIMIT = 100;

    static <T> Paging<T> of(List<T> all, Integer limit, String token) {
        int start = 0;
        if (token != null) {
            try {
                start = Integer.parseInt(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw EventsErrors.validation("The NextToken provided is invalid.");
            }
            if (start < 0 || start > all.size()) {
                throw EventsErrors.validation("The NextToken provided is invalid.");
            }
        }
        int size = limit == null || limit <= 0 ? DEFAULT_LIMIT : limit;
        int end = Math.min(all.size(), start + size);
        String next = end < all.size() ? Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Integer.toString(end).getBytes(StandardCharsets.UTF_8)) : null;
        return new Paging<>(all.subList(start, end), next);
    }
}
