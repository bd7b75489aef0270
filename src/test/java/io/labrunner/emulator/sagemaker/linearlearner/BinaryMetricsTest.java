package io.labrunner.emulator.sagemaker.linearlearner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** ROC AUC and threshold choice on cases small enough to check by hand. */
class BinaryMetricsTest {
    private static Settings settings(Map<String, String> extra) throws Exception {
        Map<String, String> hp = new java.util.HashMap<>(extra);
        hp.put("predictor_type", "binary_classifier");
        return HyperParameters.parse(hp);
    }

    @Test
    void rocAucCountsOrderedPairsAndHalfOfTies() {
        assertThat(Evaluation.rocAuc(new double[] {0.1, 0.4, 0.35, 0.8}, new double[] {0, 0, 1, 1}))
                .isCloseTo(0.75, within(1e-12));
        assertThat(Evaluation.rocAuc(new double[] {0.5, 0.5}, new double[] {1, 0})).isCloseTo(0.5, within(1e-12));
        assertThat(Evaluation.rocAuc(new double[] {0.9, 0.8, 0.2, 0.1}, new double[] {1, 1, 0, 0})).isEqualTo(1.0);
        assertThat(Evaluation.rocAuc(new double[] {0.2, 0.3, 0.3, 0.9}, new double[] {0, 1, 0, 1}))
                .isCloseTo((1 + 0.5 + 1 + 1) / 4.0, within(1e-12));
    }

    @Test
    void theAccuracyThresholdCutsBetweenTheClassesWhenTheyAreSeparable() throws Exception {
        ThresholdSweep.Choice choice = ThresholdSweep.best(new double[] {0.1, 0.2, 0.3, 0.6, 0.7},
                new double[] {0, 0, 0, 1, 1}, "accuracy", settings(Map.of()));

        assertThat(choice.value()).isEqualTo(1.0);
        assertThat(choice.threshold()).isCloseTo(0.45, within(1e-12));
    }

    @Test
    void aPrecisionTargetRaisesTheThresholdAndARecallTargetLowersIt() throws Exception {
        double[] scores = {0.1, 0.2, 0.35, 0.4, 0.6, 0.7, 0.8, 0.9};
        double[] labels = {0, 0, 1, 0, 1, 0, 1, 1};

        ThresholdSweep.Choice precise = ThresholdSweep.best(scores, labels, "recall_at_target_precision",
                settings(Map.of("target_precision", "1.0")));
        ThresholdSweep.Choice thorough = ThresholdSweep.best(scores, labels, "precision_at_target_recall",
                settings(Map.of("target_recall", "1.0")));

        assertThat(precise.threshold()).isCloseTo(0.75, within(1e-12));
        assertThat(precise.value()).isEqualTo(0.5);
        assertThat(thorough.threshold()).isCloseTo(0.275, within(1e-12));
        assertThat(thorough.value()).isCloseTo(4 / 6.0, within(1e-12));
    }
}
