package io.labrunner.emulator.sagemaker.monitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A KLL quantiles sketch (Karnin, Lang, Liberty 2016; the sketch Apache DataSketches and Deequ implement),
 * the {@code distribution.kll.sketch} of Model Monitor's statistics.json: compactors of levels 0, 1, …
 * where an item of level {@code h} stands for {@code 2^h} values. A level that outgrows its capacity
 * {@code k·c^(depth)} is sorted and every other item (from a random offset) moves up one level.
 * With {@code c = 0.64, k = 2048}, the parameters the analyzer writes, a set of up to 2,048 values is held
 * exactly.
 */
final class KllSketch {
    static final double C = 0.64;
    static final int K = 2048;

    private final List<double[]> levels = new ArrayList<>();
    private final List<Integer> sizes = new ArrayList<>();
    /** Fixed seed: the same data gives the same sketch, so reports are reproducible. */
    private final SplittableRandom random = new SplittableRandom(0x5EED);

    KllSketch() {
        grow();
    }

    /** A sketch read back from statistics.json's {@code data}: level 0 first. */
    static KllSketch of(List<double[]> data) {
        KllSketch sketch = new KllSketch();
        sketch.levels.clear();
        sketch.sizes.clear();
        for (double[] level : data) {
            sketch.levels.add(Arrays.copyOf(level, Math.max(level.length, 2)));
            sketch.sizes.add(level.length);
        }
        if (sketch.levels.isEmpty()) {
            sketch.grow();
        }
        return sketch;
    }

    void add(double value) {
        ensureRoom(0);
        levels.get(0)[sizes.get(0)] = value;
        sizes.set(0, sizes.get(0) + 1);
        compress();
    }

    private void grow() {
        levels.add(new double[8]);
        sizes.add(0);
    }

    private void ensureRoom(int level) {
        double[] items = levels.get(level);
        if (sizes.get(level) == items.length) {
            levels.set(level, Arrays.copyOf(items, items.length * 2));
        }
    }

    private int capacity(int level) {
        int depth = levels.size() - 1 - level;
        return Math.max(2, (int) Math.ceil(K * Math.pow(C, depth)));
    }

    private void compress() {
        for (int level = 0; level < levels.size(); level++) {
            if (sizes.get(level) < capacity(level)) {
                continue;
            }
            if (level + 1 == levels.size()) {
                grow();
            }
            double[] items = Arrays.copyOf(levels.get(level), sizes.get(level));
            Arrays.sort(items);
            // Pairs are compacted; with an odd count the largest item stays at this level.
            int paired = items.length - items.length % 2;
            int offset = random.nextInt(2);
            for (int i = offset; i < paired; i += 2) {
                ensureRoom(level + 1);
                levels.get(level + 1)[sizes.get(level + 1)] = items[i];
                sizes.set(level + 1, sizes.get(level + 1) + 1);
            }
            double[] kept = new double[8];
            if (paired < items.length) {
                kept[0] = items[paired];
            }
            levels.set(level, kept);
            sizes.set(level, items.length - paired);
        }
    }

    /** The levels as statistics.json lists them: level 0 (weight 1) first. */
    List<double[]> data() {
        List<double[]> out = new ArrayList<>();
        for (int level = 0; level < levels.size(); level++) {
            out.add(Arrays.copyOf(levels.get(level), sizes.get(level)));
        }
        return out;
    }

    /** The weighted items in value order, for the sketch's cumulative distribution. */
    WeightedItems sorted() {
        int count = 0;
        for (int size : sizes) {
            count += size;
        }
        double[][] pairs = new double[count][];
        int at = 0;
        for (int level = 0; level < levels.size(); level++) {
            double weight = Math.pow(2, level);
            for (int i = 0; i < sizes.get(level); i++) {
                pairs[at++] = new double[] {levels.get(level)[i], weight};
            }
        }
        Arrays.sort(pairs, (a, b) -> Double.compare(a[0], b[0]));
        double[] values = new double[count];
        double[] cumulative = new double[count];
        double total = 0;
        for (int i = 0; i < count; i++) {
            values[i] = pairs[i][0];
            total += pairs[i][1];
            cumulative[i] = total;
        }
        return new WeightedItems(values, cumulative, total);
    }

    /** Items in value order with the running sum of their weights. */
    record WeightedItems(double[] values, double[] cumulative, double total) {

        /** The fraction of the weight at or below {@code x}. */
        double cdf(double x) {
            if (total == 0) {
                return 0;
            }
            int lo = 0;
            int hi = values.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (values[mid] <= x) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo == 0 ? 0 : cumulative[lo - 1] / total;
        }
    }
}
