package io.labrunner.emulator.sagemaker.monitor;

import java.util.List;
import java.util.Map;

/**
 * What the analyzer measured of one feature.
 *
 * @param inferredType Integral, Fractional, String or Unknown (no value present)
 * @param integral     how many present values are whole numbers
 * @param numeric      how many present values are numbers (whole or not)
 * @param numbers      for Integral and Fractional features, else null
 * @param categories   value → count, most frequent first, for String features; else null
 * @param distinct     distinct present values, for String features
 */
record FeatureProfile(String name, String inferredType, long present, long missing, long integral, long numeric,
        NumericSummary numbers, Map<String, Long> categories, long distinct) {

    static final String INTEGRAL = "Integral";
    static final String FRACTIONAL = "Fractional";
    static final String STRING = "String";
    static final String UNKNOWN = "Unknown";

    boolean isNumeric() {
        return numbers != null;
    }

    /** Present values of {@code type}: whole numbers count as Fractional too, anything counts as String. */
    long matching(String type) {
        return switch (type) {
            case INTEGRAL -> integral;
            case FRACTIONAL -> numeric;
            case STRING -> present;
            default -> 0;
        };
    }

    /** Mean, sum, population standard deviation, range and distribution of a numeric feature. */
    record NumericSummary(double mean, double sum, double stdDev, double min, double max, List<Bucket> buckets,
            KllSketch sketch) {
    }

    /** One of the 10 equal-width buckets between min and max. */
    record Bucket(double lowerBound, double upperBound, long count) {
    }
}
