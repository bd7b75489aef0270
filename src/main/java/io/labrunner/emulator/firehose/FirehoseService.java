package io.labrunner.emulator.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.AwsService;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.Protocol;
import io.labrunner.emulator.state.StateStore;
import java.io.IOException;
import io.labrunner.emulator.protocol.JsonProtocolService;
import io.labrunner.emulator.protocol.OperationHandler;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emulated Amazon Data Firehose with S3 destinations, on the protocol core: the core reads a request
 * ({@code X-Amz-Target: Firehose_20150804.<Op>}, JSON 1.1), checks it against Firehose's API model and
 * renders every error; this class holds what the model cannot say and the behaviour.
 * Records are buffered per delivery stream and written to S3 when the buffer reaches its
 * {@code SizeInMBs} or its oldest record has waited {@code IntervalInSeconds}, whichever comes first,
 * by a background deliverer. A KinesisStreamAsSource stream reads its Kinesis stream's shards from the
 * moment it was created, as a consumer of the emulator's own Kinesis. An ExtendedS3 destination with a
 * DataFormatConversionConfiguration has its JSON records converted to Parquet with a Glue table's columns
 * ({@code FormatConverter}); ORC is refused as not implemented.
 */
public final class FirehoseService implements AwsService {
    private static final Logger LOG = LoggerFactory.getLogger(FirehoseService.class);
    static final long MAX_BATCH_BYTES = 4L * 1024 * 1024;
    private static final String SLOW_DOWN = "Slow down.";

    private final FirehoseSettings settings;
    private final ObjectStore store;
    private final KinesisApi kinesis;
    private final GlueTables glue;
    /** Region → name → stream; guarded by {@code this}. */
    private final Map<String, Map<String, DeliveryStream>> regions = new HashMap<>();
    private final ScheduledExecutorService deliverer;
    /** Streams whose last delivery failed, so a failing destination is logged once, not every tick. */
    private final Set<DeliveryStream> failing = ConcurrentHashMap.newKeySet();
    private final FirehoseStore stored;
    private final JsonProtocolService protocol = operations();

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
        this.settings = settings;
        this.store = store;
        this.kinesis = kinesis;
        this.glue = glue;
        this.stored = new FirehoseStore(state);
        stored.load().forEach((region, list) -> list.forEach(s -> streams(region).put(s.name(), s)));
        if (settings.background()) {
            deliverer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "lab-emulator-firehose");
                t.setDaemon(true);
                return t;
            });
            long tick = settings.tick().toMillis();
            deliverer.scheduleWithFixedDelay(this::deliverQuietly, tick, tick, TimeUnit.MILLISECONDS);
        } else {
            deliverer = null;
        }
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

    private JsonProtocolService operations() {
        return JsonProtocolService.builder("firehose")
                // Outside the lock: checking a Kinesis source calls the Kinesis service.
                .handler("CreateDeliveryStream", (in, request) -> create(in, region(request)))
                .handler("DescribeDeliveryStream", locked((streams, in) -> Json.object()
                        .set("DeliveryStreamDescription", existing(streams, in).describe())))
                .handler("ListDeliveryStreams", locked(FirehoseService::list))
                .handler("DeleteDeliveryStream", locked(this::delete))
                .handler("PutRecord", locked(this::putRecord))
                .handler("PutRecordBatch", locked(this::putRecordBatch))
                .build();
    }

    /** Runs an operation on the request region's streams under the service's lock, status changes settled first. */
    private OperationHandler locked(BiFunction<Map<String, DeliveryStream>, ObjectNode, ObjectNode> operation) {
        return (in, request) -> {
            synchronized (this) {
                Map<String, DeliveryStream> streams = streams(region(request));
                settle(streams, now());
                return operation.apply(streams, in);
            }
        };
    }

    private static String region(AwsRequest request) {
        return request.region() == null || request.region().isEmpty() ? "us-east-1" : request.region();
    }

    private ObjectNode create(ObjectNode in, String region) {
        String name = in.get("DeliveryStreamName").textValue();
        String type = in.path("DeliveryStreamType").asText(DeliveryStream.DIRECT_PUT);
        if (type.equals("MSKAsSource") || type.equals("DatabaseAsSource")) {
            throw AwsException.notImplemented("Firehose", type + " delivery streams");
        }
        JsonNode plain = in.get("S3DestinationConfiguration");
        JsonNode extended = in.get("ExtendedS3DestinationConfiguration");
        boolean hasPlain = plain != null;
        boolean hasExtended = extended != null;
        if (hasPlain == hasExtended) {
            throw FirehoseErrors.invalidArgument(hasPlain
                    ? "Only one destination configuration is allowed."
                    : "Exactly one destination configuration must be specified (the emulator serves S3 and ExtendedS3).");
        }
        S3Destination destination = S3Destination.parse(hasPlain ? plain : extended, hasExtended);
        if (destination.converting() && glue == null) {
            throw AwsException.notImplemented("Firehose", "record format conversion without the emulator's Glue catalog");
        }
        String sourceArn = null;
        String sourceRole = null;
        JsonNode source = in.get("KinesisStreamSourceConfiguration");
        if (type.equals(DeliveryStream.KINESIS_SOURCE)) {
            if (source == null) {
                throw FirehoseErrors.invalidArgument(
                        "KinesisStreamSourceConfiguration is required for a KinesisStreamAsSource delivery stream.");
            }
            // The model requires both members and holds the ARN to a Kinesis stream's pattern.
            sourceArn = source.get("KinesisStreamARN").textValue();
            sourceRole = source.get("RoleARN").textValue();
            requireKinesisStream(region, sourceArn);
        } else if (source != null) {
            throw FirehoseErrors.invalidArgument(
                    "KinesisStreamSourceConfiguration is only allowed for a KinesisStreamAsSource delivery stream.");
        }
        synchronized (this) {
            Map<String, DeliveryStream> streams = streams(region);
            long now = now();
            settle(streams, now);
            if (streams.containsKey(name)) {
                throw FirehoseErrors.exists(name);
            }
            String arn = "arn:aws:firehose:" + region + ":" + FirehoseErrors.ACCOUNT + ":deliverystream/" + name;
            long activeAt = now + settings.createDelay().toMillis();
            DeliveryStream stream = new DeliveryStream(name, arn, type, now, activeAt, destination, sourceArn,
                    sourceRole);
            streams.put(name, stream);
            stored.created(region, stream, activeAt, hasPlain ? plain : extended, hasExtended);
            return Json.object().put("DeliveryStreamARN", arn);
        }
    }

    private void requireKinesisStream(String region, String streamArn) {
        if (kinesis == null) {
            throw AwsException.notImplemented("Firehose", "KinesisStreamAsSource without the emulator's Kinesis");
        }
        try {
            kinesis.call(region, "DescribeStreamSummary", Json.object().put("StreamARN", streamArn));
        } catch (AwsException e) {
            if (e.code().equals("ResourceNotFoundException")) {
                throw FirehoseErrors.invalidArgument("Kinesis stream " + streamArn + " does not exist.");
            }
            throw e;
        }
    }

    private static ObjectNode list(Map<String, DeliveryStream> streams, ObjectNode in) {
        int limit = in.has("Limit") ? in.get("Limit").intValue() : 10;
        String type = in.path("DeliveryStreamType").asText(null);
        String start = in.path("ExclusiveStartDeliveryStreamName").asText(null);
        List<String> names = new ArrayList<>();
        for (DeliveryStream s : streams.values()) {
            if ((type == null || type.equals(s.type())) && (start == null || s.name().compareTo(start) > 0)) {
                names.add(s.name());
            }
        }
        ObjectNode out = Json.object();
        ArrayNode page = out.putArray("DeliveryStreamNames");
        names.stream().limit(limit).forEach(page::add);
        out.put("HasMoreDeliveryStreams", names.size() > limit);
        return out;
    }

    private ObjectNode delete(Map<String, DeliveryStream> streams, ObjectNode in) {
        DeliveryStream stream = existing(streams, in);
        if (stream.status() == DeliveryStatus.CREATING) {
            // "You can't delete a Firehose stream that is in the CREATING state."
            // https://docs.aws.amazon.com/firehose/latest/APIReference/API_DeleteDeliveryStream.html
            throw FirehoseErrors.inUse(stream.name(), stream.status());
        }
        if (stream.status() != DeliveryStatus.DELETING) {
            stream.markDeleting(now() + settings.deleteDelay().toMillis());
            stored.save(regions);
        }
        return Json.object();
    }

    private ObjectNode putRecord(Map<String, DeliveryStream> streams, ObjectNode in) {
        DeliveryStream stream = writable(streams, in);
        byte[] data = data(in.get("Record"));
        if (!accept(stream, data, now())) {
            throw new AwsException("ServiceUnavailableException", SLOW_DOWN, 503);
        }
        return Json.object().put("RecordId", recordId()).put("Encrypted", false);
    }

    private ObjectNode putRecordBatch(Map<String, DeliveryStream> streams, ObjectNode in) {
        DeliveryStream stream = writable(streams, in);
        List<byte[]> decoded = new ArrayList<>();
        long total = 0;
        for (JsonNode record : in.get("Records")) {
            byte[] data = data(record);
            total += data.length;
            decoded.add(data);
        }
        // The model bounds each record and the count; the 4 MiB per call is a limit AWS enforces in code
        // (https://docs.aws.amazon.com/firehose/latest/APIReference/API_PutRecordBatch.html).
        if (total > MAX_BATCH_BYTES) {
            throw FirehoseErrors.invalidArgument("Records size exceeds 4 MiB limit");
        }
        long now = now();
        ObjectNode out = Json.object();
        ArrayNode responses = out.putArray("RequestResponses");
        int failed = 0;
        for (byte[] data : decoded) {
            if (accept(stream, data, now)) {
                responses.addObject().put("RecordId", recordId());
            } else {
                // Each record fails on its own, as PutRecordBatch reports throttling; the caller resends those.
                failed++;
                responses.addObject().put("ErrorCode", "ServiceUnavailableException").put("ErrorMessage", SLOW_DOWN);
            }
        }
        out.put("FailedPutCount", failed);
        out.put("Encrypted", false);
        return out;
    }

    /** A record's data, which the core has decoded from base64 and held to the model's 1,000 KiB. */
    private static byte[] data(JsonNode record) {
        return ((BinaryNode) record.get("Data")).binaryValue();
    }

    private DeliveryStream writable(Map<String, DeliveryStream> streams, JsonNode in) {
        DeliveryStream stream = existing(streams, in);
        if (stream.status() != DeliveryStatus.ACTIVE) {
            throw FirehoseErrors.notFound(stream.name());
        }
        if (stream.type().equals(DeliveryStream.KINESIS_SOURCE)) {
            throw FirehoseErrors.invalidArgument("This operation is not permitted on KinesisStreamAsSource delivery stream type.");
        }
        return stream;
    }

    private static DeliveryStream existing(Map<String, DeliveryStream> streams, JsonNode in) {
        String name = in.get("DeliveryStreamName").textValue();
        DeliveryStream stream = streams.get(name);
        if (stream == null) {
            throw FirehoseErrors.notFound(name);
        }
        return stream;
    }

    /**
     * Adds one record, delivering first if it would take the buffer past its size hint. False when the
     * stream's undelivered backlog is full because its destination keeps failing: the record is not taken.
     */
    private boolean accept(DeliveryStream stream, byte[] data, long now) {
        DeliveryBuffer buffer = stream.buffer();
        long limit = stream.destination().sizeLimitBytes();
        if (!buffer.isEmpty() && buffer.bytes() + data.length > limit) {
            flush(stream);
        }
        if (stream.pendingBytes() + data.length > backlogLimit(stream)) {
            return false;
        }
        buffer.add(data, now);
        if (buffer.bytes() >= limit) {
            flush(stream);
        }
        return true;
    }

    /** Undelivered bytes a stream holds while its destination fails: two buffers' worth. */
    private static long backlogLimit(DeliveryStream stream) {
        return 2 * stream.destination().sizeLimitBytes();
    }

    /**
     * Delivers a full or due buffer. A converting stream's buffer is sealed instead, and converted by
     * {@link #deliverDue()} outside the lock: converting up to 128 MiB with DuckDB takes seconds, during which
     * puts must not wait.
     */
    private void flush(DeliveryStream stream) {
        if (stream.destination().converting()) {
            stream.seal();
        } else {
            deliver(stream);
        }
    }

    /**
     * Writes the buffer to S3 as one object. A missing bucket or a refused write keeps the records buffered
     * and retried, as Firehose retries a failing S3 destination (for up to 24 hours on AWS); the records
     * leave the buffer only once their object is written.
     */
    private void deliver(DeliveryStream stream) {
        DeliveryBuffer buffer = stream.buffer();
        S3Destination destination = stream.destination();
        if (buffer.isEmpty() || !store.bucketExists(destination.bucket())) {
            return;
        }
        String key = Prefixes.objectKey(destination, stream.name(), stream.version(),
                Instant.ofEpochMilli(buffer.oldestArrivalMillis()));
        try {
            store.put(destination.bucket(), key, buffer.body(destination.gzip()));
        } catch (RuntimeException e) {
            deliveryFailed(stream, key, e);
            return;
        }
        buffer.drainEntries();
        stream.deliveredKeys().add(key);
        failing.remove(stream);
    }

    /** Logs the first failure of a streak once; the records stay pending and the next tick retries. */
    private void deliveryFailed(DeliveryStream stream, String key, RuntimeException e) {
        if (failing.add(stream)) {
            LOG.warn("Firehose {} cannot deliver to s3://{}/{} and keeps its records buffered: {}", stream.name(),
                    stream.destination().bucket(), key, e.getMessage());
        }
    }

    /**
     * Converts each sealed batch to one Parquet object and writes the records that did not convert to the
     * error output under {@code format-conversion-failed}, as Firehose does
     * (https://docs.aws.amazon.com/firehose/latest/dev/record-format-conversion-error-handling.html). Runs
     * outside the lock; a missing bucket keeps the batches sealed and retried.
     */
    private void deliverConverted(DeliveryStream stream) {
        S3Destination destination = stream.destination();
        if (!store.bucketExists(destination.bucket())) {
            return;
        }
        List<List<DeliveryBuffer.Entry>> batches;
        synchronized (this) {
            batches = stream.takeSealed();
        }
        FormatConversion conversion = destination.conversion();
        for (int i = 0; i < batches.size(); i++) {
            List<DeliveryBuffer.Entry> entries = batches.get(i);
            Instant oldest = Instant.ofEpochMilli(entries.get(0).arrivalMillis());
            FormatConverter.Result result = FormatConverter.convert(conversion, glue, entries);
            String dataKey = result.parquet() == null ? null
                    : Prefixes.objectKey(destination, stream.name(), stream.version(), oldest);
            String errorKey = result.failures().isEmpty() ? null : Prefixes.errorKey(destination, stream.name(),
                    stream.version(), oldest, ErrorOutput.FORMAT_CONVERSION_FAILED);
            try {
                // The error output is checked first: a batch is retried whole, so its data object is written last.
                if (errorKey != null) {
                    store.put(destination.bucket(), errorKey,
                            ErrorOutput.body(result.failures(), conversion.schema(), now()));
                }
                if (dataKey != null) {
                    store.put(destination.bucket(), dataKey, result.parquet());
                }
            } catch (RuntimeException e) {
                synchronized (this) {
                    stream.returnSealed(batches.subList(i, batches.size()));
                    deliveryFailed(stream, dataKey != null ? dataKey : errorKey, e);
                }
                return;
            }
            synchronized (this) {
                if (errorKey != null) {
                    stream.deliveredKeys().add(errorKey);
                }
                if (dataKey != null) {
                    stream.deliveredKeys().add(dataKey);
                }
                failing.remove(stream);
            }
        }
    }

    /**
     * Settles status changes, reads Kinesis sources and delivers every buffer whose interval has
     * passed. The background deliverer calls this every tick; tests with a manual clock call it directly.
     */
    public void deliverDue() {
        List<Map.Entry<String, DeliveryStream>> sources = new ArrayList<>();
        synchronized (this) {
            long now = now();
            for (Map.Entry<String, Map<String, DeliveryStream>> region : regions.entrySet()) {
                settle(region.getValue(), now);
                for (DeliveryStream s : region.getValue().values()) {
                    // A stream whose destination fails stops reading its source until its backlog drains.
                    if (s.status() == DeliveryStatus.ACTIVE && s.sourceStreamArn() != null
                            && s.pendingBytes() < backlogLimit(s)
                            && s.sourcePollDue(now, settings.sourcePollInterval().toMillis())) {
                        sources.add(Map.entry(region.getKey(), s));
                    }
                }
            }
        }
        for (Map.Entry<String, DeliveryStream> source : sources) {
            KinesisSourceReader.read(kinesis, source.getKey(), source.getValue(), this::acceptFromSource);
        }
        List<DeliveryStream> converting = new ArrayList<>();
        synchronized (this) {
            long now = now();
            for (Map<String, DeliveryStream> streams : regions.values()) {
                for (DeliveryStream s : streams.values()) {
                    if (s.status() == DeliveryStatus.ACTIVE && s.intervalDue(now)) {
                        flush(s);
                    }
                    if (s.hasSealed()) {
                        converting.add(s);
                    }
                }
            }
        }
        converting.forEach(this::deliverConverted);
        synchronized (this) {
            stored.save(regions);
        }
    }

    private synchronized void acceptFromSource(DeliveryStream stream, byte[] data) {
        if (stream.status() == DeliveryStatus.ACTIVE) {
            accept(stream, data, now());
        }
    }

    private void deliverQuietly() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            // One failed round must not stop the deliverer: the next tick tries again.
            LOG.warn("Firehose delivery failed", e);
        }
    }

    /** Keys this service has written for a stream, oldest first (for tests and diagnostics). */
    public synchronized List<String> deliveredKeys(String region, String streamName) {
        DeliveryStream s = streams(region).get(streamName);
        return s == null ? List.of() : List.copyOf(s.deliveredKeys());
    }

    private Map<String, DeliveryStream> streams(String region) {
        return regions.computeIfAbsent(region, r -> new TreeMap<>());
    }

    private void settle(Map<String, DeliveryStream> streams, long now) {
        streams.values().removeIf(s -> {
            boolean gone = s.deletionDue(now);
            if (gone) {
                failing.remove(s);
            }
            return gone;
        });
        streams.values().forEach(s -> s.settle(now));
    }

    private long now() {
        return settings.clock().millis();
    }

    private static String recordId() {
        byte[] id = new byte[56];
        ThreadLocalRandom.current().nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    /**
     * Stops the deliverer and delivers every buffer, due or not, so a graceful stop of the emulator loses
     * no record it accepted (a bucket that is gone keeps its records undelivered, as while running).
     */
    @Override
    public void close() {
        if (deliverer != null) {
            deliverer.shutdownNow();
            try {
                deliverer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<DeliveryStream> converting = new ArrayList<>();
        synchronized (this) {
            for (Map<String, DeliveryStream> streams : regions.values()) {
                for (DeliveryStream s : streams.values()) {
                    if (s.status() == DeliveryStatus.ACTIVE) {
                        flush(s);
                    }
                    if (s.hasSealed()) {
                        converting.add(s);
                    }
                }
            }
        }
        try {
            converting.forEach(this::deliverConverted);
        } catch (RuntimeException e) {
            LOG.warn("Firehose could not deliver its buffers on stop", e);
        }
        synchronized (this) {
            stored.save(regions);
        }
    }

    static BigDecimal seconds(long millis) {
        return BigDecimal.valueOf(millis, 3);
    }
}
