package io.labrunner.emulator.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CreateEventBus, DeleteEventBus, DescribeEventBus, ListEventBuses and the tag operations of buses and rules. */
final class BusOperations {
    private final EventStore store;

    BusOperations(EventStore store) {
        this.store = store;
    }

    Object createEventBus(Input input, String region) {
        String name = input.text("Name");
        if (EventStore.DEFAULT_BUS.equals(name) || store.bus(region, name).isPresent()) {
            throw EventsErrors.alreadyExists("Event bus " + name + " already exists.");
        }
        if (name.contains("/") && !input.has("EventSourceName")) {
            throw EventsErrors.validation("Event bus name must not contain '/'.");
        }
        EventBus bus = store.save(new EventBus(name, store.busArn(region, name), region, input.text("Description"),
                store.now(), store.now(), input.tags("Tags")));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("EventBusArn", bus.arn());
        if (bus.description() != null) {
            out.put("Description", bus.description());
        }
        return out;
    }

    Object deleteEventBus(Input input, String region) {
        String name = input.text("Name");
        if (EventStore.DEFAULT_BUS.equals(name)) {
            throw EventsErrors.validation("Cannot delete event bus default.");
        }
        store.bus(region, name).ifPresent(store::remove);
        return null;
    }

    Object describeEventBus(Input input, String region) {
        return view(store.requireBus(region, input.text("Name")));
    }

    Object listEventBuses(Input input, String region) {
        String prefix = input.text("NamePrefix");
        List<EventBus> buses = store.buses(region).stream()
                .filter(b -> prefix == null || b.name().startsWith(prefix)).toList();
        Paging<EventBus> page = Paging.of(buses, input.number("Limit"), input.text("NextToken"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("EventBuses", page.page().stream().map(BusOperations::view).toList());
        if (page.nextToken() != null) {
            out.put("NextToken", page.nextToken());
        }
        return out;
    }

    private static Map<String, Object> view(EventBus bus) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Name", bus.name());
        out.put("Arn", bus.arn());
        if (bus.description() != null) {
            out.put("Description", bus.description());
        }
        out.put("CreationTime", bus.created());
        out.put("LastModifiedTime", bus.lastModified());
        return out;
    }

    Object tagResource(Input input, String region) {
        String arn = input.text("ResourceARN");
        Map<String, String> added = input.tags("Tags");
        update(arn, tags -> {
            Map<String, String> changed = new LinkedHashMap<>(tags);
            changed.putAll(added);
            return changed;
        });
        return null;
    }

    Object untagResource(Input input, String region) {
        String arn = input.text("ResourceARN");
        List<String> keys = input.strings("TagKeys");
        update(arn, tags -> {
            Map<String, String> changed = new LinkedHashMap<>(tags);
            keys.forEach(changed::remove);
            return changed;
        });
        return null;
    }

    Object listTagsForResource(Input input, String region) {
        Map<String, String> tags = tagsOf(input.text("ResourceARN"));
        return Map.of("Tags", tags.entrySet().stream()
                .map(e -> Map.of("Key", e.getKey(), "Value", e.getValue())).toList());
    }

    private Map<String, String> tagsOf(String arn) {
        if (arn.contains(":rule/")) {
            return store.ruleByArn(arn).orElseThrow(() -> ruleMissing(arn)).tags();
        }
        if (arn.contains(":event-bus/")) {
            String region = regionOf(arn);
            return store.bus(region, arn).orElseThrow(() -> EventsErrors.busNotFound(EventStore.busName(arn)))
                    .tags();
        }
        throw EventsErrors.validation("Parameter ResourceARN is not valid. Reason: Provided Arn is not in correct "
                + "format.");
    }

    private void update(String arn, java.util.function.UnaryOperator<Map<String, String>> change) {
        Map<String, String> current = tagsOf(arn);
        if (arn.contains(":rule/")) {
            Rule rule = store.ruleByArn(arn).orElseThrow();
            store.save(rule.withTags(change.apply(current)));
        } else {
            EventBus bus = store.bus(regionOf(arn), arn).orElseThrow();
            store.save(bus.withTags(change.apply(current)));
        }
    }


    private static io.labrunner.emulator.AwsException ruleMissing(String arn) {
        String path = arn.substring(arn.indexOf(":rule/") + ":rule/".length());
        int slash = path.lastIndexOf('/');
        String bus = slash < 0 ? EventStore.DEFAULT_BUS : path.substring(0, slash);
        return EventsErrors.ruleNotFound(path.substring(slash + 1), bus);
    }

    private static String regionOf(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length > 3 ? parts[3] : "";
    }
}
