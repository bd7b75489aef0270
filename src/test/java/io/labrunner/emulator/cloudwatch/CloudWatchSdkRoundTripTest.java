package io.labrunner.emulator.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.emulator.Emulator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterCombinationException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/** CloudWatch through the SDK v2 client, which speaks Smithy RPC v2 CBOR to it. */
class CloudWatchSdkRoundTripTest {
    private static Emulator emulator;
    private static CloudWatchClient cw;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0).build().start();
        cw = CloudWatchClient.builder()
                .endpointOverride(emulator.getEndpoint())
                .region(Region.of(emulator.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey())))
                .build();
    }

    @AfterAll
    static void stop() {
        cw.close();
        emulator.close();
    }

    private static Dimension dim(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }

    @Test
    void putDataIsReadBackAsStatisticsPercentilesAndMetricData() {
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        cw.putMetricData(r -> r.namespace("Lab/Stats").metricData(
                d -> d.metricName("Latency").dimensions(dim("Api", "a")).timestamp(minute.plusSeconds(1)).value(10.0)
                        .unit(StandardUnit.MILLISECONDS),
                d -> d.metricName("Latency").dimensions(dim("Api", "a")).timestamp(minute.plusSeconds(2))
                        .values(20.0, 30.0).counts(1.0, 2.0).unit(StandardUnit.MILLISECONDS)));

        var stats = cw.getMetricStatistics(r -> r.namespace("Lab/Stats").metricName("Latency")
                .dimensions(dim("Api", "a")).startTime(minute.minusSeconds(60)).endTime(minute.plusSeconds(60))
                .period(60).statistics(Statistic.SUM, Statistic.AVERAGE, Statistic.MINIMUM, Statistic.MAXIMUM,
                        Statistic.SAMPLE_COUNT));
        assertThat(stats.label()).isEqualTo("Latency");
        assertThat(stats.datapoints()).hasSize(1);
        Datapoint p = stats.datapoints().get(0);
        assertThat(p.timestamp()).isEqualTo(minute);
        assertThat(p.sum()).isEqualTo(90.0);
        assertThat(p.sampleCount()).isEqualTo(4.0);
        assertThat(p.average()).isEqualTo(22.5);
        assertThat(p.minimum()).isEqualTo(10.0);
        assertThat(p.maximum()).isEqualTo(30.0);
        assertThat(p.unit()).isEqualTo(StandardUnit.MILLISECONDS);

        var p50 = cw.getMetricStatistics(r -> r.namespace("Lab/Stats").metricName("Latency")
                .dimensions(dim("Api", "a")).startTime(minute).endTime(minute.plusSeconds(60)).period(60)
                .extendedStatistics("p50", "p99"));
        assertThat(p50.datapoints().get(0).extendedStatistics()).containsEntry("p50", 20.0).containsEntry("p99", 30.0);

        var data = cw.getMetricData(r -> r.startTime(minute.minusSeconds(120)).endTime(minute.plusSeconds(60))
                .metricDataQueries(
                        q -> q.id("lat").metricStat(s -> s.metric(m -> m.namespace("Lab/Stats").metricName("Latency")
                                .dimensions(dim("Api", "a"))).period(60).stat("Sum")).returnData(false),
                        q -> q.id("doubled").expression("lat * 2").label("twice")));
        MetricDataResult doubled = data.metricDataResults().get(0);
        assertThat(doubled.id()).isEqualTo("doubled");
        assertThat(doubled.label()).isEqualTo("twice");
        assertThat(doubled.values()).containsExactly(180.0);
        assertThat(doubled.timestamps()).containsExactly(minute);
        assertThat(doubled.statusCodeAsString()).isEqualTo("Complete");

        var listed = cw.listMetrics(r -> r.namespace("Lab/Stats").dimensions(f -> f.name("Api"))).metrics();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).dimensions()).containsExactly(dim("Api", "a"));
    }

    @Test
    void badInputIsRefusedWithCloudWatchsErrors() {
        assertThatThrownBy(() -> cw.putMetricData(r -> r.namespace("AWS/EC2").metricData(d -> d.metricName("x").value(1.0))))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("The value AWS/EC2 for parameter Namespace is invalid.");
        assertThatThrownBy(() -> cw.putMetricData(r -> r.namespace("Lab/Bad").metricData(
                d -> d.metricName("x").value(1.0).values(2.0))))
                .isInstanceOf(InvalidParameterCombinationException.class)
                .hasMessageContaining("MetricData.member.1.Value and MetricData.member.1.Values are mutually exclusive");
        assertThatThrownBy(() -> cw.getMetricStatistics(r -> r.namespace("Lab/Bad").metricName("x")
                .startTime(Instant.now().minusSeconds(60)).endTime(Instant.now()).period(60)))
                .isInstanceOf(InvalidParameterCombinationException.class);
    }

    @Test
    void anAlarmGoesToAlarmWhenItsMetricCrossesTheThresholdAndBackToOk() {
        cw.putMetricAlarm(r -> r.alarmName("lab-high").namespace("Lab/Alarm").metricName("Errors")
                .statistic(Statistic.SUM).period(60).evaluationPeriods(1).threshold(5.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD).tags(t -> t.key("lab").value("x")));
        MetricAlarm created = alarm("lab-high");
        assertThat(created.stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);
        assertThat(created.alarmArn()).endsWith(":alarm:lab-high");

        cw.putMetricData(r -> r.namespace("Lab/Alarm").metricData(d -> d.metricName("Errors").value(9.0)));
        MetricAlarm alarmed = alarm("lab-high");
        assertThat(alarmed.stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(alarmed.stateReason()).startsWith("Threshold Crossed: 1 datapoint [9.0 (")
                .endsWith(")] was greater than the threshold (5.0).");
        assertThat(alarmed.stateReasonData()).contains("\"recentDatapoints\":[9.0]");

        cw.setAlarmState(r -> r.alarmName("lab-high").stateValue(StateValue.OK).stateReason("by hand"));
        assertThat(alarm("lab-high").stateValue()).isEqualTo(StateValue.OK);
        assertThat(cw.describeAlarmHistory(r -> r.alarmName("lab-high")).alarmHistoryItems())
                .extracting(h -> h.historySummary())
                .contains("Alarm updated from INSUFFICIENT_DATA to ALARM", "Alarm updated from ALARM to OK");
        assertThat(cw.listTagsForResource(r -> r.resourceARN(alarmed.alarmArn())).tags())
                .extracting(t -> t.key() + "=" + t.value()).containsExactly("lab=x");
        assertThat(cw.describeAlarmsForMetric(r -> r.namespace("Lab/Alarm").metricName("Errors")).metricAlarms())
                .hasSize(1);

        cw.deleteAlarms(r -> r.alarmNames("lab-high"));
        assertThat(cw.describeAlarms(r -> r.alarmNames("lab-high")).metricAlarms()).isEmpty();
    }

    @Test
    void missingDataIsTreatedAsTheAlarmSays() {
        cw.putMetricAlarm(r -> r.alarmName("lab-missing-breaching").namespace("Lab/Quiet").metricName("Beats")
                .statistic(Statistic.SAMPLE_COUNT).period(60).evaluationPeriods(2).threshold(1.0)
                .comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD).treatMissingData("breaching"));
        cw.putMetricAlarm(r -> r.alarmName("lab-missing-default").namespace("Lab/Quiet").metricName("Beats")
                .statistic(Statistic.SAMPLE_COUNT).period(60).evaluationPeriods(2).threshold(1.0)
                .comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD));
        cw.putMetricAlarm(r -> r.alarmName("lab-missing-ok").namespace("Lab/Quiet").metricName("Beats")
                .statistic(Statistic.SAMPLE_COUNT).period(60).evaluationPeriods(2).threshold(1.0)
                .comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD).treatMissingData("notBreaching"));

        assertThat(alarm("lab-missing-breaching").stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(alarm("lab-missing-default").stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);
        assertThat(alarm("lab-missing-default").stateReason()).isEqualTo("Unchecked: Initial alarm creation");
        assertThat(alarm("lab-missing-ok").stateValue()).isEqualTo(StateValue.OK);
    }

    @Test
    void metricsPublishedThroughTheSinkAreReadable() {
        Instant now = Instant.now();
        emulator.metricSink().put(emulator.getRegion(), new MetricSink.MetricDatum("AWS/SageMaker", "Invocations",
                Map.of("EndpointName", "e1", "VariantName", "AllTraffic"), now, 3, "Count"));
        var stats = cw.getMetricStatistics(r -> r.namespace("AWS/SageMaker").metricName("Invocations")
                .dimensions(dim("EndpointName", "e1"), dim("VariantName", "AllTraffic"))
                .startTime(now.minusSeconds(120)).endTime(now.plusSeconds(60)).period(60).statistics(Statistic.SUM));
        assertThat(stats.datapoints()).extracting(Datapoint::sum).containsExactly(3.0);
    }

    private static MetricAlarm alarm(String name) {
        return cw.describeAlarms(r -> r.alarmNames(name)).metricAlarms().get(0);
    }
}
