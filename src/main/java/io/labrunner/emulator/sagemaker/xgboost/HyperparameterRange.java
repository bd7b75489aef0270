package io.labrunner.emulator.sagemaker.xgboost;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The values a hyperparameter accepts, printed as the container prints its ranges in messages:
 * {@code [0, 1]}, {@code (0, 1]}, {@code [1, +inf)}, or a Python list {@code ['gbtree', 'gblinear', 'dart']}.
 */
sealed interface HyperparameterRange {

    boolean contains(Object value);

    /** A numeric interval; a null bound is unbounded. Bounds keep the spelling the container declares. */
    record Interval(String lower, boolean lowerOpen, String upper, boolean upperOpen) implements HyperparameterRange {

        static Interval atLeast(String min) {
            return new Interval(min, false, null, false);
        }

        static Interval above(String min) {
            return new Interval(min, true, null, false);
        }

        static Interval closed(String min, String max) {
            return new Interval(min, false, max, false);
        }

        static Interval openClosed(String min, String max) {
            return new Interval(min, true, max, false);
        }

        static Interval open(String min, String max) {
            return new Interval(min, true, max, true);
        }

        @Override
        public boolean contains(Object value) {
            double v = ((Number) value).doubleValue();
            // As Python compares: NaN fails every comparison, so it is never out of range.
            boolean belowLower = lower != null && (lowerOpen ? v <= Double.parseDouble(lower) : v < Double.parseDouble(lower));
            boolean aboveUpper = upper != null && (upperOpen ? v >= Double.parseDouble(upper) : v > Double.parseDouble(upper));
            return !belowLower && !aboveUpper;
        }

        @Override
        public String toString() {
            String from = lower == null ? "(-inf, " : (lowerOpen ? "(" : "[") + lower + ", ";
            String to = upper == null ? "+inf)" : upper + (upperOpen ? ")" : "]");
            return from + to;
        }
    }

    /** A fixed list of strings. */
    record Categories(List<String> values) implements HyperparameterRange {

        public Categories {
            values = List.copyOf(values);
        }

        static Categories of(String... values) {
            return new Categories(List.of(values));
        }

        @Override
        public boolean contains(Object value) {
            return values.contains(value);
        }

        @Override
        public String toString() {
            return pythonList(values);
        }
    }

    /** Python's {@code str()} of a list of strings. */
    static String pythonList(List<String> values) {
        return values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", ", "[", "]"));
    }
}
