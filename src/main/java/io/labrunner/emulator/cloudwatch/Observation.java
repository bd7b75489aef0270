package io.labrunner.emulator.cloudwatch;

import java.util.List;

/**
 * What one PutMetricData datum (or a service's published metric) says about a metric at one time: its
 * statistic set, and the values themselves with their counts when the caller sent them (a statistic set
 * carries none, so no percentile can be computed from it, as on AWS).
 *
 * @param timestamp epoch milliseconds
 * @param unit      CloudWatch's unit name, {@code None} when the caller gave none
 */
record Observation(long timestamp, String unit, double sampleCount, double sum, double minimum, double maximum,
                   List<Double> values, List<Double> counts) {

    static Observation single(long timestamp, String unit, double value) {
        return new Observation(timestamp, unit, 1, value, value, value, List.of(value), List.of(1.0));
    }

    static Observation of(long timestamp, String unit, List<Double> values, List<Double> counts) {
        double n = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.size(); i++) {
            double count = counts.get(i);
            n += count;
            sum += values.get(i) * count;
            min = Math.min(min, values.get(i));
            max = Math.max(max, values.get(i));
        }
        return new Observation(timestamp, unit, n, sum, min, max, List.copyOf(values), List.copyOf(counts));
    }
}
