package io.labrunner.emulator.sagemaker.hosting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An endpoint as DescribeEndpoint shows it, kept across restarts.
 *
 * @param variants        the variants serving now (empty while Creating)
 * @param dataCapture     the DataCaptureConfig of the configuration serving now, or null
 * @param pending         while Updating, the configuration being deployed; else null
 * @param pendingVariants while Creating or Updating, the variants being deployed with their desired weights and
 *                        counts
 * @param pendingCapture  while Creating or Updating, the DataCaptureConfig being deployed, or null
 * @param generation      bumped by every change of state: a deployment finished for an older generation (the
 *                        endpoint was deleted or updated again meanwhile) is thrown away, never applied
 */
record Endpoint(String region, String name, String arn, String configName, String status, String failureReason,
        Instant created, Instant lastModified, List<VariantState> variants, ObjectNode dataCapture, String pending,
        List<VariantState> pendingVariants, ObjectNode pendingCapture, long generation) {

    static final String CREATING = "Creating";
    static final String UPDATING = "Updating";
    static final String IN_SERVICE = "InService";
    static final String DELETING = "Deleting";
    static final String FAILED = "Failed";

    Endpoint {
        variants = variants == null ? List.of() : List.copyOf(variants);
        pendingVariants = pendingVariants == null ? List.of() : List.copyOf(pendingVariants);
    }

    /** True while a deployment is under way that a background task will finish. */
    boolean deploying() {
        return status.equals(CREATING) || status.equals(UPDATING);
    }

    Endpoint with(String newStatus, String reason, Instant now) {
        return new Endpoint(region, name, arn, configName, newStatus, reason, created, now, variants, dataCapture,
                pending, pendingVariants, pendingCapture, generation + 1);
    }

    /** In service on {@code config}'s variants. */
    Endpoint deployed(String config, List<VariantState> serving, ObjectNode capture, String reason, Instant now) {
        return new Endpoint(region, name, arn, config, IN_SERVICE, reason, created, now, serving, capture, null,
                List.of(), null, generation + 1);
    }

    Endpoint updating(String config, List<VariantState> desired, ObjectNode capture, Instant now) {
        return new Endpoint(region, name, arn, configName, UPDATING, null, created, now, variants, dataCapture, config,
                desired, capture, generation + 1);
    }

    /** Updating the weights and capacities of the variants serving, to {@code desired}. */
    Endpoint reweighing(List<VariantState> desired, Instant now) {
        return new Endpoint(region, name, arn, configName, UPDATING, null, created, now, desired, dataCapture, null,
                List.of(), null, generation + 1);
    }

    /** One variant's place in the endpoint: its model, capacity and share of the traffic, now and wanted. */
    record VariantState(String name, String modelName, String instanceType, double currentWeight,
            double desiredWeight, int currentInstanceCount, int desiredInstanceCount, ObjectNode serverless) {

        static VariantState of(EndpointConfig.ProductionVariant variant) {
            return new VariantState(variant.name(), variant.modelName(), variant.instanceType(), variant.weight(),
                    variant.weight(), variant.instanceCount(), variant.instanceCount(), variant.serverless());
        }

        VariantState desire(double weight, int count) {
            return new VariantState(name, modelName, instanceType, currentWeight, weight, currentInstanceCount, count,
                    serverless);
        }

        VariantState settled() {
            return new VariantState(name, modelName, instanceType, desiredWeight, desiredWeight, desiredInstanceCount,
                    desiredInstanceCount, serverless);
        }

        Map<String, Object> summary(String image, Instant since) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("VariantName", name);
            if (image != null) {
                Map<String, Object> deployed = new LinkedHashMap<>();
                deployed.put("SpecifiedImage", image);
                deployed.put("ResolvedImage", image);
                deployed.put("ResolutionTime", since);
                out.put("DeployedImages", List.of(deployed));
            }
            out.put("CurrentWeight", currentWeight);
            out.put("DesiredWeight", desiredWeight);
            if (serverless != null) {
                out.put("CurrentServerlessConfig", serverless);
                out.put("DesiredServerlessConfig", serverless);
            } else {
                out.put("CurrentInstanceCount", currentInstanceCount);
                out.put("DesiredInstanceCount", desiredInstanceCount);
            }
            return out;
        }
    }

    /** DescribeEndpoint's answer; {@code images} gives each model's image. */
    Map<String, Object> describe(java.util.function.Function<String, String> images) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("EndpointName", name);
        out.put("EndpointArn", arn);
        out.put("EndpointConfigName", configName);
        if (!variants.isEmpty()) {
            List<Object> summaries = new ArrayList<>();
            variants.forEach(v -> summaries.add(v.summary(images.apply(v.modelName()), lastModified)));
            out.put("ProductionVariants", summaries);
        }
        if (dataCapture != null) {
            out.put("DataCaptureConfig", captureSummary(dataCapture));
        }
        out.put("EndpointStatus", status);
        if (failureReason != null) {
            out.put("FailureReason", failureReason);
        }
        out.put("CreationTime", created);
        out.put("LastModifiedTime", lastModified);
        if (pending != null) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("EndpointConfigName", pending);
            List<Object> summaries = new ArrayList<>();
            pendingVariants.forEach(v -> summaries.add(v.summary(images.apply(v.modelName()), lastModified)));
            summary.put("ProductionVariants", summaries);
            summary.put("StartTime", lastModified);
            out.put("PendingDeploymentSummary", summary);
        }
        return out;
    }

    private static ObjectNode captureSummary(ObjectNode capture) {
        ObjectNode summary = Json.object();
        boolean enabled = capture.path("EnableCapture").asBoolean(true);
        summary.put("EnableCapture", enabled);
        summary.put("CaptureStatus", enabled ? "Started" : "Stopped");
        summary.put("CurrentSamplingPercentage", capture.path("InitialSamplingPercentage").asInt());
        summary.put("DestinationS3Uri", capture.path("DestinationS3Uri").asText());
        if (capture.has("KmsKeyId")) {
            summary.put("KmsKeyId", capture.get("KmsKeyId").asText());
        }
        return summary;
    }

    Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("EndpointName", name);
        out.put("EndpointArn", arn);
        out.put("CreationTime", created);
        out.put("LastModifiedTime", lastModified);
        out.put("EndpointStatus", status);
        return out;
    }
}
