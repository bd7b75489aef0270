package io.labrunner.emulator.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A TaskRunner for tests: each resource answers with a function of its call; records calls and futures. */
final class FakeTasks implements TaskRunner {
    final List<TaskCall> calls = new CopyOnWriteArrayList<>();
    final List<CompletableFuture<JsonNode>> futures = new CopyOnWriteArrayList<>();
    private final Map<String, Function<TaskCall, CompletableFuture<JsonNode>>> handlers = new ConcurrentHashMap<>();

    /** Answers calls of {@code resource} with {@code result(call)} right away. */
    FakeTasks answer(String resource, Function<TaskCall, JsonNode> result) {
        handlers.put(resource, call -> CompletableFuture.completedFuture(result.apply(call)));
        return this;
    }

    /** Answers calls of {@code resource} with whatever future {@code handler} returns. */
    FakeTasks handle(String resource, Function<TaskCall, CompletableFuture<JsonNode>> handler) {
        handlers.put(resource, handler);
        return this;
    }

    /** Calls of {@code resource} never complete (until cancelled). */
    FakeTasks hang(String resource) {
        handlers.put(resource, call -> new CompletableFuture<>());
        return this;
    }

    @Override
    public CompletableFuture<JsonNode> start(TaskCall call) {
        calls.add(call);
        Function<TaskCall, CompletableFuture<JsonNode>> handler = handlers.get(call.resource());
        CompletableFuture<JsonNode> future = handler == null
                ? CompletableFuture.failedFuture(new TaskFailure("States.TaskFailed", "No handler for " + call.resource()))
                : handler.apply(call);
        futures.add(future);
        return future;
    }
}
