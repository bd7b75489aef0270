package io.labrunner.emulator.logs;

import java.util.NavigableMap;
import java.util.TreeMap;

/** One region's log groups, by name; callers hold its lock while they read or change it. */
final class LogRegion {
    private final String region;
    private final NavigableMap<String, LogGroup> groups = new TreeMap<>();

    LogRegion(String region) {
        this.region = region;
    }

    String region() {
        return region;
    }

    NavigableMap<String, LogGroup> groups() {
        return groups;
    }

    LogGroup group(String name) {
        LogGroup group = groups.get(name);
        if (group == null) {
            throw LogsErrors.groupNotFound();
        }
        return group;
    }

    LogStream stream(LogGroup group, String name) {
        LogStream stream = group.streams().get(name);
        if (stream == null) {
            throw LogsErrors.streamNotFound();
        }
        return stream;
    }
}
