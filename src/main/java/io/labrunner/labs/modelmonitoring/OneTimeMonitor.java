package io.labrunner.labs.modelmonitoring;

import io.labrunner.core.LabContext;
import io.labrunner.labs.sagemakerxgboost.XgboostTraining;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.sagemaker.model.CreateMonitoringScheduleRequest;
import software.amazon.awssdk.services.sagemaker.model.ExecutionStatus;
import software.amazon.awssdk.services.sagemaker.model.MonitoringExecutionSortKey;
import software.amazon.awssdk.services.sagemaker.model.MonitoringExecutionSummary;
import software.amazon.awssdk.services.sagemaker.model.MonitoringInput;
import software.amazon.awssdk.services.sagemaker.model.MonitoringOutput;
import software.amazon.awssdk.services.sagemaker.model.MonitoringType;
import software.amazon.awssdk.services.sagemaker.model.ProcessingS3DataDistributionType;
import software.amazon.awssdk.services.sagemaker.model.ProcessingS3InputMode;
import software.amazon.awssdk.services.sagemaker.model.ProcessingS3UploadMode;
import software.amazon.awssdk.services.sagemaker.model.SortOrder;

/**
 * A data-quality monitoring schedule that runs once, now: {@code ScheduleExpression NOW} with an
 * analysis window of the last hour ({@code -PT1H} to {@code -PT0H}, offsets from the scheduled
 * time, both required with NOW). Each execution is a processing job on the analyzer image that
 * reads the endpoint's capture files in the window, compares them with the baseline's statistics
 * and constraints, writes {@code constraint_violations.json}, and publishes one CloudWatch metric
 * per column and check in {@code aws/sagemaker/Endpoints/data-metrics}. An hourly production
 * schedule differs only in its expression: {@code cron(0 * ? * * *)}.
 */
public final class OneTimeMonitor {
    static final String INPUT = "/opt/ml/processing/input/endpoint";
    private static final Set<ExecutionStatus> ENDED = Set.of(ExecutionStatus.COMPLETED,
            ExecutionStatus.COMPLETED_WITH_VIOLATIONS, ExecutionStatus.FAILED,
            ExecutionStatus.STOPPED);

    private OneTimeMonitor() {
    }

    public static CreateMonitoringScheduleRequest request(String schedule, String endpoint, String region, String roleArn,
            String baselineUri, String reportsUri, Map<String, String> tags) {
        return CreateMonitoringScheduleRequest.builder()
                .monitoringScheduleName(schedule)
                .monitoringScheduleConfig(config -> config
                        .scheduleConfig(when -> when
                                .scheduleExpression("NOW")
                                .dataAnalysisStartTime("-PT1H")
                                .dataAnalysisEndTime("-PT0H"))
                        .monitoringType(MonitoringType.DATA_QUALITY)
                        .monitoringJobDefinition(job -> job
                                .baselineConfig(baseline -> baseline
                                        .statisticsResource(s -> s.s3Uri(baselineUri + "/statistics.json"))
                                        .constraintsResource(c -> c.s3Uri(baselineUri + "/constraints.json")))
                                .monitoringInputs(MonitoringInput.builder().endpointInput(input -> input
                                        .endpointName(endpoint)
                                        .localPath(INPUT)
                                        .s3InputMode(ProcessingS3InputMode.FILE)
                                        .s3DataDistributionType(ProcessingS3DataDistributionType.FULLY_REPLICATED)).build())
                                .monitoringOutputConfig(output -> output.monitoringOutputs(MonitoringOutput.builder()
                                        .s3Output(s3 -> s3.s3Uri(reportsUri).localPath(Baseline.OUTPUT)
                                                .s3UploadMode(ProcessingS3UploadMode.END_OF_JOB)).build()))
                                .monitoringResources(resources -> resources.clusterConfig(cluster -> cluster
                                        .instanceCount(1).instanceType(Baseline.INSTANCE).volumeSizeInGB(20)))
                                .monitoringAppSpecification(app -> app.imageUri(AnalyzerImage.uri(region)))
                                .stoppingCondition(stop -> stop.maxRuntimeInSeconds(1800))
                                // Without it the execution writes its report but no CloudWatch metrics: nothing to alarm on.
                                .environment(Map.of("publish_cloudwatch_metrics", "Enabled"))
                                .roleArn(roleArn)))
                .tags(XgboostTraining.tags(tags))
                .build();
    }

    /** The schedule's newest execution, if it has one. */
    public static Optional<MonitoringExecutionSummary> latestExecution(LabContext ctx, String schedule) {
        return ctx.sageMaker().listMonitoringExecutions(list -> list
                        .monitoringScheduleName(schedule)
                        .sortBy(MonitoringExecutionSortKey.SCHEDULED_TIME)
                        .sortOrder(SortOrder.DESCENDING)
                        .maxResults(1))
                .monitoringExecutionSummaries().stream().findFirst();
    }

    /**
     * Polls ListMonitoringExecutions (the SDK has no waiter for it) until the execution has ended.
     * On AWS a NOW execution starts within minutes and runs for ten to twenty.
     */
    public static MonitoringExecutionSummary awaitExecution(LabContext ctx, String schedule) {
        return ctx.waitFor("the monitoring execution of " + schedule, Duration.ofMinutes(45), Duration.ofSeconds(1), () ->
                latestExecution(ctx, schedule).filter(e -> ENDED.contains(e.monitoringExecutionStatus())));
    }

    /** The processing job behind an execution: its name is the last part of the ARN. */
    static String processingJobName(MonitoringExecutionSummary execution) {
        String arn = execution.processingJobArn();
        return arn.substring(arn.lastIndexOf('/') + 1);
    }
}
