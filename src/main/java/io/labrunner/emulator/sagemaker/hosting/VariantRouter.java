package io.labrunner.emulator.sagemaker.hosting;

import java.util.List;

/**
 * Picks the variant a request goes to, each with probability weight / sum of weights, as SageMaker splits
 * traffic between production variants ("the traffic to a variant is its weight divided by the sum of the
 * weights"). With every weight 0 the first variant answers.
 */
final class VariantRouter {
    private final String[] names;
    private final double[] cumulative;

    VariantRouter(List<String> names, List<Double> weights) {
        this.names = names.toArray(String[]::new);
        this.cumulative = new double[weights.size()];
        double sum = 0;
        for (int i = 0; i < weights.size(); i++) {
            sum += Math.max(0, weights.get(i));
            cumulative[i] = sum;
        }
    }

    /** The variant for a uniform draw {@code u} in [0, 1). */
    String pick(double u) {
        double total = cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1];
        if (total <= 0) {
            return names[0];
        }
        double point = u * total;
        for (int i = 0; i < cumulative.length; i++) {
            if (point < cumulative[i]) {
                return names[i];
            }
        }
        return names[names.length - 1];
    }
}
