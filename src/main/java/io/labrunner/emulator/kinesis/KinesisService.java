package io.labrunner.emulator.kinesis;

import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.AwsService;
import io.labrunner.emulator.Protocol;
import io.labrunner.emulator.protocol.JsonProtocolService;
import io.labrunner.emulator.state.StateStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Emulated Kinesis Data Streams on the protocol core: the core reads a request (CBOR or JSON, as
 * the client sent it), checks it against Kinesis's API model and answers in the request's encoding,
 * errors included; this class maps each operation to its behaviour against the region's
 * {@link Streams}.
 */
public final class KinesisService implements AwsService, io.labrunner.emulator.TaggableResources {
    private final KinesisSettings settings;
    private final Map<String, Streams> regions = new ConcurrentHashMap<>();
    private final RecordOperations records = new RecordOperations();
    private final JsonProtocolService protocol;
    private volatile boolean throttling;
    private final KinesisStore store;
    private final StreamTagging tagging;

    /** A service with {@link KinesisSettings#defaults()}: short realistic delays, throughput limits on. */
    public KinesisService() {
        this(KinesisSettings.defaults());
    }

    /** Default settings, with AWS's per-shard throughput limits on or off. */
    public KinesisService(boolean throttling) {
        this(KinesisSettings.defaults().withThrottling(throttling));
    }

    /** A service with the given clock, delays, throttling and shard limit. */
    public KinesisService(KinesisSettings settings) {
        this(settings, StateStore.none());
    }

    /**
     * A service whose streams and records are kept in {@code state}: loaded now, written through after
     * every request.
     */
    public KinesisService(KinesisSettings settings, StateStore state) {
        this.settings = settings;
        this.throttling = settings.throttling();
        this.store = new KinesisStore(state);
        store.load().forEach((region, streams) -> streams.forEach(streams(region)::restore));
        this.tagging = new StreamTagging(this::streams, store);
        this.protocol = operations(JsonProtocolService.builder("kinesis").cbor(true)
                .outputModule(RecordSerializer.module())).build();
    }

    private JsonProtocolService.Builder operations(JsonProtocolService.Builder core) {
        return core
                .handler("CreateStream", inRegion(StreamOperations::createStream))
                .handler("DescribeStream", inRegion(StreamOperations::describeStream))
                .handler("DescribeStreamSummary", inRegion(StreamOperations::describeStreamSummary))
                .handler("ListStreams", inRegion(StreamOperations::listStreams))
                .handler("ListShards", inRegion(ShardOperations::listShards))
                .handler("DeleteStream", inRegion(StreamOperations::deleteStream))
                .handler("AddTagsToStream", inRegion(StreamOperations::addTags))
                .handler("ListTagsForStream", inRegion(StreamOperations::listTags))
                .handler("RemoveTagsFromStream", inRegion(StreamOperations::removeTags))
                .handler("IncreaseStreamRetentionPeriod", inRegion(StreamOperations::increaseRetention))
                .handler("DecreaseStreamRetentionPeriod", inRegion(StreamOperations::decreaseRetention))
                .handler("SplitShard", inRegion(ShardOperations::splitShard))
                .handler("MergeShards", inRegion(ShardOperations::mergeShards))
                .handler("UpdateShardCount", inRegion(ShardOperations::updateShardCount))
                .handler("PutRecord", inRegion(records::putRecord))
                .handler("PutRecords", inRegion(records::putRecords))
                .handler("GetShardIterator", inRegion(records::getShardIterator))
                .handler("GetRecords", inRegion(records::getRecords));
    }

    /** Runs an operation against the request's region, one call at a time per region. */
    private io.labrunner.emulator.protocol.OperationHandler inRegion(
            BiFunction<Input, Streams, Map<String, Object>> operation) {
        return (input, request) -> {
            Streams streams = streams(request.region());
            synchronized (streams) {
                try {
                    return operation.apply(new Input(input), streams);
                } finally {
                    // Also after a refused call: any call may have applied a due status change.
                    store.save(streams);
                }
            }
        };
    }

    /** Turns AWS's per-shard throughput limits on or off (off for benchmarks and bulk loads). */
    public void setThrottlingEnabled(boolean enabled) {
        throttling = enabled;
    }

    public boolean throttlingEnabled() {
        return throttling;
    }

    /** The operations this emulator implements, by their model names. */
    java.util.Set<String> implementedOperations() {
        return protocol.operations();
    }

    /** The stream a request acts on ({@link KinesisAccess}). */
    @Override
    public java.util.List<io.labrunner.emulator.iam.access.AccessRequest> accessRequests(AwsRequest request) {
        return KinesisAccess.of(request);
    }

    @Override
    public java.util.Set<String> arnServices() {
        return tagging.arnServices();
    }

    @Override
    public java.util.List<TaggedResource> taggedResources(String region) {
        return tagging.taggedResources(region);
    }

    @Override
    public void tag(String arn, Map<String, String> tags) {
        tagging.tag(arn, tags);
    }

    @Override
    public void untag(String arn, java.util.Collection<String> keys) {
        tagging.untag(arn, keys);
    }

    @Override
    public String signingName() {
        return "kinesis";
    }

    @Override
    public Protocol protocol() {
        return Protocol.JSON;
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        return protocol.handle(request);
    }

    private Streams streams(String region) {
        String key = region == null || region.isEmpty() ? "us-east-1" : region;
        return regions.computeIfAbsent(key, r -> new Streams(r, settings, () -> throttling));
    }
}
