package io.labrunner.emulator.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.emulator.Emulator;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/** Metrics, alarms and their history survive a restart of the emulator on the same data directory. */
class CloudWatchRestartTest {

    private static CloudWatchClient client(Emulator emulator) {
        return CloudWatchClient.builder().endpointOverride(emulator.getEndpoint())
                .region(Region.of(emulator.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey())))
                .build();
    }

    @Test
    void metricsAlarmsAndHistorySurviveARestart(@TempDir Path dataDir) {
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        try (Emulator first = Emulator.builder().port(0).dataDir(dataDir).build().start();
             CloudWatchClient cw = client(first)) {
            cw.putMetricData(r -> r.namespace("Lab/Keep").metricData(d -> d.metricName("m").value(7.0).timestamp(minute)));
            cw.putMetricAlarm(r -> r.alarmName("keep").namespace("Lab/Keep").metricName("m").statistic(Statistic.SUM)
                    .period(60).evaluationPeriods(1).threshold(5.0).comparisonOperator("GreaterThanThreshold"));
        }
        try (Emulator second = Emulator.builder().port(0).dataDir(dataDir).build().start();
             CloudWatchClient cw = client(second)) {
            var stats = cw.getMetricStatistics(r -> r.namespace("Lab/Keep").metricName("m").startTime(minute)
                    .endTime(minute.plusSeconds(60)).period(60).statistics(Statistic.SUM));
            assertThat(stats.datapoints()).extracting(d -> d.sum()).containsExactly(7.0);
            assertThat(cw.describeAlarms(r -> r.alarmNames("keep")).metricAlarms())
                    .extracting(a -> a.stateValueAsString()).containsExactly("ALARM");
            assertThat(cw.describeAlarmHistory(r -> r.alarmName("keep")).alarmHistoryItems()).hasSizeGreaterThan(1);
            cw.putMetricData(r -> r.namespace("Lab/Keep").metricData(d -> d.metricName("m").value(1.0).timestamp(minute)));
            var after = cw.getMetricStatistics(r -> r.namespace("Lab/Keep").metricName("m").startTime(minute)
                    .endTime(minute.plusSeconds(60)).period(60).statistics(Statistic.SAMPLE_COUNT));
            assertThat(after.datapoints()).extracting(d -> d.sampleCount()).containsExactly(2.0);
        }
    }
}
