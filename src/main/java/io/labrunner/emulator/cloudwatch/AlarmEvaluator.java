package io.labrunner.emulator.cloudwatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Evaluates a metric alarm on the stored metric, as CloudWatch describes it
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#alarm-evaluation):
 * the last {@code EvaluationPeriods} periods (aligned to the period, ending with the current one when it already
 * has data, else with the last complete one), each period's statistic compared with the threshold; ALARM when at
 * least {@code DatapointsToAlarm} of them breach; a period without data is missing and treated as
 * {@code TreatMissingData} says (missing, the default: INSUFFICIENT_DATA when every period is missing;
 * breaching; notBreaching; ignore: the state stays). StateReason and StateReasonData in AWS's wording.
 */
final class AlarmEvaluator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter REASON_TIME = DateTimeFormatter.ofPattern("dd/MM/yy HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    /** A new state with its reason, or null when the alarm keeps its state. */
    record Outcome(String state, String reason, String reasonData) {
    }

    private AlarmEvaluator() {
    }

    static Outcome evaluate(Alarm alarm, MetricOperations metrics, long now) {
        long length = alarm.period() * 1000L;
        long current = Math.floorDiv(now, length) * length;
        TreeMap<Long, Double> values = metrics.periodValues(alarm.region(), alarm.metric(),
                current - alarm.evaluationPeriods() * length, current + length, alarm.period(), alarm.stat(), alarm.unit());
        long last = values.containsKey(current) ? current : current - length;
        long first = last - (alarm.evaluationPeriods() - 1) * length;
        List<long[]> present = new ArrayList<>();
        int missing = 0;
        for (long t = first; t <= last; t += length) {
            if (values.containsKey(t)) {
                present.add(new long[] {t});
            } else {
                missing++;
            }
        }
        String treat = alarm.treatMissingData() == null ? "missing" : alarm.treatMissingData();
        int breaching = 0;
        for (long[] p : present) {
            if (breaches(alarm, values.get(p[0]))) {
                breaching++;
            }
        }
        if ("breaching".equals(treat)) {
            breaching += missing;
        }
        int needed = alarm.datapointsToAlarm();
        String state;
        if (breaching >= needed) {
            state = "ALARM";
        } else if (present.isEmpty() && ("missing".equals(treat) || "ignore".equals(treat))) {
            if ("ignore".equals(treat)) {
                return null;
            }
            state = "INSUFFICIENT_DATA";
        } else {
            state = "OK";
        }
        String reason = reason(alarm, state, values, present, missing, breaching);
        return new Outcome(state, reason, reasonData(alarm, values, present, first, now));
    }

    static boolean breaches(Alarm alarm, double value) {
        double t = alarm.threshold();
        return switch (alarm.comparisonOperator()) {
            case "GreaterThanOrEqualToThreshold" -> value >= t;
            case "GreaterThanThreshold" -> value > t;
            case "LessThanThreshold" -> value < t;
            case "LessThanOrEqualToThreshold" -> value <= t;
            default -> false;
        };
    }

    private static String comparison(String operator) {
        return switch (operator) {
            case "GreaterThanOrEqualToThreshold" -> "greater than or equal to";
            case "GreaterThanThreshold" -> "greater than";
            case "LessThanThreshold" -> "less than";
            case "LessThanOrEqualToThreshold" -> "less than or equal to";
            default -> operator;
        };
    }

    /**
     * {@code Threshold Crossed: 1 datapoint [5.0 (07/12/26 14:20:00)] was greater than the threshold (3.0).} /
     * {@code Threshold Crossed: 2 out of the last 3 datapoints [...] were greater than ...} /
     * {@code Insufficient Data: 3 datapoints were unknown.}
     */
    private static String reason(Alarm alarm, String state, TreeMap<Long, Double> values, List<long[]> present,
            int missing, int breaching) {
        if ("INSUFFICIENT_DATA".equals(state)) {
            return "Insufficient Data: " + missing + (missing == 1 ? " datapoint was unknown." : " datapoints were unknown.");
        }
        List<String> shown = new ArrayList<>();
        int counted = 0;
        for (int i = present.size() - 1; i >= 0; i--) {
            double v = values.get(present.get(i)[0]);
            if ("ALARM".equals(state) == breaches(alarm, v)) {
                shown.add(v + " (" + REASON_TIME.format(Instant.ofEpochMilli(present.get(i)[0])) + ")");
                counted++;
            }
        }
        int total = alarm.evaluationPeriods();
        int n = "ALARM".equals(state) ? breaching : counted;
        String negation = "ALARM".equals(state) ? "" : "not ";
        String count = n == total ? n + (n == 1 ? " datapoint" : " datapoints")
                : n + " out of the last " + total + " datapoints";
        String verb = n == 1 && n == total ? " was " : " were ";
        String tail = "ALARM".equals(state) && alarm.datapointsToAlarm() < total
                ? " (minimum " + alarm.datapointsToAlarm() + " datapoint" + (alarm.datapointsToAlarm() == 1 ? "" : "s")
                        + " for OK -> ALARM transition)." : ".";
        return "Threshold Crossed: " + count + " " + shown + verb + negation + comparison(alarm.comparisonOperator())
                + " the threshold (" + alarm.threshold() + ")" + tail;
    }

    private static String reasonData(Alarm alarm, TreeMap<Long, Double> values, List<long[]> present, long first,
            long now) {
        ObjectNode data = JSON.createObjectNode();
        data.put("version", "1.0");
        data.put("queryDate", DATA_TIME.format(Instant.ofEpochMilli(now)));
        data.put("startDate", DATA_TIME.format(Instant.ofEpochMilli(first)));
        if (alarm.statistic() != null) {
            data.put("statistic", alarm.statistic());
        } else {
            data.put("extendedStatistic", alarm.extendedStatistic());
        }
        data.put("period", alarm.period());
        ArrayNode recent = data.putArray("recentDatapoints");
        ArrayNode evaluated = data.putArray("evaluatedDatapoints");
        for (int i = present.size() - 1; i >= 0; i--) {
            double v = values.get(present.get(i)[0]);
            ObjectNode point = evaluated.addObject();
            point.put("timestamp", DATA_TIME.format(Instant.ofEpochMilli(present.get(i)[0])));
            point.put("value", v);
        }
        for (long[] p : present) {
            recent.add(values.get(p[0]));
        }
        data.put("threshold", alarm.threshold());
        return data.toString();
    }
}
