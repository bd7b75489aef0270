package io.labrunner.emulator.firehose;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.AwsService;
import io.labrunner.emulator.Protocol;
import io.labrunner.emulator.TaggableResources;
import io.labrunner.emulator.iam.access.ServiceAccess;
import io.labrunner.emulator.protocol.JsonProtocolService;
import io.labrunner.emulator.protocol.OperationHandler;
import io.labrunner.emulator.state.StateStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Emulated Amazon Data Firehose with S3 destinations, on the protocol core: the core reads a request
 * ({@code X-Amz-Target: Firehose_20150804.<Op>}, JSON 1.1), checks it against Firehose's API model and
 * renders every error; this class maps each operation to its handler in {@link DeliveryStreamOperations}
 * or {@link RecordOperations}. The {@link Deliverer} buffers records and writes them to S3 in the
 * background; a KinesisStreamAsSource stream reads its Kinesis stream's shards from the moment it was
 * created, as a consumer of the emulator's own Kinesis. An ExtendedS3 destination with a
 * DataFormatConversionConfiguration has its JSON records converted to Parquet with a Glue table's columns
 * ({@code FormatConverter}); ORC is refused as not implemented. The streams are in {@link DeliveryStreams},
 * written through by {@link FirehoseStore}.
 */
public final class FirehoseService implements AwsService, TaggableResources {
    private final FirehoseSettings settings;
    private final DeliveryStreams streams = new DeliveryStreams();
    private final FirehoseStore stored;
    private final Deliverer deliverer;
    private final JsonProtocolService protocol;

    /**
     * A Firehose without record format conversion (no Glue catalog to read schemas from).
     *
     * @param store   the S3 the streams deliver to
     * @param kinesis the Kinesis a KinesisStreamAsSource stream reads, or null to refuse that type
     */
    public FirehoseService(FirehoseSettings settings, ObjectStore store, KinesisApi kinesis) {
        this(settings, store, kinesis, null);
    }

    /**
     * @param store   the S3 the streams deliver to
     * @param kinesis the Kinesis a KinesisStreamAsSource stream reads, or null to refuse that type
     * @param glue    the Glue tables record format conversion reads schemas from, or null to refuse conversion
     */
    public FirehoseService(FirehoseSettings settings, ObjectStore store, KinesisApi kinesis, GlueTables glue) {
        this(settings, store, kinesis, glue, StateStore.none());
    }

    /**
     * A Firehose whose delivery streams are kept in {@code state}: loaded now, written through on every
     * change. Buffered records are not kept: see {@link FirehoseStore}.
     */
    public FirehoseService(FirehoseSettings settings, ObjectStore store, KinesisApi kinesis, GlueTables glue,
                           StateStore state) {
        this(settings, store, kinesis, glue, state, ServiceAccess.unrestricted());
    }

    /**
     * As the other constructor, with each stream writing to S3 with its destination's role and reading its Kinesis
     * source with its source's role, as {@code access} decides them: a refused write keeps the records buffered
     * and retried, as Firehose does with an S3.AccessDenied delivery error.
     */
    public FirehoseService(FirehoseSettings settings, ObjectStore store, KinesisApi kinesis, GlueTables glue,
                           StateStore state, ServiceAccess access) {
        this.settings = settings;
        this.stored = new FirehoseStore(state);
        stored.load().forEach((region, list) -> list.forEach(s -> streams.inRegion(region).put(s.name(), s)));
        DeliveryStreamOperations deliveryStreams = new DeliveryStreamOperations(settings, kinesis, glue, streams,
                stored);
        this.deliverer = new Deliverer(settings, store, kinesis, glue, streams, stored, access);
        RecordOperations records = new RecordOperations(deliverer, settings.clock());
        this.protocol = JsonProtocolService.builder("firehose")
                // Outside the lock: checking a Kinesis source calls the Kinesis service.
                .handler("CreateDeliveryStream", (in, request) -> deliveryStreams.create(in, request.regionOrDefault()))
                .handler("DescribeDeliveryStream", locked(DeliveryStreamOperations::describe))
                .handler("ListDeliveryStreams", locked(DeliveryStreamOperations::list))
                .handler("DeleteDeliveryStream", locked(deliveryStreams::delete))
                .handler("UpdateDestination", locked(deliveryStreams::updateDestination))
                .handler("TagDeliveryStream", locked(deliveryStreams::tag))
                .handler("UntagDeliveryStream", locked(deliveryStreams::untag))
                .handler("ListTagsForDeliveryStream", locked(DeliveryStreamOperations::listTags))
                .handler("PutRecord", locked(records::putRecord))
                .handler("PutRecordBatch", locked(records::putRecordBatch))
                .build();
    }

    /** Runs an operation on the request region's streams under the service's lock, status changes settled first. */
    private OperationHandler locked(BiFunction<Map<String, DeliveryStream>, ObjectNode, ObjectNode> operation) {
        return (in, request) -> {
            synchronized (streams) {
                Map<String, DeliveryStream> inRegion = streams.inRegion(request.regionOrDefault());
                streams.settle(inRegion, settings.clock().millis());
                return operation.apply(inRegion, in);
            }
        };
    }

    /** The delivery stream a request acts on, and the roles it passes ({@link FirehoseAccess}). */
    @Override
    public java.util.List<io.labrunner.emulator.iam.access.AccessRequest> accessRequests(AwsRequest request) {
        return FirehoseAccess.of(request);
    }

    @Override
    public String signingName() {
        return "firehose";
    }

    @Override
    public Protocol protocol() {
        return Protocol.JSON;
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        return protocol.handle(request);
    }

    /** The operations this emulator implements, by their model names. */
    Set<String> implementedOperations() {
        return protocol.operations();
    }

    /**
     * Settles status changes, reads Kinesis sources and delivers every buffer whose interval has
     * passed. The background deliverer calls this every tick; tests with a manual clock call it directly.
     */
    public void deliverDue() {
        deliverer.deliverDue();
    }

    /** Keys this service has written for a stream, oldest first (for tests and diagnostics). */
    public List<String> deliveredKeys(String region, String streamName) {
        synchronized (streams) {
            return streams.deliveredKeys(region, streamName);
        }
    }

    @Override
    public Set<String> arnServices() {
        return Set.of("firehose");
    }

    @Override
    public List<TaggedResource> taggedResources(String region) {
        synchronized (streams) {
            Map<String, DeliveryStream> inRegion = streams.inRegion(region);
            streams.settle(inRegion, settings.clock().millis());
            List<TaggedResource> out = new ArrayList<>();
            inRegion.values().forEach(s -> out.add(new TaggedResource(s.arn(), s.tags())));
            return out;
        }
    }

    @Override
    public void tag(String arn, Map<String, String> tags) {
        synchronized (streams) {
            DeliveryStreamOperations.addTags(byArn(arn), tags);
            stored.save(streams.byRegion());
        }
    }

    @Override
    public void untag(String arn, Collection<String> keys) {
        synchronized (streams) {
            byArn(arn).tags().keySet().removeAll(keys);
            stored.save(streams.byRegion());
        }
    }

    /** The stream an ARN {@code arn:aws:firehose:<region>:<account>:deliverystream/<name>} names, under the lock. */
    private DeliveryStream byArn(String arn) {
        String[] parts = arn.split(":", 6);
        String name = parts.length == 6 && parts[5].startsWith("deliverystream/")
                ? parts[5].substring("deliverystream/".length()) : arn;
        DeliveryStream stream = null;
        if (parts.length == 6 && parts[2].equals("firehose") && parts[4].equals(FirehoseErrors.ACCOUNT)) {
            Map<String, DeliveryStream> inRegion = streams.inRegion(parts[3]);
            streams.settle(inRegion, settings.clock().millis());
            stream = inRegion.get(name);
        }
        if (stream == null) {
            throw FirehoseErrors.notFound(name);
        }
        return stream;
    }

    /**
     * Stops the deliverer and delivers every buffer, due or not, so a graceful stop of the emulator loses
     * no record it accepted.
     */
    @Override
    public void close() {
        deliverer.close();
    }
}
