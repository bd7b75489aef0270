package io.labrunner.emulator.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * PutMetricData, ListMetrics, GetMetricStatistics and GetMetricData over a {@link MetricStore}. Input has passed
 * the model's checks (types, required members, ranges); what is checked here are the limits AWS enforces in code.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricData.html
 */
final class MetricOperations {
    static final int MAX_VALUES = 150;
    static final int MAX_DATAPOINTS = 1440;
    static final int MAX_METRIC_DATA_POINTS = 100_800;
    private static final long MINUTE = 60_000;
    private static final Duration PAST_LIMIT = Duration.ofDays(14);
    private static final Duration FUTURE_LIMIT = Duration.ofHours(2);
    private static final Duration RECENTLY_ACTIVE = Duration.ofHours(3);
    private static final int LIST_PAGE = 500;

    private final MetricStore store;
    private final Clock clock;
    private final BiConsumer<String, MetricId> arrived;

    /** @param arrived told of each metric that received data, so its alarms are evaluated at once */
    MetricOperations(MetricStore store, Clock clock, BiConsumer<String, MetricId> arrived) {
        this.store = store;
        this.clock = clock;
        this.arrived = arrived;
    }

    Object putMetricData(JsonNode input, String region) {
        String namespace = input.path("Namespace").asText(null);
        if (namespace == null) {
            throw CloudWatchErrors.missing("Namespace");
        }
        if (namespace.startsWith("AWS/")) {
            throw CloudWatchErrors.invalidValue("The value " + namespace + " for parameter Namespace is invalid.");
        }
        JsonNode data = input.path("MetricData");
        if (data.isMissingNode() || data.isEmpty()) {
            throw CloudWatchErrors.missing("MetricData");
        }
        if (data.size() > 1000) {
            throw CloudWatchErrors.invalidValue("The collection MetricData must not have a size greater than 1000.");
        }
        long now = clock.millis();
        List<Map.Entry<MetricId, Observation>> accepted = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            accepted.add(Map.entry(metricId(namespace, data.get(i)), observation(data.get(i), "MetricData.member." + (i + 1), now)));
        }
        // All or nothing: a bad datum anywhere refuses the request, as AWS does.
        for (Map.Entry<MetricId, Observation> e : accepted) {
            put(region, e.getKey(), e.getValue(), now);
        }
        return null;
    }

    /** Stores one observation (PutMetricData's, or a service's through the metric sink). */
    void put(String region, MetricId id, Observation observation, long now) {
        store.put(region, id, observation, now);
        arrived.accept(region, id);
    }

    private static MetricId metricId(String namespace, JsonNode datum) {
        return new MetricId(namespace, datum.path("MetricName").asText(), dimensions(datum.path("Dimensions")));
    }

    static Map<String, String> dimensions(JsonNode list) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode d : list) {
            out.put(d.path("Name").asText(), d.path("Value").asText());
        }
        return out;
    }

    private static Observation observation(JsonNode datum, String member, long now) {
        long timestamp = datum.has("Timestamp") ? datum.get("Timestamp").asLong() : now;
        if (timestamp < now - PAST_LIMIT.toMillis() || timestamp > now + FUTURE_LIMIT.toMillis()) {
            throw CloudWatchErrors.invalidValue("The parameter " + member + ".Timestamp must specify a time no more than"
                    + " two weeks in the past and no more than two hours in the future.");
        }
        String unit = datum.path("Unit").asText("None");
        boolean hasValue = datum.has("Value");
        boolean hasValues = datum.has("Values");
        boolean hasSet = datum.has("StatisticValues");
        if (hasValue && hasValues) {
            throw exclusive(member, "Value", "Values");
        }
        if (hasValue && hasSet) {
            throw exclusive(member, "Value", "StatisticValues");
        }
        if (hasValues && hasSet) {
            throw exclusive(member, "Values", "StatisticValues");
        }
        if (datum.has("Counts") && !hasValues) {
            throw CloudWatchErrors.combination("The parameter " + member + ".Counts is only allowed with " + member + ".Values.");
        }
        if (hasValue) {
            return Observation.single(timestamp, unit, datum.get("Value").asDouble());
        }
        if (hasSet) {
            JsonNode set = datum.get("StatisticValues");
            double min = set.path("Minimum").asDouble();
            double max = set.path("Maximum").asDouble();
            double count = set.path("SampleCount").asDouble();
            if (min > max) {
                throw CloudWatchErrors.invalidValue("The parameter " + member + ".StatisticValues.Maximum must be greater"
                        + " than or equal to " + member + ".StatisticValues.Minimum.");
            }
            if (count <= 0) {
                throw CloudWatchErrors.invalidValue("The parameter " + member + ".StatisticValues.SampleCount must be"
                        + " greater than 0.");
            }
            return new Observation(timestamp, unit, count, set.path("Sum").asDouble(), min, max, List.of(), List.of());
        }
        if (!hasValues) {
            throw CloudWatchErrors.missing(member + ".Value");
        }
        List<Double> values = new ArrayList<>();
        datum.get("Values").forEach(v -> values.add(v.asDouble()));
        if (values.size() > MAX_VALUES) {
            throw CloudWatchErrors.invalidValue("The collection " + member + ".Values must not have a size greater than "
                    + MAX_VALUES + ".");
        }
        List<Double> counts = new ArrayList<>();
        if (datum.has("Counts")) {
            datum.get("Counts").forEach(c -> counts.add(c.asDouble()));
            if (counts.size() != values.size()) {
                throw CloudWatchErrors.invalidValue("The parameters " + member + ".Values and " + member
                        + ".Counts must be of the same size.");
            }
        } else {
            values.forEach(v -> counts.add(1.0));
        }
        if (values.isEmpty()) {
            throw CloudWatchErrors.missing(member + ".Value");
        }
        return Observation.of(timestamp, unit, values, counts);
    }

    private static RuntimeException exclusive(String member, String a, String b) {
        return CloudWatchErrors.combination("The parameters " + member + "." + a + " and " + member + "." + b
                + " are mutually exclusive and you have specified both.");
    }

    Object listMetrics(JsonNode input, String region) {
        String namespace = input.path("Namespace").asText(null);
        String name = input.path("MetricName").asText(null);
        boolean recent = input.has("RecentlyActive");
        long since = clock.millis() - RECENTLY_ACTIVE.toMillis();
        List<MetricId> matches = new ArrayList<>();
        for (MetricStore.Series series : store.metrics(region)) {
            MetricId id = series.id;
            if ((namespace == null || namespace.equals(id.namespace())) && (name == null || name.equals(id.name()))
                    && dimensionsMatch(id, input.path("Dimensions")) && (!recent || series.lastReceived >= since)) {
                matches.add(id);
            }
        }
        matches.sort(Comparator.comparing(MetricId::key));
        int start = Pages.start(input.path("NextToken").asText(null));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Metrics", matches.subList(Math.min(start, matches.size()), Math.min(start + LIST_PAGE, matches.size()))
                .stream().map(MetricId::toMetric).toList());
        if (start + LIST_PAGE < matches.size()) {
            out.put("NextToken", Pages.token(start + LIST_PAGE));
        }
        return out;
    }

    /** A DimensionFilter matches a metric having that dimension (with that value, when the filter gives one). */
    private static boolean dimensionsMatch(MetricId id, JsonNode filters) {
        for (JsonNode f : filters) {
            String value = id.dimensions().get(f.path("Name").asText());
            if (value == null || f.has("Value") && !f.get("Value").asText().equals(value)) {
                return false;
            }
        }
        return true;
    }

    Object getMetricStatistics(JsonNode input, String region) {
        List<String> statistics = texts(input.path("Statistics"));
        List<String> extended = texts(input.path("ExtendedStatistics"));
        if (statistics.isEmpty() == extended.isEmpty()) {
            throw CloudWatchErrors.combination("Must specify either Statistics or ExtendedStatistics, but not both.");
        }
        for (String p : extended) {
            if (!Statistics.isPercentile(p)) {
                throw CloudWatchErrors.invalidValue("The value " + p + " for parameter ExtendedStatistics is not supported.");
            }
        }
        int period = input.path("Period").asInt();
        long start = input.path("StartTime").asLong();
        long end = input.path("EndTime").asLong();
        checkPeriod(period, "Period");
        if (start >= end) {
            throw CloudWatchErrors.invalidValue("The parameter StartTime must be less than the parameter EndTime.");
        }
        long first = alignedStart(start, period);
        long buckets = (end - first + period * 1000L - 1) / (period * 1000L);
        if (buckets > MAX_DATAPOINTS) {
            throw CloudWatchErrors.combination(String.format("You have requested up to %,d datapoints, which exceeds the"
                    + " limit of 1,440. You may reduce the datapoints requested by increasing Period, or decreasing the"
                    + " time range.", buckets));
        }
        MetricId id = new MetricId(input.path("Namespace").asText(), input.path("MetricName").asText(),
                dimensions(input.path("Dimensions")));
        String unit = input.path("Unit").asText(null);
        Map<Long, Map<String, List<Observation>>> byBucket = new TreeMap<>();
        for (Observation o : store.observations(region, id, first, end, unit)) {
            long bucket = first + (o.timestamp() - first) / (period * 1000L) * (period * 1000L);
            byBucket.computeIfAbsent(bucket, b -> new TreeMap<>()).computeIfAbsent(o.unit(), u -> new ArrayList<>()).add(o);
        }
        List<Map<String, Object>> datapoints = new ArrayList<>();
        byBucket.forEach((bucket, units) -> units.forEach((u, observations) -> {
            Statistics stats = new Statistics(observations);
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("Timestamp", Instant.ofEpochMilli(bucket));
            for (String s : statistics) {
                stats.value(s).ifPresent(v -> point.put(s, v));
            }
            point.put("Unit", u);
            if (!extended.isEmpty()) {
                Map<String, Double> values = new LinkedHashMap<>();
                extended.forEach(p -> stats.value(p).ifPresent(v -> values.put(p, v)));
                point.put("ExtendedStatistics", values);
            }
            datapoints.add(point);
        }));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Label", id.name());
        out.put("Datapoints", datapoints);
        return out;
    }

    /** Periods of a minute or more are whole minutes; high-resolution periods are 1, 5, 10, 20 or 30 seconds. */
    static void checkPeriod(int period, String member) {
        boolean valid = period >= 60 ? period % 60 == 0 : period == 1 || period == 5 || period == 10 || period == 20
                || period == 30;
        if (!valid) {
            throw CloudWatchErrors.invalidValue("The parameter " + member + " must be a multiple of 60 or one of 1, 5,"
                    + " 10, 20, 30.");
        }
    }

    /** CloudWatch rounds a start time of the last 15 days down to the whole minute (sub-minute periods: second). */
    static long alignedStart(long start, int period) {
        long unit = period >= 60 ? MINUTE : 1000;
        return Math.floorDiv(start, unit) * unit;
    }

    Object getMetricData(JsonNode input, String region) {
        long start = input.path("StartTime").asLong();
        long end = input.path("EndTime").asLong();
        if (start >= end) {
            throw CloudWatchErrors.invalidValue("The parameter StartTime must be less than the parameter EndTime.");
        }
        JsonNode queries = input.path("MetricDataQueries");
        if (queries.size() > 500) {
            throw CloudWatchErrors.invalidValue("The collection MetricDataQueries must not have a size greater than 500.");
        }
        boolean ascending = "TimestampAscending".equals(input.path("ScanBy").asText());
        Map<String, MetricMath.Series> byId = new LinkedHashMap<>();
        Map<String, JsonNode> queryOf = new LinkedHashMap<>();
        for (int i = 0; i < queries.size(); i++) {
            JsonNode q = queries.get(i);
            String id = q.path("Id").asText();
            String member = "MetricDataQueries.member." + (i + 1);
            if (!id.matches("[a-z][a-zA-Z0-9_]*")) {
                throw CloudWatchErrors.validation("The value " + id + " for parameter " + member + ".Id is invalid.");
            }
            if (queryOf.put(id, q) != null) {
                throw CloudWatchErrors.validation("The values for parameter id in MetricDataQueries are not unique.");
            }
            if (q.has("MetricStat") == q.has("Expression")) {
                throw CloudWatchErrors.validation("The parameter " + member + " must contain exactly one of MetricStat"
                        + " or Expression.");
            }
            if (q.has("MetricStat")) {
                byId.put(id, metricStat(q.get("MetricStat"), member, region, start, end));
            }
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : queryOf.entrySet()) {
            JsonNode q = e.getValue();
            MetricMath.Series series;
            String label;
            if (q.has("Expression")) {
                series = MetricMath.evaluate(q.get("Expression").asText(), byId);
                label = e.getKey();
            } else {
                series = byId.get(e.getKey());
                label = q.path("MetricStat").path("Metric").path("MetricName").asText();
            }
            byId.put(e.getKey(), series);
            if (!q.path("ReturnData").asBoolean(true)) {
                continue;
            }
            List<Long> times = new ArrayList<>(series.points().keySet());
            if (!ascending) {
                java.util.Collections.reverse(times);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("Id", e.getKey());
            result.put("Label", q.has("Label") ? q.get("Label").asText() : label);
            result.put("Timestamps", times.stream().map(Instant::ofEpochMilli).toList());
            result.put("Values", times.stream().map(series.points()::get).toList());
            result.put("StatusCode", "Complete");
            results.add(result);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("MetricDataResults", results);
        out.put("Messages", List.of());
        return out;
    }

    private MetricMath.Series metricStat(JsonNode stat, String member, String region, long start, long end) {
        int period = stat.path("Period").asInt();
        checkPeriod(period, member + ".MetricStat.Period");
        String statistic = stat.path("Stat").asText();
        if (!Statistics.isStandard(statistic) && !Statistics.isPercentile(statistic)) {
            throw CloudWatchErrors.validation("The value " + statistic + " for parameter " + member
                    + ".MetricStat.Stat is not supported.");
        }
        JsonNode metric = stat.path("Metric");
        MetricId id = new MetricId(metric.path("Namespace").asText(), metric.path("MetricName").asText(),
                dimensions(metric.path("Dimensions")));
        return MetricMath.Series.of(periodValues(region, id, start, end, period, statistic, stat.path("Unit").asText(null)));
    }

    /** The statistic of each period of {@code [start, end)} that has data, by the period's start. */
    TreeMap<Long, Double> periodValues(String region, MetricId id, long start, long end, int period, String statistic,
            String unit) {
        long first = alignedStart(start, period);
        long length = period * 1000L;
        Map<Long, List<Observation>> byBucket = new TreeMap<>();
        for (Observation o : store.observations(region, id, first, end, unit)) {
            byBucket.computeIfAbsent(first + (o.timestamp() - first) / length * length, b -> new ArrayList<>()).add(o);
        }
        TreeMap<Long, Double> points = new TreeMap<>();
        byBucket.forEach((bucket, observations) -> {
            OptionalDouble value = new Statistics(observations).value(statistic);
            if (value.isPresent()) {
                points.put(bucket, value.getAsDouble());
            }
        });
        return points;
    }

    private static List<String> texts(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.asText()));
        return out;
    }
}
