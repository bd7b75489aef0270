package io.labrunner.emulator.sagemaker.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.sagemaker.algorithms.Algorithm;
import io.labrunner.emulator.sagemaker.algorithms.AlgorithmException;
import io.labrunner.emulator.sagemaker.algorithms.MetricDefinition;
import io.labrunner.emulator.sagemaker.algorithms.Predictor;
import io.labrunner.emulator.sagemaker.algorithms.TrainedModel;
import io.labrunner.emulator.sagemaker.algorithms.TrainingInput;
import io.labrunner.emulator.sagemaker.algorithms.TrainingLog;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stand-in algorithm for tests: its model file {@code sum-model} holds a weight, and it predicts
 * weight × the sum of a record's features (CSV columns, or a JSON array). A feature that is not a
 * number is a client error, as a real container answers a bad record.
 */
final class SumAlgorithm implements Algorithm {
    static final String MODEL_FILE = "sum-model";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String repository;
    private final long delayPerBatchMillis;

    SumAlgorithm(String repository, long delayPerBatchMillis) {
        this.repository = repository;
        this.delayPerBatchMillis = delayPerBatchMillis;
    }

    @Override
    public String repository() {
        return repository;
    }

    @Override
    public List<MetricDefinition> metrics() {
        return List.of();
    }

    @Override
    public TrainedModel train(TrainingInput input, TrainingLog log) {
        throw new UnsupportedOperationException("transform tests do not train");
    }

    @Override
    public Predictor load(Map<String, byte[]> modelFiles) throws AlgorithmException {
        byte[] weight = modelFiles.get(MODEL_FILE);
        if (weight == null) {
            throw AlgorithmException.clientError("no " + MODEL_FILE + " in the model artifact; found " + modelFiles.keySet());
        }
        double w = Double.parseDouble(new String(weight, StandardCharsets.UTF_8).trim());
        return (records, contentType, accept) -> {
            pause();
            List<String> out = new ArrayList<>();
            for (String record : records) {
                out.add(format(w * sum(record)));
            }
            return out;
        };
    }

    private void pause() throws AlgorithmException {
        if (delayPerBatchMillis > 0) {
            try {
                Thread.sleep(delayPerBatchMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw AlgorithmException.algorithmError("interrupted");
            }
        }
    }

    private static double sum(String record) throws AlgorithmException {
        double total = 0;
        try {
            if (record.startsWith("[")) {
                for (JsonNode value : JSON.readTree(record)) {
                    total += value.isNumber() ? value.asDouble() : Double.parseDouble(value.asText());
                }
                return total;
            }
            for (String column : record.split(",")) {
                total += Double.parseDouble(column.trim());
            }
            return total;
        } catch (NumberFormatException | java.io.IOException e) {
            throw AlgorithmException.clientError("Unable to parse the record '" + record + "' as numbers");
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
