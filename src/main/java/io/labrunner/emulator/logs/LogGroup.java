package io.labrunner.emulator.logs;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** One log group: its settings, tags and streams by name. */
final class LogGroup {
    private final String name;
    private final long creationTime;
    private final String logGroupClass;
    private final String kmsKeyId;
    private Integer retentionInDays;
    private final Map<String, String> tags;
    private final NavigableMap<String, LogStream> streams = new TreeMap<>();

    LogGroup(String name, long creationTime, String logGroupClass, String kmsKeyId, Integer retentionInDays,
             Map<String, String> tags) {
        this.name = name;
        this.creationTime = creationTime;
        this.logGroupClass = logGroupClass;
        this.kmsKeyId = kmsKeyId;
        this.retentionInDays = retentionInDays;
        this.tags = new TreeMap<>(tags);
    }

    String name() {
        return name;
    }

    long creationTime() {
        return creationTime;
    }

    String logGroupClass() {
        return logGroupClass;
    }

    String kmsKeyId() {
        return kmsKeyId;
    }

    Integer retentionInDays() {
        return retentionInDays;
    }

    void retentionInDays(Integer days) {
        this.retentionInDays = days;
    }

    Map<String, String> tags() {
        return tags;
    }

    NavigableMap<String, LogStream> streams() {
        return streams;
    }

    /** The ARN without the trailing {@code :*}, as tagging and logGroupIdentifier take it. */
    String arn(String region, String account) {
        return "arn:aws:logs:" + region + ":" + account + ":log-group:" + name;
    }

    long storedBytes() {
        long bytes = 0;
        for (LogStream stream : streams.values()) {
            for (LogEvent event : stream.all().values()) {
                bytes += event.message().length();
            }
        }
        return bytes;
    }
}
