package io.labrunner.labs.modelmonitoring;

import io.labrunner.core.LabContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

/**
 * An alarm on what the monitor measured. A data-quality execution publishes, per column, the
 * distance between the captured data's distribution and the baseline's as
 * {@code feature_baseline_drift_<column>} in the namespace {@code aws/sagemaker/Endpoints/data-metrics},
 * with the dimensions {@code Endpoint} and {@code MonitoringSchedule}. The alarm compares the largest
 * value of each hour with the threshold the baseline's constraints use for drift
 * ({@code comparison_threshold}, 0.1 unless changed).
 */
public final class DriftAlarm {
    public static final String NAMESPACE = "aws/sagemaker/Endpoints/data-metrics";
    public static final String PREFIX = "feature_baseline_drift_";
    public static final double THRESHOLD = 0.1;
    /** One hour: an hourly schedule publishes one value per period. */
    public static final int PERIOD = 3600;

    private DriftAlarm() {
    }

    public static String metricName(String feature) {
        return PREFIX + feature;
    }

    /** The dimensions the monitor publishes its endpoint metrics with. */
    public static List<Dimension> dimensions(String endpoint, String schedule) {
        return List.of(Dimension.builder().name("Endpoint").value(endpoint).build(),
                Dimension.builder().name("MonitoringSchedule").value(schedule).build());
    }

    /**
     * Breaches when one period's largest drift is above the threshold; a period with no execution
     * (no data) is not a breach, so the alarm stays OK between runs rather than going to
     * INSUFFICIENT_DATA.
     */
    public static PutMetricAlarmRequest request(String alarm, String feature, String endpoint, String schedule,
            Map<String, String> tags) {
        List<Tag> cloudWatchTags = new ArrayList<>();
        tags.forEach((key, value) -> cloudWatchTags.add(Tag.builder().key(key).value(value).build()));
        return PutMetricAlarmRequest.builder()
                .alarmName(alarm)
                .alarmDescription("Model Monitor measured " + feature + " drifting from the training data on " + endpoint)
                .namespace(NAMESPACE)
                .metricName(metricName(feature))
                .dimensions(dimensions(endpoint, schedule))
                .statistic(Statistic.MAXIMUM)
                .period(PERIOD)
                .evaluationPeriods(1)
                .threshold(THRESHOLD)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .treatMissingData("notBreaching")
                .tags(cloudWatchTags)
                .build();
    }

    /** The alarm as CloudWatch describes it, if it exists. */
    public static Optional<MetricAlarm> describe(LabContext ctx, String alarm) {
        return ctx.cloudWatch().describeAlarms(d -> d.alarmNames(alarm)).metricAlarms().stream().findFirst();
    }

    /** Polls DescribeAlarms until the alarm is in ALARM; CloudWatch evaluates alarms about once a minute. */
    public static MetricAlarm awaitAlarm(LabContext ctx, String alarm) {
        return ctx.waitFor("alarm " + alarm + " to go to ALARM", Duration.ofMinutes(10), Duration.ofSeconds(1), () ->
                describe(ctx, alarm).filter(a -> a.stateValue() == StateValue.ALARM));
    }
}
