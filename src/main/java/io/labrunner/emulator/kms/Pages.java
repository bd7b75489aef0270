package io.labrunner.emulator.kms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** KMS's Limit / Marker / NextMarker / Truncated paging over a list that is in a stable order. */
final class Pages {
    private Pages() {
    }

    /**
     * One page of {@code items} under {@code member}: {@code Limit} items (default {@code defaultLimit}) after the
     * position {@code Marker} names. A marker this KMS never gave is an InvalidMarkerException.
     */
    static Map<String, Object> page(Input input, List<?> items, String member, int defaultLimit) {
        int limit = input.integer("Limit") == null ? defaultLimit : input.integer("Limit");
        int start = 0;
        String marker = input.text("Marker");
        if (marker != null) {
            try {
                start = Integer.parseInt(marker);
            } catch (NumberFormatException e) {
                start = -1;
            }
            if (start < 0 || start > items.size()) {
                throw new io.labrunner.emulator.AwsException("InvalidMarkerException",
                        "Invalid marker " + marker, 400);
            }
        }
        int end = Math.min(items.size(), start + limit);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(member, items.subList(start, end));
        out.put("Truncated", end < items.size());
        if (end < items.size()) {
            out.put("NextMarker", String.valueOf(end));
        }
        return out;
    }
}
