package io.labrunner.emulator.sagemaker.training;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.sagemaker.TrainingJobs;
import io.labrunner.emulator.sagemaker.algorithms.TrainedModel.FinalMetric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A training job as DescribeTrainingJob, ListTrainingJobs and tuning jobs see it. */
final class TrainingJobViews {
    /** Request members DescribeTrainingJob echoes as they were given. */
    private static final List<String> ECHOED = List.of("HyperParameters", "AlgorithmSpecification", "RoleArn",
            "InputDataConfig", "OutputDataConfig", "ResourceConfig", "VpcConfig");
    private static final List<String> ECHOED_AFTER = List.of("CheckpointConfig", "DebugHookConfig", "ExperimentConfig",
            "DebugRuleConfigurations", "TensorBoardOutputConfig", "ProfilerConfig", "Environment", "RetryStrategy");

    private TrainingJobViews() {
    }

    static Map<String, Object> describe(TrainingJob job) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("TrainingJobName", job.name());
        out.put("TrainingJobArn", job.arn());
        out.put("TuningJobArn", job.tuningJobArn());
        if (job.modelArtifacts() != null) {
            out.put("ModelArtifacts", Map.of("S3ModelArtifacts", job.modelArtifacts()));
        }
        out.put("TrainingJobStatus", job.status());
        out.put("SecondaryStatus", job.secondaryStatus());
        out.put("FailureReason", job.failureReason());
        JsonNode request = job.request();
        ECHOED.forEach(member -> out.put(member, request.get(member)));
        out.put("StoppingCondition", stoppingCondition(request));
        out.put("CreationTime", job.created());
        out.put("TrainingStartTime", job.trainingStart());
        out.put("TrainingEndTime", job.trainingEnd());
        out.put("LastModifiedTime", job.lastModified());
        out.put("SecondaryStatusTransitions", transitions(job));
        if (!job.finalMetrics().isEmpty()) {
            List<Map<String, Object>> metrics = new ArrayList<>();
            for (FinalMetric metric : job.finalMetrics()) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("MetricName", metric.name());
                data.put("Value", metric.value());
                data.put("Timestamp", job.trainingEnd());
                metrics.add(data);
            }
            out.put("FinalMetricDataList", metrics);
        }
        out.put("EnableNetworkIsolation", request.path("EnableNetworkIsolation").asBoolean(false));
        out.put("EnableInterContainerTrafficEncryption",
                request.path("EnableInterContainerTrafficEncryption").asBoolean(false));
        out.put("EnableManagedSpotTraining", request.path("EnableManagedSpotTraining").asBoolean(false));
        Long seconds = job.trainingSeconds();
        out.put("TrainingTimeInSeconds", seconds);
        // Without managed spot training every training second is billed.
        out.put("BillableTimeInSeconds", seconds);
        ECHOED_AFTER.forEach(member -> out.put(member, request.get(member)));
        return out;
    }

    /** The job's StoppingCondition, with AWS's default of one day when it gave none. */
    private static Object stoppingCondition(JsonNode request) {
        JsonNode given = request.get("StoppingCondition");
        if (given != null && given.has("MaxRuntimeInSeconds")) {
            return given;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("MaxRuntimeInSeconds", 86_400);
        if (given != null) {
            given.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        }
        return out;
    }

    private static List<Map<String, Object>> transitions(TrainingJob job) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Transition t : job.transitions()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("Status", t.status());
            entry.put("StartTime", t.start());
            entry.put("EndTime", t.end());
            entry.put("StatusMessage", t.message());
            out.add(entry);
        }
        return out;
    }

    static Map<String, Object> summary(TrainingJob job) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("TrainingJobName", job.name());
        out.put("TrainingJobArn", job.arn());
        out.put("CreationTime", job.created());
        out.put("TrainingEndTime", job.trainingEnd());
        out.put("LastModifiedTime", job.lastModified());
        out.put("TrainingJobStatus", job.status());
        out.put("SecondaryStatus", job.secondaryStatus());
        return out;
    }

    static TrainingJobs.View view(TrainingJob job) {
        Map<String, String> hyperParameters = new LinkedHashMap<>();
        job.request().path("HyperParameters").fields()
                .forEachRemaining(e -> hyperParameters.put(e.getKey(), e.getValue().asText()));
        Map<String, Double> metrics = new LinkedHashMap<>();
        job.finalMetrics().forEach(m -> metrics.put(m.name(), m.value()));
        return new TrainingJobs.View(job.name(), job.arn(), job.status(), Optional.ofNullable(job.failureReason()),
                hyperParameters, metrics, job.created(), job.trainingStart(), job.trainingEnd());
    }
}
