package io.labrunner.emulator.cloudwatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statistics of the observations in one period: SampleCount, Sum, Average, Minimum, Maximum, and
 * percentiles {@code pNN} / {@code pNN.NN} over the values the observations carry (nearest rank over the
 * values weighted by their counts; statistic sets carry no values and count for none).
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Statistics-definitions.html
 */
final class Statistics {
    private static final Pattern PERCENTILE = Pattern.compile("p(\\d{1,2}(\\.\\d{1,10})?|100)");

    private final double sampleCount;
    private final double sum;
    private final double minimum;
    private final double maximum;
    private final List<double[]> weighted = new ArrayList<>();

    Statistics(List<Observation> observations) {
        double n = 0;
        double s = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Observation o : observations) {
            n += o.sampleCount();
            s += o.sum();
            min = Math.min(min, o.minimum());
            max = Math.max(max, o.maximum());
            for (int i = 0; i < o.values().size(); i++) {
                weighted.add(new double[] {o.values().get(i), o.counts().get(i)});
            }
        }
        this.sampleCount = n;
        this.sum = s;
        this.minimum = min;
        this.maximum = max;
        weighted.sort(Comparator.comparingDouble(v -> v[0]));
    }

    /** Whether {@code stat} is one of the five standard statistics. */
    static boolean isStandard(String stat) {
        return switch (stat) {
            case "SampleCount", "Sum", "Average", "Minimum", "Maximum" -> true;
            default -> false;
        };
    }

    /** Whether {@code stat} is a percentile CloudWatch accepts ({@code p0.0} to {@code p100}). */
    static boolean isPercentile(String stat) {
        return PERCENTILE.matcher(stat).matches();
    }

    /** The value of {@code stat} (a standard statistic or a percentile); empty when it cannot be computed. */
    OptionalDouble value(String stat) {
        return switch (stat) {
            case "SampleCount" -> OptionalDouble.of(sampleCount);
            case "Sum" -> OptionalDouble.of(sum);
            case "Average" -> OptionalDouble.of(sampleCount == 0 ? 0 : sum / sampleCount);
            case "Minimum" -> OptionalDouble.of(minimum);
            case "Maximum" -> OptionalDouble.of(maximum);
            default -> percentile(stat);
        };
    }

    private OptionalDouble percentile(String stat) {
        Matcher m = PERCENTILE.matcher(stat);
        if (!m.matches() || weighted.isEmpty()) {
            return OptionalDouble.empty();
        }
        double p = Double.parseDouble(m.group(1));
        double total = weighted.stream().mapToDouble(v -> v[1]).sum();
        double rank = Math.max(1, Math.ceil(p / 100 * total));
        double seen = 0;
        for (double[] v : weighted) {
            seen += v[1];
            if (seen >= rank) {
                return OptionalDouble.of(v[0]);
            }
        }
        return OptionalDouble.of(weighted.get(weighted.size() - 1)[0]);
    }
}
