package io.labrunner.emulator.sagemaker.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model made with CreateModel: the container (image, artifact, environment) that serves it.
 *
 * @param definition the CreateModel request's members as given (PrimaryContainer or Containers,
 *                   ExecutionRoleArn, VpcConfig, ...), without its Tags
 */
public record SageMakerModel(String region, String name, String arn, ObjectNode definition, Instant created) {
    /**
     * Where CreateModel keeps the containers as they run when one named a model package: with the package's
     * image and artifact. DescribeModel answers the containers as they were given.
     */
    static final String RESOLVED_CONTAINERS = "ResolvedContainers";

    /** The container that serves inference: PrimaryContainer, or the first of Containers. */
    public ObjectNode container() {
        JsonNode resolved = definition.path(RESOLVED_CONTAINERS).path(0);
        if (resolved.isObject()) {
            return (ObjectNode) resolved;
        }
        JsonNode primary = definition.get("PrimaryContainer");
        if (primary != null && primary.isObject()) {
            return (ObjectNode) primary;
        }
        return (ObjectNode) definition.path("Containers").path(0);
    }

    /** How many containers serve it: more than one is an inference pipeline. */
    public int containerCount() {
        return definition.has("PrimaryContainer") ? 1 : definition.path("Containers").size();
    }

    /** DescribeModel's answer. */
    Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ModelName", name);
        for (String member : new String[] {"PrimaryContainer", "Containers", "InferenceExecutionConfig",
                "ExecutionRoleArn", "VpcConfig"}) {
            if (definition.has(member)) {
                out.put(member, definition.get(member));
            }
        }
        out.put("CreationTime", created);
        out.put("ModelArn", arn);
        out.put("EnableNetworkIsolation", definition.path("EnableNetworkIsolation").asBoolean(false));
        return out;
    }

    /** ListModels' summary of it. */
    Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ModelName", name);
        out.put("ModelArn", arn);
        out.put("CreationTime", created);
        return out;
    }
}
