package io.labrunner.emulator.stepfunctions.asl;

import java.util.concurrent.CompletableFuture;

/**
 * Runs Task states' resources: the service integrations. The interpreter knows only this interface.
 *
 * <p>The returned future completes with the task's result, or exceptionally with a {@link TaskFailure} (error
 * and cause as the History shows them). The interpreter cancels the future when the task times out, misses a
 * heartbeat or the execution is stopped; the runner then stops what it started (a training job, a query).
 */
public interface TaskRunner {

    CompletableFuture<com.fasterxml.jackson.databind.JsonNode> start(TaskCall call);
}
