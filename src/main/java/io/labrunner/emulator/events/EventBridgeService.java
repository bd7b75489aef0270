package io.labrunner.emulator.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.AwsService;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.Protocol;
import io.labrunner.emulator.calls.ServiceCalls;
import io.labrunner.emulator.iam.access.AccessRequest;
import io.labrunner.emulator.protocol.JsonProtocolService;
import io.labrunner.emulator.protocol.OperationHandler;
import io.labrunner.emulator.state.StateStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Emulated Amazon EventBridge on the protocol core (AWS JSON 1.1, target prefix {@code AWSEvents}): event buses
 * (the {@code default} one always there), rules with event patterns ({@link EventPattern}) and schedules, targets,
 * PutEvents, TestEventPattern and tags. Matched events go to their targets shortly after PutEvents, on a daemon
 * thread, through {@link ServiceCalls} as the target's role: Step Functions, Kinesis, Firehose and CloudWatch Logs
 * targets, and other event buses. State survives restarts in the {@link StateStore}.
 *
 * <p>Not here: archives and replays, API destinations and connections, partner event sources, endpoints,
 * resource policies on buses (PutPermission), and targets of services the emulator does not serve (Lambda, SQS,
 * SNS, ...), which PutTargets accepts and delivery fails for, counted in {@link #failedInvocations()}.
 */
public final class EventBridgeService implements AwsService, io.labrunner.emulator.TaggableResources {
    /** How often schedules are looked at when none is given. */
    public static final Duration DEFAULT_TICK = Duration.ofSeconds(1);
    /** Operations that name no rule or bus ARN: IAM authorizes them on {@code *}. */
    private static final Set<String> ACCOUNT_OPERATIONS = Set.of("ListEventBuses", "TestEventPattern",
            "ListRuleNamesByTarget");

    private final EventStore store;
    private final EventDelivery delivery;
    private final EventOperations events;
    private final ScheduleRunner schedules;
    private final BusOperations busOperations;
    private final JsonProtocolService protocol;

    /**
     * @param calls the emulator's services, called in-process to deliver to targets (read at each delivery)
     * @param tick  how often schedules are looked at; null runs them only through {@link #runDueSchedules()}
     */
    public EventBridgeService(String account, StateStore state, Clock clock, Supplier<ServiceCalls> calls,
            Duration tick) {
        this.store = new EventStore(account, state, clock);
        this.delivery = new EventDelivery(store, new TargetInvoker(calls));
        this.events = new EventOperations(store, delivery);
        this.schedules = new ScheduleRunner(store, events, delivery, clock, tick);
        BusOperations buses = new BusOperations(store);
        this.busOperations = buses;
        RuleOperations rules = new RuleOperations(store);
        this.protocol = JsonProtocolService.builder("events")
                .handler("CreateEventBus", inRegion(buses::createEventBus))
                .handler("DeleteEventBus", inRegion(buses::deleteEventBus))
                .handler("DescribeEventBus", inRegion(buses::describeEventBus))
                .handler("ListEventBuses", inRegion(buses::listEventBuses))
                .handler("TagResource", inRegion(buses::tagResource))
                .handler("UntagResource", inRegion(buses::untagResource))
                .handler("ListTagsForResource", inRegion(buses::listTagsForResource))
                .handler("PutRule", inRegion(rules::putRule))
                .handler("DescribeRule", inRegion(rules::describeRule))
                .handler("ListRules", inRegion(rules::listRules))
                .handler("EnableRule", inRegion(rules::enableRule))
                .handler("DisableRule", inRegion(rules::disableRule))
                .handler("DeleteRule", inRegion(rules::deleteRule))
                .handler("PutTargets", inRegion(rules::putTargets))
                .handler("RemoveTargets", inRegion(rules::removeTargets))
                .handler("ListTargetsByRule", inRegion(rules::listTargetsByRule))
                .handler("ListRuleNamesByTarget", inRegion(rules::listRuleNamesByTarget))
                .handler("PutEvents", inRegion(events::putEvents))
                .handler("TestEventPattern", inRegion(events::testEventPattern))
                .build();
    }

    private static OperationHandler inRegion(BiFunction<Input, String, Object> operation) {
        return (input, request) -> operation.apply(new Input(input), request.regionOrDefault());
    }

    /** The operations this emulator implements, by their model names. */
    Set<String> implementedOperations() {
        return protocol.operations();
    }

    /**
     * Puts an event an AWS service emits on the region's default bus (S3's "Object Created"): AWS's envelope
     * around {@code detail}, routed like any other event.
     *
     * @return the event's id
     */
    public String putServiceEvent(String region, String source, String detailType, Instant time,
            List<String> resources, JsonNode detail) {
        return events.putServiceEvent(region, source, detailType, time, resources, detail);
    }

    /** Fires the schedule rules that are due by the service's clock; returns how many fired. */
    public int runDueSchedules() {
        return schedules.runDue();
    }

    /** Deliveries to targets that failed (a target of a kind not served, a missing stream, access denied). */
    public long failedInvocations() {
        return delivery.failedInvocations();
    }

    /** Deliveries to targets tried. */
    public long invocations() {
        return delivery.invocations();
    }

    /** Waits until every event put so far has been delivered or has failed; true unless {@code millis} passed. */
    public boolean awaitDeliveries(long millis) throws InterruptedException {
        return delivery.awaitIdle(millis);
    }

    /** Event buses and rules for the Resource Groups Tagging API, over their own tags. */
    @Override
    public Set<String> arnServices() {
        return Set.of("events");
    }

    @Override
    public List<TaggedResource> taggedResources(String region) {
        List<TaggedResource> out = new java.util.ArrayList<>();
        for (EventBus bus : store.buses(region)) {
            out.add(new TaggedResource(bus.arn(), bus.tags()));
            store.rules(region, bus.name()).forEach(rule -> out.add(new TaggedResource(rule.arn(), rule.tags())));
        }
        return out;
    }

    /** As TagResource on the bus or rule the ARN names. */
    @Override
    public void tag(String arn, java.util.Map<String, String> tags) {
        com.fasterxml.jackson.databind.node.ObjectNode in = io.labrunner.emulator.Json.object().put("ResourceARN", arn);
        com.fasterxml.jackson.databind.node.ArrayNode list = in.putArray("Tags");
        tags.forEach((k, v) -> list.addObject().put("Key", k).put("Value", v));
        busOperations.tagResource(new Input(in), null);
    }

    @Override
    public void untag(String arn, java.util.Collection<String> keys) {
        com.fasterxml.jackson.databind.node.ObjectNode in = io.labrunner.emulator.Json.object().put("ResourceARN", arn);
        keys.forEach(in.putArray("TagKeys")::add);
        busOperations.untagResource(new Input(in), null);
    }

    @Override
    public String signingName() {
        return "events";
    }

    @Override
    public Protocol protocol() {
        return Protocol.JSON;
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        return protocol.handle(request);
    }

    /**
     * {@code events:<Operation>} on the rule's or the bus's ARN (the bus of PutEvents' entries, each once), and
     * {@code iam:PassRole} on a role a rule or a target is given, as AWS asks of the caller.
     */
    @Override
    public List<AccessRequest> accessRequests(AwsRequest request) {
        String operation = request.operation().orElse(null);
        JsonNode body = body(request);
        if (operation == null || body == null) {
            return List.of();
        }
        String action = "events:" + operation;
        String region = request.regionOrDefault();
        String bus = EventStore.busName(body.path("EventBusName").asText(null));
        List<AccessRequest> out = new ArrayList<>();
        switch (operation) {
            case "PutRule", "DescribeRule", "EnableRule", "DisableRule", "DeleteRule" ->
                    out.add(AccessRequest.of(action, store.ruleArn(region, bus, body.path("Name").asText())));
            case "PutTargets", "RemoveTargets", "ListTargetsByRule" ->
                    out.add(AccessRequest.of(action, store.ruleArn(region, bus, body.path("Rule").asText())));
            case "CreateEventBus", "DeleteEventBus", "DescribeEventBus" -> out.add(AccessRequest.of(action,
                    store.busArn(region, EventStore.busName(body.path("Name").asText(null)))));
            case "ListRules" -> out.add(AccessRequest.of(action, store.busArn(region, bus)));
            case "TagResource", "UntagResource", "ListTagsForResource" ->
                    out.add(AccessRequest.of(action, body.path("ResourceARN").asText("*")));
            case "PutEvents" -> {
                Set<String> seen = new java.util.LinkedHashSet<>();
                body.path("Entries").forEach(e -> seen.add(store.busArn(region,
                        EventStore.busName(e.path("EventBusName").asText(null)))));
                seen.forEach(arn -> out.add(AccessRequest.of(action, arn)));
            }
            default -> out.add(AccessRequest.of(action, "*"));
        }
        if (operation.equals("PutRule") && body.hasNonNull("RoleArn")) {
            out.add(AccessRequest.of("iam:PassRole", body.get("RoleArn").asText()));
        }
        if (operation.equals("PutTargets")) {
            body.path("Targets").forEach(t -> {
                if (t.hasNonNull("RoleArn")) {
                    out.add(AccessRequest.of("iam:PassRole", t.get("RoleArn").asText()));
                }
            });
        }
        return ACCOUNT_OPERATIONS.contains(operation) ? List.of(AccessRequest.of(action, "*")) : out;
    }

    private static JsonNode body(AwsRequest request) {
        try {
            JsonNode node = request.body().length == 0 ? null : Json.mapper().readTree(request.body());
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        schedules.close();
        delivery.close();
    }
}
