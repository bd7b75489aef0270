package io.labrunner.emulator.sagemaker.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The sketch keeps ranks within KLL's error bound once it compacts, and the drift distance follows. */
class KllSketchTest {

    @Test
    void aLargeSketchStillAnswersRanksCloselyAndWeighsEveryValue() {
        Random random = new Random(1);
        double[] values = new double[200_000];
        KllSketch sketch = new KllSketch();
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
            sketch.add(values[i]);
        }
        Arrays.sort(values);
        KllSketch.WeightedItems items = sketch.sorted();
        // Compaction keeps the total weight within one item's weight per level of the true count.
        assertThat(items.total()).isCloseTo(values.length, within(values.length * 0.01));
        assertThat(sketch.data().stream().mapToInt(l -> l.length).sum()).isLessThan(10_000);
        for (double q : new double[] {0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99}) {
            double x = values[(int) (q * values.length)];
            assertThat(items.cdf(x)).as("rank of the %s quantile", q).isCloseTo(q, within(0.01));
        }
    }

    @Test
    void theDistanceOfTwoSamplesOfOneDistributionIsSmallAndOfShiftedOnesLarge() {
        Random random = new Random(2);
        KllSketch a = new KllSketch();
        KllSketch b = new KllSketch();
        KllSketch shifted = new KllSketch();
        for (int i = 0; i < 20_000; i++) {
            a.add(random.nextGaussian());
            b.add(random.nextGaussian());
            shifted.add(random.nextGaussian() + 1);
        }
        assertThat(DriftDistance.linfSimple(a, b)).isLessThan(0.03);
        // Φ(0.5) − Φ(−0.5) ≈ 0.383: the largest CDF gap of N(0,1) and N(1,1).
        assertThat(DriftDistance.linfSimple(a, shifted)).isCloseTo(0.383, within(0.03));
        assertThat(DriftDistance.robustDrift(0.2, 0.1, a, shifted)).isTrue();
        KllSketch few = new KllSketch();
        KllSketch fewOther = new KllSketch();
        for (int i = 0; i < 10; i++) {
            few.add(random.nextGaussian());
            fewOther.add(random.nextGaussian());
        }
        // Ten against ten: a gap of 0.2 is chance by the Kolmogorov–Smirnov test.
        assertThat(DriftDistance.robustDrift(0.2, 0.1, few, fewOther)).isFalse();
    }
}
