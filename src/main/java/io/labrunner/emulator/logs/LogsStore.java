package io.labrunner.emulator.logs;

import io.labrunner.emulator.state.StateMap;
import io.labrunner.emulator.state.StateStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes log groups, streams and events through to the emulator's state store as they change, and
 * loads them back. Each event is its own entry keyed by region, group, stream and position, so an
 * append writes only what it added. Keys join their parts with ':', which neither group names
 * ({@code [.\-_/#A-Za-z0-9]+}) nor stream names ({@code [^:*]*}) may hold.
 */
final class LogsStore {
    record StoredGroup(String region, String name, long creationTime, String logGroupClass, String kmsKeyId,
                       Integer retentionInDays, Map<String, String> tags) {
    }

    record StoredStream(String region, String group, String name, long creationTime, long nextSequence,
                        Long lastIngestionTime) {
    }

    private final StateMap<StoredGroup> groups;
    private final StateMap<StoredStream> streams;
    private final StateMap<LogEvent> events;

    LogsStore(StateStore state) {
        this.groups = state.map("logs.groups", StoredGroup.class);
        this.streams = state.map("logs.streams", StoredStream.class);
        this.events = state.map("logs.events", LogEvent.class);
    }

    /** Every stored group of every region, with its streams and events, as region → groups. */
    Map<String, List<LogGroup>> load() {
        Map<String, List<LogGroup>> byRegion = new HashMap<>();
        for (StoredGroup g : groups.values()) {
            LogGroup group = new LogGroup(g.name(), g.creationTime(), g.logGroupClass(), g.kmsKeyId(),
                    g.retentionInDays(), g.tags() == null ? Map.of() : g.tags());
            for (StoredStream s : streams.entriesWithPrefix(groupKey(g.region(), g.name()) + ":").values()) {
                List<LogEvent> stored = new ArrayList<>(
                        events.entriesWithPrefix(streamKey(s.region(), s.group(), s.name()) + ":").values());
                group.streams().put(s.name(), LogStream.restored(s.name(), s.creationTime(), s.nextSequence(),
                        s.lastIngestionTime(), stored));
            }
            byRegion.computeIfAbsent(g.region(), r -> new ArrayList<>()).add(group);
        }
        return byRegion;
    }

    void saveGroup(String region, LogGroup group) {
        groups.put(groupKey(region, group.name()), new StoredGroup(region, group.name(), group.creationTime(),
                group.logGroupClass(), group.kmsKeyId(), group.retentionInDays(), Map.copyOf(group.tags())));
    }

    void removeGroup(String region, String name) {
        String key = groupKey(region, name);
        groups.remove(key);
        streams.removePrefix(key + ":");
        events.removePrefix(key + ":");
    }

    void saveStream(String region, String group, LogStream stream) {
        streams.put(streamKey(region, group, stream.name()), new StoredStream(region, group, stream.name(),
                stream.creationTime(), stream.nextSequence(), stream.lastIngestionTime()));
    }

    void removeStream(String region, String group, String name) {
        String key = streamKey(region, group, name);
        streams.remove(key);
        events.removePrefix(key + ":");
    }

    void saveAppend(String region, String group, LogStream stream, LogStream.Appended appended) {
        String key = streamKey(region, group, stream.name());
        events.put(key + ":" + appended.event().position().digits(), appended.event());
        appended.dropped().forEach(e -> events.remove(key + ":" + e.position().digits()));
    }

    private static String groupKey(String region, String group) {
        return region + ":" + group;
    }

    private static String streamKey(String region, String group, String stream) {
        return groupKey(region, group) + ":" + stream;
    }
}
