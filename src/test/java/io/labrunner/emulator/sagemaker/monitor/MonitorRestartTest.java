package io.labrunner.emulator.sagemaker.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sagemaker.model.ExecutionStatus;

/** Schedules, their executions, job definitions and processing jobs survive an emulator restart. */
class MonitorRestartTest {
    static final Instant NOW = Instant.parse("2026-12-07T15:30:00Z");

    @Test
    void aRestartedEmulatorStillHasTheSchedulesAndTheirExecutions(@TempDir Path dir) {
        String processingJob;
        try (MonitorFixture fixture = new MonitorFixture(dir, NOW)) {
            fixture.put(MonitorFixture.BUCKET, "train.csv", CapturedTraffic.trainingCsv(300, 1));
            fixture.suggestBaseline("restart-baseline", "s3://data/train.csv", "{\"csv\": {\"header\": false}}",
                    "s3://data/mon/baseline");
            fixture.destinations.put("ep", MonitorFixture.CAPTURE);
            Random random = new Random(2);
            fixture.put("capture", CapturedTraffic.key("ep", NOW, "a.jsonl"),
                    CapturedTraffic.jsonl(50, NOW, i -> CapturedTraffic.features(random)));
            fixture.sagemaker.createMonitoringSchedule(MonitoringScheduleTest.schedule("kept-now", "ep", "NOW").build());
            fixture.sagemaker.createMonitoringSchedule(MonitoringScheduleTest.schedule("kept-hourly", "ep",
                    "cron(0 * ? * * *)").build());
            var execution = fixture.sagemaker.describeMonitoringSchedule(r -> r.monitoringScheduleName("kept-now"))
                    .lastMonitoringExecutionSummary();
            processingJob = execution.processingJobArn().substring(execution.processingJobArn().lastIndexOf('/') + 1);
            fixture.awaitJob(processingJob);
        }

        try (MonitorFixture again = new MonitorFixture(dir, NOW.plusSeconds(60))) {
            assertThat(again.sagemaker.listMonitoringSchedules(r -> r.nameContains("kept"))
                    .monitoringScheduleSummaries()).hasSize(2);
            var summary = again.sagemaker.describeMonitoringSchedule(r -> r.monitoringScheduleName("kept-now"))
                    .lastMonitoringExecutionSummary();
            assertThat(summary.monitoringExecutionStatus()).isEqualTo(ExecutionStatus.COMPLETED);
            assertThat(summary.processingJobArn()).endsWith("/" + processingJob);
            assertThat(again.sagemaker.describeProcessingJob(r -> r.processingJobName("restart-baseline"))
                    .processingJobStatusAsString()).isEqualTo("Completed");
            assertThat(again.sagemaker.describeMonitoringSchedule(r -> r.monitoringScheduleName("kept-hourly"))
                    .monitoringScheduleConfig().scheduleConfig().scheduleExpression()).isEqualTo("cron(0 * ? * * *)");
        }
    }
}
