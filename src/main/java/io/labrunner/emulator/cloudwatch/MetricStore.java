package io.labrunner.emulator.cloudwatch;

import io.labrunner.emulator.state.StateMap;
import io.labrunner.emulator.state.StateStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every region's metrics and their observations, written through to the state store as they arrive (one
 * entry per observation, keyed by region, metric and a sequence number) and loaded back on start.
 *
 * <p>Memory is bounded: a metric keeps its newest {@value #MAX_OBSERVATIONS} observations.
 */
final class MetricStore {
    static final int MAX_OBSERVATIONS = 20_000;

    record StoredObservation(String region, String namespace, String name, Map<String, String> dimensions,
                             long sequence, long received, Observation observation) {
    }

    /** One metric's observations, oldest first, and when it last received one. */
    static final class Series {
        final MetricId id;
        final Deque<Observation> observations = new ArrayDeque<>();
        final Deque<Long> sequences = new ArrayDeque<>();
        long nextSequence;
        long lastReceived;

        Series(MetricId id) {
            this.id = id;
        }
    }

    private final Map<String, Map<MetricId, Series>> regions = new ConcurrentHashMap<>();
    private final StateMap<StoredObservation> stored;

    MetricStore(StateStore state) {
        this.stored = state.map("cloudwatch.observations", StoredObservation.class);
        List<StoredObservation> all = new ArrayList<>(stored.values());
        all.sort(java.util.Comparator.comparingLong(StoredObservation::sequence));
        for (StoredObservation s : all) {
            Series series = series(s.region(), new MetricId(s.namespace(), s.name(), s.dimensions()));
            series.observations.add(s.observation());
            series.sequences.add(s.sequence());
            series.nextSequence = Math.max(series.nextSequence, s.sequence() + 1);
            series.lastReceived = Math.max(series.lastReceived, s.received());
        }
    }

    synchronized void put(String region, MetricId id, Observation observation, long now) {
        Series series = series(region, id);
        long sequence = series.nextSequence++;
        series.observations.add(observation);
        series.sequences.add(sequence);
        series.lastReceived = now;
        stored.put(key(region, id, sequence), new StoredObservation(region, id.namespace(), id.name(), id.dimensions(),
                sequence, now, observation));
        while (series.observations.size() > MAX_OBSERVATIONS) {
            series.observations.removeFirst();
            stored.remove(key(region, id, series.sequences.removeFirst()));
        }
    }

    /** The region's metrics. */
    synchronized List<Series> metrics(String region) {
        return new ArrayList<>(regions.getOrDefault(region, Map.of()).values());
    }

    /** The observations of one metric whose timestamps fall in {@code [from, to)}, and whose unit is {@code unit} when given. */
    synchronized List<Observation> observations(String region, MetricId id, long from, long to, String unit) {
        Series series = regions.getOrDefault(region, Map.of()).get(id);
        List<Observation> out = new ArrayList<>();
        if (series != null) {
            for (Observation o : series.observations) {
                if (o.timestamp() >= from && o.timestamp() < to && (unit == null || unit.equals(o.unit()))) {
                    out.add(o);
                }
            }
        }
        return out;
    }

    private Series series(String region, MetricId id) {
        return regions.computeIfAbsent(region, r -> new ConcurrentHashMap<>()).computeIfAbsent(id, Series::new);
    }

    private static String key(String region, MetricId id, long sequence) {
        return region + '\u001e' + id.key() + '\u001e' + String.format("%019d", sequence);
    }
}
