package io.labrunner.emulator.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.DaemonThreads;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Routes events to the targets of the rules they match, on one daemon thread, shortly after PutEvents answered
 * (on AWS typically within half a second). A target that cannot be reached loses the event, as on AWS without a
 * dead-letter queue; {@link #failedInvocations()} counts them, as CloudWatch's FailedInvocations does.
 */
final class EventDelivery implements AutoCloseable {
    private final EventStore store;
    private final TargetInvoker invoker;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(DaemonThreads.named("lab-events-delivery"));
    private final Map<String, EventPattern> patterns = new ConcurrentHashMap<>();
    private final AtomicLong invocations = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();

    EventDelivery(EventStore store, TargetInvoker invoker) {
        this.store = store;
        this.invoker = invoker;
    }

    /** Queues {@code event} for the rules of {@code bus}. */
    void publish(EventBus bus, JsonNode event) {
        submit(() -> route(bus, event, false));
    }

    /** Queues a schedule's event for the rule's own targets. */
    void fire(Rule rule, JsonNode event) {
        submit(() -> deliver(rule, event, false));
    }

    private void submit(Runnable task) {
        pending.incrementAndGet();
        try {
            thread.execute(() -> {
                try {
                    task.run();
                } finally {
                    pending.decrementAndGet();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            pending.decrementAndGet();
        }
    }

    private void route(EventBus bus, JsonNode event, boolean forwarded) {
        for (Rule rule : store.rules(bus.region(), bus.name())) {
            if (rule.enabled() && rule.eventPattern() != null && pattern(rule.eventPattern()).matches(event)) {
                deliver(rule, event, forwarded);
            }
        }
    }

    private EventPattern pattern(String text) {
        return patterns.computeIfAbsent(text, EventPattern::parse);
    }

    private void deliver(Rule rule, JsonNode event, boolean forwarded) {
        for (JsonNode target : rule.targets()) {
            invocations.incrementAndGet();
            try {
                String arn = target.path("Arn").asText();
                if (arn.contains(":event-bus/")) {
                    // AWS routes an event from one bus to another once; the receiving bus's rules do not forward it on.
                    EventBus next = store.busByArn(arn).orElse(null);
                    if (next == null || forwarded) {
                        throw new IllegalStateException("no event bus " + arn);
                    }
                    route(next, event, true);
                    continue;
                }
                String role = target.hasNonNull("RoleArn") ? target.get("RoleArn").asText() : rule.roleArn();
                invoker.invoke(target, role, rule.name(), TargetInput.of(target, event, rule.name(), rule.arn()),
                        event, event.path("id").asText());
            } catch (RuntimeException e) {
                failed.incrementAndGet();
            }
        }
    }

    /** Deliveries tried since the emulator started. */
    long invocations() {
        return invocations.get();
    }

    /** Deliveries that failed since the emulator started. */
    long failedInvocations() {
        return failed.get();
    }

    /** Waits until every event queued so far is delivered (or has failed); for tests. */
    boolean awaitIdle(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (pending.get() > 0) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
