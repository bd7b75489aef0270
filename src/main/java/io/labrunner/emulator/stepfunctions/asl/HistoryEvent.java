package io.labrunner.emulator.stepfunctions.asl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One event of an execution's history, as GetExecutionHistory returns it.
 *
 * @param id              the event's id, from 1 in the order events happened
 * @param previousEventId the id of the event this one follows from (0 for the first)
 * @param timestamp       when it happened
 * @param type            AWS's event type, e.g. {@code TaskStateEntered}, {@code ExecutionSucceeded}
 * @param details         the type's details member as AWS names and shapes it (e.g.
 *                        {@code stateEnteredEventDetails} → {@code {"name": ..., "input": ...}}), or null
 * @param detailsMember   that member's name, or null when the type has no details
 */
public record HistoryEvent(long id, long previousEventId, Instant timestamp, String type, String detailsMember,
        ObjectNode details) {
}
