package io.labrunner.emulator.logs;

import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.AwsService;
import io.labrunner.emulator.Protocol;
import io.labrunner.emulator.protocol.JsonProtocolService;
import io.labrunner.emulator.protocol.OperationHandler;
import io.labrunner.emulator.state.StateStore;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Emulated CloudWatch Logs on the protocol core (AWS JSON 1.1, target prefix {@code Logs_20140328}):
 * log groups, streams and events, with AWS's token semantics for reading, filter patterns for
 * searching, retention and tags. Broken constraints are InvalidParameterException, as Logs answers
 * them. Other services write here in-process through {@link #writer()}.
 *
 * <p>Memory is bounded: a stream keeps its newest {@value LogStream#MAX_EVENTS} events.
 */
public final class LogsService implements AwsService, io.labrunner.emulator.TaggableResources {
    private final Map<String, LogRegion> regions = new ConcurrentHashMap<>();
    private final LogsStore store;
    private final Clock clock;
    private final String account;
    private final JsonProtocolService protocol;

    /** A service keeping nothing across restarts, on the system clock. */
    public LogsService(String account) {
        this(account, StateStore.none(), Clock.systemUTC());
    }

    /** A service whose groups, streams and events live in {@code state}: loaded now, written as they change. */
    public LogsService(String account, StateStore state, Clock clock) {
        this.account = account;
        this.clock = clock;
        this.store = new LogsStore(state);
        store.load().forEach((region, groups) -> groups.forEach(g -> region(region).groups().put(g.name(), g)));
        this.protocol = JsonProtocolService.builder("logs")
                .validationError(LogsErrors::invalidParameter)
                .handler("CreateLogGroup", inRegion(GroupOperations::create))
                .handler("DeleteLogGroup", inRegion(GroupOperations::delete))
                .handler("DescribeLogGroups", inRegion(GroupOperations::describe))
                .handler("PutRetentionPolicy", inRegion(GroupOperations::putRetention))
                .handler("DeleteRetentionPolicy", inRegion(GroupOperations::deleteRetention))
                .handler("TagResource", inRegion(GroupOperations::tagResource))
                .handler("UntagResource", inRegion(GroupOperations::untagResource))
                .handler("ListTagsForResource", inRegion(GroupOperations::listTagsForResource))
                .handler("TagLogGroup", inRegion(GroupOperations::tagLogGroup))
                .handler("UntagLogGroup", inRegion(GroupOperations::untagLogGroup))
                .handler("ListTagsLogGroup", inRegion(GroupOperations::listTagsLogGroup))
                .handler("CreateLogStream", inRegion(StreamOperations::create))
                .handler("DeleteLogStream", inRegion(StreamOperations::delete))
                .handler("DescribeLogStreams", inRegion(StreamOperations::describe))
                .handler("PutLogEvents", inRegion(EventOperations::put))
                .handler("GetLogEvents", inRegion(EventOperations::get))
                .handler("FilterLogEvents", inRegion(EventOperations::filter))
                .build();
    }

    private OperationHandler inRegion(BiFunction<Members, Scope, Object> operation) {
        return (input, request) -> {
            LogRegion region = region(request.region());
            synchronized (region) {
                return operation.apply(new Members(input), new Scope(region, store, clock, account));
            }
        };
    }

    /**
     * Appends events as a service's own output (a training job's), creating the group and the stream
     * on first use, as AWS's services do. Empty messages are skipped: the API accepts none. The writer
     * applies none of PutLogEvents' time limits; the events are the service's own.
     */
    public LogWriter writer() {
        return (regionName, group, stream, timestamp, message) -> {
            if (message == null || message.isEmpty()) {
                return;
            }
            LogRegion region = region(regionName);
            synchronized (region) {
                long now = clock.millis();
                LogGroup logGroup = region.groups().get(group);
                if (logGroup == null) {
                    logGroup = new LogGroup(group, now, "STANDARD", null, null, Map.of());
                    region.groups().put(group, logGroup);
                    store.saveGroup(region.region(), logGroup);
                }
                LogStream logStream = logGroup.streams().computeIfAbsent(stream, name -> new LogStream(name, now));
                store.saveAppend(region.region(), group, logStream, logStream.append(timestamp, now, message));
                store.saveStream(region.region(), group, logStream);
            }
        };
    }

    /** Log groups for the Resource Groups Tagging API, over their own tags (ARNs without the trailing {@code :*}). */
    @Override
    public Set<String> arnServices() {
        return Set.of("logs");
    }

    @Override
    public java.util.List<TaggedResource> taggedResources(String regionName) {
        LogRegion region = region(regionName);
        synchronized (region) {
            return region.groups().values().stream()
                    .map(g -> new TaggedResource(g.arn(region.region(), account), g.tags())).toList();
        }
    }

    /** As TagResource on the log group the ARN names, with its rules (at most 50 tags). */
    @Override
    public void tag(String arn, Map<String, String> tags) {
        com.fasterxml.jackson.databind.node.ObjectNode in = io.labrunner.emulator.Json.object().put("resourceArn", arn);
        tags.forEach(in.putObject("tags")::put);
        inRegionOf(arn, scope -> GroupOperations.tagResource(new Members(in), scope));
    }

    @Override
    public void untag(String arn, java.util.Collection<String> keys) {
        com.fasterxml.jackson.databind.node.ObjectNode in = io.labrunner.emulator.Json.object().put("resourceArn", arn);
        keys.forEach(in.putArray("tagKeys")::add);
        inRegionOf(arn, scope -> GroupOperations.untagResource(new Members(in), scope));
    }

    private void inRegionOf(String arn, java.util.function.Consumer<Scope> change) {
        LogRegion region = region(software.amazon.awssdk.arns.Arn.tryFromString(arn).flatMap(a -> a.region())
                .orElse(""));
        synchronized (region) {
            change.accept(new Scope(region, store, clock, account));
        }
    }

    /** The operations this emulator implements, by their model names. */
    Set<String> implementedOperations() {
        return protocol.operations();
    }

    /** The log group or stream a request acts on ({@link LogsAccess}). */
    @Override
    public java.util.List<io.labrunner.emulator.iam.access.AccessRequest> accessRequests(AwsRequest request) {
        return LogsAccess.of(request);
    }

    @Override
    public String signingName() {
        return "logs";
    }

    @Override
    public Protocol protocol() {
        return Protocol.JSON;
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        return protocol.handle(request);
    }

    private LogRegion region(String region) {
        String key = region == null || region.isEmpty() ? "us-east-1" : region;
        return regions.computeIfAbsent(key, LogRegion::new);
    }
}
