package io.labrunner.emulator.sagemaker.training;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.sagemaker.Paging;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * ListTrainingJobs: filters (NameContains, StatusEquals, creation and last-modified time windows), SortBy
 * (CreationTime by default) and SortOrder (Ascending by default), and pages of MaxResults (10 by default).
 */
final class TrainingJobListing {
    private static final int DEFAULT_PAGE = 10;

    private TrainingJobListing() {
    }

    static Map<String, Object> list(List<TrainingJob> jobs, ObjectNode input) {
        List<TrainingJob> matching = jobs.stream().filter(filter(input)).sorted(order(input)).toList();
        int size = input.path("MaxResults").asInt(DEFAULT_PAGE);
        int from = Math.min(Paging.offset(input), matching.size());
        int to = Math.min(from + size, matching.size());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("TrainingJobSummaries", matching.subList(from, to).stream().map(TrainingJobViews::summary).toList());
        if (to < matching.size()) {
            out.put("NextToken", Paging.token(to));
        }
        return out;
    }

    private static Predicate<TrainingJob> filter(ObjectNode input) {
        Predicate<TrainingJob> keep = job -> true;
        if (input.hasNonNull("NameContains")) {
            // SageMaker matches NameContains regardless of case.
            String part = input.get("NameContains").asText().toLowerCase(Locale.ROOT);
            keep = keep.and(job -> job.name().toLowerCase(Locale.ROOT).contains(part));
        }
        if (input.hasNonNull("StatusEquals")) {
            String status = input.get("StatusEquals").asText();
            keep = keep.and(job -> job.status().equals(status));
        }
        keep = keep.and(window(input, "CreationTimeAfter", "CreationTimeBefore", TrainingJob::created));
        return keep.and(window(input, "LastModifiedTimeAfter", "LastModifiedTimeBefore", TrainingJob::lastModified));
    }

    /** Jobs whose time is strictly after {@code after} and strictly before {@code before} (epoch milliseconds). */
    private static Predicate<TrainingJob> window(ObjectNode input, String after, String before,
            java.util.function.Function<TrainingJob, Instant> time) {
        Predicate<TrainingJob> keep = job -> true;
        if (input.hasNonNull(after)) {
            Instant bound = Instant.ofEpochMilli(input.get(after).asLong());
            keep = keep.and(job -> time.apply(job).isAfter(bound));
        }
        if (input.hasNonNull(before)) {
            Instant bound = Instant.ofEpochMilli(input.get(before).asLong());
            keep = keep.and(job -> time.apply(job).isBefore(bound));
        }
        return keep;
    }

    private static Comparator<TrainingJob> order(ObjectNode input) {
        Comparator<TrainingJob> byCreation = Comparator.comparing(TrainingJob::created).thenComparing(TrainingJob::name);
        Comparator<TrainingJob> order = switch (input.path("SortBy").asText("CreationTime")) {
            case "Name" -> Comparator.comparing(TrainingJob::name);
            case "Status" -> Comparator.comparing(TrainingJob::status).thenComparing(byCreation);
            default -> byCreation;
        };
        return "Descending".equals(input.path("SortOrder").asText("Ascending")) ? order.reversed() : order;
    }
}
