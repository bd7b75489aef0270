package io.labrunner.emulator.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * One state machine as DescribeStateMachine shows it, kept in the state store.
 *
 * @param status {@code ACTIVE}, or {@code DELETING} between DeleteStateMachine and the end of its last execution
 */
record StoredStateMachine(String arn, String name, String region, String type, String definition, String roleArn,
        Instant creationDate, Instant updateDate, String revisionId, String description,
        JsonNode loggingConfiguration, JsonNode tracingConfiguration, Map<String, String> tags, String status) {

    StoredStateMachine {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    StoredStateMachine withTags(Map<String, String> newTags) {
        return new StoredStateMachine(arn, name, region, type, definition, roleArn, creationDate, updateDate,
                revisionId, description, loggingConfiguration, tracingConfiguration, newTags, status);
    }

    StoredStateMachine withStatus(String newStatus) {
        return new StoredStateMachine(arn, name, region, type, definition, roleArn, creationDate, updateDate,
                revisionId, description, loggingConfiguration, tracingConfiguration, tags, newStatus);
    }

    boolean express() {
        return "EXPRESS".equals(type);
    }
}
