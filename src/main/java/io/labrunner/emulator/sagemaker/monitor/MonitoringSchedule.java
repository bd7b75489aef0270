package io.labrunner.emulator.sagemaker.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A monitoring schedule's state.
 *
 * @param config        MonitoringScheduleConfig as given
 * @param status        Scheduled or Stopped
 * @param lastScheduled the scheduled time of its latest execution, or its creation time before the first
 */
record MonitoringSchedule(String region, String name, String arn, ObjectNode config, String endpointName,
        String status, Instant created, Instant lastModified, Instant lastScheduled) {

    static final String SCHEDULED = "Scheduled";
    static final String STOPPED = "Stopped";

    JsonNode scheduleConfig() {
        return config.path("ScheduleConfig");
    }

    ScheduleExpression expression() {
        JsonNode c = scheduleConfig();
        return ScheduleExpression.parse(c.path("ScheduleExpression").asText(),
                c.path("DataAnalysisStartTime").asText(null), c.path("DataAnalysisEndTime").asText(null));
    }

    String definitionName() {
        return config.path("MonitoringJobDefinitionName").asText(null);
    }

    String monitoringType() {
        return config.path("MonitoringType").asText("DataQuality");
    }

    MonitoringSchedule with(String newStatus, Instant when) {
        return new MonitoringSchedule(region, name, arn, config, endpointName, newStatus, created, when, lastScheduled);
    }

    MonitoringSchedule reconfigured(ObjectNode newConfig, String endpoint, Instant when) {
        return new MonitoringSchedule(region, name, arn, newConfig, endpoint, status, created, when, lastScheduled);
    }

    MonitoringSchedule ran(Instant scheduled) {
        return new MonitoringSchedule(region, name, arn, config, endpointName, status, created, lastModified, scheduled);
    }

    Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("MonitoringScheduleName", name);
        out.put("MonitoringScheduleArn", arn);
        out.put("CreationTime", created);
        out.put("LastModifiedTime", lastModified);
        out.put("MonitoringScheduleStatus", status);
        out.put("EndpointName", endpointName);
        out.put("MonitoringJobDefinitionName", definitionName());
        out.put("MonitoringType", monitoringType());
        return out;
    }
}
