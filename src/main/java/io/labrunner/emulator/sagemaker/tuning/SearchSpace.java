package io.labrunner.emulator.sagemaker.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.AwsException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The hyperparameter ranges of a tuning job, parsed and checked once. A point of the space is a vector
 * with one coordinate in [0, 1] per range ({@link #decode}); a trial's hyperparameters map back to
 * model features ({@link #features}): each numeric range as its position on its scale, each categorical
 * range one-hot, so that every feature lies in [0, 1].
 */
final class SearchSpace {
    /** AWS counts every range against one limit of 30 (API_ParameterRanges.html). */
    static final int MAX_RANGES = 30;

    private final List<Dimension> dimensions;

    private SearchSpace(List<Dimension> dimensions) {
        this.dimensions = List.copyOf(dimensions);
    }

    /** One range: numeric ones use min, max and scaling; categorical ones their values. */
    record Dimension(String name, Kind kind, double min, double max, Scaling scaling, List<String> values) {
        int width() {
            return kind == Kind.CATEGORICAL ? values.size() : 1;
        }
    }

    enum Kind { CONTINUOUS, INTEGER, CATEGORICAL }

    /**
     * Parses a ParameterRanges member.
     *
     * @throws AwsException ValidationException for a range AWS would refuse
     */
    static SearchSpace parse(JsonNode ranges) {
        List<Dimension> dims = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode range : ranges.path("IntegerParameterRanges")) {
            dims.add(numeric(range, Kind.INTEGER));
        }
        for (JsonNode range : ranges.path("ContinuousParameterRanges")) {
            dims.add(numeric(range, Kind.CONTINUOUS));
        }
        for (JsonNode range : ranges.path("CategoricalParameterRanges")) {
            List<String> values = new ArrayList<>();
            range.path("Values").forEach(v -> values.add(v.asText()));
            if (new HashSet<>(values).size() != values.size()) {
                throw AwsException.validation("The values of categorical hyperparameter [" + range.path("Name").asText()
                        + "] must be unique.");
            }
            dims.add(new Dimension(range.path("Name").asText(), Kind.CATEGORICAL, 0, 0, Scaling.LINEAR, values));
        }
        if (dims.isEmpty()) {
            throw AwsException.validation("The hyperparameter tuning job must have at least one hyperparameter range "
                    + "to search: specify IntegerParameterRanges, ContinuousParameterRanges or CategoricalParameterRanges.");
        }
        if (dims.size() > MAX_RANGES) {
            throw AwsException.validation("The hyperparameter tuning job specifies " + dims.size()
                    + " hyperparameter ranges; the maximum is " + MAX_RANGES + ".");
        }
        for (Dimension dim : dims) {
            if (dim.name().isEmpty()) {
                throw AwsException.validation("The name of a hyperparameter range must not be empty.");
            }
            if (!names.add(dim.name())) {
                throw AwsException.validation("The hyperparameter [" + dim.name()
                        + "] is specified in more than one parameter range.");
            }
        }
        return new SearchSpace(dims);
    }

    private static Dimension numeric(JsonNode range, Kind kind) {
        String name = range.path("Name").asText();
        double min = number(name, "MinValue", range.path("MinValue").asText(), kind);
        double max = number(name, "MaxValue", range.path("MaxValue").asText(), kind);
        if (min > max) {
            throw AwsException.validation("The MinValue [" + range.path("MinValue").asText()
                    + "] of hyperparameter [" + name + "] is greater than its MaxValue ["
                    + range.path("MaxValue").asText() + "].");
        }
        String scalingType = range.path("ScalingType").asText("Auto");
        Scaling scaling = Scaling.of(scalingType);
        if (scaling == Scaling.LOGARITHMIC && min <= 0) {
            throw AwsException.validation("Logarithmic scaling works only for ranges that have only values greater "
                    + "than 0; hyperparameter [" + name + "] has MinValue [" + range.path("MinValue").asText() + "].");
        }
        if (scaling == Scaling.REVERSE_LOGARITHMIC) {
            if (kind == Kind.INTEGER) {
                throw AwsException.validation("ReverseLogarithmic scaling is not supported for integer hyperparameter ["
                        + name + "].");
            }
            if (min < 0 || max >= 1) {
                throw AwsException.validation("Reverse logarithmic scaling works only for ranges that are entirely "
                        + "within the range 0<=x<1.0; hyperparameter [" + name + "] has the range ["
                        + range.path("MinValue").asText() + ", " + range.path("MaxValue").asText() + "].");
            }
        }
        return new Dimension(name, kind, min, max, scaling, List.of());
    }

    private static double number(String name, String member, String text, Kind kind) {
        try {
            if (kind == Kind.INTEGER) {
                return Long.parseLong(text.trim());
            }
            double value = Double.parseDouble(text.trim());
            if (!Double.isFinite(value)) {
                throw new NumberFormatException(text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw AwsException.validation("The " + member + " [" + text + "] of hyperparameter [" + name + "] is not "
                    + (kind == Kind.INTEGER ? "an integer." : "a number."));
        }
    }

    List<Dimension> dimensions() {
        return dimensions;
    }

    /** The number of features a trial's hyperparameters give the model. */
    int featureCount() {
        return dimensions.stream().mapToInt(Dimension::width).sum();
    }

    /** The names of the ranges' hyperparameters. */
    Set<String> names() {
        Set<String> names = new HashSet<>();
        dimensions.forEach(d -> names.add(d.name()));
        return names;
    }

    /** The hyperparameters at point {@code u} (one coordinate in [0, 1] per range), as the trial receives them. */
    Map<String, String> decode(double[] u) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < dimensions.size(); i++) {
            Dimension dim = dimensions.get(i);
            double at = Math.max(0, Math.min(1, u[i]));
            values.put(dim.name(), switch (dim.kind()) {
                case CATEGORICAL -> dim.values().get(Math.min(dim.values().size() - 1, (int) (at * dim.values().size())));
                case INTEGER -> Long.toString(integer(dim, at));
                case CONTINUOUS -> plain(Math.max(dim.min(), Math.min(dim.max(), dim.scaling().value(at, dim.min(), dim.max()))));
            });
        }
        return values;
    }

    /**
     * An integer of the range at {@code u}: each integer owns an equal share of the scaled interval
     * {@code [min - 0.5, max + 0.5]}, so the end points are as likely as any other value.
     */
    private static long integer(Dimension dim, double u) {
        double value = dim.scaling() == Scaling.LINEAR
                ? dim.scaling().value(u, dim.min() - 0.5, dim.max() + 0.5)
                : dim.scaling().value(u, Math.max(dim.min() - 0.5, dim.min() / 2), dim.max() + 0.5);
        return Math.max((long) dim.min(), Math.min((long) dim.max(), Math.round(value)));
    }

    /**
     * The model features of a trial's hyperparameters, or empty when a value lies outside this space
     * (a warm-start parent's trial searched elsewhere).
     */
    Optional<double[]> features(Map<String, String> hyperParameters) {
        double[] x = new double[featureCount()];
        int at = 0;
        for (Dimension dim : dimensions) {
            String text = hyperParameters.get(dim.name());
            if (text == null) {
                return Optional.empty();
            }
            if (dim.kind() == Kind.CATEGORICAL) {
                int index = dim.values().indexOf(text);
                if (index < 0) {
                    return Optional.empty();
                }
                x[at + index] = 1;
            } else {
                double value;
                try {
                    value = Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                if (value < dim.min() - 1e-9 || value > dim.max() + 1e-9) {
                    return Optional.empty();
                }
                x[at] = dim.scaling().position(value, dim.min(), dim.max());
            }
            at += dim.width();
        }
        return Optional.of(x);
    }

    /**
     * The point of the space (one coordinate per range) where {@code hyperParameters} lie, for searching
     * near a good trial; a value the space does not hold sits in the middle of its range.
     */
    double[] point(Map<String, String> hyperParameters) {
        double[] u = new double[dimensions.size()];
        for (int i = 0; i < u.length; i++) {
            Dimension dim = dimensions.get(i);
            String text = hyperParameters.getOrDefault(dim.name(), "");
            u[i] = 0.5;
            if (dim.kind() == Kind.CATEGORICAL) {
                int index = dim.values().indexOf(text);
                if (index >= 0) {
                    u[i] = (index + 0.5) / dim.values().size();
                }
            } else {
                try {
                    u[i] = dim.scaling().position(Double.parseDouble(text), dim.min(), dim.max());
                } catch (NumberFormatException e) {
                    u[i] = 0.5;
                }
            }
        }
        return u;
    }

    /** Every combination of the categorical values, the first range varying slowest; for Grid search. */
    List<Map<String, String>> grid() {
        List<Map<String, String>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>());
        for (Dimension dim : dimensions) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : combinations) {
                for (String value : dim.values()) {
                    Map<String, String> extended = new LinkedHashMap<>(partial);
                    extended.put(dim.name(), value);
                    next.add(extended);
                }
            }
            combinations = next;
        }
        return combinations;
    }

    /** The number of distinct categorical combinations, capped so that a huge grid cannot overflow. */
    long gridSize() {
        long size = 1;
        for (Dimension dim : dimensions) {
            size = Math.min(Long.MAX_VALUE / 64, size * Math.max(1, dim.values().size()));
        }
        return size;
    }

    /** A number as the training container reads it: no exponent, e.g. {@code 0.0001}. */
    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
