package io.labrunner.labs.sagemakerxgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The checks' own arithmetic agrees with the textbook and with the solution's, computed another way. */
class ScoredLabelsTest {

    @Test
    void countsAScoreAtTheThresholdAsFlagged() {
        ScoredLabels judged = new ScoredLabels(List.of(0.9, 0.5, 0.4, 0.1), List.of(1, 0, 1, 0));

        ScoredLabels.Counts at = judged.at(0.5);

        assertThat(List.of(at.tp(), at.fp(), at.tn(), at.fn())).containsExactly(1L, 1L, 1L, 1L);
        assertThat(at.precision()).isEqualTo(0.5);
        assertThat(at.recall()).isEqualTo(0.5);
        assertThat(at.f1()).isEqualTo(0.5);
    }

    @Test
    void aucIsTheShareOfPairsOrderedRightWithTiesCountingHalf() {
        // Pairs (positive, negative): (0.8, 0.3) right, (0.8, 0.8) tie, (0.2, 0.3) wrong, (0.2, 0.8) wrong.
        ScoredLabels judged = new ScoredLabels(List.of(0.8, 0.2, 0.3, 0.8), List.of(1, 1, 0, 0));

        assertThat(judged.auc()).isEqualTo(1.5 / 4);
    }

    @Test
    void aucMatchesTheRankFormulaOnManyScores() {
        Random random = new Random(3);
        List<Integer> labels = IntStream.range(0, 2_000).mapToObj(i -> random.nextDouble() < 0.2 ? 1 : 0).toList();
        List<Double> scores = labels.stream().map(l -> Math.round((random.nextGaussian() + l) * 20) / 20.0).toList();

        assertThat(new ScoredLabels(scores, labels).auc()).isCloseTo(BinaryMetrics.auc(scores, labels), within(1e-12));
    }
}
