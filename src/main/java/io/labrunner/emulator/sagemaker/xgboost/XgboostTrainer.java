package io.labrunner.emulator.sagemaker.xgboost;

import io.labrunner.emulator.sagemaker.algorithms.AlgorithmException;
import io.labrunner.emulator.sagemaker.algorithms.TrainedModel;
import io.labrunner.emulator.sagemaker.algorithms.TrainedModel.FinalMetric;
import io.labrunner.emulator.sagemaker.algorithms.TrainingInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * One training run, round by round as the container's {@code xgb.train} with its callbacks runs it: each
 * round boosts, evaluates the train and validation sets, prints
 * {@code [3]#011train-auc:0.91010#011validation-auc:0.88000}, and early stopping watches the validation
 * metric, keeping the model of its best round (sagemaker-xgboost-container {@code algorithm_mode/train.py},
 * {@code callback.py}; XGBoost 1.7 {@code EvaluationMonitor} and {@code EarlyStopping(save_best=True)}).
 */
final class XgboostTrainer {
    /** XGBoost 1.7's {@code tree_method=auto} picks exact below this many rows and approx from it on. */
    private static final long EXACT_ROW_LIMIT = 4L << 20;
    /**
     * Errors the container blames on the input (ClientError) rather than on itself (xgb_constants.py), then the
     * same faults as XGBoost 3.4 words them.
     */
    private static final List<String> CUSTOMER_ERRORS = List.of("label must be in [0,1] for logistic regression",
            "label must be in [0, num_class)", "Target is multiclass but average='binary'", "feature_names mismatch",
            "Check failed: preds.size() == info.labels_.size()", "the dataset only contains pos or neg samples",
            "base_score must be in (0,1)", "label must be nonnegative", "Parameter reg_lambda should be greater equal to 0",
            "for logistic regression", "label must be discrete values in the range of [0, num_class)",
            "label must be non-negative", "must be greater than 0 for gamma regression");

    private final TrainingSettings settings;
    private final ContainerLog log;

    XgboostTrainer(TrainingSettings settings, ContainerLog log) {
        this.settings = settings;
        this.log = log;
    }

    TrainedModel train(LabeledData train, Optional<LabeledData> validation, TrainingInput input)
            throws AlgorithmException {
        int width = Math.max(train.width(), validation.map(LabeledData::width).orElse(0));
        log.info("Single node training.");
        log.info("Train matrix has " + train.rows() + " rows and " + width + " columns");
        validation.ifPresent(v -> log.info("Validation matrix has " + v.rows() + " rows"));
        List<DMatrix> matrices = new ArrayList<>();
        Booster booster = null;
        try {
            DMatrix trainMatrix = track(matrices, train.toDMatrix(width));
            Map<String, DMatrix> evals = new LinkedHashMap<>();
            evals.put("train", trainMatrix);
            if (validation.isPresent()) {
                evals.put("validation", track(matrices, validation.get().toDMatrix(width)));
            }
            Map<String, float[]> labels = new HashMap<>();
            labels.put("train", train.labels());
            validation.ifPresent(v -> labels.put("validation", v.labels()));
            // Every evaluated matrix goes in, as XGBoost.train puts its watches: the booster then caches their
            // predictions and each round adds only its new tree's, instead of predicting every tree again.
            booster = XGBoost.train(trainMatrix, new HashMap<>(params(train.rows())), 0, evals, null, null);
            for (String metric : settings.xgboostMetrics()) {
                booster.setParam("eval_metric", metric);
            }
            return rounds(booster, evals, labels, input);
        } catch (XGBoostError e) {
            throw failure(e.getMessage());
        } finally {
            if (booster != null) {
                booster.dispose();
            }
            matrices.forEach(DMatrix::dispose);
        }
    }

    private static DMatrix track(List<DMatrix> matrices, DMatrix matrix) {
        matrices.add(matrix);
        return matrix;
    }

    /** What goes to XGBoost: the hyperparameters it knows, with 1.7's {@code auto} tree method resolved. */
    Map<String, Object> params(long rows) {
        Map<String, Object> params = new HashMap<>(settings.boosterParams());
        if (!"gblinear".equals(params.get("booster"))) {
            params.put("tree_method", settings.treeMethodGiven().orElse(rows < EXACT_ROW_LIMIT ? "exact" : "approx"));
        }
        return params;
    }

    private TrainedModel rounds(Booster booster, Map<String, DMatrix> evals, Map<String, float[]> labels,
            TrainingInput input) throws XGBoostError, AlgorithmException {
        DMatrix train = evals.get("train");
        DMatrix[] matrices = evals.values().toArray(new DMatrix[0]);
        String[] names = evals.keySet().toArray(new String[0]);
        Optional<String> stoppingMetric = evals.containsKey("validation") ? settings.earlyStoppingMetric()
                : Optional.empty();
        Map<String, Double> last = new LinkedHashMap<>();
        double best = Double.NaN;
        int roundsSinceBest = 0;
        byte[] bestModel = null;
        for (int round = 0; round < settings.numRound(); round++) {
            if (input.stopRequested().getAsBoolean()) {
                throw AlgorithmException.stopped();
            }
            booster.update(train, round);
            Map<String, Double> scores = evaluate(booster, matrices, names, labels, round);
            log.raw(line(round, scores));
            last.putAll(scores);
            if (stoppingMetric.isPresent()) {
                Double score = scores.get("validation-" + stoppingMetric.get());
                if (score == null) {
                    continue;
                }
                boolean maximize = XgboostMetrics.maximize(stoppingMetric.get());
                if (bestModel == null || (maximize ? score > best : score < best)) {
                    best = score;
                    roundsSinceBest = 0;
                    booster.setAttr("best_iteration", Integer.toString(round));
                    booster.setAttr("best_score", PythonNumbers.repr(score));
                    bestModel = booster.toByteArray("ubj");
                } else if (++roundsSinceBest >= settings.earlyStoppingRounds().orElseThrow()) {
                    break;
                }
            }
        }
        byte[] model = bestModel != null ? bestModel : booster.toByteArray("ubj");
        List<FinalMetric> metrics = new ArrayList<>();
        last.forEach((name, value) -> metrics.add(new FinalMetric(name.replaceFirst("-", ":"), value)));
        return new TrainedModel(Map.of(XgboostAlgorithm.MODEL_FILE, model), metrics);
    }

    /** This round's scores, keyed {@code train-auc}, in the order the container prints them. */
    private Map<String, Double> evaluate(Booster booster, DMatrix[] matrices, String[] names,
            Map<String, float[]> labels, int round) throws XGBoostError, AlgorithmException {
        Map<String, Double> byData = new LinkedHashMap<>();
        String[] fields = booster.evalSet(matrices, names, round).split("\t");
        Map<String, Map<String, Double>> grouped = new LinkedHashMap<>();
        for (String name : names) {
            grouped.put(name, new LinkedHashMap<>());
        }
        for (int i = 1; i < fields.length; i++) {
            String field = fields[i];
            int dash = field.indexOf('-');
            int colon = field.lastIndexOf(':');
            grouped.get(field.substring(0, dash)).put(field.substring(dash + 1, colon),
                    Double.parseDouble(field.substring(colon + 1)));
        }
        if (!settings.containerMetrics().isEmpty()) {
            for (int d = 0; d < matrices.length; d++) {
                float[][] margins = booster.predict(matrices[d], true, 0);
                for (String metric : settings.containerMetrics()) {
                    grouped.get(names[d]).put(metric, ContainerMetrics.compute(metric, margins, labels.get(names[d])));
                }
            }
        }
        grouped.forEach((data, metrics) -> metrics.forEach((metric, value) -> byData.put(data + "-" + metric, value)));
        return byData;
    }

    private static String line(int round, Map<String, Double> scores) {
        StringBuilder line = new StringBuilder("[").append(round).append(']');
        scores.forEach((name, value) -> line.append("#011").append(name).append(':')
                .append(String.format(Locale.ROOT, "%.5f", value)));
        return line.toString();
    }

    /** The container's wrapping of an XGBoost failure: a ClientError for known input faults, else its own. */
    private static AlgorithmException failure(String message) {
        String reason = withoutStackTrace(message);
        for (String customerError : CUSTOMER_ERRORS) {
            if (reason.contains(customerError)) {
                return AlgorithmException.clientError(reason);
            }
        }
        return AlgorithmException.algorithmError("XGB train call failed with exception:\n " + reason);
    }

    static String withoutStackTrace(String message) {
        String text = message == null ? "" : message;
        int trace = text.indexOf("\nStack trace:");
        return (trace < 0 ? text : text.substring(0, trace)).strip();
    }
}
