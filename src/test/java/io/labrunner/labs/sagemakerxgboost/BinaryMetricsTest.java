package io.labrunner.labs.sagemakerxgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BinaryMetricsTest {
    private final List<Double> scores = List.of(0.9, 0.8, 0.7, 0.6, 0.55, 0.4, 0.3, 0.2, 0.1, 0.05);
    private final List<Integer> labels = List.of(1, 1, 0, 1, 0, 0, 1, 0, 0, 0);

    @Test
    void theConfusionMatrixCountsEachCellAtTheThreshold() {
        BinaryMetrics.Confusion at = BinaryMetrics.confusion(scores, labels, 0.5);
        assertThat(List.of(at.tp(), at.fp(), at.tn(), at.fn())).containsExactly(3L, 2L, 4L, 1L);
        assertThat(at.precision()).isEqualTo(0.6);
        assertThat(at.recall()).isEqualTo(0.75);
        assertThat(at.f1()).isCloseTo(2 * 0.6 * 0.75 / 1.35, within(1e-12));
        assertThat(at.accuracy()).isEqualTo(0.7);
    }

    @Test
    void aucIsTheShareOfPositiveNegativePairsRankedRight() {
        // 4 positives x 6 negatives = 24 pairs; wrongly ordered: 0.7 above 0.6, and 0.7, 0.55, 0.4 above 0.3.
        assertThat(BinaryMetrics.auc(scores, labels)).isCloseTo(20.0 / 24, within(1e-12));
    }

    @Test
    void tiedScoresCountHalf() {
        assertThat(BinaryMetrics.auc(List.of(0.5, 0.5), List.of(1, 0))).isEqualTo(0.5);
        assertThat(BinaryMetrics.auc(List.of(0.2, 0.9), List.of(0, 1))).isEqualTo(1.0);
    }

    @Test
    void theRecallThresholdIsTheHighestThatStillReachesTheTarget() {
        BinaryMetrics.Confusion at = BinaryMetrics.thresholdForRecall(scores, labels, 1.0);
        assertThat(at.threshold()).isEqualTo(0.30);
        assertThat(at.recall()).isEqualTo(1.0);
    }
}
