package io.labrunner.emulator.sagemaker.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A pipeline as it is kept.
 *
 * @param parallelism  its ParallelismConfiguration, or null
 * @param createToken  the ClientRequestToken it was created with: the same request again answers the same ARN
 * @param version      1 when created, one more at each UpdatePipeline
 * @param lastRun      when an execution last started, or null
 */
record PipelineRecord(String region, String name, String arn, String displayName, String description,
        String definition, String roleArn, JsonNode parallelism, Instant created, Instant modified, Instant lastRun,
        String createToken, long version) {

    Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("PipelineArn", arn);
        out.put("PipelineName", name);
        out.put("PipelineDisplayName", displayName);
        out.put("PipelineDefinition", definition);
        if (description != null) {
            out.put("PipelineDescription", description);
        }
        out.put("RoleArn", roleArn);
        out.put("PipelineStatus", "Active");
        out.put("CreationTime", created);
        out.put("LastModifiedTime", modified);
        if (lastRun != null) {
            out.put("LastRunTime", lastRun);
        }
        out.put("CreatedBy", Map.of());
        out.put("LastModifiedBy", Map.of());
        if (parallelism != null) {
            out.put("ParallelismConfiguration", parallelism);
        }
        return out;
    }

    Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("PipelineArn", arn);
        out.put("PipelineName", name);
        out.put("PipelineDisplayName", displayName);
        if (description != null) {
            out.put("PipelineDescription", description);
        }
        out.put("RoleArn", roleArn);
        out.put("CreationTime", created);
        out.put("LastModifiedTime", modified);
        if (lastRun != null) {
            out.put("LastExecutionTime", lastRun);
        }
        return out;
    }

    PipelineRecord withRun(Instant at) {
        return new PipelineRecord(region, name, arn, displayName, description, definition, roleArn, parallelism,
                created, modified, at, createToken, version);
    }
}
