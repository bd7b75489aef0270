package io.labrunner.emulator.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.state.StateStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Metric alarms: PutMetricAlarm, DescribeAlarms, DescribeAlarmsForMetric, DeleteAlarms, SetAlarmState,
 * Enable/DisableAlarmActions, DescribeAlarmHistory and alarm tags, kept in the state store; each alarm is
 * evaluated by {@link AlarmEvaluator} on a schedule and whenever its metric receives data. Actions are kept, not
 * run: the emulator has no SNS.
 */
final class AlarmOperations {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 50;

    record HistoryItem(String region, String alarmName, long timestamp, String type, String summary, String data) {
    }

    private final Kept<Alarm> alarms;
    private final Kept<HistoryItem> history;
    private final MetricOperations metrics;
    private final Clock clock;
    private final String account;
    private long historySequence;

    AlarmOperations(StateStore state, MetricOperations metrics, Clock clock, String account) {
        this.alarms = new Kept<>(state.map("cloudwatch.alarms", Alarm.class));
        this.history = new Kept<>(state.map("cloudwatch.history", HistoryItem.class));
        this.metrics = metrics;
        this.clock = clock;
        this.account = account;
        this.historySequence = history.entriesWithPrefix("").keySet().stream()
                .mapToLong(k -> Long.parseLong(k.substring(k.lastIndexOf('\u001e') + 1))).max().orElse(-1) + 1;
    }

    synchronized Object putMetricAlarm(JsonNode in, String region) {
        if (in.has("Metrics")) {
            throw CloudWatchErrors.validation("Metric math alarms (Metrics) are not served by this emulator.");
        }
        for (String required : List.of("MetricName", "Namespace", "Period", "EvaluationPeriods", "ComparisonOperator",
                "Threshold")) {
            if (!in.has(required)) {
                throw CloudWatchErrors.validation("The parameter " + required + " is required.");
            }
        }
        String statistic = in.path("Statistic").asText(null);
        String extended = in.path("ExtendedStatistic").asText(null);
        if (statistic == null && extended == null) {
            throw CloudWatchErrors.validation("Must specify either Statistic or ExtendedStatistic.");
        }
        if (statistic != null && extended != null) {
            throw CloudWatchErrors.validation("Statistic and ExtendedStatistic are mutually exclusive; specify only one.");
        }
        if (extended != null && !Statistics.isPercentile(extended)) {
            throw CloudWatchErrors.validation("The value " + extended + " for parameter ExtendedStatistic is not supported.");
        }
        int period = in.path("Period").asInt();
        MetricOperations.checkPeriod(period, "Period");
        int evaluationPeriods = in.path("EvaluationPeriods").asInt();
        int datapoints = in.path("DatapointsToAlarm").asInt(evaluationPeriods);
        if (datapoints > evaluationPeriods) {
            throw CloudWatchErrors.validation("DatapointsToAlarm must be less than or equal to EvaluationPeriods");
        }
        if ((long) period * evaluationPeriods > 7 * 24 * 3600) {
            throw CloudWatchErrors.validation("The evaluation period multiplied by the number of evaluation periods must"
                    + " be less than or equal to 604800 seconds (7 days).");
        }
        String name = in.path("AlarmName").asText();
        long now = clock.millis();
        Alarm existing = alarms.get(key(region, name)).orElse(null);
        Map<String, String> tags = new LinkedHashMap<>(existing == null ? Map.of() : existing.tags());
        in.path("Tags").forEach(t -> tags.put(t.path("Key").asText(), t.path("Value").asText()));
        Alarm alarm = new Alarm(region, name, "arn:aws:cloudwatch:" + region + ":" + account + ":alarm:" + name,
                in.path("AlarmDescription").asText(null), in.path("ActionsEnabled").asBoolean(true),
                texts(in.path("OKActions")), texts(in.path("AlarmActions")), texts(in.path("InsufficientDataActions")),
                in.path("Namespace").asText(), in.path("MetricName").asText(),
                MetricOperations.dimensions(in.path("Dimensions")), statistic, extended, period,
                in.path("Unit").asText(null), evaluationPeriods, datapoints, in.path("Threshold").asDouble(),
                in.path("ComparisonOperator").asText(), in.path("TreatMissingData").asText(null), now, Map.copyOf(tags),
                "INSUFFICIENT_DATA", "Unchecked: Initial alarm creation", null, now, now);
        if (existing != null) {
            alarm = alarm.withState(existing.state(), existing.stateReason(), existing.stateReasonData(),
                    existing.stateUpdatedAt());
        }
        alarms.put(key(region, name), alarm);
        record(region, name, now, "ConfigurationUpdate", "Alarm \"" + name + "\" " + (existing == null ? "created" : "updated"),
                null);
        evaluate(alarms.get(key(region, name)).orElseThrow(), now);
        return null;
    }

    synchronized Object describeAlarms(JsonNode in, String region) {
        List<String> names = texts(in.path("AlarmNames"));
        String prefix = in.path("AlarmNamePrefix").asText(null);
        if (!names.isEmpty() && prefix != null) {
            throw CloudWatchErrors.combination("AlarmNames and AlarmNamePrefix are mutually exclusive.");
        }
        String state = in.path("StateValue").asText(null);
        String actionPrefix = in.path("ActionPrefix").asText(null);
        List<Alarm> matches = regionAlarms(region).stream()
                .filter(a -> names.isEmpty() || names.contains(a.name()))
                .filter(a -> prefix == null || a.name().startsWith(prefix))
                .filter(a -> state == null || state.equals(a.state()))
                .filter(a -> actionPrefix == null || a.alarmActions().stream().anyMatch(x -> x.startsWith(actionPrefix))
                        || a.okActions().stream().anyMatch(x -> x.startsWith(actionPrefix))
                        || a.insufficientDataActions().stream().anyMatch(x -> x.startsWith(actionPrefix)))
                .toList();
        List<String> types = texts(in.path("AlarmTypes"));
        if (!types.isEmpty() && !types.contains("MetricAlarm")) {
            matches = List.of();
        }
        int max = in.path("MaxRecords").asInt(PAGE);
        int start = Pages.start(in.path("NextToken").asText(null));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("CompositeAlarms", List.of());
        out.put("MetricAlarms", matches.subList(Math.min(start, matches.size()), Math.min(start + max, matches.size()))
                .stream().map(Alarm::toMetricAlarm).toList());
        if (start + max < matches.size()) {
            out.put("NextToken", Pages.token(start + max));
        }
        return out;
    }

    synchronized Object describeAlarmsForMetric(JsonNode in, String region) {
        MetricId metric = new MetricId(in.path("Namespace").asText(), in.path("MetricName").asText(),
                MetricOperations.dimensions(in.path("Dimensions")));
        List<Map<String, Object>> out = regionAlarms(region).stream()
                .filter(a -> a.metric().equals(metric))
                .filter(a -> !in.has("Statistic") || in.get("Statistic").asText().equals(a.statistic()))
                .filter(a -> !in.has("ExtendedStatistic") || in.get("ExtendedStatistic").asText().equals(a.extendedStatistic()))
                .filter(a -> !in.has("Period") || in.get("Period").asInt() == a.period())
                .filter(a -> !in.has("Unit") || in.get("Unit").asText().equals(a.unit()))
                .map(Alarm::toMetricAlarm).toList();
        return Map.of("MetricAlarms", out);
    }

    /** Deletes the named alarms; names of no alarm are skipped. */
    synchronized Object deleteAlarms(JsonNode in, String region) {
        List<String> names = texts(in.path("AlarmNames"));
        if (names.size() > 100) {
            throw CloudWatchErrors.validation("The collection AlarmNames must not have a size greater than 100.");
        }
        for (String name : names) {
            alarms.remove(key(region, name));
            history.removePrefix(key(region, name) + '\u001e');
        }
        return null;
    }

    synchronized Object setAlarmState(JsonNode in, String region) {
        String name = in.path("AlarmName").asText();
        Alarm alarm = alarms.get(key(region, name)).orElseThrow(() -> CloudWatchErrors.alarmNotFound(name));
        String data = in.path("StateReasonData").asText(null);
        if (data != null) {
            try {
                JSON.readTree(data);
            } catch (IOException e) {
                throw CloudWatchErrors.invalidFormat("Invalid JSON in StateReasonData.");
            }
        }
        transition(alarm, in.path("StateValue").asText(), in.path("StateReason").asText(), data, clock.millis());
        return null;
    }

    synchronized Object setActionsEnabled(JsonNode in, String region, boolean enabled) {
        for (String name : texts(in.path("AlarmNames"))) {
            alarms.get(key(region, name)).ifPresent(a -> alarms.put(key(region, name), a.withActionsEnabled(enabled)));
        }
        return null;
    }

    synchronized Object describeAlarmHistory(JsonNode in, String region) {
        String name = in.path("AlarmName").asText(null);
        String type = in.path("HistoryItemType").asText(null);
        long from = in.path("StartDate").asLong(Long.MIN_VALUE);
        long to = in.path("EndDate").asLong(Long.MAX_VALUE);
        List<HistoryItem> items = new ArrayList<>(history.entriesWithPrefix(region + '\u001e').values());
        items.removeIf(h -> name != null && !name.equals(h.alarmName()) || type != null && !type.equals(h.type())
                || h.timestamp() < from || h.timestamp() > to);
        Comparator<HistoryItem> newestFirst = Comparator.comparingLong(HistoryItem::timestamp).reversed();
        items.sort("TimestampAscending".equals(in.path("ScanBy").asText()) ? newestFirst.reversed() : newestFirst);
        int max = in.path("MaxRecords").asInt(100);
        int start = Pages.start(in.path("NextToken").asText(null));
        List<Map<String, Object>> page = new ArrayList<>();
        for (HistoryItem h : items.subList(Math.min(start, items.size()), Math.min(start + max, items.size()))) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("AlarmName", h.alarmName());
            item.put("AlarmType", "MetricAlarm");
            item.put("Timestamp", Instant.ofEpochMilli(h.timestamp()));
            item.put("HistoryItemType", h.type());
            item.put("HistorySummary", h.summary());
            item.put("HistoryData", h.data());
            page.add(item);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("AlarmHistoryItems", page);
        if (start + max < items.size()) {
            out.put("NextToken", Pages.token(start + max));
        }
        return out;
    }

    synchronized Object tagResource(JsonNode in, String region) {
        Alarm alarm = byArn(in.path("ResourceARN").asText(), region);
        Map<String, String> tags = new LinkedHashMap<>(alarm.tags());
        in.path("Tags").forEach(t -> tags.put(t.path("Key").asText(), t.path("Value").asText()));
        alarms.put(key(region, alarm.name()), alarm.withTags(tags));
        return Map.of();
    }

    synchronized Object untagResource(JsonNode in, String region) {
        Alarm alarm = byArn(in.path("ResourceARN").asText(), region);
        Map<String, String> tags = new LinkedHashMap<>(alarm.tags());
        in.path("TagKeys").forEach(k -> tags.remove(k.asText()));
        alarms.put(key(region, alarm.name()), alarm.withTags(tags));
        return Map.of();
    }

    synchronized Object listTagsForResource(JsonNode in, String region) {
        Alarm alarm = byArn(in.path("ResourceARN").asText(), region);
        List<Map<String, String>> tags = new ArrayList<>();
        new TreeMap<>(alarm.tags()).forEach((k, v) -> tags.add(Map.of("Key", k, "Value", v)));
        return Map.of("Tags", tags);
    }

    /** The region's alarms with their tags, for the Resource Groups Tagging API. */
    synchronized List<io.labrunner.emulator.TaggableResources.TaggedResource> tagged(String region) {
        return regionAlarms(region).stream()
                .map(a -> new io.labrunner.emulator.TaggableResources.TaggedResource(a.arn(), a.tags())).toList();
    }

    private Alarm byArn(String arn, String region) {
        String marker = ":alarm:";
        int at = arn.indexOf(marker);
        Alarm alarm = at < 0 ? null : alarms.get(key(region, arn.substring(at + marker.length()))).orElse(null);
        if (alarm == null || !alarm.arn().equals(arn)) {
            throw new io.labrunner.emulator.protocol.ErrorWithMembers("ResourceNotFoundException",
                    "The specified resource does not exist.", 404, Map.of("ResourceType", "alarm", "ResourceId", arn));
        }
        return alarm;
    }

    /** Evaluates every alarm of every region now (the schedule). */
    synchronized void evaluateAll() {
        long now = clock.millis();
        for (Alarm alarm : alarms.values()) {
            evaluate(alarm, now);
        }
    }

    /** Evaluates the alarms on one metric, which has just received data. */
    synchronized void evaluateMetric(String region, MetricId metric) {
        long now = clock.millis();
        for (Alarm alarm : regionAlarms(region)) {
            if (alarm.metric().equals(metric)) {
                evaluate(alarm, now);
            }
        }
    }

    private void evaluate(Alarm alarm, long now) {
        AlarmEvaluator.Outcome outcome = AlarmEvaluator.evaluate(alarm, metrics, now);
        if (outcome != null && !outcome.state().equals(alarm.state())) {
            transition(alarm, outcome.state(), outcome.reason(), outcome.reasonData(), now);
        }
    }

    private void transition(Alarm alarm, String state, String reason, String data, long now) {
        Alarm updated = alarm.withState(state, reason, data, now);
        alarms.put(key(alarm.region(), alarm.name()), updated);
        if (!state.equals(alarm.state())) {
            Map<String, Object> historyData = new LinkedHashMap<>();
            historyData.put("version", "1.0");
            historyData.put("oldState", Map.of("stateValue", alarm.state(), "stateReason", alarm.stateReason()));
            historyData.put("newState", Map.of("stateValue", state, "stateReason", reason));
            String json;
            try {
                json = JSON.writeValueAsString(historyData);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            record(alarm.region(), alarm.name(), now, "StateUpdate",
                    "Alarm updated from " + alarm.state() + " to " + state, json);
        }
    }

    private void record(String region, String name, long now, String type, String summary, String data) {
        history.put(key(region, name) + '\u001e' + String.format("%019d", historySequence++),
                new HistoryItem(region, name, now, type, summary, data));
    }

    private List<Alarm> regionAlarms(String region) {
        List<Alarm> out = new ArrayList<>(alarms.entriesWithPrefix(region + '\u001e').values());
        out.removeIf(a -> !region.equals(a.region()));
        out.sort(Comparator.comparing(Alarm::name));
        return out;
    }

    private static String key(String region, String name) {
        return region + '\u001e' + name;
    }

    private static List<String> texts(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.asText()));
        return out;
    }
}
