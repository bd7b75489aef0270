package io.labrunner.emulator.sagemaker.linearlearner;

import io.labrunner.emulator.sagemaker.algorithms.AlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates the hyperparameters as the linear learner container does before it reads any
 * data. Refusals are ClientErrors worded like the container's JSON-schema validation
 * ({@code ... (caused by ValidationError)}), naming the hyperparameter.
 */
final class HyperParameters {
    private static final Set<String> KNOWN = Set.of("predictor_type", "feature_dim", "num_classes", "epochs",
            "mini_batch_size", "learning_rate", "optimizer", "l1", "wd", "use_bias", "normalize_data",
            "normalize_label", "loss", "binary_classifier_model_selection_criteria", "target_precision",
            "target_recall", "positive_example_weight_mult", "early_stopping_patience", "early_stopping_tolerance",
            "margin", "quantile", "huber_delta", "loss_insensitivity", "f_beta", "accuracy_top_k", "beta_1",
            "beta_2", "momentum", "bias_lr_mult", "bias_wd_mult", "init_method", "init_scale", "init_sigma",
            "init_bias", "use_lr_scheduler", "lr_scheduler_step", "lr_scheduler_factor", "lr_scheduler_minimum_lr",
            "num_point_for_scaler", "num_calibration_samples", "num_models", "unbias_data", "unbias_label",
            "balance_multiclass_weights");
    private static final List<String> CRITERIA = List.of("accuracy", "f_beta", "precision_at_target_recall",
            "recall_at_target_precision", "loss_function");

    private final Map<String, String> values;

    private HyperParameters(Map<String, String> values) {
        this.values = values;
    }

    static Settings parse(Map<String, String> hyperParameters) throws AlgorithmException {
        return new HyperParameters(hyperParameters).settings();
    }

    private Settings settings() throws AlgorithmException {
        List<String> unexpected = new ArrayList<>();
        for (String name : values.keySet()) {
            // SageMaker's own (tuning's _tuning_objective_metric, the SDK's sagemaker_*) pass through.
            if (!KNOWN.contains(name) && !name.startsWith("_") && !name.startsWith("sagemaker_")) {
                unexpected.add("'" + name + "'");
            }
        }
        if (!unexpected.isEmpty()) {
            unexpected.sort(null);
            throw invalid("Additional hyperparameters are not allowed (" + String.join(", ", unexpected)
                    + (unexpected.size() == 1 ? " was" : " were") + " unexpected)");
        }
        String type = values.get("predictor_type");
        if (type == null) {
            throw invalid("No value(s) were specified for 'predictor_type' which are required hyperparameter(s)");
        }
        PredictorType predictorType = Arrays.stream(PredictorType.values())
                .filter(t -> t.wireName().equals(type)).findFirst()
                .orElseThrow(() -> notOneOf("predictor_type", type,
                        List.of("binary_classifier", "multiclass_classifier", "regressor")));
        int numClasses = 0;
        if (predictorType == PredictorType.MULTICLASS_CLASSIFIER) {
            if (!values.containsKey("num_classes")) {
                throw invalid("No value(s) were specified for 'num_classes' which are required hyperparameter(s)");
            }
            numClasses = integer("num_classes", 0, 3, 1_000_000);
        }
        Loss loss = loss(predictorType);
        Optimizer.Kind optimizer = optimizer();
        String criteria = choice("binary_classifier_model_selection_criteria", "accuracy", CRITERIA);
        return new Settings(predictorType, autoInteger("feature_dim", 1, Integer.MAX_VALUE), numClasses,
                integer("epochs", 15, 1, Integer.MAX_VALUE), integer("mini_batch_size", 1000, 1, Integer.MAX_VALUE),
                optimizer, autoNumber("learning_rate", optimizer.defaultLearningRate(), 0, false, Double.MAX_VALUE),
                autoNumber("l1", 0, 0, true, Double.MAX_VALUE), autoNumber("wd", 0.0001, 0, true, Double.MAX_VALUE),
                bool("use_bias", true), Boolean.TRUE.equals(autoBool("normalize_data", true)),
                autoBool("normalize_label", null), loss, criteria,
                number("target_precision", 0.8, 0, 1), number("target_recall", 0.8, 0, 1), positiveWeight(),
                integer("early_stopping_patience", 3, 1, Integer.MAX_VALUE),
                positive("early_stopping_tolerance", 0.001), positive("margin", 1.0), number("quantile", 0.5, 0, 1),
                positive("huber_delta", 1.0), positive("loss_insensitivity", 0.01), positive("f_beta", 1.0),
                integer("accuracy_top_k", 3, 1, Integer.MAX_VALUE), autoNumber("beta_1", 0.9, 0, true, 1),
                autoNumber("beta_2", 0.999, 0, true, 1), autoNumber("momentum", 0.9, 0, true, 1),
                autoNumber("bias_lr_mult", 1.0, 0, false, Double.MAX_VALUE),
                autoNumber("bias_wd_mult", 0.0, 0, true, Double.MAX_VALUE),
                "normal".equals(choice("init_method", "uniform", List.of("uniform", "normal"))),
                positive("init_scale", 0.07), positive("init_sigma", 0.01), number("init_bias", 0, -Double.MAX_VALUE,
                        Double.MAX_VALUE),
                bool("use_lr_scheduler", true), autoInteger("lr_scheduler_step", 1, Integer.MAX_VALUE) == null ? 100
                        : autoInteger("lr_scheduler_step", 1, Integer.MAX_VALUE),
                autoNumber("lr_scheduler_factor", 0.99, 0, false, 1),
                autoNumber("lr_scheduler_minimum_lr", 1e-5, 0, false, Double.MAX_VALUE),
                integer("num_point_for_scaler", 10_000, 1, Integer.MAX_VALUE),
                autoInteger("num_calibration_samples", 1, Integer.MAX_VALUE), numModels(),
                bool("balance_multiclass_weights", false));
    }

    private Loss loss(PredictorType type) throws AlgorithmException {
        String given = values.getOrDefault("loss", "auto");
        List<Loss> allowed = Loss.allowedFor(type);
        if ("auto".equals(given)) {
            return allowed.get(0);
        }
        Loss loss = Arrays.stream(Loss.values()).filter(l -> l.wireName().equals(given)).findFirst()
                .orElseThrow(() -> notOneOf("loss", given, Arrays.stream(Loss.values()).map(Loss::wireName).toList()));
        if (!allowed.contains(loss)) {
            throw invalid("Loss '" + given + "' is not supported for predictor_type '" + type.wireName()
                    + "'; use one of " + allowed.stream().map(l -> "'" + l.wireName() + "'").toList());
        }
        return loss;
    }

    private Optimizer.Kind optimizer() throws AlgorithmException {
        String given = values.getOrDefault("optimizer", "auto");
        return switch (given) {
            case "auto", "adam" -> Optimizer.Kind.ADAM;
            case "sgd" -> Optimizer.Kind.SGD;
            case "rmsprop" -> Optimizer.Kind.RMSPROP;
            default -> throw notOneOf("optimizer", given, List.of("auto", "sgd", "adam", "rmsprop"));
        };
    }

    /** A float, {@code balanced} or {@code auto}; {@code auto} is read as {@code balanced} here. */
    private double positiveWeight() throws AlgorithmException {
        String given = values.get("positive_example_weight_mult");
        if (given == null) {
            return 1.0;
        }
        if ("balanced".equals(given) || "auto".equals(given)) {
            return Double.NaN;
        }
        double value = parseNumber("positive_example_weight_mult", given);
        if (value <= 0) {
            throw invalid("Hyperparameter 'positive_example_weight_mult': '" + given
                    + "' is not valid under any of the given schemas (a positive float, 'balanced' or 'auto')");
        }
        return value;
    }

    private String numModels() throws AlgorithmException {
        String given = values.getOrDefault("num_models", "auto");
        if (!"auto".equals(given)) {
            integer("num_models", 1, 1, Integer.MAX_VALUE);
        }
        return given;
    }

    private String choice(String name, String dflt, List<String> allowed) throws AlgorithmException {
        String given = values.getOrDefault(name, dflt);
        if (!allowed.contains(given)) {
            throw notOneOf(name, given, allowed);
        }
        return given;
    }

    private boolean bool(String name, boolean dflt) throws AlgorithmException {
        String given = values.get(name);
        if (given == null) {
            return dflt;
        }
        return switch (given.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw notOneOf(name, given, List.of("true", "false"));
        };
    }

    private Boolean autoBool(String name, Boolean dflt) throws AlgorithmException {
        String given = values.get(name);
        if (given == null || "auto".equals(given)) {
            return dflt;
        }
        return bool(name, false);
    }

    private int integer(String name, int dflt, int min, int max) throws AlgorithmException {
        String given = values.get(name);
        if (given == null) {
            return dflt;
        }
        int value;
        try {
            value = Integer.parseInt(given.trim());
        } catch (NumberFormatException e) {
            throw invalid("Hyperparameter '" + name + "': '" + given + "' is not of type 'integer'");
        }
        if (value < min) {
            throw invalid("Hyperparameter '" + name + "': " + value + " is less than the minimum of " + min);
        }
        if (value > max) {
            throw invalid("Hyperparameter '" + name + "': " + value + " is greater than the maximum of " + max);
        }
        return value;
    }

    private Integer autoInteger(String name, int min, int max) throws AlgorithmException {
        String given = values.get(name);
        return given == null || "auto".equals(given) ? null : integer(name, 0, min, max);
    }

    private double number(String name, double dflt, double min, double max) throws AlgorithmException {
        String given = values.get(name);
        if (given == null) {
            return dflt;
        }
        double value = parseNumber(name, given);
        if (value < min) {
            throw invalid("Hyperparameter '" + name + "': " + given + " is less than the minimum of " + min);
        }
        if (value > max) {
            throw invalid("Hyperparameter '" + name + "': " + given + " is greater than the maximum of " + max);
        }
        return value;
    }

    private double positive(String name, double dflt) throws AlgorithmException {
        double value = number(name, dflt, 0, Double.MAX_VALUE);
        if (value <= 0) {
            throw invalid("Hyperparameter '" + name + "': " + values.get(name)
                    + " is less than or equal to the minimum of 0");
        }
        return value;
    }

    /** {@code auto} (the given default) or a number in range; {@code minInclusive} says whether 0 is allowed. */
    private double autoNumber(String name, double dflt, double min, boolean minInclusive, double max)
            throws AlgorithmException {
        String given = values.get(name);
        if (given == null || "auto".equals(given)) {
            return dflt;
        }
        double value = number(name, dflt, min, max);
        if (!minInclusive && value <= min) {
            throw invalid("Hyperparameter '" + name + "': " + given + " is less than or equal to the minimum of "
                    + min);
        }
        return value;
    }

    private static double parseNumber(String name, String given) throws AlgorithmException {
        try {
            double value = Double.parseDouble(given.trim());
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new NumberFormatException(given);
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid("Hyperparameter '" + name + "': '" + given + "' is not valid under any of the given schemas");
        }
    }

    private static AlgorithmException notOneOf(String name, String given, List<String> allowed) {
        return invalid("Hyperparameter '" + name + "': '" + given + "' is not one of "
                + allowed.stream().map(a -> "'" + a + "'").toList());
    }

    private static AlgorithmException invalid(String detail) {
        return AlgorithmException.clientError(detail + " (caused by ValidationError)");
    }
}
