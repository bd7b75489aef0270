package io.labrunner.emulator.sagemaker.xgboost;

import io.labrunner.emulator.sagemaker.algorithms.AlgorithmException;
import io.labrunner.emulator.sagemaker.algorithms.Predictor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * The container's serving side as Batch Transform runs it (the platform sets {@code SAGEMAKER_BATCH}):
 * records without a label in {@code text/csv} or {@code text/libsvm} (no ContentType means LIBSVM), and one
 * output line per record, Python's {@code str()} of the prediction — a probability for
 * {@code binary:logistic}, a value for regression, a list {@code [0.1, 0.2, 0.7]} for {@code multi:softprob}.
 * In batch mode the container writes that whatever the Accept type; it only checks the Accept type is one it
 * serves (sagemaker-xgboost-container {@code algorithm_mode/serve.py}, {@code serve_utils.py}).
 */
final class XgboostPredictor implements Predictor {
    private static final List<String> ACCEPTS = List.of("application/json", "application/jsonlines",
            "application/x-recordio-protobuf", "text/csv");
    private final String name;
    private final byte[] model;

    private XgboostPredictor(String name, byte[] model) {
        this.name = name;
        this.model = model;
    }

    /** Loads {@code xgboost-model}, or else the first file that is not a dotfile, as the container does. */
    static XgboostPredictor load(Map<String, byte[]> modelFiles) throws AlgorithmException {
        TreeMap<String, byte[]> files = new TreeMap<>(modelFiles);
        files.keySet().removeIf(name -> name.startsWith(".") || name.contains("/."));
        String name = files.containsKey(XgboostAlgorithm.MODEL_FILE) ? XgboostAlgorithm.MODEL_FILE
                : files.isEmpty() ? null : files.firstKey();
        if (name == null) {
            throw AlgorithmException.clientError("Unable to load model: the model artifact holds no model file");
        }
        XgboostPredictor predictor = new XgboostPredictor(name, files.get(name).clone());
        predictor.booster().dispose();
        return predictor;
    }

    /**
     * The model, loaded afresh: a Booster holds native memory that nothing would free if the predictor kept
     * one, and loading a model takes milliseconds next to a mini-batch's prediction.
     */
    private Booster booster() throws AlgorithmException {
        try {
            return XGBoost.loadModel(model);
        } catch (XGBoostError | IOException e) {
            throw AlgorithmException.clientError("Unable to load model: Model " + name + " cannot be loaded:\n"
                    + "XGB load model error=" + XgboostTrainer.withoutStackTrace(e.getMessage()));
        }
    }

    @Override
    public List<String> predict(List<String> records, String contentType, String accept) throws AlgorithmException {
        if (records.isEmpty()) {
            return List.of();
        }
        InferenceRows rows = InferenceRows.parse(records, contentType);
        float[][] predictions;
        DMatrix matrix = null;
        Booster booster = booster();
        try {
            matrix = rows.toDMatrix();
            predictions = booster.predict(matrix);
        } catch (XGBoostError e) {
            throw AlgorithmException.clientError("Unable to evaluate payload provided: "
                    + XgboostTrainer.withoutStackTrace(e.getMessage()));
        } finally {
            booster.dispose();
            if (matrix != null) {
                matrix.dispose();
            }
        }
        checkAccept(accept);
        List<String> out = new ArrayList<>(predictions.length);
        for (float[] prediction : predictions) {
            out.add(prediction.length == 1 ? PythonNumbers.repr(prediction[0])
                    : java.util.stream.IntStream.range(0, prediction.length)
                            .mapToObj(k -> PythonNumbers.repr(prediction[k])).collect(Collectors.joining(", ", "[", "]")));
        }
        return out;
    }

    private static void checkAccept(String accept) throws AlgorithmException {
        String type = accept == null ? "" : accept.split(";")[0].strip();
        if (type.isEmpty() || type.equals("*/*") || ACCEPTS.contains(type.toLowerCase(Locale.ROOT))) {
            return;
        }
        throw AlgorithmException.clientError("Accept type " + type + " is not supported. Please use supported accept "
                + "types: " + HyperparameterRange.pythonList(ACCEPTS) + ".");
    }
}
