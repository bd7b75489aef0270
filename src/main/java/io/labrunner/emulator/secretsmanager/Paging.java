package io.labrunner.emulator.secretsmanager;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Secrets Manager's MaxResults / NextToken paging over a list in a stable order. */
final class Paging {
    private static final int DEFAULT_MAX_RESULTS = 100;

    private Paging() {
    }

    static Map<String, Object> page(Input input, List<?> items, String member) {
        int max = input.number("MaxResults") == null ? DEFAULT_MAX_RESULTS : input.number("MaxResults").intValue();
        int start = 0;
        String token = input.text("NextToken");
        if (token != null) {
            try {
                start = Integer.parseInt(token);
            } catch (NumberFormatException e) {
                start = -1;
            }
            if (start < 0 || start > items.size()) {
                throw new io.labrunner.emulator.AwsException("InvalidNextTokenException",
                        "The NextToken value is invalid.", 400);
            }
        }
        int end = Math.min(items.size(), start + max);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(member, items.subList(start, end));
        if (end < items.size()) {
            out.put("NextToken", String.valueOf(end));
        }
        return out;
    }
}
