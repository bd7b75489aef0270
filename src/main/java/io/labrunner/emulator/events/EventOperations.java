package io.labrunner.emulator.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * PutEvents and TestEventPattern. PutEvents checks each entry on its own (AWS's per-entry ErrorCode and
 * ErrorMessage, as the PutEvents API reference and LocalStack's snapshots recorded against AWS show them), gives
 * each accepted entry an id, and hands the event, in AWS's envelope, to {@link EventDelivery}.
 */
final class EventOperations {
    /** PutEvents' limit on a request's entries, in AWS's way of counting (see "Calculating PutEvents event entry size"). */
    static final int MAX_REQUEST_BYTES = 256 * 1024;
    private static final List<String> REQUIRED_EVENT_FIELDS = List.of("id", "account", "source", "time", "region",
            "resources", "detail-type");

    private final EventStore store;
    private final EventDelivery delivery;

    EventOperations(EventStore store, EventDelivery delivery) {
        this.store = store;
        this.delivery = delivery;
    }

    Object putEvents(Input input, String region) {
        JsonNode entries = input.node().path("Entries");
        long size = 0;
        for (JsonNode entry : entries) {
            size += entrySize(entry);
        }
        if (size > MAX_REQUEST_BYTES) {
            throw EventsErrors.validation("Total size of the entries in the request is over the limit.");
        }
        List<Map<String, Object>> results = new ArrayList<>();
        int failed = 0;
        for (JsonNode entry : entries) {
            Map<String, Object> result = putEvent(entry, region);
            failed += result.containsKey("ErrorCode") ? 1 : 0;
            results.add(result);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("FailedEntryCount", failed);
        out.put("Entries", results);
        return out;
    }

    private Map<String, Object> putEvent(JsonNode entry, String region) {
        for (String member : List.of("Source", "DetailType", "Detail")) {
            if (!entry.hasNonNull(member) || entry.get(member).asText().isEmpty()) {
                return error("InvalidArgument", "Parameter " + member + " is not valid. Reason: " + member
                        + " is a required argument.");
            }
        }
        JsonNode detail;
        try {
            detail = Json.mapper().readTree(entry.get("Detail").asText());
        } catch (IOException e) {
            detail = null;
        }
        if (detail == null || !detail.isObject()) {
            return error("MalformedDetail", "Detail is malformed.");
        }
        String source = entry.get("Source").asText();
        if (source.startsWith("aws.")) {
            return error("NotAuthorizedForSourceException", "Not authorized for the source.");
        }
        EventBus bus = store.bus(region, entry.path("EventBusName").asText(null)).orElse(null);
        if (bus == null) {
            return error("ResourceNotFoundException", "Event bus "
                    + EventStore.busName(entry.path("EventBusName").asText()) + " does not exist.");
        }
        List<String> resources = new ArrayList<>();
        entry.path("Resources").forEach(r -> resources.add(r.asText()));
        // The protocol core reads timestamps as epoch milliseconds.
        Instant time = entry.hasNonNull("Time") ? Instant.ofEpochMilli(entry.get("Time").asLong()) : store.now();
        ObjectNode event = envelope(region, source, entry.get("DetailType").asText(), time, resources, detail);
        delivery.publish(bus, event);
        return Map.of("EventId", event.get("id").asText());
    }

    /** Puts an event that an AWS service emits (S3's "Object Created"), which customers may not put themselves. */
    String putServiceEvent(String region, String source, String detailType, Instant time, List<String> resources,
            JsonNode detail) {
        EventBus bus = store.requireBus(region, EventStore.DEFAULT_BUS);
        ObjectNode event = envelope(region, source, detailType, time, resources, detail);
        delivery.publish(bus, event);
        return event.get("id").asText();
    }

    /** AWS's event envelope, in its order of members. */
    ObjectNode envelope(String region, String source, String detailType, Instant time, List<String> resources,
            JsonNode detail) {
        ObjectNode event = Json.object();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", detailType);
        event.put("source", source);
        event.put("account", store.account());
        event.put("time", DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.SECONDS)));
        event.put("region", region);
        resources.forEach(event.putArray("resources")::add);
        if (resources.isEmpty()) {
            event.putArray("resources");
        }
        event.set("detail", detail);
        return event;
    }

    Object testEventPattern(Input input, String region) {
        EventPattern pattern = EventPattern.parse(input.text("EventPattern"));
        JsonNode event = readEvent(input.text("Event"));
        if (event == null || !event.isObject() || REQUIRED_EVENT_FIELDS.stream().anyMatch(f -> !event.has(f))) {
            throw EventsErrors.validation("Parameter Event is not valid.");
        }
        return Map.of("Result", pattern.matches(event));
    }

    private static JsonNode readEvent(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    private static Map<String, Object> error(String code, String message) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ErrorCode", code);
        out.put("ErrorMessage", message);
        return out;
    }

    /** An entry's size as AWS counts it: Time (14), Source, DetailType, Detail and each Resource, in UTF-8. */
    private static long entrySize(JsonNode entry) {
        long size = entry.hasNonNull("Time") ? 14 : 0;
        for (String member : List.of("Source", "DetailType", "Detail")) {
            size += entry.hasNonNull(member) ? entry.get(member).asText().getBytes(StandardCharsets.UTF_8).length : 0;
        }
        for (JsonNode resource : entry.path("Resources")) {
            size += resource.asText().getBytes(StandardCharsets.UTF_8).length;
        }
        return size;
    }
}
