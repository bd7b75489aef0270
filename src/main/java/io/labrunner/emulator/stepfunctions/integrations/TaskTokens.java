package io.labrunner.emulator.stepfunctions.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.stepfunctions.asl.TaskFailure;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The task tokens of {@code .waitForTaskToken} tasks that wait for SendTaskSuccess / SendTaskFailure, shared by
 * the integrations (which register a token once the task's call was made) and the Step Functions API (which
 * completes it). A token whose task ended (succeeded, failed, timed out, stopped) is remembered as ended.
 */
public final class TaskTokens {
    private static final int ENDED_KEPT = 10_000;

    /** What SendTask* may do with a token. */
    public enum Status {
        WAITING, ENDED, UNKNOWN
    }

    private record Waiting(CompletableFuture<JsonNode> result, Runnable heartbeat) {
    }

    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final Set<String> ended = ConcurrentHashMap.newKeySet();

    /** Waits for the token's task to be completed; cancelling the future forgets the token. */
    CompletableFuture<JsonNode> await(String token, Runnable heartbeat) {
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        waiting.put(token, new Waiting(result, heartbeat));
        result.whenComplete((value, error) -> end(token));
        return result;
    }

    public Status status(String token) {
        if (waiting.containsKey(token)) {
            return Status.WAITING;
        }
        return ended.contains(token) ? Status.ENDED : Status.UNKNOWN;
    }

    /** SendTaskSuccess: false when the token's task no longer waits. */
    public boolean succeed(String token, JsonNode output) {
        Waiting task = waiting.get(token);
        return task != null && task.result().complete(output);
    }

    /** SendTaskFailure: false when the token's task no longer waits. */
    public boolean fail(String token, String error, String cause) {
        Waiting task = waiting.get(token);
        return task != null && task.result().completeExceptionally(new TaskFailure(error, cause));
    }

    /** SendTaskHeartbeat: false when the token's task no longer waits. */
    public boolean heartbeat(String token) {
        Waiting task = waiting.get(token);
        if (task == null) {
            return false;
        }
        if (task.heartbeat() != null) {
            task.heartbeat().run();
        }
        return true;
    }

    private void end(String token) {
        waiting.remove(token);
        if (ended.size() > ENDED_KEPT) {
            ended.clear();
        }
        ended.add(token);
    }
}
