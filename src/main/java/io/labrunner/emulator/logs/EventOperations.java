package io.labrunner.emulator.logs;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PutLogEvents, GetLogEvents and FilterLogEvents, with the limits the CloudWatch Logs API reference
 * states for each.
 */
final class EventOperations {
    /** Per the PutLogEvents reference: events older than 14 days or more than 2 hours ahead are rejected. */
    static final Duration TOO_OLD = Duration.ofDays(14);
    static final Duration TOO_NEW = Duration.ofHours(2);
    private static final Duration MAX_SPAN = Duration.ofHours(24);
    /** A batch's size: messages in UTF-8 plus 26 bytes per event; also the most one read returns. */
    static final int MAX_BATCH_BYTES = 1_048_576;
    static final int EVENT_OVERHEAD_BYTES = 26;
    private static final int MAX_EVENTS_READ = 10_000;
    private static final String FILTER_TOKEN = "after:";

    private EventOperations() {
    }

    /** The token PutLogEvents hands back; ignored on input since 2023, as on AWS. */
    static String sequenceToken(LogStream stream) {
        return String.format("%056d", stream.nextSequence());
    }

    static Object put(Members in, Scope scope) {
        LogGroup group = scope.region().group(in.string("logGroupName"));
        LogStream stream = scope.region().stream(group, in.string("logStreamName"));
        List<Long> times = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        long bytes = 0;
        for (JsonNode event : in.node("logEvents")) {
            long timestamp = event.get("timestamp").longValue();
            if (!times.isEmpty() && timestamp < times.get(times.size() - 1)) {
                throw LogsErrors.invalidParameter(
                        "Log events in a single PutLogEvents request must be in chronological order.");
            }
            String message = event.get("message").asText();
            bytes += message.getBytes(StandardCharsets.UTF_8).length + EVENT_OVERHEAD_BYTES;
            times.add(timestamp);
            messages.add(message);
        }
        if (times.get(times.size() - 1) - times.get(0) > MAX_SPAN.toMillis()) {
            throw LogsErrors.invalidParameter(
                    "The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
        }
        if (bytes > MAX_BATCH_BYTES) {
            throw LogsErrors.invalidParameter("Upload too large: " + bytes + " bytes exceeds limit of "
                    + MAX_BATCH_BYTES);
        }
        long now = scope.now();
        long oldest = now - TOO_OLD.toMillis();
        long newest = now + TOO_NEW.toMillis();
        long retained = retentionCutoff(group, now);
        int tooOldEnd = 0;
        int expiredEnd = 0;
        int tooNewStart = times.size();
        for (int i = 0; i < times.size(); i++) {
            long timestamp = times.get(i);
            if (timestamp < oldest) {
                tooOldEnd = i + 1;
            }
            if (timestamp < retained) {
                expiredEnd = i + 1;
            }
            if (timestamp > newest && tooNewStart == times.size()) {
                tooNewStart = i;
            }
        }
        for (int i = Math.max(tooOldEnd, expiredEnd); i < tooNewStart; i++) {
            LogStream.Appended appended = stream.append(times.get(i), now, messages.get(i));
            scope.store().saveAppend(scope.regionName(), group.name(), stream, appended);
        }
        scope.store().saveStream(scope.regionName(), group.name(), stream);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("nextSequenceToken", sequenceToken(stream));
        Map<String, Object> rejected = new LinkedHashMap<>();
        // The reference calls both end indexes exclusive and the start index inclusive.
        if (tooNewStart < times.size()) {
            rejected.put("tooNewLogEventStartIndex", tooNewStart);
        }
        if (tooOldEnd > 0) {
            rejected.put("tooOldLogEventEndIndex", tooOldEnd);
        }
        if (expiredEnd > 0) {
            rejected.put("expiredLogEventEndIndex", expiredEnd);
        }
        if (!rejected.isEmpty()) {
            out.put("rejectedLogEventsInfo", rejected);
        }
        return out;
    }

    /** Events before this time have outlived the group's retention and are no longer returned. */
    private static long retentionCutoff(LogGroup group, long now) {
        return group.retentionInDays() == null ? Long.MIN_VALUE
                : now - Duration.ofDays(group.retentionInDays()).toMillis();
    }

    /**
     * Reads a stream forwards or backwards from a token's position. As on AWS, a read that finds no
     * more events answers with the token it was given, which is how clients know to stop; startTime
     * is inclusive and endTime exclusive.
     */
    static Object get(Members in, Scope scope) {
        LogGroup group = scope.region().group(in.groupName());
        LogStream stream = scope.region().stream(group, in.string("logStreamName"));
        long start = Math.max(in.longValue("startTime") == null ? Long.MIN_VALUE : in.longValue("startTime"),
                retentionCutoff(group, scope.now()));
        long end = in.longValue("endTime") == null ? Long.MAX_VALUE : in.longValue("endTime");
        int limit = in.integer("limit") == null ? MAX_EVENTS_READ : in.integer("limit");
        String token = in.string("nextToken");
        boolean forward;
        EventPosition from;
        if (token != null) {
            ReadToken read = ReadToken.parse(token);
            forward = read.forward();
            from = read.position();
        } else {
            forward = in.flag("startFromHead");
            from = forward ? EventPosition.START : stream.end();
        }
        List<LogEvent> page = new ArrayList<>();
        long bytes = 0;
        for (LogEvent event : forward ? stream.from(from) : stream.backwardsFrom(from)) {
            if (event.timestamp() < start || event.timestamp() >= end) {
                continue;
            }
            bytes += event.message().getBytes(StandardCharsets.UTF_8).length + EVENT_OVERHEAD_BYTES;
            if (page.size() == limit || (bytes > MAX_BATCH_BYTES && !page.isEmpty())) {
                break;
            }
            page.add(event);
        }
        if (!forward) {
            Collections.reverse(page);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> events = new ArrayList<>();
        page.forEach(e -> events.add(outputEvent(e)));
        out.put("events", events);
        if (page.isEmpty()) {
            out.put("nextForwardToken", token != null && forward ? token : ReadToken.forward(from));
            out.put("nextBackwardToken", token != null && !forward ? token : ReadToken.backward(from));
        } else {
            out.put("nextForwardToken", ReadToken.forward(page.get(page.size() - 1).position().next()));
            out.put("nextBackwardToken", ReadToken.backward(page.get(0).position()));
        }
        return out;
    }

    private static Map<String, Object> outputEvent(LogEvent event) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("timestamp", event.timestamp());
        out.put("message", event.message());
        out.put("ingestionTime", event.ingestionTime());
        return out;
    }

    /** One event of a filtered read, with the stream it came from. */
    private record Found(String stream, LogEvent event) {
        static final Comparator<Found> ORDER = Comparator.comparingLong((Found f) -> f.event().timestamp())
                .thenComparing(Found::stream).thenComparingLong(f -> f.event().sequence());
    }

    /**
     * Events of several streams in time order, matching a filter pattern; startTime and endTime are
     * both inclusive here, as the FilterLogEvents reference words them.
     */
    static Object filter(Members in, Scope scope) {
        LogGroup group = scope.region().group(in.groupName());
        List<String> names = in.strings("logStreamNames");
        String prefix = in.string("logStreamNamePrefix");
        if (!names.isEmpty() && prefix != null) {
            throw LogsErrors.invalidParameter("logStreamNames and logStreamNamePrefix are mutually exclusive "
                    + "parameters.");
        }
        FilterPattern pattern = FilterPattern.parse(in.string("filterPattern"));
        long start = Math.max(in.longValue("startTime") == null ? 0 : in.longValue("startTime"),
                retentionCutoff(group, scope.now()));
        long end = in.longValue("endTime") == null ? Long.MAX_VALUE : in.longValue("endTime");
        int limit = in.integer("limit") == null ? MAX_EVENTS_READ : in.integer("limit");
        Found after = filterToken(in.string("nextToken"));
        List<Found> found = new ArrayList<>();
        for (LogStream stream : group.streams().values()) {
            if ((!names.isEmpty() && !names.contains(stream.name()))
                    || (prefix != null && !stream.name().startsWith(prefix))) {
                continue;
            }
            for (LogEvent event : stream.from(new EventPosition(Math.max(start, 0), 0))) {
                if (event.timestamp() > end) {
                    break;
                }
                Found candidate = new Found(stream.name(), event);
                if ((after == null || Found.ORDER.compare(candidate, after) > 0) && pattern.matches(event.message())) {
                    found.add(candidate);
                }
            }
        }
        found.sort(Found.ORDER);
        List<Map<String, Object>> events = new ArrayList<>();
        long bytes = 0;
        int taken = 0;
        for (Found f : found) {
            bytes += f.event().message().getBytes(StandardCharsets.UTF_8).length + EVENT_OVERHEAD_BYTES;
            if (taken == limit || (bytes > MAX_BATCH_BYTES && taken > 0)) {
                break;
            }
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("logStreamName", f.stream());
            event.putAll(outputEvent(f.event()));
            event.put("eventId", eventId(f));
            events.add(event);
            taken++;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("events", events);
        out.put("searchedLogStreams", List.of());
        if (taken < found.size()) {
            Found last = found.get(taken - 1);
            out.put("nextToken", Members.encodeToken(FILTER_TOKEN + last.event().timestamp() + ":"
                    + last.event().sequence() + ":" + last.stream()));
        }
        return out;
    }

    private static Found filterToken(String token) {
        if (token == null) {
            return null;
        }
        String text = Members.decodeToken(token);
        if (text == null || !text.startsWith(FILTER_TOKEN)) {
            throw LogsErrors.invalidToken();
        }
        String[] parts = text.substring(FILTER_TOKEN.length()).split(":", 3);
        try {
            return new Found(parts[2], new LogEvent(Long.parseLong(parts[0]), 0, Long.parseLong(parts[1]), ""));
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw LogsErrors.invalidToken();
        }
    }

    /** 56 digits like AWS's event ids: timestamp, stream, sequence. */
    private static String eventId(Found f) {
        return String.format("%020d%010d%026d", f.event().timestamp(), f.stream().hashCode() & 0x7fffffff,
                f.event().sequence());
    }
}
