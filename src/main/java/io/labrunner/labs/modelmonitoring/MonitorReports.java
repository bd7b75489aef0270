package io.labrunner.labs.modelmonitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The three files the analyzer writes, read in the schema the developer guide documents ("Schema
 * for Statistics", "Schema for Constraints", "Schema for Violations"): only the fields the lab and
 * its checks look at.
 */
public final class MonitorReports {
    public static final String STATISTICS = "statistics.json";
    public static final String CONSTRAINTS = "constraints.json";
    public static final String VIOLATIONS = "constraint_violations.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private MonitorReports() {
    }

    /** One column of statistics.json; mean and the counts are those of a numerical column. */
    public record ColumnStatistics(String name, String inferredType, long present, long missing, double mean) {
    }

    /** statistics.json: how many rows the analyzer read, and each column. */
    public record Statistics(long itemCount, List<ColumnStatistics> columns) {
        public Optional<ColumnStatistics> column(String name) {
            return columns.stream().filter(c -> c.name().equals(name)).findFirst();
        }
    }

    /** One entry of constraint_violations.json. */
    public record Violation(String featureName, String checkType, String description) {
    }

    /** The object at an {@code s3://} URI as text, or empty when there is none. */
    public static Optional<String> read(S3Client s3, String uri) {
        String rest = uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        try {
            return Optional.of(s3.getObjectAsBytes(get -> get.bucket(rest.substring(0, slash)).key(rest.substring(slash + 1)))
                    .asUtf8String());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    public static Statistics statistics(String json) {
        JsonNode root = tree(json);
        List<ColumnStatistics> columns = new ArrayList<>();
        for (JsonNode feature : root.path("features")) {
            JsonNode numbers = feature.path("numerical_statistics");
            JsonNode common = numbers.isMissingNode() ? feature.path("string_statistics").path("common") : numbers.path("common");
            columns.add(new ColumnStatistics(feature.path("name").asText(), feature.path("inferred_type").asText(),
                    common.path("num_present").asLong(), common.path("num_missing").asLong(),
                    numbers.path("mean").asDouble(Double.NaN)));
        }
        return new Statistics(root.path("dataset").path("item_count").asLong(-1), columns);
    }

    /** The column names constraints.json sets constraints for, in its order. */
    public static List<String> constrainedColumns(String json) {
        List<String> names = new ArrayList<>();
        tree(json).path("features").forEach(f -> names.add(f.path("name").asText()));
        return names;
    }

    /** The drift threshold constraints.json sets ({@code monitoring_config.distribution_constraints.comparison_threshold}). */
    public static double comparisonThreshold(String json) {
        return tree(json).path("monitoring_config").path("distribution_constraints").path("comparison_threshold").asDouble(0.1);
    }

    public static List<Violation> violations(String json) {
        List<Violation> violations = new ArrayList<>();
        tree(json).path("violations").forEach(v -> violations.add(new Violation(v.path("feature_name").asText(),
                v.path("constraint_check_type").asText(), v.path("description").asText())));
        return violations;
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + e.getMessage(), e);
        }
    }
}
