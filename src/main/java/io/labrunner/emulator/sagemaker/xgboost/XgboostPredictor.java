package io.labrunner.emulator.sagemaker.xgboost;

import io.labrunner.emulator.sagemaker.algorithms.AlgorithmException;
import io.labrunner.emulator.sagemaker.algorithms.InferenceAnswer;
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
    /** The booster an endpoint answers from, loaded at its first request and kept until {@link #close()}. */
    private Booster resident;
    private boolean closed;
    private final java.util.concurrent.locks.ReadWriteLock unloading = new java.util.concurrent.locks.ReentrantReadWriteLock();

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

    /**
     * One real-time request, as the container's web server answers it outside batch mode: CSV or LIBSVM rows in,
     * and out either the predictions joined by commas ({@code text/csv}, the default) or
     * {@code {"predictions": [{"score": 0.4}, ...]}} for {@code application/json}, written as Python's
     * {@code json.dumps} writes it (sagemaker-xgboost-container {@code serve_utils.encode_predictions_as_json}).
     * A CSV row whose width differs from the model's features is refused, as the container does before predicting.
     */
    @Override
    public InferenceAnswer invoke(byte[] body, String contentType, String accept) throws AlgorithmException {
        List<String> records = new ArrayList<>();
        for (String line : new String(body, java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                records.add(line);
            }
        }
        if (records.isEmpty()) {
            throw AlgorithmException.clientError("Unable to evaluate payload provided: the payload holds no records.");
        }
        InferenceRows rows = InferenceRows.parse(records, contentType);
        String type = accept == null ? "" : accept.split(";")[0].strip().toLowerCase(Locale.ROOT);
        checkAccept(type);
        float[][] predictions;
        DMatrix matrix = null;
        unloading.readLock().lock();
        try {
            Booster booster = residentBooster();
            matrix = rows.toDMatrix();
            long features = booster.getNumFeature();
            if (rows.isCsv() && rows.width() != features) {
                throw AlgorithmException.clientError("Unable to evaluate payload provided: Feature size of csv "
                        + "inference data " + rows.width() + " is not consistent with feature size of trained "
                        + "model " + features + ".");
            }
            predictions = booster.predict(matrix);
        } catch (XGBoostError e) {
            throw AlgorithmException.clientError("Unable to evaluate payload provided: "
                    + XgboostTrainer.withoutStackTrace(e.getMessage()));
        } finally {
            unloading.readLock().unlock();
            if (matrix != null) {
                matrix.dispose();
            }
        }
        if (type.equals("application/json") || type.equals("application/jsonlines")) {
            boolean lines = type.equals("application/jsonlines");
            StringBuilder out = new StringBuilder(lines ? "" : "{\"predictions\": [");
            for (int i = 0; i < predictions.length; i++) {
                out.append(i == 0 ? "" : lines ? "\n" : ", ").append("{\"score\": ").append(score(predictions[i]))
                        .append('}');
            }
            return answer(lines ? out.toString() : out.append("]}").toString(), type);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < predictions.length; i++) {
            out.append(i == 0 ? "" : ",").append(score(predictions[i]));
        }
        return answer(out.toString(), "text/csv; charset=utf-8");
    }

    private static InferenceAnswer answer(String body, String contentType) {
        return new InferenceAnswer(body.getBytes(java.nio.charset.StandardCharsets.UTF_8), contentType);
    }

    private static String score(float[] prediction) {
        return prediction.length == 1 ? PythonNumbers.repr(prediction[0])
                : java.util.stream.IntStream.range(0, prediction.length)
                        .mapToObj(k -> PythonNumbers.repr(prediction[k])).collect(Collectors.joining(", ", "[", "]"));
    }

    private synchronized Booster residentBooster() throws AlgorithmException {
        if (closed) {
            throw AlgorithmException.algorithmError("the model was unloaded");
        }
        if (resident == null) {
            resident = booster();
        }
        return resident;
    }

    /** Frees the booster once no request is predicting with it. */
    @Override
    public void close() {
        unloading.writeLock().lock();
        try {
            synchronized (this) {
                closed = true;
                if (resident != null) {
                    resident.dispose();
                    resident = null;
                }
            }
        } finally {
            unloading.writeLock().unlock();
        }
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
