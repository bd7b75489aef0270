package io.labrunner.emulator.sagemaker;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** SageMaker's opaque NextToken: the position of the next page, refused when it was not one of ours. */
public final class Paging {
    private static final String PREFIX = "sm-page:";

    private Paging() {
    }

    /** Where the page starts: 0 without a NextToken. */
    public static int offset(ObjectNode input) {
        String token = input.path("NextToken").asText("");
        if (token.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                int offset = Integer.parseInt(text.substring(PREFIX.length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal below
        }
        throw SageMakerErrors.validation("Invalid pagination token because of a malformed NextToken.");
    }

    /**
     * One page of {@code sorted} as a List call answers it: the items under {@code member}, each as
     * {@code summary} shapes it, and a NextToken when more follow. {@code MaxResults} defaults to SageMaker's 10.
     */
    public static <T> java.util.Map<String, Object> page(ObjectNode input, java.util.List<T> sorted, String member,
            java.util.function.Function<T, Object> summary) {
        int from = offset(input);
        int size = input.path("MaxResults").asInt(10);
        int to = Math.min(sorted.size(), from + size);
        java.util.List<Object> items = new java.util.ArrayList<>();
        sorted.subList(Math.min(from, sorted.size()), to).forEach(item -> items.add(summary.apply(item)));
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put(member, items);
        if (to < sorted.size()) {
            out.put("NextToken", token(to));
        }
        return out;
    }

    /** The NextToken of a page starting at {@code offset}. */
    public static String token(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }
}
