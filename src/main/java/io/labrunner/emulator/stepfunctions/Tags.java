package io.labrunner.emulator.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TagResource, UntagResource and ListTagsForResource on state machines ({@code [{"key": ..., "value": ...}]}). */
final class Tags {
    /** Tags per resource (Step Functions quotas). */
    static final int MAX = 50;

    private final SfnState state;

    Tags(SfnState state) {
        this.state = state;
    }

    static Map<String, String> read(JsonNode list) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode tag : list) {
            out.put(tag.path("key").asText(), tag.path("value").asText(""));
        }
        return out;
    }

    synchronized Object tag(ObjectNode in, String region) {
        StoredStateMachine machine = require(in.path("resourceArn").asText());
        Map<String, String> tags = new LinkedHashMap<>(machine.tags());
        tags.putAll(read(in.path("tags")));
        if (tags.size() > MAX) {
            throw SfnErrors.tooManyTags(machine.arn());
        }
        state.save(machine.withTags(tags));
        return Map.of();
    }

    synchronized Object untag(ObjectNode in, String region) {
        StoredStateMachine machine = require(in.path("resourceArn").asText());
        Map<String, String> tags = new LinkedHashMap<>(machine.tags());
        in.path("tagKeys").forEach(key -> tags.remove(key.asText()));
        state.save(machine.withTags(tags));
        return Map.of();
    }

    Object list(ObjectNode in, String region) {
        StoredStateMachine machine = require(in.path("resourceArn").asText());
        List<Map<String, String>> tags = machine.tags().entrySet().stream()
                .map(e -> Map.of("key", e.getKey(), "value", e.getValue())).toList();
        return Map.of("tags", tags);
    }

    private StoredStateMachine require(String arn) {
        if (SfnNames.resourceType(arn).isEmpty()) {
            throw SfnErrors.invalidArn("Invalid ARN prefix: " + arn);
        }
        return state.machine(arn).orElseThrow(() -> SfnErrors.resourceNotFound(arn));
    }
}
