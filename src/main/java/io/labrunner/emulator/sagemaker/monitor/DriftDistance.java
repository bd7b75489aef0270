package io.labrunner.emulator.sagemaker.monitor;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The distances the baseline drift check compares with its threshold. AWS's constraints table describes
 * {@code comparison_method} as choosing {@code linf_simple}, "the maximum absolute difference between the
 * cumulative distribution functions of two distributions", or {@code linf_robust}, based on it but for
 * "when there are not enough samples", after the two-sample Kolmogorov–Smirnov test. Both are computed here
 * from the two KLL sketches' cumulative distributions; categorical features compare the frequencies of their
 * values (the L-infinity {@code categorical_drift_method}).
 */
final class DriftDistance {
    /** The Kolmogorov–Smirnov coefficient c(α) for α = 0.05. */
    private static final double KS_COEFFICIENT_5_PERCENT = 1.358;

    private DriftDistance() {
    }

    /** sup |F_baseline(x) − F_current(x)| over every item either sketch holds. */
    static double linfSimple(KllSketch baseline, KllSketch current) {
        KllSketch.WeightedItems a = baseline.sorted();
        KllSketch.WeightedItems b = current.sorted();
        double distance = 0;
        for (double[] values : new double[][] {a.values(), b.values()}) {
            for (double x : values) {
                distance = Math.max(distance, Math.abs(a.cdf(x) - b.cdf(x)));
            }
        }
        return distance;
    }

    /**
     * Whether a distance counts as drift under {@code linf_robust}: beyond the threshold and beyond what the
     * two-sample Kolmogorov–Smirnov test would still call chance at the 5% level for these sample sizes, so a
     * handful of captured records does not raise a violation by itself. (The analyzer's exact formula is not
     * published; this is the test AWS names, applied as stated.)
     */
    static boolean robustDrift(double distance, double threshold, KllSketch baseline, KllSketch current) {
        double n = baseline.sorted().total();
        double m = current.sorted().total();
        double critical = n == 0 || m == 0 ? 1 : KS_COEFFICIENT_5_PERCENT * Math.sqrt((n + m) / (n * m));
        return distance > threshold && distance > critical;
    }

    /** max over values |p_baseline(v) − p_current(v)|, the L-infinity distance of two categorical distributions. */
    static double linfCategorical(Map<String, Long> baseline, Map<String, Long> current) {
        double baseTotal = baseline.values().stream().mapToLong(Long::longValue).sum();
        double currentTotal = current.values().stream().mapToLong(Long::longValue).sum();
        if (baseTotal == 0 || currentTotal == 0) {
            return 0;
        }
        Set<String> values = new HashSet<>(baseline.keySet());
        values.addAll(current.keySet());
        double distance = 0;
        for (String value : values) {
            distance = Math.max(distance, Math.abs(baseline.getOrDefault(value, 0L) / baseTotal
                    - current.getOrDefault(value, 0L) / currentTotal));
        }
        return distance;
    }
}
