package io.labrunner.emulator.sagemaker.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What SageMaker's List operations share: NameContains (case-insensitive, as SageMaker's names
 * are), creation-time windows, SortOrder (Descending by default) and paging with MaxResults
 * (10 by default) and an opaque NextToken.
 */
public final class Listing {
    private static final int DEFAULT_MAX_RESULTS = 10;
    private static final String TOKEN_PREFIX = "sagemaker-list:";

    private Listing() {
    }

    /** Whether {@code name} contains the request's NameContains, ignoring case; true when none is given. */
    public static boolean nameMatches(ObjectNode input, String name) {
        JsonNode contains = input.get("NameContains");
        return contains == null
                || name.toLowerCase(Locale.ROOT).contains(contains.asText().toLowerCase(Locale.ROOT));
    }

    /** Whether {@code time} is strictly after {@code afterMember} and before {@code beforeMember}, when given. */
    public static boolean within(ObjectNode input, String afterMember, String beforeMember, Instant time) {
        JsonNode after = input.get(afterMember);
        JsonNode before = input.get(beforeMember);
        return (after == null || time.isAfter(Instant.ofEpochMilli(after.asLong())))
                && (before == null || time.isBefore(Instant.ofEpochMilli(before.asLong())));
    }

    /** {@code order} reversed unless the request asks for Ascending. */
    public static <T> Comparator<T> ordered(ObjectNode input, Comparator<T> order) {
        return "Ascending".equals(input.path("SortOrder").asText("Descending")) ? order : order.reversed();
    }

    /** How a job list reads a job: its name, status, creation and last-modified times. */
    public record JobFields<J>(Function<J, String> name, Function<J, String> status, Function<J, Instant> created,
                               Function<J, Instant> lastModified) {
    }

    /**
     * A List…Jobs answer (transform, processing): NameContains, StatusEquals, the creation and last-modified
     * windows, SortBy Name, Status or CreationTime (the default), SortOrder and paging.
     */
    public static <J> Map<String, Object> jobs(ObjectNode input, Collection<J> jobs, JobFields<J> fields, String member,
                                               Function<J, Object> summary) {
        Comparator<J> order = switch (input.path("SortBy").asText("CreationTime")) {
            case "Name" -> Comparator.comparing(fields.name());
            case "Status" -> Comparator.comparing(fields.status()).thenComparing(fields.created());
            default -> Comparator.comparing(fields.created()).thenComparing(fields.name());
        };
        String status = input.path("StatusEquals").asText(null);
        List<J> matching = jobs.stream()
                .filter(j -> nameMatches(input, fields.name().apply(j)))
                .filter(j -> status == null || status.equals(fields.status().apply(j)))
                .filter(j -> within(input, "CreationTimeAfter", "CreationTimeBefore", fields.created().apply(j)))
                .filter(j -> within(input, "LastModifiedTimeAfter", "LastModifiedTimeBefore",
                        fields.lastModified().apply(j)))
                .sorted(ordered(input, order))
                .toList();
        return page(input, matching, member, summary);
    }

    /**
     * One page of {@code sorted} as {@code member} plus NextToken when more follow.
     *
     * @throws io.labrunner.emulator.AwsException for a NextToken this service did not hand out
     */
    public static <T> Map<String, Object> page(ObjectNode input, List<T> sorted, String member, Function<T, Object> summary) {
        int from = start(input.path("NextToken").asText(null));
        int max = input.path("MaxResults").asInt(DEFAULT_MAX_RESULTS);
        int to = Math.min(sorted.size(), from + max);
        List<Object> items = new ArrayList<>();
        for (T item : sorted.subList(Math.min(from, sorted.size()), to)) {
            items.add(summary.apply(item));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(member, items);
        if (to < sorted.size()) {
            out.put("NextToken", Base64.getEncoder().encodeToString(
                    (TOKEN_PREFIX + to).getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    private static int start(String token) {
        if (token == null) {
            return 0;
        }
        try {
            String text = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(TOKEN_PREFIX)) {
                int offset = Integer.parseInt(text.substring(TOKEN_PREFIX.length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // Falls through to the refusal below: not base64, or not a number.
        }
        throw TransformErrors.validation("Invalid pagination token because \"" + token + "\" is not a token this "
                + "operation returned.");
    }
}
