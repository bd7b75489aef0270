package io.labrunner.emulator.logs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CreateLogStream, DeleteLogStream and DescribeLogStreams. */
final class StreamOperations {
    private static final int DESCRIBE_LIMIT = 50;

    private StreamOperations() {
    }

    static Object create(Members in, Scope scope) {
        LogGroup group = scope.region().group(in.string("logGroupName"));
        String name = in.string("logStreamName");
        if (group.streams().containsKey(name)) {
            throw LogsErrors.streamExists();
        }
        LogStream stream = new LogStream(name, scope.now());
        group.streams().put(name, stream);
        scope.store().saveStream(scope.regionName(), group.name(), stream);
        return null;
    }

    static Object delete(Members in, Scope scope) {
        LogGroup group = scope.region().group(in.string("logGroupName"));
        String name = in.string("logStreamName");
        scope.region().stream(group, name);
        group.streams().remove(name);
        scope.store().removeStream(scope.regionName(), group.name(), name);
        return null;
    }

    /**
     * Streams by name (default) or by last event time; AWS refuses a name prefix with LastEventTime
     * (moto's tests, recorded against AWS).
     */
    static Object describe(Members in, Scope scope) {
        LogGroup group = scope.region().group(in.groupName());
        String prefix = in.string("logStreamNamePrefix");
        boolean byLastEvent = "LastEventTime".equals(in.string("orderBy"));
        if (byLastEvent && prefix != null) {
            throw LogsErrors.invalidParameter("Cannot order by LastEventTime with a logStreamNamePrefix.");
        }
        List<LogStream> streams = new ArrayList<>();
        for (LogStream stream : group.streams().values()) {
            if (prefix == null || stream.name().startsWith(prefix)) {
                streams.add(stream);
            }
        }
        Comparator<LogStream> order = byLastEvent
                ? Comparator.comparingLong((LogStream s) -> s.lastEventTimestamp() == null ? 0 : s.lastEventTimestamp())
                        .thenComparing(LogStream::name)
                : Comparator.comparing(LogStream::name);
        streams.sort(in.flag("descending") ? order.reversed() : order);
        List<Map<String, Object>> described = new ArrayList<>();
        String groupArn = group.arn(scope.regionName(), scope.account());
        for (LogStream stream : streams) {
            described.add(describe(stream, groupArn));
        }
        int limit = in.integer("limit") == null ? DESCRIBE_LIMIT : in.integer("limit");
        return Pages.page(described, in.string("nextToken"), limit, "logStreams");
    }

    private static Map<String, Object> describe(LogStream stream, String groupArn) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("logStreamName", stream.name());
        out.put("creationTime", stream.creationTime());
        if (stream.firstEventTimestamp() != null) {
            out.put("firstEventTimestamp", stream.firstEventTimestamp());
            out.put("lastEventTimestamp", stream.lastEventTimestamp());
        }
        if (stream.lastIngestionTime() != null) {
            out.put("lastIngestionTime", stream.lastIngestionTime());
        }
        out.put("uploadSequenceToken", EventOperations.sequenceToken(stream));
        out.put("arn", groupArn + ":log-stream:" + stream.name());
        // Deprecated for streams since 2019: AWS always reports zero.
        out.put("storedBytes", 0);
        return out;
    }
}
