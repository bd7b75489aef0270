package io.labrunner.emulator.sagemaker.tuning;

/**
 * How a numeric range is searched: a point {@code u} of the unit interval maps to a value of the range.
 * AWS documents Logarithmic for ranges of values greater than 0 only, ReverseLogarithmic for ranges
 * entirely within {@code 0 <= x < 1} (API_ContinuousParameterRange.html). {@code Auto} is searched
 * linearly here: AWS does not say how it chooses, and linear is the scale that assumes nothing.
 */
enum Scaling {
    LINEAR,
    LOGARITHMIC,
    REVERSE_LOGARITHMIC;

    static Scaling of(String scalingType) {
        if (scalingType == null) {
            return LINEAR;
        }
        return switch (scalingType) {
            case "Logarithmic" -> LOGARITHMIC;
            case "ReverseLogarithmic" -> REVERSE_LOGARITHMIC;
            default -> LINEAR;
        };
    }

    /** The value at {@code u} in [0, 1] of the range [min, max]. */
    double value(double u, double min, double max) {
        return switch (this) {
            case LINEAR -> min + u * (max - min);
            case LOGARITHMIC -> Math.exp(Math.log(min) + u * (Math.log(max) - Math.log(min)));
            // Dense near 1: log(1 - x) is spread evenly, as for a momentum or a discount factor.
            case REVERSE_LOGARITHMIC -> 1 - Math.exp(Math.log(1 - min) + u * (Math.log(1 - max) - Math.log(1 - min)));
        };
    }

    /** Where {@code value} of the range [min, max] lies in [0, 1]: the inverse of {@link #value}. */
    double position(double value, double min, double max) {
        if (max == min) {
            return 0.5;
        }
        double u = switch (this) {
            case LINEAR -> (value - min) / (max - min);
            case LOGARITHMIC -> (Math.log(value) - Math.log(min)) / (Math.log(max) - Math.log(min));
            case REVERSE_LOGARITHMIC -> (Math.log(1 - value) - Math.log(1 - min)) / (Math.log(1 - max) - Math.log(1 - min));
        };
        return Math.max(0, Math.min(1, u));
    }
}
