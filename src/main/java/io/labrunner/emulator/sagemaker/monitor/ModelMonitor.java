package io.labrunner.emulator.sagemaker.monitor;

import io.labrunner.emulator.S3Objects;
import io.labrunner.emulator.cloudwatch.MetricSink;
import io.labrunner.emulator.logs.LogWriter;
import io.labrunner.emulator.sagemaker.OperationGroup;
import io.labrunner.emulator.sagemaker.ResourceTags;
import io.labrunner.emulator.sagemaker.hosting.CaptureDestinations;
import io.labrunner.emulator.state.StateStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * SageMaker Model Monitor (data quality) as operation groups: processing jobs running the built-in analyzer,
 * data quality job definitions, and monitoring schedules with their executions.
 */
public final class ModelMonitor {

    private ModelMonitor() {
    }

    /** What the groups share, with the timings an emulator serves with. */
    public record Settings(S3Objects s3, ResourceTags tags, LogWriter logs, MetricSink metrics,
            CaptureDestinations captures, StateStore state, Path workRoot, Clock clock, Duration startup,
            Duration tick) {
    }

    /** The groups, in the order they depend on each other. */
    public static List<OperationGroup> groups(Settings settings) {
        ProcessingJobs jobs = new ProcessingJobs(settings.s3(), settings.tags(), settings.logs(), settings.metrics(),
                settings.state(), settings.workRoot(), settings.clock(), settings.startup());
        DataQualityJobDefinitions definitions = new DataQualityJobDefinitions(settings.tags(), settings.state(),
                settings.clock());
        MonitoringSchedules schedules = new MonitoringSchedules(jobs, definitions, settings.captures(),
                settings.tags(), settings.state(), settings.clock(), settings.tick());
        // Schedules close first: they stop starting jobs before the job threads stop.
        return List.of(schedules, definitions, jobs);
    }
}
