package io.labrunner.emulator.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** NextToken/MaxResults paging over an in-memory list; tokens are opaque to the caller. */
final class Paging {
    private Paging() {
    }

    /** Writes the page of {@code items} into {@code out[listMember]} and NextToken if more remain. */
    static <T> void page(JsonNode request, List<T> items, ObjectNode out, String listMember, int defaultMax) {
        int start = 0;
        String token = request.path("NextToken").asText(null);
        if (token != null && !token.isEmpty()) {
            try {
                start = Integer.parseInt(new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                start = -1;
            }
            if (start < 0) {
                throw GlueErrors.invalidInput("Invalid pagination token.");
            }
        }
        JsonNode maxResults = request.path("MaxResults");
        if (!maxResults.isMissingNode() && !maxResults.isNull()
                && !(maxResults.isIntegralNumber() && maxResults.canConvertToInt())) {
            throw new AwsException("SerializationException", "Unexpected value type at MaxResults: expected an integer", 400);
        }
        int max = maxResults.isIntegralNumber() ? maxResults.intValue() : defaultMax;
        int end = (int) Math.min(items.size(), (long) start + Math.max(1, max));
        start = Math.min(start, end);
        var array = out.putArray(listMember);
        items.subList(start, end).forEach(i -> array.add(GlueJson.tree(i)));
        if (end < items.size()) {
            out.put("NextToken", Base64.getEncoder().encodeToString(
                    Integer.toString(end).getBytes(StandardCharsets.UTF_8)));
        }
    }
}
