package io.labrunner.emulator.sagemaker.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** AWS's early-stopping rule: worse than the median of the earlier trials' running averages up to the same epoch. */
class MedianStoppingTest {
    private final MedianStopping rule = new MedianStopping();

    private void curve(String trial, double... values) {
        for (int epoch = 1; epoch <= values.length; epoch++) {
            rule.record(trial, epoch, values[epoch - 1]);
        }
    }

    @Test
    void aTrialWorseThanTheMedianRunningAverageAtItsEpochIsStopped() {
        // Running averages at epoch 2: a (1.0+0.6)/2 = 0.8, b (0.9+0.5)/2 = 0.7, c (2.0+1.0)/2 = 1.5 → median 0.8.
        curve("a", 1.0, 0.6, 0.2);
        curve("b", 0.9, 0.5, 0.1);
        curve("c", 2.0, 1.0, 0.9);
        List<String> finished = List.of("a", "b", "c");

        assertThat(rule.shouldStop("d", 2, 0.79, finished, false)).isFalse();
        assertThat(rule.shouldStop("e", 2, 0.81, finished, false)).isTrue();
        // Maximizing turns it round: below the median is worse.
        assertThat(rule.shouldStop("f", 2, 0.79, finished, true)).isTrue();
    }

    @Test
    void anEpochIsJudgedOnceAndNothingIsStoppedWithoutEnoughHistory() {
        curve("a", 1.0);
        curve("b", 1.0);
        assertThat(rule.shouldStop("d", 1, 5.0, List.of("a", "b"), false)).as("two finished trials").isFalse();

        curve("c", 1.0);
        assertThat(rule.shouldStop("d", 1, 5.0, List.of("a", "b", "c"), false)).as("epoch 1 was judged").isFalse();
        assertThat(rule.shouldStop("d", 2, 5.0, List.of("a", "b", "c"), false)).isTrue();
    }
}
