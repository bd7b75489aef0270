package io.labrunner.emulator.events;

import io.labrunner.emulator.DaemonThreads;
import io.labrunner.emulator.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Fires schedule rules: at each tick, every enabled rule whose next time has come sends one "Scheduled Event"
 * (source {@code aws.events}, the rule's ARN as its resource, an empty detail) to its targets. Times missed while
 * the emulator was stopped are not made up, as AWS does not backfill. Clock and tick are injectable, and
 * {@link #runDue()} can be called directly, so a test moves time instead of waiting minutes.
 */
final class ScheduleRunner implements AutoCloseable {
    private final EventStore store;
    private final EventOperations events;
    private final EventDelivery delivery;
    private final Clock clock;
    /** The next time of each rule, by ARN, with the expression it was computed from. */
    private final Map<String, Next> next = new ConcurrentHashMap<>();
    private final ScheduledExecutorService thread;

    private record Next(String expression, Instant at) {
    }

    ScheduleRunner(EventStore store, EventOperations events, EventDelivery delivery, Clock clock, Duration tick) {
        this.store = store;
        this.events = events;
        this.delivery = delivery;
        this.clock = clock;
        if (tick == null) {
            this.thread = null;
        } else {
            this.thread = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("lab-events-schedules"));
            thread.scheduleWithFixedDelay(this::runDueQuietly, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void runDueQuietly() {
        try {
            runDue();
        } catch (RuntimeException e) {
            // One bad tick must not end the schedule thread.
        }
    }

    /** Fires every rule that is due now; returns how many fired. */
    synchronized int runDue() {
        Instant now = clock.instant();
        List<Rule> rules = store.scheduledRules();
        Set<String> seen = new HashSet<>();
        int fired = 0;
        for (Rule rule : rules) {
            seen.add(rule.arn());
            Schedule schedule;
            try {
                schedule = Schedule.parse(rule.scheduleExpression());
            } catch (RuntimeException e) {
                continue;
            }
            Next due = next.get(rule.arn());
            if (due == null || !due.expression().equals(rule.scheduleExpression())) {
                schedule.next(now).ifPresent(at -> next.put(rule.arn(), new Next(rule.scheduleExpression(), at)));
                continue;
            }
            if (now.isBefore(due.at())) {
                continue;
            }
            if (rule.enabled()) {
                delivery.fire(rule, events.envelope(rule.region(), "aws.events", "Scheduled Event", due.at(),
                        List.of(rule.arn()), Json.object()));
                fired++;
            }
            Optional<Instant> after = schedule.next(due.at());
            while (after.isPresent() && !after.get().isAfter(now)) {
                after = schedule.next(after.get());
            }
            if (after.isPresent()) {
                next.put(rule.arn(), new Next(rule.scheduleExpression(), after.get()));
            } else {
                next.remove(rule.arn());
            }
        }
        next.keySet().retainAll(seen);
        return fired;
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.shutdownNow();
        }
    }
}
