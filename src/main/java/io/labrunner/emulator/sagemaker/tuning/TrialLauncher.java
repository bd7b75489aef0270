package io.labrunner.emulator.sagemaker.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Turns a tuning job's training job definition and one set of tuned values into a CreateTrainingJob request. */
final class TrialLauncher {
    /** The members a HyperParameterTrainingJobDefinition shares with CreateTrainingJob, copied as they are. */
    private static final List<String> SHARED = List.of("RoleArn", "InputDataConfig", "VpcConfig", "OutputDataConfig",
            "ResourceConfig", "StoppingCondition", "EnableNetworkIsolation", "EnableInterContainerTrafficEncryption",
            "EnableManagedSpotTraining", "CheckpointConfig", "RetryStrategy", "Environment");
    /** The hyperparameter through which AWS tells a built-in container which metric is tuned. */
    static final String OBJECTIVE_HYPERPARAMETER = "_tuning_objective_metric";

    private TrialLauncher() {
    }

    /**
     * A trial's name as AWS forms it: the tuning job's name, the 3-digit launch index and 8 hex digits,
     * e.g. {@code xgboost-190407-1532-005-0e830ada} (as recorded in the sagemaker examples).
     */
    static String trialName(String tuningJob, int index, Random random) {
        return String.format("%s-%03d-%08x", tuningJob, index, random.nextInt());
    }

    static ObjectNode request(TuningJob job, String trialName, Map<String, String> tuned) {
        JsonNode definition = job.definition();
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.put("TrainingJobName", trialName);
        ObjectNode hyperParameters = request.putObject("HyperParameters");
        definition.path("StaticHyperParameters").fields()
                .forEachRemaining(e -> hyperParameters.put(e.getKey(), e.getValue().asText()));
        tuned.forEach(hyperParameters::put);
        hyperParameters.put(OBJECTIVE_HYPERPARAMETER, job.metricName());
        ObjectNode algorithm = request.putObject("AlgorithmSpecification");
        JsonNode given = definition.path("AlgorithmSpecification");
        for (String member : List.of("TrainingImage", "TrainingInputMode", "AlgorithmName", "MetricDefinitions")) {
            if (given.has(member)) {
                algorithm.set(member, given.get(member).deepCopy());
            }
        }
        for (String member : SHARED) {
            if (definition.has(member)) {
                request.set(member, definition.get(member).deepCopy());
            }
        }
        if (!definition.has("ResourceConfig") && definition.has("HyperParameterTuningResourceConfig")) {
            request.set("ResourceConfig", resourceConfig(definition.get("HyperParameterTuningResourceConfig")));
        }
        return request;
    }

    /** The instances of HyperParameterTuningResourceConfig as a ResourceConfig: the first (preferred) choice. */
    private static ObjectNode resourceConfig(JsonNode tuning) {
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        JsonNode source = tuning.path("InstanceConfigs").isArray() && tuning.path("InstanceConfigs").size() > 0
                ? tuning.path("InstanceConfigs").get(0) : tuning;
        for (String member : List.of("InstanceType", "InstanceCount", "VolumeSizeInGB")) {
            if (source.has(member)) {
                config.set(member, source.get(member).deepCopy());
            }
        }
        if (tuning.has("VolumeKmsKeyId")) {
            config.set("VolumeKmsKeyId", tuning.get("VolumeKmsKeyId").deepCopy());
        }
        return config;
    }
}
