package io.labrunner.emulator.sagemaker.xgboost;

import io.labrunner.emulator.sagemaker.algorithms.AlgorithmException;
import io.labrunner.emulator.sagemaker.xgboost.HyperparameterRange.Categories;
import io.labrunner.emulator.sagemaker.xgboost.HyperparameterRange.Interval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The hyperparameters of SageMaker's XGBoost 1.7-1 container, validated in the container's order and
 * with its wording: aliases, then required ones, then parsing (unknown names fail here), ranges, and
 * the checks between them (sagemaker-xgboost-container {@code algorithm_mode/hyperparameter_validation.py},
 * {@code sagemaker_algorithm_toolkit/hyperparameter_validation.py}; docs: "XGBoost hyperparameters").
 * The container raises a UserError, which SageMaker reports as {@code ClientError: <message>}.
 */
final class XgboostHyperparameters {

    enum Type { INTEGER, CONTINUOUS, CATEGORICAL, LIST, TEXT }

    record Definition(String name, Type type, HyperparameterRange range, boolean required) {
    }

    static final List<String> OBJECTIVES = List.of("aft_loss_distribution", "binary:logistic", "binary:logitraw",
            "binary:hinge", "count:poisson", "multi:softmax", "multi:softprob", "rank:pairwise", "rank:ndcg",
            "rank:map", "reg:linear", "reg:squarederror", "reg:logistic", "reg:gamma", "reg:pseudohubererror",
            "reg:squaredlogerror", "reg:absoluteerror", "reg:tweedie", "survival:aft", "survival:cox");
    private static final List<String> UPDATERS = List.of("grow_colmaker", "distcol", "grow_histmaker", "grow_skmaker",
            "sync", "refresh", "prune", "grow_colmaker", "distcol", "grow_histmaker", "grow_colmaker", "shotgun",
            "coord_descent", "refresh", "prune");
    private static final Map<String, String> ALIASES = Map.of("learning_rate", "eta", "min_split_loss", "gamma",
            "reg_lambda", "lambda", "reg_alpha", "alpha");
    /** Not passed to XGBoost: the container consumes them itself. */
    private static final List<String> CONTAINER_ONLY = List.of("num_round", "csv_weights", "early_stopping_rounds",
            "eval_metric", "_tuning_objective_metric", "save_model_on_termination", "_kfold", "_num_cv_round",
            "use_dask_gpu_training", "verbosity");

    static final Map<String, Definition> DEFINITIONS = definitions();

    private XgboostHyperparameters() {
    }

    private static Map<String, Definition> definitions() {
        List<Definition> all = List.of(
                integer("num_round", Interval.atLeast("1"), true),
                integer("csv_weights", Interval.closed("0", "1")),
                integer("early_stopping_rounds", Interval.atLeast("1")),
                categorical("booster", "gbtree", "gblinear", "dart"),
                integer("verbosity", Interval.closed("0", "3")),
                integer("nthread", Interval.atLeast("1")),
                continuous("eta", Interval.closed("0", "1")),
                continuous("gamma", Interval.atLeast("0")),
                integer("max_depth", Interval.atLeast("0")),
                continuous("min_child_weight", Interval.atLeast("0")),
                continuous("max_delta_step", Interval.atLeast("0")),
                continuous("subsample", Interval.openClosed("0", "1")),
                continuous("colsample_bytree", Interval.openClosed("0", "1")),
                continuous("colsample_bylevel", Interval.openClosed("0", "1")),
                continuous("colsample_bynode", Interval.openClosed("0", "1")),
                continuous("lambda", Interval.atLeast("0")),
                continuous("alpha", Interval.atLeast("0")),
                categorical("tree_method", "auto", "exact", "approx", "hist", "gpu_hist"),
                continuous("sketch_eps", Interval.open("0", "1")),
                continuous("scale_pos_weight", Interval.above("0")),
                new Definition("updater", Type.LIST, new Categories(UPDATERS), false),
                categorical("dsplit", "row", "col"),
                integer("refresh_leaf", Interval.closed("0", "1")),
                categorical("process_type", "default", "update"),
                categorical("grow_policy", "depthwise", "lossguide"),
                integer("max_leaves", Interval.atLeast("0")),
                integer("max_bin", Interval.atLeast("0")),
                categorical("predictor", "auto", "cpu_predictor", "gpu_predictor"),
                new Definition("monotone_constraints", Type.TEXT, null, false),
                new Definition("interaction_constraints", Type.TEXT, null, false),
                categorical("sample_type", "uniform", "weighted"),
                categorical("normalize_type", "tree", "forest"),
                continuous("rate_drop", Interval.closed("0", "1")),
                integer("one_drop", Interval.closed("0", "1")),
                continuous("skip_drop", Interval.closed("0", "1")),
                continuous("lambda_bias", Interval.closed("0", "1")),
                continuous("tweedie_variance_power", Interval.open("1", "2")),
                new Definition("objective", Type.CATEGORICAL, new Categories(OBJECTIVES), false),
                integer("num_class", Interval.atLeast("2")),
                continuous("base_score", Interval.atLeast("0")),
                integer("_kfold", Interval.atLeast("2")),
                integer("_num_cv_round", Interval.atLeast("1")),
                new Definition("_tuning_objective_metric", Type.CATEGORICAL,
                        new Categories(XgboostMetrics.tuningObjectives()), false),
                new Definition("eval_metric", Type.LIST, null, false),
                integer("seed", Interval.open("-2147483648", "2147483647")),
                integer("num_parallel_tree", Interval.atLeast("1")),
                categorical("save_model_on_termination", "true", "false"),
                categorical("aft_loss_distribution", "normal", "logistic", "extreme"),
                continuous("aft_loss_distribution_scale", Interval.atLeast("0")),
                categorical("deterministic_histogram", "true", "false"),
                categorical("sampling_method", "uniform", "gradient_based"),
                integer("prob_buffer_row", Interval.above("1.0")),
                categorical("use_dask_gpu_training", "true", "false"));
        Map<String, Definition> byName = new LinkedHashMap<>();
        all.forEach(d -> byName.put(d.name(), d));
        return byName;
    }

    private static Definition integer(String name, Interval range) {
        return integer(name, range, false);
    }

    private static Definition integer(String name, Interval range, boolean required) {
        return new Definition(name, Type.INTEGER, range, required);
    }

    private static Definition continuous(String name, Interval range) {
        return new Definition(name, Type.CONTINUOUS, range, false);
    }

    private static Definition categorical(String name, String... values) {
        return new Definition(name, Type.CATEGORICAL, Categories.of(values), false);
    }

    /**
     * Validates a job's hyperparameters (strings, as in {@code hyperparameters.json}).
     *
     * @throws AlgorithmException a ClientError with the container's message
     */
    static TrainingSettings validate(Map<String, String> given) throws AlgorithmException {
        // Sorted so that, of several faults, the same one is reported every time.
        Map<String, String> named = new TreeMap<>();
        given.forEach((name, value) -> named.put(ALIASES.getOrDefault(name, name), value));
        for (Definition definition : DEFINITIONS.values()) {
            if (definition.required() && !named.containsKey(definition.name())) {
                throw AlgorithmException.clientError("Missing required hyperparameter: " + definition.name());
            }
        }
        Map<String, Object> parsed = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : named.entrySet()) {
            Definition definition = DEFINITIONS.get(entry.getKey());
            if (definition == null) {
                throw AlgorithmException.clientError("Extraneous hyperparameter found: " + entry.getKey());
            }
            parsed.put(entry.getKey(), parse(definition, entry.getValue()));
        }
        for (Map.Entry<String, Object> entry : parsed.entrySet()) {
            checkRange(DEFINITIONS.get(entry.getKey()), entry.getValue());
        }
        checkDependencies(parsed);
        return settings(parsed);
    }

    private static Object parse(Definition definition, String value) throws AlgorithmException {
        switch (definition.type()) {
            case INTEGER: {
                OptionalLong number = PythonNumbers.parseInt(value);
                if (number.isEmpty()) {
                    throw couldNotParse(definition.name());
                }
                return number.getAsLong();
            }
            case CONTINUOUS: {
                OptionalDouble number = PythonNumbers.parseFloat(value);
                if (number.isEmpty()) {
                    throw couldNotParse(definition.name());
                }
                return number.getAsDouble();
            }
            case LIST:
                return Arrays.asList(value.split(",", -1));
            default:
                return value;
        }
    }

    private static AlgorithmException couldNotParse(String name) {
        return AlgorithmException.clientError("Hyperparameter " + name + ": could not parse value (caused by ValueError)");
    }

    @SuppressWarnings("unchecked")
    private static void checkRange(Definition definition, Object value) throws AlgorithmException {
        String name = definition.name();
        if (name.equals("eval_metric")) {
            for (String metric : (List<String>) value) {
                checkEvalMetric(metric, (List<String>) value);
            }
            return;
        }
        if (definition.range() == null) {
            return;
        }
        if (definition.type() == Type.LIST) {
            List<String> values = (List<String>) value;
            if (!values.stream().allMatch(definition.range()::contains)) {
                throw AlgorithmException.clientError("Hyperparameter " + name + ": value "
                        + HyperparameterRange.pythonList(values) + " not in range " + definition.range());
            }
        } else if (!definition.range().contains(value)) {
            throw AlgorithmException.clientError("Hyperparameter " + name + ": " + pythonValue(value) + " is not in "
                    + definition.range());
        }
    }

    private static void checkEvalMetric(String metric, List<String> all) throws AlgorithmException {
        if (metric.contains("@")) {
            String[] parts = metric.split("@", -1);
            String base = parts[0].strip();
            if (!List.of("error", "ndcg", "map").contains(base)) {
                throw AlgorithmException.clientError("Metric '" + metric + "' is not supported. Parameter 'eval_metric' "
                        + "with customized threshold should be one of these options: 'error', 'ndcg', 'map'.");
            }
            if (PythonNumbers.parseFloat(parts[1]).isEmpty()) {
                throw AlgorithmException.clientError("Threshold value 't' in '" + base + "@t' expects float input.");
            }
            return;
        }
        if (!XgboostMetrics.MAXIMIZE.contains(metric) && !XgboostMetrics.MINIMIZE.contains(metric)) {
            List<String> supported = new ArrayList<>(XgboostMetrics.MAXIMIZE);
            supported.addAll(XgboostMetrics.MINIMIZE);
            throw AlgorithmException.clientError("Hyperparameter eval_metric: value " + HyperparameterRange.pythonList(all)
                    + " not in range " + HyperparameterRange.pythonList(supported));
        }
    }

    private static String pythonValue(Object value) {
        return value instanceof Double d ? PythonNumbers.repr(d) : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static void checkDependencies(Map<String, Object> parsed) throws AlgorithmException {
        String objective = (String) parsed.get("objective");
        if (objective != null && objective.startsWith("multi:soft") && !parsed.containsKey("num_class")) {
            throw AlgorithmException.clientError("Require input for parameter 'num_class' for multi-classification");
        }
        List<String> evalMetric = (List<String>) parsed.get("eval_metric");
        String effectiveObjective = objective == null ? "reg:squarederror" : objective;
        if (evalMetric != null) {
            if (evalMetric.contains("auc") && !effectiveObjective.startsWith("binary:")
                    && !effectiveObjective.startsWith("rank:")) {
                throw AlgorithmException.clientError(
                        "Metric 'auc' can only be applied for classification and ranking problems.");
            }
            if (evalMetric.contains("aft-nloglik") && !effectiveObjective.equals("survival:aft")) {
                throw AlgorithmException.clientError(
                        "Metric 'aft-nloglik' can only be applied for 'survival:aft' objective.");
            }
        }
        String treeMethod = (String) parsed.get("tree_method");
        if (parsed.containsKey("monotone_constraints")
                && (treeMethod == null || !List.of("exact", "hist").contains(treeMethod))) {
            throw AlgorithmException.clientError("monotone_constraints can be used only when the tree_method parameter "
                    + "is set to either 'exact' or 'hist'.");
        }
        if (parsed.containsKey("interaction_constraints")
                && (treeMethod == null || !List.of("exact", "hist", "approx").contains(treeMethod))) {
            throw AlgorithmException.clientError("interaction_constraints can be used only when the tree_method "
                    + "parameter is set to either 'exact', 'hist' or 'approx'.");
        }
        checkUpdater((List<String>) parsed.get("updater"), (String) parsed.get("booster"),
                (String) parsed.get("process_type"));
        checkLocallyRunnable(parsed, treeMethod);
    }

    private static void checkUpdater(List<String> updater, String booster, String processType)
            throws AlgorithmException {
        if (updater == null) {
            return;
        }
        List<String> linear = List.of("shotgun", "coord_descent");
        List<String> tree = List.of("grow_colmaker", "distcol", "grow_histmaker", "grow_skmaker", "sync", "refresh",
                "prune", "grow_quantile_histmaker");
        List<String> treeBuilders = List.of("grow_colmaker", "distcol", "grow_histmaker", "grow_quantile_histmaker");
        if ("gblinear".equals(booster)) {
            if (updater.size() != 1 || !linear.contains(updater.get(0))) {
                throw AlgorithmException.clientError("Linear updater should be one of these options: 'shotgun', "
                        + "'coord_descent'.");
            }
        } else if ("update".equals(processType)) {
            if (!List.of("refresh", "prune").containsAll(updater)) {
                throw AlgorithmException.clientError(
                        "process_type 'update' can only be used with updater 'refresh' and 'prune'");
            }
        } else {
            if (!tree.containsAll(updater)) {
                throw AlgorithmException.clientError("Tree updater should be selected from these options: "
                        + "'grow_colmaker', 'distcol', 'grow_histmaker', 'grow_skmaker', 'grow_quantile_histmaker', "
                        + "'sync', 'refresh', 'prune', 'shortgun', 'coord_descent'.");
            }
            if (updater.stream().filter(treeBuilders::contains).count() > 1) {
                throw AlgorithmException.clientError("Only one tree grow plugin can be selected. Choose one from the"
                        + "following: 'grow_colmaker', 'distcol', 'grow_histmaker', 'grow_skmaker'");
            }
        }
    }

    /** What the real container would run but this in-process one cannot: said plainly, never half-done. */
    private static void checkLocallyRunnable(Map<String, Object> parsed, String treeMethod) throws AlgorithmException {
        if ("gpu_hist".equals(treeMethod) || "true".equals(parsed.get("use_dask_gpu_training"))) {
            throw AlgorithmException.clientError("GPU training (tree_method 'gpu_hist', use_dask_gpu_training) needs a "
                    + "GPU instance; the local emulator trains on the CPU. Use tree_method 'hist', or run with --target aws.");
        }
        if (parsed.containsKey("_kfold")) {
            throw AlgorithmException.clientError("Hyperparameter _kfold: k-fold cross-validation is not run by the "
                    + "local emulator; run with --target aws.");
        }
    }

    @SuppressWarnings("unchecked")
    private static TrainingSettings settings(Map<String, Object> parsed) {
        Map<String, String> booster = new TreeMap<>();
        parsed.forEach((name, value) -> {
            if (!CONTAINER_ONLY.contains(name)) {
                booster.put(name, boosterValue(value));
            }
        });
        String objective = (String) parsed.getOrDefault("objective", "reg:squarederror");
        if (objective.equals("reg:linear")) {
            booster.put("objective", "reg:squarederror"); // 1.7's deprecated alias, gone from XGBoost 2
        }
        booster.putIfAbsent("objective", objective);
        // XGBoost 1.7 starts from 0.5 (the documented default); XGBoost 2+ would estimate it from the labels.
        booster.putIfAbsent("base_score", "0.5");
        // The container's own log lines are written here; XGBoost's native ones would go to the JVM's stdout.
        booster.put("verbosity", "0");

        List<String> evalMetric = (List<String>) parsed.get("eval_metric");
        List<String> requested = new ArrayList<>();
        Optional<String> tuningMetric = Optional.ofNullable((String) parsed.get("_tuning_objective_metric"))
                .map(name -> name.substring(name.indexOf(':') + 1));
        tuningMetric.ifPresent(requested::add);
        if (evalMetric != null) {
            evalMetric.stream().filter(m -> !requested.contains(m)).forEach(requested::add);
        }
        List<String> fromContainer = requested.stream().filter(XgboostMetrics.COMPUTED_BY_CONTAINER::contains).toList();
        List<String> fromXgboost = requested.stream().filter(m -> !fromContainer.contains(m)).toList();

        Optional<Integer> rounds = Optional.ofNullable((Long) parsed.get("early_stopping_rounds")).map(Long::intValue);
        // As the container does: early stopping watches the tuning objective, else the last eval_metric, else
        // nothing at all (early_stopping_rounds alone does not stop training).
        Optional<String> stoppingMetric = rounds.isEmpty() ? Optional.empty()
                : tuningMetric.or(() -> Optional.ofNullable(evalMetric).map(list -> list.get(list.size() - 1)));
        return new TrainingSettings(((Long) parsed.get("num_round")).intValue(), objective,
                Long.valueOf(1).equals(parsed.get("csv_weights")), booster, fromXgboost, fromContainer,
                stoppingMetric.isPresent() ? rounds : Optional.empty(), stoppingMetric,
                Optional.ofNullable(treeMethod(parsed)));
    }

    private static String treeMethod(Map<String, Object> parsed) {
        Object method = parsed.get("tree_method");
        return method == null || method.equals("auto") ? null : (String) method;
    }

    @SuppressWarnings("unchecked")
    private static String boosterValue(Object value) {
        if (value instanceof Double d) {
            return PythonNumbers.repr(d);
        }
        if (value instanceof List<?> list) {
            return String.join(",", (List<String>) list);
        }
        return String.valueOf(value);
    }
}
