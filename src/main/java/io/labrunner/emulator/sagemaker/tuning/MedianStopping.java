package io.labrunner.emulator.sagemaker.tuning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Early stopping (TrainingJobEarlyStoppingType Auto) by the rule AWS describes in "Stop Training Jobs Early":
 * after each epoch, take the running average of the objective of every earlier training job up to the same
 * epoch, and stop the current job when its objective is worse than the median of those running averages.
 * The epoch is how many times the container has printed the objective (one line per round or epoch). The
 * curves are the values seen at each poll, so a curve may skip epochs that came and went between two polls;
 * a running average is over the epochs seen. A job whose container prints its objective only at the end has
 * no curve worth the name: it is never past epoch 1 while running, and is judged only there.
 */
final class MedianStopping {
    /** AWS's rule needs some history first; fewer finished curves than this and nothing is stopped. */
    static final int MIN_FINISHED = 3;

    /** Per trial: epoch → the objective value printed at that epoch. */
    private final Map<String, TreeMap<Integer, Double>> curves = new ConcurrentHashMap<>();
    /** Per running trial: the last epoch it was judged at, so that each epoch is judged once. */
    private final Map<String, Integer> judged = new ConcurrentHashMap<>();

    void record(String trial, int epoch, double value) {
        curves.computeIfAbsent(trial, t -> new TreeMap<>()).put(epoch, value);
    }

    /**
     * Whether {@code trial}, at {@code epoch} with objective {@code value}, is worse than the median of the
     * running averages of the {@code finished} trials up to the same epoch. False when the epoch was judged
     * already.
     */
    boolean shouldStop(String trial, int epoch, double value, List<String> finished, boolean maximize) {
        Integer before = judged.put(trial, epoch);
        if (before != null && before >= epoch) {
            return false;
        }
        List<Double> averages = new ArrayList<>();
        for (String other : finished) {
            TreeMap<Integer, Double> curve = curves.get(other);
            if (other.equals(trial) || curve == null || curve.headMap(epoch, true).isEmpty()) {
                continue;
            }
            averages.add(curve.headMap(epoch, true).values().stream().mapToDouble(Double::doubleValue).average()
                    .orElseThrow());
        }
        if (averages.size() < MIN_FINISHED) {
            return false;
        }
        averages.sort(Double::compare);
        int n = averages.size();
        double median = n % 2 == 1 ? averages.get(n / 2) : (averages.get(n / 2 - 1) + averages.get(n / 2)) / 2;
        return maximize ? value < median : value > median;
    }
}
