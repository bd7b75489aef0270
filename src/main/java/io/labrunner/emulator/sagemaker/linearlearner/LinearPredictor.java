package io.labrunner.emulator.sagemaker.linearlearner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.sagemaker.algorithms.AlgorithmException;
import io.labrunner.emulator.sagemaker.algorithms.InferenceAnswer;
import io.labrunner.emulator.sagemaker.algorithms.Predictor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Serves a linear model as the container's inference does ("Linear learner response formats"):
 * records in {@code text/csv} (features only, no label) or {@code application/jsonlines}
 * ({@code {"features": [...]}}); answers in {@code application/json}
 * ({@code {"predictions": [{"score": 0.8, "predicted_label": 1.0}]}}, one document per record, which is
 * what the container returns for a single-record request) or {@code application/jsonlines}
 * ({@code {"score": 0.8, "predicted_label": 1.0}}); any other Accept gets JSON, as from the container.
 * Regression answers carry only the score; multiclass scores are the class probabilities.
 */
final class LinearPredictor implements Predictor {
    private static final String JSON = "application/json";
    private static final String JSONLINES = "application/jsonlines";

    private final LinearModel model;

    LinearPredictor(LinearModel model) {
        this.model = model;
    }

    @Override
    public List<String> predict(List<String> records, String contentType, String accept) throws AlgorithmException {
        String input = base(contentType, "text/csv");
        // The container answers JSON for an Accept it does not serve, text/csv included (recorded in
        // aws/sagemaker-python-sdk#993); a transform job asking for CSV then gets JSON lines back.
        String output = JSONLINES.equals(base(accept, JSON)) ? JSONLINES : JSON;
        List<String> out = new ArrayList<>(records.size());
        for (String record : records) {
            double[] features = switch (input) {
                case "text/csv" -> csv(record);
                case JSONLINES, JSON -> jsonFeatures(record);
                default -> throw AlgorithmException.clientError("Content type " + contentType + " is not supported by"
                        + " linear-learner's inference here; send text/csv or application/jsonlines.");
            };
            ObjectNode prediction = prediction(model.scores(features, 0));
            if (output.equals(JSONLINES)) {
                out.add(prediction.toString());
            } else {
                ObjectNode document = Json.object();
                document.putArray("predictions").add(prediction);
                out.add(document.toString());
            }
        }
        return out;
    }

    /**
     * One real-time request: CSV rows, JSON Lines records, or an {@code application/json} document
     * {@code {"instances": [{"features": [...]}, ...]}} (or a single {@code {"features": [...]}}), as the
     * container reads them ("Common data formats for inference"); the answer is one document
     * {@code {"predictions": [...]}} with a prediction per record, or JSON Lines when asked for.
     */
    @Override
    public InferenceAnswer invoke(byte[] body, String contentType, String accept) throws AlgorithmException {
        String input = base(contentType, "text/csv");
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        List<double[]> rows = new ArrayList<>();
        if (input.equals(JSON)) {
            JsonNode document;
            try {
                document = Json.mapper().readTree(text);
            } catch (IOException e) {
                throw AlgorithmException.clientError("Unable to evaluate payload provided: the body is not JSON.");
            }
            JsonNode instances = document == null ? null : document.get("instances");
            if (instances != null && instances.isArray()) {
                for (JsonNode instance : instances) {
                    rows.add(jsonFeatures(instance.toString()));
                }
            } else {
                rows.add(jsonFeatures(text));
            }
        } else {
            for (String line : text.split("\r?\n")) {
                if (line.isBlank()) {
                    continue;
                }
                rows.add(switch (input) {
                    case "text/csv" -> csv(line);
                    case JSONLINES -> jsonFeatures(line);
                    default -> throw AlgorithmException.clientError("Content type " + contentType + " is not "
                            + "supported by linear-learner's inference here; send text/csv, application/json or "
                            + "application/jsonlines.");
                });
            }
        }
        if (rows.isEmpty()) {
            throw AlgorithmException.clientError("Unable to evaluate payload provided: the payload holds no records.");
        }
        boolean lines = JSONLINES.equals(base(accept, JSON));
        ObjectNode document = Json.object();
        ArrayNode predictions = document.putArray("predictions");
        StringBuilder jsonLines = new StringBuilder();
        for (double[] features : rows) {
            ObjectNode prediction = prediction(model.scores(features, 0));
            predictions.add(prediction);
            jsonLines.append(jsonLines.length() == 0 ? "" : "\n").append(prediction);
        }
        String answer = lines ? jsonLines.toString() : document.toString();
        return new InferenceAnswer(answer.getBytes(java.nio.charset.StandardCharsets.UTF_8), lines ? JSONLINES : JSON);
    }

    private ObjectNode prediction(double[] scores) {
        ObjectNode node = Json.object();
        if (model.predictorType() == PredictorType.MULTICLASS_CLASSIFIER) {
            ArrayNode array = node.putArray("score");
            for (double s : scores) {
                array.add(s);
            }
        } else {
            node.put("score", scores[0]);
        }
        if (model.predictorType() != PredictorType.REGRESSOR) {
            // A float, as the container sends it ("predicted_label": 1.0, aws/sagemaker-python-sdk#993).
            node.put("predicted_label", (double) model.label(scores));
        }
        return node;
    }

    private double[] csv(String record) throws AlgorithmException {
        String[] cells = record.split(",", -1);
        checkSize(cells.length, "csv");
        double[] values = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            try {
                values[i] = Double.parseDouble(cells[i].trim());
            } catch (NumberFormatException e) {
                throw AlgorithmException.clientError("Unable to evaluate payload provided: the value '" + cells[i].trim()
                        + "' in column " + (i + 1) + " is not a number.");
            }
        }
        return values;
    }

    private double[] jsonFeatures(String record) throws AlgorithmException {
        JsonNode features;
        try {
            features = Json.mapper().readTree(record).path("features");
        } catch (IOException e) {
            throw AlgorithmException.clientError("Unable to evaluate payload provided: the record is not JSON.");
        }
        if (!features.isArray()) {
            throw AlgorithmException.clientError("Unable to evaluate payload provided: a JSON record needs a"
                    + " \"features\" array.");
        }
        checkSize(features.size(), "json");
        double[] values = new double[features.size()];
        for (int i = 0; i < values.length; i++) {
            if (!features.get(i).isNumber()) {
                throw AlgorithmException.clientError("Unable to evaluate payload provided: feature " + (i + 1)
                        + " is not a number.");
            }
            values[i] = features.get(i).asDouble();
        }
        return values;
    }

    private void checkSize(int size, String format) throws AlgorithmException {
        if (size != model.featureDim()) {
            throw AlgorithmException.clientError("Unable to evaluate payload provided: Feature size of " + format
                    + " inference data " + size + " is not consistent with feature size of trained model "
                    + model.featureDim() + ".");
        }
    }

    private static String base(String type, String dflt) {
        return type == null || type.isBlank() ? dflt : type.split(";")[0].trim().toLowerCase(Locale.ROOT);
    }
}
