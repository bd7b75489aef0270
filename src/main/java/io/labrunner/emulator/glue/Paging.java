package io.labrunner.emulator.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** NextToken/MaxResults paging over an in-memory list; tokens are opaque to the caller. */
final class Paging {
    private Paging() {
    }

    /**
     * Writes the page of {@code items} into {@code out[listMember]} and NextToken if more remain.
     *
     * @param defaultMax page size when MaxResults is absent (the protocol core has checked its model range)
     */
    static <T> void page(JsonNode request, List<T> items, ObjectNode out, String listMember, int defaultMax) {
        int max = request.path("MaxResults").asInt(defaultMax);
        int start = 0;
        String token = request.path("NextToken").asText(null);
        if (token != null && !token.isEmpty()) {
            try {
                start = Integer.parseInt(new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw GlueErrors.invalidInput("Invalid pagination token.");
            }
            if (start < 0) {
                throw GlueErrors.invalidInput("Invalid pagination token.");
            }
        }
        int end = (int) Math.min(items.size(), (long) start + max);
        start = Math.min(start, end);
        var array = out.putArray(listMember);
        items.subList(start, end).forEach(i -> array.add(GlueJson.tree(i)));
        if (end < items.size()) {
            out.put("NextToken", Base64.getEncoder().encodeToString(
                    Integer.toString(end).getBytes(StandardCharsets.UTF_8)));
        }
    }
}
