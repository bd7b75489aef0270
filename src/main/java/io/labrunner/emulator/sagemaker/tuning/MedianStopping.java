package io.labrunner.emulator.sagemaker.tuning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Early stopping (TrainingJobEarlyStoppingType Auto) by the median rule AWS describes: a running trial
 * is stopped when its objective so far is worse than the median of what earlier trials had reached at
 * the same point. The point here is the time since the trial started training, since the training-job
 * seam reports values, not epochs; the curves are the values seen at each poll. A training job that
 * reports its objective only once it has ended gives no curve, and then no trial is stopped early.
 */
final class MedianStopping {
    /** AWS's rule needs some history first; fewer finished curves than this and nothing is stopped. */
    static final int MIN_FINISHED = 3;

    /** Per trial: elapsed training time → the latest objective value seen by then. */
    private final Map<String, TreeMap<Duration, Double>> curves = new ConcurrentHashMap<>();

    void record(String trial, Duration elapsed, double value) {
        curves.computeIfAbsent(trial, t -> new TreeMap<>()).put(elapsed, value);
    }

    void forget(String trial) {
        curves.remove(trial);
    }

    /**
     * Whether {@code trial}, running for {@code elapsed} with latest value {@code value}, is worse than the
     * median of the finished trials' values at the same elapsed time.
     */
    boolean shouldStop(String trial, Duration elapsed, double value, List<String> finished, boolean maximize) {
        List<Double> atSamePoint = new ArrayList<>();
        for (String other : finished) {
            TreeMap<Duration, Double> curve = curves.get(other);
            if (other.equals(trial) || curve == null) {
                continue;
            }
            Map.Entry<Duration, Double> seen = curve.floorEntry(elapsed);
            if (seen != null) {
                atSamePoint.add(seen.getValue());
            }
        }
        if (atSamePoint.size() < MIN_FINISHED) {
            return false;
        }
        atSamePoint.sort(Double::compare);
        int n = atSamePoint.size();
        double median = n % 2 == 1 ? atSamePoint.get(n / 2) : (atSamePoint.get(n / 2 - 1) + atSamePoint.get(n / 2)) / 2;
        return maximize ? value < median : value > median;
    }
}
