package io.labrunner.emulator.sagemaker.monitor;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One execution of a schedule. Its status follows its processing job's: Completed with the analyzer's
 * "CompletedWithViolations" exit message shows as CompletedWithViolations.
 *
 * @param processingJobName null when no job could start (the execution then failed with {@code failureReason})
 */
record MonitoringExecution(String region, String scheduleName, String endpointName, String definitionName,
        String monitoringType, Instant scheduled, Instant created, String processingJobName, String processingJobArn,
        String failureReason) {

    static final String COMPLETED_WITH_VIOLATIONS = "CompletedWithViolations";

    Map<String, Object> summary(ProcessingJob job) {
        String status = "Failed";
        String reason = failureReason;
        Instant modified = created;
        if (job != null) {
            modified = job.lastModified();
            reason = job.failureReason();
            status = switch (job.status()) {
                case ProcessingJob.COMPLETED -> job.exitMessage() != null
                        && job.exitMessage().startsWith(COMPLETED_WITH_VIOLATIONS) ? COMPLETED_WITH_VIOLATIONS
                        : "Completed";
                default -> job.status();
            };
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("MonitoringScheduleName", scheduleName);
        out.put("ScheduledTime", scheduled);
        out.put("CreationTime", created);
        out.put("LastModifiedTime", modified);
        out.put("MonitoringExecutionStatus", status);
        out.put("ProcessingJobArn", processingJobArn);
        out.put("EndpointName", endpointName);
        out.put("FailureReason", reason);
        out.put("MonitoringJobDefinitionName", definitionName);
        out.put("MonitoringType", monitoringType);
        return out;
    }
}
