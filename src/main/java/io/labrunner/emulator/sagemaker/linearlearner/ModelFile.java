package io.labrunner.emulator.sagemaker.linearlearner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.sagemaker.algorithms.AlgorithmException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The model artifact: {@value #NAME} inside {@code model.tar.gz}, as AWS names it. <b>It differs from
 * AWS's</b>: the real container writes an MXNet model (a zip of symbol JSON and parameters); this is a
 * JSON document a learner can read:
 *
 * <pre>{@code
 * {"format": "labrunner-linear-learner-1", "predictor_type": "binary_classifier", "loss": "logistic",
 *  "feature_dim": 3, "threshold": 0.47,
 *  "weights": [[0.8, -1.2, 0.05]], "bias": [0.1]}
 * }</pre>
 *
 * Weights are in the data's own units (normalization folded in), one row per output: one row for binary
 * classification and regression, one per class for multiclass. A binary score is the sigmoid of
 * {@code w·x + b} for the logistic loss, {@code w·x + b} itself for the hinge loss.
 */
final class ModelFile {
    static final String NAME = "model_algo-1";
    static final String FORMAT = "labrunner-linear-learner-1";

    private ModelFile() {
    }

    static byte[] write(LinearModel model) {
        ObjectNode root = Json.object();
        root.put("format", FORMAT);
        root.put("predictor_type", model.predictorType().wireName());
        root.put("loss", model.loss().wireName());
        root.put("feature_dim", model.featureDim());
        if (model.predictorType() == PredictorType.BINARY_CLASSIFIER) {
            root.put("threshold", model.threshold());
        }
        ArrayNode weights = root.putArray("weights");
        for (double[] row : model.weights()) {
            ArrayNode r = weights.addArray();
            Arrays.stream(row).forEach(r::add);
        }
        ArrayNode bias = root.putArray("bias");
        Arrays.stream(model.bias()).forEach(bias::add);
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    static LinearModel read(byte[] bytes) throws AlgorithmException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw notAModel();
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw notAModel();
        }
        PredictorType type = Arrays.stream(PredictorType.values())
                .filter(t -> t.wireName().equals(root.path("predictor_type").asText())).findFirst()
                .orElseThrow(ModelFile::notAModel);
        Loss loss = Arrays.stream(Loss.values()).filter(l -> l.wireName().equals(root.path("loss").asText()))
                .findFirst().orElseThrow(ModelFile::notAModel);
        JsonNode weights = root.path("weights");
        JsonNode bias = root.path("bias");
        int dim = root.path("feature_dim").asInt(-1);
        if (!weights.isArray() || weights.isEmpty() || !bias.isArray() || bias.size() != weights.size() || dim < 1) {
            throw notAModel();
        }
        double[][] w = new double[weights.size()][dim];
        double[] b = new double[bias.size()];
        for (int k = 0; k < w.length; k++) {
            JsonNode row = weights.get(k);
            if (!row.isArray() || row.size() != dim) {
                throw notAModel();
            }
            for (int j = 0; j < dim; j++) {
                w[k][j] = row.get(j).asDouble();
            }
            b[k] = bias.get(k).asDouble();
        }
        return new LinearModel(type, loss, w, b, root.path("threshold").asDouble(0.5));
    }

    private static AlgorithmException notAModel() {
        return AlgorithmException.clientError("The model artifact is not a linear-learner model written by this"
                + " emulator (" + NAME + " holding format " + FORMAT + ").");
    }
}
