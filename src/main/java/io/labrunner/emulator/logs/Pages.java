package io.labrunner.emulator.logs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Offset paging for the Describe operations, with opaque tokens. */
final class Pages {
    private static final String TOKEN_PREFIX = "offset:";

    private Pages() {
    }

    static Map<String, Object> page(List<?> items, String token, int limit, String member) {
        int from = 0;
        if (token != null) {
            String text = Members.decodeToken(token);
            if (text == null || !text.startsWith(TOKEN_PREFIX)) {
                throw LogsErrors.invalidToken();
            }
            try {
                from = Integer.parseInt(text.substring(TOKEN_PREFIX.length()));
            } catch (NumberFormatException e) {
                throw LogsErrors.invalidToken();
            }
            if (from < 0) {
                throw LogsErrors.invalidToken();
            }
        }
        int to = Math.min(items.size(), from + limit);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(member, from >= items.size() ? List.of() : items.subList(from, to));
        if (to < items.size()) {
            out.put("nextToken", Members.encodeToken(TOKEN_PREFIX + to));
        }
        return out;
    }
}
