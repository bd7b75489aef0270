package io.labrunner.emulator.sagemaker.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.sagemaker.model.CreateMonitoringScheduleRequest;
import software.amazon.awssdk.services.sagemaker.model.ExecutionStatus;
import software.amazon.awssdk.services.sagemaker.model.MonitoringExecutionSummary;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/**
 * Monitoring schedules run the analyzer over what an endpoint captured and report what broke the baseline's
 * constraints. The baseline is CSV without header: prediction, age, a standard normal, a category.
 */
class MonitoringScheduleTest {
    static final Instant NOW = Instant.parse("2026-12-07T15:30:00Z");
    @TempDir
    static Path dir;
    static MonitorFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new MonitorFixture(dir, NOW);
        fixture.put(MonitorFixture.BUCKET, "mon/train.csv", CapturedTraffic.trainingCsv(2000, 1));
        var job = fixture.suggestBaseline("mon-baseline", "s3://data/mon/train.csv", "{\"csv\": {\"header\": false}}",
                "s3://data/mon/baseline");
        assertThat(job.failureReason()).isNull();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    /** Captures {@code file} for {@code endpoint} in the current hour and returns its capture destination. */
    static void capture(String endpoint, String jsonl) {
        fixture.destinations.put(endpoint, MonitorFixture.CAPTURE);
        fixture.put("capture", CapturedTraffic.key(endpoint, NOW.minusSeconds(600), "part-0.jsonl"), jsonl);
    }

    /** A schedule with an inline definition comparing {@code endpoint}'s captures with s3://data/mon/baseline. */
    static CreateMonitoringScheduleRequest.Builder schedule(String name, String endpoint, String expression) {
        return CreateMonitoringScheduleRequest.builder().monitoringScheduleName(name)
                .monitoringScheduleConfig(c -> c
                        .scheduleConfig(s -> s.scheduleExpression(expression)
                                .dataAnalysisStartTime(expression.equals("NOW") ? "-PT1H" : null)
                                .dataAnalysisEndTime(expression.equals("NOW") ? "-PT0H" : null))
                        .monitoringJobDefinition(d -> d
                                .baselineConfig(b -> b
                                        .constraintsResource(r -> r.s3Uri("s3://data/mon/baseline/constraints.json"))
                                        .statisticsResource(r -> r.s3Uri("s3://data/mon/baseline/statistics.json")))
                                .monitoringInputs(i -> i.endpointInput(e -> e.endpointName(endpoint)
                                        .localPath("/opt/ml/processing/input/endpoint")))
                                .monitoringOutputConfig(o -> o.monitoringOutputs(out -> out.s3Output(s -> s
                                        .s3Uri("s3://data/mon/reports").localPath("/opt/ml/processing/output")
                                        .s3UploadMode("EndOfJob"))))
                                .monitoringResources(r -> r.clusterConfig(cc -> cc.instanceCount(1)
                                        .instanceType("ml.m5.xlarge").volumeSizeInGB(20)))
                                .monitoringAppSpecification(a -> a.imageUri(MonitorFixture.ANALYZER))
                                .roleArn(MonitorFixture.ROLE)));
    }

    /** The schedule's executions once none is still running. */
    static List<MonitoringExecutionSummary> executions(String schedule) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            List<MonitoringExecutionSummary> all = fixture.sagemaker.listMonitoringExecutions(r -> r
                    .monitoringScheduleName(schedule)).monitoringExecutionSummaries();
            boolean running = all.stream().anyMatch(e -> e.monitoringExecutionStatus() == ExecutionStatus.IN_PROGRESS
                    || e.monitoringExecutionStatus() == ExecutionStatus.PENDING);
            if (!running) {
                return all;
            }
            assertThat(System.nanoTime()).as("executions of " + schedule + " still running").isLessThan(deadline);
            sleep(50);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The report folder of an execution, read from its processing job as a learner finds it. */
    static String reportFolder(MonitoringExecutionSummary execution) {
        String arn = execution.processingJobArn();
        String jobName = arn.substring(arn.lastIndexOf('/') + 1);
        return fixture.sagemaker.describeProcessingJob(r -> r.processingJobName(jobName)).processingOutputConfig()
                .outputs().get(0).s3Output().s3Uri();
    }

    @Test
    void trafficLikeTheBaselineCompletesWithoutViolations() {
        Random random = new Random(2);
        capture("ep-clean", CapturedTraffic.jsonl(400, NOW, i -> CapturedTraffic.features(random)));

        fixture.sagemaker.createMonitoringSchedule(schedule("clean-now", "ep-clean", "NOW").build());

        MonitoringExecutionSummary execution = executions("clean-now").get(0);
        assertThat(execution.monitoringExecutionStatus()).as(execution.failureReason())
                .isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(execution.scheduledTime()).isEqualTo(NOW);
        assertThat(execution.endpointName()).isEqualTo("ep-clean");
        String folder = reportFolder(execution);
        assertThat(folder).isEqualTo("s3://data/mon/reports/ep-clean/clean-now/2026/12/07/15");
        assertThat(fixture.json(folder + "/constraint_violations.json").path("violations")).isEmpty();
        JsonNode stats = fixture.json(folder + "/statistics.json");
        assertThat(stats.path("dataset").path("item_count").asLong()).isEqualTo(400);
        // Columns take the baseline's names; the prediction comes first.
        assertThat(stats.path("features").findValuesAsText("name")).containsExactly("_c0", "_c1", "_c2", "_c3");
        var described = fixture.sagemaker.describeMonitoringSchedule(r -> r.monitoringScheduleName("clean-now"));
        assertThat(described.lastMonitoringExecutionSummary().monitoringExecutionStatus())
                .isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(described.endpointName()).isEqualTo("ep-clean");
    }

    @Test
    void driftedTrafficIsReportedByEachCheckThatItBreaks() {
        Random random = new Random(3);
        // Ages 70–100 (drift), the normal column with blanks and words (completeness, data type), category z.
        capture("ep-drift", CapturedTraffic.jsonl(400, NOW, i -> (70 + random.nextInt(31)) + ","
                + (i % 5 == 0 ? "" : i % 7 == 0 ? "oops" : Double.toString(random.nextGaussian())) + ","
                + (i % 4 == 0 ? "z" : "a")));

        fixture.sagemaker.createMonitoringSchedule(schedule("drift-now", "ep-drift", "NOW").build());

        MonitoringExecutionSummary execution = executions("drift-now").get(0);
        assertThat(execution.monitoringExecutionStatus()).isEqualTo(ExecutionStatus.COMPLETED_WITH_VIOLATIONS);
        JsonNode violations = fixture.json(reportFolder(execution) + "/constraint_violations.json");
        assertThat(CapturedTraffic.types(violations)).contains("baseline_drift_check", "data_type_check",
                "completeness_check", "categorical_values_check");
        JsonNode drift = find(violations, "baseline_drift_check");
        assertThat(drift.path("feature_name").asText()).isEqualTo("_c1");
        // Every captured age is above every baseline age: the CDFs differ by 1 at the baseline's maximum.
        assertThat(drift.path("description").asText()).isEqualTo("Baseline drift distance: 1.0 exceeds threshold: 0.1");
        JsonNode type = find(violations, "data_type_check");
        assertThat(type.path("feature_name").asText()).isEqualTo("_c2");
        assertThat(type.path("description").asText()).startsWith("Data type match requirement is not met. Expected "
                + "data type: Fractional, Expected match: 100.0%. Observed: Only ");
        assertThat(find(violations, "completeness_check").path("feature_name").asText()).isEqualTo("_c2");
        assertThat(find(violations, "categorical_values_check").path("feature_name").asText()).isEqualTo("_c3");
        String jobName = execution.processingJobArn().substring(execution.processingJobArn().lastIndexOf('/') + 1);
        assertThat(fixture.sagemaker.describeProcessingJob(r -> r.processingJobName(jobName)).exitMessage())
                .startsWith("CompletedWithViolations: Job completed successfully with ");

        var drifted = fixture.cloudwatch.getMetricStatistics(r -> r.namespace("aws/sagemaker/Endpoints/data-metrics")
                .metricName("feature_baseline_drift__c1")
                .dimensions(d -> d.name("Endpoint").value("ep-drift"), d -> d.name("MonitoringSchedule")
                        .value("drift-now"))
                .startTime(NOW.minusSeconds(3600)).endTime(NOW.plusSeconds(3600)).period(3600)
                .statistics(Statistic.MAXIMUM));
        assertThat(drifted.datapoints()).singleElement().satisfies(p -> assertThat(p.maximum()).isEqualTo(1.0));
        var complete = fixture.cloudwatch.getMetricStatistics(r -> r.namespace("aws/sagemaker/Endpoints/data-metrics")
                .metricName("feature_non_null__c2")
                .dimensions(d -> d.name("Endpoint").value("ep-drift"), d -> d.name("MonitoringSchedule")
                        .value("drift-now"))
                .startTime(NOW.minusSeconds(3600)).endTime(NOW.plusSeconds(3600)).period(3600)
                .statistics(Statistic.SUM));
        assertThat(complete.datapoints()).singleElement().satisfies(p -> assertThat(p.sum()).isEqualTo(0.8));
    }

    static JsonNode find(JsonNode violations, String type) {
        for (JsonNode v : violations.path("violations")) {
            if (v.path("constraint_check_type").asText().equals(type)) {
                return v;
            }
        }
        throw new AssertionError("no " + type + " in " + violations);
    }

    @Test
    void recordsWithFewerOrMoreColumnsThanTheBaselineAreReported() {
        capture("ep-narrow", CapturedTraffic.jsonl(50, NOW, i -> "30,0.5"));
        capture("ep-wide", CapturedTraffic.jsonl(50, NOW, i -> "30,0.5,a,7"));

        fixture.sagemaker.createMonitoringSchedule(schedule("narrow-now", "ep-narrow", "NOW").build());
        fixture.sagemaker.createMonitoringSchedule(schedule("wide-now", "ep-wide", "NOW").build());

        JsonNode narrow = fixture.json(reportFolder(executions("narrow-now").get(0)) + "/constraint_violations.json");
        assertThat(find(narrow, "missing_column_check").path("feature_name").asText()).isEqualTo("_c3");
        JsonNode wide = fixture.json(reportFolder(executions("wide-now").get(0)) + "/constraint_violations.json");
        assertThat(find(wide, "extra_column_check").path("feature_name").asText()).isEqualTo("_c4");
    }

    @Test
    void anEndpointThatCapturedNothingInTheWindowFailsTheExecution() {
        fixture.destinations.put("ep-quiet", MonitorFixture.CAPTURE);
        // Captured two hours ago: outside the last hour.
        fixture.put("capture", CapturedTraffic.key("ep-quiet", NOW.minus(Duration.ofHours(2)), "old.jsonl"),
                CapturedTraffic.jsonl(5, NOW.minus(Duration.ofHours(2)), i -> "30,0.5,a"));

        fixture.sagemaker.createMonitoringSchedule(schedule("quiet-now", "ep-quiet", "NOW").build());

        MonitoringExecutionSummary execution = executions("quiet-now").get(0);
        assertThat(execution.monitoringExecutionStatus()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.failureReason()).isEqualTo("Job inputs had no data");
    }

    @Test
    void anHourlyScheduleRunsOnceAtEachHourItsClockReaches() {
        Random random = new Random(4);
        capture("ep-hourly", CapturedTraffic.jsonl(100, NOW, i -> CapturedTraffic.features(random)));
        fixture.sagemaker.createMonitoringSchedule(schedule("hourly", "ep-hourly", "cron(0 * ? * * *)").build());

        fixture.schedules.runDue();
        assertThat(executions("hourly")).isEmpty();

        fixture.clock.set(Instant.parse("2026-12-07T16:00:05Z"));
        try {
            fixture.schedules.runDue();
            fixture.schedules.runDue();
            List<MonitoringExecutionSummary> first = executions("hourly");
            assertThat(first).singleElement().satisfies(e -> {
                assertThat(e.scheduledTime()).isEqualTo(Instant.parse("2026-12-07T16:00:00Z"));
                // The hour before 16:00 holds the captured records.
                assertThat(e.monitoringExecutionStatus()).as(e.failureReason()).isEqualTo(ExecutionStatus.COMPLETED);
                assertThat(reportFolder(e)).endsWith("/ep-hourly/hourly/2026/12/07/16");
            });

            fixture.clock.set(Instant.parse("2026-12-07T17:00:01Z"));
            fixture.schedules.runDue();
            List<MonitoringExecutionSummary> both = executions("hourly");
            assertThat(both).hasSize(2);
            // Newest first; nothing was captured between 16:00 and 17:00.
            assertThat(both.get(0).monitoringExecutionStatus()).isEqualTo(ExecutionStatus.FAILED);

            fixture.sagemaker.stopMonitoringSchedule(r -> r.monitoringScheduleName("hourly"));
            fixture.clock.set(Instant.parse("2026-12-07T18:00:01Z"));
            fixture.schedules.runDue();
            assertThat(executions("hourly")).hasSize(2);
            assertThat(fixture.sagemaker.describeMonitoringSchedule(r -> r.monitoringScheduleName("hourly"))
                    .monitoringScheduleStatusAsString()).isEqualTo("Stopped");
        } finally {
            fixture.clock.set(NOW);
            fixture.sagemaker.deleteMonitoringSchedule(r -> r.monitoringScheduleName("hourly"));
        }
    }

    @Test
    void aScheduleCanRunAJobDefinitionByName() {
        Random random = new Random(5);
        capture("ep-def", CapturedTraffic.jsonl(100, NOW, i -> CapturedTraffic.features(random)));
        fixture.sagemaker.createDataQualityJobDefinition(r -> r.jobDefinitionName("dq-def")
                .dataQualityBaselineConfig(b -> b
                        .constraintsResource(c -> c.s3Uri("s3://data/mon/baseline/constraints.json"))
                        .statisticsResource(s -> s.s3Uri("s3://data/mon/baseline/statistics.json")))
                .dataQualityAppSpecification(a -> a.imageUri(MonitorFixture.ANALYZER))
                .dataQualityJobInput(i -> i.endpointInput(e -> e.endpointName("ep-def")
                        .localPath("/opt/ml/processing/input/endpoint")))
                .dataQualityJobOutputConfig(o -> o.monitoringOutputs(out -> out.s3Output(s -> s
                        .s3Uri("s3://data/mon/reports").localPath("/opt/ml/processing/output"))))
                .jobResources(r2 -> r2.clusterConfig(c -> c.instanceCount(1).instanceType("ml.m5.xlarge")
                        .volumeSizeInGB(20)))
                .roleArn(MonitorFixture.ROLE));

        fixture.sagemaker.createMonitoringSchedule(r -> r.monitoringScheduleName("by-name")
                .monitoringScheduleConfig(c -> c.monitoringJobDefinitionName("dq-def").monitoringType("DataQuality")
                        .scheduleConfig(s -> s.scheduleExpression("NOW").dataAnalysisStartTime("-PT1H")
                                .dataAnalysisEndTime("-PT0H"))));

        MonitoringExecutionSummary execution = executions("by-name").get(0);
        assertThat(execution.monitoringExecutionStatus()).as(execution.failureReason())
                .isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(execution.monitoringJobDefinitionName()).isEqualTo("dq-def");
        assertThat(fixture.sagemaker.listDataQualityJobDefinitions(r -> r.endpointName("ep-def"))
                .jobDefinitionSummaries()).singleElement()
                .satisfies(s -> assertThat(s.monitoringJobDefinitionName()).isEqualTo("dq-def"));
        assertThat(fixture.sagemaker.listMonitoringSchedules(r -> r.endpointName("ep-def"))
                .monitoringScheduleSummaries()).singleElement()
                .satisfies(s -> assertThat(s.monitoringScheduleName()).isEqualTo("by-name"));
    }

    @Test
    void refusedSchedulesSayWhyAndLeaveNothingBehind() {
        assertRefused(schedule("bad-cron", "ep-x", "cron(0 * * * * *)"), "ScheduleExpression");
        assertRefused(schedule("bad-rate", "ep-x", "rate(1 hour)"), "ScheduleExpression");
        assertRefused(schedule("now-no-window", "ep-x", "NOW").monitoringScheduleConfig(c -> c
                .scheduleConfig(s -> s.scheduleExpression("NOW"))
                .monitoringJobDefinitionName("dq-none").monitoringType("DataQuality")), "required");
        assertRefused(schedule("backwards", "ep-x", "NOW").monitoringScheduleConfig(c -> c
                .scheduleConfig(s -> s.scheduleExpression("NOW").dataAnalysisStartTime("-PT0H")
                        .dataAnalysisEndTime("-PT1H"))
                .monitoringJobDefinitionName("dq-none").monitoringType("DataQuality")), "before");
        assertRefused(schedule("too-long", "ep-x", "NOW").monitoringScheduleConfig(c -> c
                .scheduleConfig(s -> s.scheduleExpression("NOW").dataAnalysisStartTime("-PT25H")
                        .dataAnalysisEndTime("-PT0H"))
                .monitoringJobDefinitionName("dq-none").monitoringType("DataQuality")), "24 hours");
        assertThatThrownBy(() -> fixture.sagemaker.createMonitoringSchedule(r -> r.monitoringScheduleName("no-def")
                .monitoringScheduleConfig(c -> c.monitoringJobDefinitionName("dq-none").monitoringType("DataQuality")
                        .scheduleConfig(s -> s.scheduleExpression("cron(0 * ? * * *)")))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(fixture.sagemaker.listMonitoringSchedules(r -> r.nameContains("bad"))
                .monitoringScheduleSummaries()).isEmpty();
        assertThatThrownBy(() -> fixture.sagemaker.describeMonitoringSchedule(r -> r.monitoringScheduleName("bad-cron")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    static void assertRefused(CreateMonitoringScheduleRequest.Builder request, String saying) {
        assertThatThrownBy(() -> fixture.sagemaker.createMonitoringSchedule(request.build()))
                .isInstanceOfSatisfying(SageMakerException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).contains(saying);
                });
    }
}
