package io.labrunner.emulator.kinesis;

import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.AwsService;
import io.labrunner.emulator.Protocol;
import io.labrunner.emulator.state.StateStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Emulated Kinesis Data Streams: decodes a request (CBOR or JSON, as the client sent it), runs the
 * operation named by {@code X-Amz-Target: Kinesis_20131202.<Op>} against the region's
 * {@link Streams}, and answers in the request's encoding.
 *
 * <p>Errors of JSON requests are thrown as {@link AwsException} for the front door to render.
 * Errors of CBOR requests are rendered here, as CBOR {@code {"__type", "message"}} with the
 * {@code x-amzn-ErrorType} header, because SDK v2 parses a CBOR call's error body with its CBOR
 * parser: a JSON body would leave it with an unknown error instead of, say,
 * {@code ResourceNotFoundException}.
 */
public final class KinesisService implements AwsService {
    private final KinesisSettings settings;
    private final Map<String, Streams> regions = new ConcurrentHashMap<>();
    private final RecordOperations records = new RecordOperations();
    private volatile boolean throttling;
    private final KinesisStore store;

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
    }

    /** Turns AWS's per-shard throughput limits on or off (off for benchmarks and bulk loads). */
    public void setThrottlingEnabled(boolean enabled) {
        throttling = enabled;
    }

    public boolean throttlingEnabled() {
        return throttling;
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
        WireFormat format = WireFormat.of(request);
        try {
            String operation = request.operation()
                    .orElseThrow(() -> new AwsException("UnknownOperationException", null, 400));
            Input input = new Input(format.read(request.body()), format);
            Streams streams = streams(request.region());
            Map<String, Object> output;
            synchronized (streams) {
                try {
                    output = dispatch(operation, input, streams);
                } finally {
                    // Also after a refused call: any call may have applied a due status change.
                    store.save(streams);
                }
            }
            return new AwsResponse(200, format.contentType(), Map.of(), format.write(output));
        } catch (AwsException e) {
            if (format == WireFormat.CBOR) {
                return cborError(e);
            }
            throw e;
        }
    }

    private Map<String, Object> dispatch(String operation, Input in, Streams streams) {
        switch (operation) {
            case "CreateStream":
                return StreamOperations.createStream(in, streams);
            case "DescribeStream":
                return StreamOperations.describeStream(in, streams);
            case "DescribeStreamSummary":
                return StreamOperations.describeStreamSummary(in, streams);
            case "ListStreams":
                return StreamOperations.listStreams(in, streams);
            case "ListShards":
                return ShardOperations.listShards(in, streams);
            case "DeleteStream":
                return StreamOperations.deleteStream(in, streams);
            case "AddTagsToStream":
                return StreamOperations.addTags(in, streams);
            case "ListTagsForStream":
                return StreamOperations.listTags(in, streams);
            case "RemoveTagsFromStream":
                return StreamOperations.removeTags(in, streams);
            case "IncreaseStreamRetentionPeriod":
                return StreamOperations.increaseRetention(in, streams);
            case "DecreaseStreamRetentionPeriod":
                return StreamOperations.decreaseRetention(in, streams);
            case "SplitShard":
                return ShardOperations.splitShard(in, streams);
            case "MergeShards":
                return ShardOperations.mergeShards(in, streams);
            case "UpdateShardCount":
                return ShardOperations.updateShardCount(in, streams);
            case "PutRecord":
                return records.putRecord(in, streams);
            case "PutRecords":
                return records.putRecords(in, streams);
            case "GetShardIterator":
                return records.getShardIterator(in, streams);
            case "GetRecords":
                return records.getRecords(in, streams);
            default:
                throw AwsException.notImplemented("Kinesis", operation);
        }
    }

    private Streams streams(String region) {
        String key = region == null || region.isEmpty() ? "us-east-1" : region;
        return regions.computeIfAbsent(key, r -> new Streams(r, settings, () -> throttling));
    }

    private static AwsResponse cborError(AwsException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("__type", e.code());
        body.put("message", e.getMessage());
        return new AwsResponse(e.status(), WireFormat.CBOR.contentType(), Map.of("x-amzn-ErrorType", e.code()),
                WireFormat.CBOR.write(body));
    }
}
