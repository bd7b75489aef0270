package io.labrunner.emulator.sagemaker.monitor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A data quality job definition: the CreateDataQualityJobDefinition request as given (without Tags).
 */
record JobDefinition(String region, String name, String arn, ObjectNode request, Instant created) {

    String endpointName() {
        return request.path("DataQualityJobInput").path("EndpointInput").path("EndpointName").asText(null);
    }

    Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("JobDefinitionArn", arn);
        out.put("JobDefinitionName", name);
        out.put("CreationTime", created);
        request.fields().forEachRemaining(member -> out.putIfAbsent(member.getKey(), member.getValue()));
        return out;
    }

    Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("MonitoringJobDefinitionName", name);
        out.put("MonitoringJobDefinitionArn", arn);
        out.put("CreationTime", created);
        out.put("EndpointName", endpointName());
        return out;
    }

    /** The definition as a schedule runs it. */
    MonitoringJob job() {
        return MonitoringJob.of(request.path("DataQualityJobInput").path("EndpointInput"),
                request.path("DataQualityJobOutputConfig"), request.path("DataQualityAppSpecification"),
                request.path("DataQualityBaselineConfig"), request.path("DataQualityAppSpecification")
                        .path("Environment"), request);
    }
}
