package io.labrunner.emulator.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Alarms change state as time passes, on the service's own schedule, and as TreatMissingData says. */
class AlarmScheduleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long T0 = Instant.parse("2026-12-07T10:00:00Z").toEpochMilli();

    /** A clock a test moves by hand. */
    private static final class HandClock extends Clock {
        final AtomicLong now = new AtomicLong(T0);

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static String alarmJson(String name, String treatMissing) {
        return "{\"AlarmName\":\"" + name + "\",\"Namespace\":\"Lab/S\",\"MetricName\":\"Load\",\"Statistic\":\"Average\","
                + "\"Period\":60,\"EvaluationPeriods\":3,\"DatapointsToAlarm\":2,\"Threshold\":50,"
                + "\"ComparisonOperator\":\"GreaterThanOrEqualToThreshold\""
                + (treatMissing == null ? "" : ",\"TreatMissingData\":\"" + treatMissing + "\"") + "}";
    }

    @Test
    void twoOfThreeBreachingPeriodsAlarmAndDataThatStopsComingIsJudgedByTreatMissingData() throws Exception {
        HandClock clock = new HandClock();
        MetricStore store = new MetricStore(StateStore.none());
        AlarmOperations[] alarms = new AlarmOperations[1];
        MetricOperations metrics = new MetricOperations(store, clock, (r, id) -> alarms[0].evaluateMetric(r, id));
        alarms[0] = new AlarmOperations(StateStore.none(), metrics, clock, "000000000000");
        alarms[0].putMetricAlarm(json(alarmJson("default", null)), "us-east-1");
        alarms[0].putMetricAlarm(json(alarmJson("ignore", "ignore")), "us-east-1");
        alarms[0].putMetricAlarm(json(alarmJson("breaching", "breaching")), "us-east-1");

        put(metrics, clock, 70);
        assertThat(state(alarms[0], "default")).isEqualTo("OK");
        assertThat(state(alarms[0], "breaching")).isEqualTo("ALARM");
        clock.now.addAndGet(60_000);
        put(metrics, clock, 90);
        assertThat(state(alarms[0], "default")).isEqualTo("ALARM");
        assertThat(reason(alarms[0], "default")).startsWith("Threshold Crossed: 2 out of the last 3 datapoints [90.0 (07/12/26 10:01:00), 70.0 (07/12/26 10:00:00)] were greater than or equal to the threshold (50.0) (minimum 2 datapoints for OK -> ALARM transition).");

        // No data for five minutes: every evaluated period is missing.
        clock.now.addAndGet(5 * 60_000);
        alarms[0].evaluateAll();
        assertThat(state(alarms[0], "default")).isEqualTo("INSUFFICIENT_DATA");
        assertThat(reason(alarms[0], "default")).isEqualTo("Insufficient Data: 3 datapoints were unknown.");
        assertThat(state(alarms[0], "ignore")).isEqualTo("ALARM");
        assertThat(state(alarms[0], "breaching")).isEqualTo("ALARM");

        put(metrics, clock, 10);
        assertThat(state(alarms[0], "default")).isEqualTo("OK");
        assertThat(state(alarms[0], "ignore")).isEqualTo("OK");
        assertThat(state(alarms[0], "breaching")).as("two missing periods count as breaching").isEqualTo("ALARM");
    }

    @Test
    void theServiceEvaluatesAlarmsOnItsSchedule() throws Exception {
        HandClock clock = new HandClock();
        CloudWatchService service = new CloudWatchService("000000000000", StateStore.none(), clock, Duration.ofMillis(20));
        try {
            service.sink().put("us-east-1", new MetricSink.MetricDatum("Lab/S", "Load", Map.of(), clock.instant(), 80,
                    "Percent"));
            AlarmOperations alarms = alarmsOf(service);
            alarms.putMetricAlarm(json(alarmJson("scheduled", null)), "us-east-1");
            assertThat(state(alarms, "scheduled")).as("one breaching datapoint of the two needed").isEqualTo("OK");
            clock.now.addAndGet(10 * 60_000);
            long deadline = System.currentTimeMillis() + 5_000;
            while (!"INSUFFICIENT_DATA".equals(state(alarms, "scheduled")) && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertThat(state(alarms, "scheduled")).isEqualTo("INSUFFICIENT_DATA");
        } finally {
            service.close();
        }
    }

    private static AlarmOperations alarmsOf(CloudWatchService service) throws Exception {
        var field = CloudWatchService.class.getDeclaredField("alarms");
        field.setAccessible(true);
        return (AlarmOperations) field.get(service);
    }

    private static void put(MetricOperations metrics, Clock clock, double value) throws Exception {
        metrics.putMetricData(json("{\"Namespace\":\"Lab/S\",\"MetricData\":[{\"MetricName\":\"Load\",\"Value\":" + value
                + ",\"Timestamp\":" + clock.millis() + "}]}"), "us-east-1");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> alarm(AlarmOperations alarms, String name) throws Exception {
        Map<String, Object> out = (Map<String, Object>) alarms.describeAlarms(json("{\"AlarmNames\":[\"" + name + "\"]}"),
                "us-east-1");
        return ((java.util.List<Map<String, Object>>) out.get("MetricAlarms")).get(0);
    }

    private static String state(AlarmOperations alarms, String name) throws Exception {
        return (String) alarm(alarms, name).get("StateValue");
    }

    private static String reason(AlarmOperations alarms, String name) throws Exception {
        return (String) alarm(alarms, name).get("StateReason");
    }
}
