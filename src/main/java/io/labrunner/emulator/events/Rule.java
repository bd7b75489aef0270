package io.labrunner.emulator.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A rule on an event bus: an event pattern, a schedule, or both, and up to five targets kept as PutTargets gave
 * them (so ListTargetsByRule answers them member for member).
 */
record Rule(String name, String arn, String region, String busName, String eventPattern, String scheduleExpression,
            String state, String description, String roleArn, Instant created, Map<String, String> tags,
            List<JsonNode> targets) {
    static final String ENABLED = "ENABLED";
    static final String DISABLED = "DISABLED";

    Rule {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    boolean enabled() {
        return !DISABLED.equals(state);
    }

    Rule withState(String changed) {
        return new Rule(name, arn, region, busName, eventPattern, scheduleExpression, changed, description, roleArn,
                created, tags, targets);
    }

    Rule withTags(Map<String, String> changed) {
        return new Rule(name, arn, region, busName, eventPattern, scheduleExpression, state, description, roleArn,
                created, changed, targets);
    }

    Rule withTargets(List<JsonNode> changed) {
        return new Rule(name, arn, region, busName, eventPattern, scheduleExpression, state, description, roleArn,
                created, tags, changed);
    }
}
