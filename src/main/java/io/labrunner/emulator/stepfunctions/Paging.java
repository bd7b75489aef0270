package io.labrunner.emulator.stepfunctions;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** One page of a list: {@code maxResults} 0 or absent means 100, as the API reference says; tokens are opaque. */
final class Paging {
    private static final int DEFAULT_PAGE = 100;
    private static final String PREFIX = "sfn-page:";

    private Paging() {
    }

    /**
     * The page's output: {@code member} holding the page's items as {@code view} shows them, and
     * {@code nextToken} when more remain.
     */
    static <T> Map<String, Object> page(List<T> all, Integer maxResults, String nextToken, String member,
            Function<T, Object> view) {
        int start = nextToken == null ? 0 : offset(nextToken);
        int size = maxResults == null || maxResults == 0 ? DEFAULT_PAGE : maxResults;
        int end = Math.min(all.size(), start + size);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(member, all.subList(Math.min(start, all.size()), end).stream().map(view).toList());
        if (end < all.size()) {
            out.put("nextToken", Base64.getEncoder().encodeToString((PREFIX + end).getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    private static int offset(String token) {
        try {
            String text = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
            if (!text.startsWith(PREFIX)) {
                throw SfnErrors.invalidToken("Invalid token");
            }
            int offset = Integer.parseInt(text.substring(PREFIX.length()));
            if (offset < 0) {
                throw SfnErrors.invalidToken("Invalid token");
            }
            return offset;
        } catch (IllegalArgumentException e) {
            throw SfnErrors.invalidToken("Invalid token");
        }
    }
}
