package io.labrunner.emulator.events;

import io.labrunner.emulator.state.StateMap;
import io.labrunner.emulator.state.StateStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every region's event buses and rules, by ARN, written through to the state store so they survive a restart.
 * The {@code default} bus of a region is made the first time the region is asked about.
 */
final class EventStore {
    static final String DEFAULT_BUS = "default";

    private final String account;
    private final Clock clock;
    private final Map<String, EventBus> buses = new ConcurrentHashMap<>();
    private final Map<String, Rule> rules = new ConcurrentHashMap<>();
    private final StateMap<EventBus> storedBuses;
    private final StateMap<Rule> storedRules;

    EventStore(String account, StateStore state, Clock clock) {
        this.account = account;
        this.clock = clock;
        this.storedBuses = state.map("events.buses", EventBus.class);
        this.storedRules = state.map("events.rules", Rule.class);
        buses.putAll(storedBuses.entries());
        rules.putAll(storedRules.entries());
    }

    String account() {
        return account;
    }

    Instant now() {
        return clock.instant();
    }

    String busArn(String region, String name) {
        return "arn:" + partition(region) + ":events:" + region + ":" + account + ":event-bus/" + name;
    }

    String ruleArn(String region, String bus, String rule) {
        return "arn:" + partition(region) + ":events:" + region + ":" + account + ":rule/"
                + (DEFAULT_BUS.equals(bus) ? "" : bus + "/") + rule;
    }

    /** The bus a request's EventBusName (a name or an ARN, or nothing for the default bus) names. */
    synchronized Optional<EventBus> bus(String region, String nameOrArn) {
        String name = busName(nameOrArn);
        if (DEFAULT_BUS.equals(name)) {
            return Optional.of(defaultBus(region));
        }
        return Optional.ofNullable(buses.get(busArn(region, name)));
    }

    EventBus requireBus(String region, String nameOrArn) {
        return bus(region, nameOrArn).orElseThrow(() -> EventsErrors.busNotFound(busName(nameOrArn)));
    }

    static String busName(String nameOrArn) {
        if (nameOrArn == null || nameOrArn.isEmpty()) {
            return DEFAULT_BUS;
        }
        int slash = nameOrArn.indexOf(":event-bus/");
        return nameOrArn.startsWith("arn:") && slash > 0 ? nameOrArn.substring(slash + ":event-bus/".length())
                : nameOrArn;
    }

    private EventBus defaultBus(String region) {
        String arn = busArn(region, DEFAULT_BUS);
        return buses.computeIfAbsent(arn, a -> {
            EventBus bus = new EventBus(DEFAULT_BUS, a, region, null, now(), now(), Map.of());
            storedBuses.put(a, bus);
            return bus;
        });
    }

    synchronized List<EventBus> buses(String region) {
        defaultBus(region);
        return buses.values().stream().filter(b -> b.region().equals(region))
                .sorted(Comparator.comparing(EventBus::name)).toList();
    }

    synchronized EventBus save(EventBus bus) {
        buses.put(bus.arn(), bus);
        storedBuses.put(bus.arn(), bus);
        return bus;
    }

    /** Removes the bus and its rules. */
    synchronized void remove(EventBus bus) {
        buses.remove(bus.arn());
        storedBuses.remove(bus.arn());
        for (Rule rule : rules(bus.region(), bus.name())) {
            remove(rule);
        }
    }

    synchronized Optional<Rule> rule(String region, String bus, String name) {
        return Optional.ofNullable(rules.get(ruleArn(region, bus, name)));
    }

    Rule requireRule(String region, String bus, String name) {
        return rule(region, bus, name).orElseThrow(() -> EventsErrors.ruleNotFound(name, bus));
    }

    /** The bus's rules, by name. */
    synchronized List<Rule> rules(String region, String bus) {
        return rules.values().stream().filter(r -> r.region().equals(region) && r.busName().equals(bus))
                .sorted(Comparator.comparing(Rule::name)).toList();
    }

    /** Every rule with a schedule, in every region. */
    synchronized List<Rule> scheduledRules() {
        return rules.values().stream().filter(r -> r.scheduleExpression() != null)
                .sorted(Comparator.comparing(Rule::arn)).toList();
    }

    synchronized Optional<Rule> ruleByArn(String arn) {
        return Optional.ofNullable(rules.get(arn));
    }

    synchronized Optional<EventBus> busByArn(String arn) {
        return Optional.ofNullable(buses.get(arn));
    }

    synchronized Rule save(Rule rule) {
        rules.put(rule.arn(), rule);
        storedRules.put(rule.arn(), rule);
        return rule;
    }

    synchronized void remove(Rule rule) {
        rules.remove(rule.arn());
        storedRules.remove(rule.arn());
    }

    static String partition(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }
}
