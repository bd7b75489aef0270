package io.labrunner.labs.firehosevsstreams;

import io.labrunner.core.Capability;
import io.labrunner.core.Check;
import io.labrunner.core.Lab;
import io.labrunner.core.LabContext;
import io.labrunner.core.LabInfo;
import io.labrunner.core.Resource;
import io.labrunner.core.RunNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamStatus;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamType;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponse;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One feed, two services: every event goes into a Kinesis data stream and into a Firehose stream
 * that delivers to S3. The stream's consumer sees events within milliseconds and can read them
 * again; Firehose buffers them by size and time and writes each once into S3.
 */
public final class FirehoseVsStreamsLab implements Lab {
    static final String ID = "firehose-vs-streams";
    static final int EVENTS = 3_000;
    static final int BATCH = 500;
    /** Firehose's buffering hints for this lab. AWS's defaults are 5 MiB and 300 s; 0–900 s is allowed. */
    static final int BUFFER_MIB = 1;
    static final int BUFFER_SECONDS = 5;
    static final String PREFIX_ROOT = "events/";
    static final String PREFIX = PREFIX_ROOT + "!{timestamp:yyyy/MM/dd}/";
    static final String ERROR_PREFIX = "errors/!{firehose:error-output-type}/";
    static final String REPORT_KEY = "report/latency.properties";

    @Override
    public LabInfo info() {
        return new LabInfo(
                ID,
                "Kinesis Data Streams vs. Firehose: real time, near real time, replay",
                "Send one feed of 3,000 events into a data stream and into a Firehose stream to S3. Measure how soon"
                        + " each path shows an event, see Firehose cut S3 objects by its buffering hints, and replay"
                        + " the stream from TRIM_HORIZON, which Firehose cannot do.",
                "1 Data Preparation for Machine Learning",
                "1.1 Ingest and store data",
                List.of("Amazon Kinesis Data Streams", "Amazon Data Firehose", "Amazon S3", "AWS IAM"),
                30,
                "< $0.05",
                Set.of(Capability.KINESIS, Capability.FIREHOSE_S3, Capability.S3));
    }

    static String bucket(RunNames run) {
        return run.name("lake");
    }

    static String stream(RunNames run) {
        return run.name("feed");
    }

    static String deliveryStream(RunNames run) {
        return run.name("to-s3");
    }

    /** The guide's {@code $BUCKET}, {@code $STREAM} and {@code $DELIVERY_STREAM}. */
    @Override
    public Map<String, String> names(RunNames run) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("BUCKET", bucket(run));
        names.put("STREAM", stream(run));
        names.put("DELIVERY_STREAM", deliveryStream(run));
        return names;
    }

    @Override
    public void setup(LabContext ctx) throws Exception {
        String bucket = bucket(ctx);
        String stream = stream(ctx);
        String firehose = deliveryStream(ctx);
        ctx.step("Create bucket " + bucket, () -> ctx.create(Resource.bucket(bucket), () -> createBucket(ctx.s3(), bucket)));
        ctx.step("Create data stream " + stream + " with 2 shards and wait for ACTIVE", () ->
                ctx.create(Resource.stream(stream), () -> {
                    ctx.kinesis().createStream(r -> r.streamName(stream).shardCount(2));
                    ctx.kinesis().waiter().waitUntilStreamExists(r -> r.streamName(stream),
                            w -> w.backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(250))));
                    return stream;
                }));
        String roleArn = FirehoseRole.create(ctx, bucket);
        ctx.step("Create Firehose stream " + firehose + " to s3://" + bucket + "/" + PREFIX_ROOT
                + " (buffer " + BUFFER_MIB + " MiB or " + BUFFER_SECONDS + " s)", () ->
                ctx.create(Resource.deliveryStream(firehose), () -> createDeliveryStream(ctx, firehose, bucket, roleArn)));
        ctx.waitFor("Firehose stream " + firehose + " to be ACTIVE", Duration.ofMinutes(5), Duration.ofMillis(250), () ->
                ctx.firehose().describeDeliveryStream(r -> r.deliveryStreamName(firehose)).deliveryStreamDescription()
                        .deliveryStreamStatus() == DeliveryStreamStatus.ACTIVE ? Optional.of(true) : Optional.empty());
    }

    /**
     * DirectPut: producers call PutRecord/PutRecordBatch on Firehose itself. Objects land under a prefix
     * evaluated per object from the oldest record's arrival time; a prefix with expressions needs an
     * ErrorOutputPrefix for records Firehose cannot deliver.
     */
    private static String createDeliveryStream(LabContext ctx, String name, String bucket, String roleArn) {
        // On AWS a new role takes a few seconds to be usable by Firehose: retry while it says it cannot assume it.
        for (int attempt = 1; ; attempt++) {
            try {
                ctx.firehose().createDeliveryStream(r -> r.deliveryStreamName(name)
                        .deliveryStreamType(DeliveryStreamType.DIRECT_PUT)
                        .extendedS3DestinationConfiguration(d -> d
                                .bucketARN("arn:aws:s3:::" + bucket)
                                .roleARN(roleArn)
                                .prefix(PREFIX)
                                .errorOutputPrefix(ERROR_PREFIX)
                                .bufferingHints(h -> h.sizeInMBs(BUFFER_MIB).intervalInSeconds(BUFFER_SECONDS)))
                        .tags(ctx.tags().entrySet().stream().map(t -> software.amazon.awssdk.services.firehose.model.Tag
                                .builder().key(t.getKey()).value(t.getValue()).build()).toList()));
                return name;
            } catch (software.amazon.awssdk.services.firehose.model.InvalidArgumentException e) {
                if (attempt == 12 || !e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("role")) {
                    throw e;
                }
                sleep(5_000);
            }
        }
    }

    @Override
    public void solve(LabContext ctx) throws Exception {
        KinesisClient kinesis = ctx.kinesis();
        FirehoseClient firehose = ctx.firehose();
        String stream = stream(ctx);
        StreamTap consumer = new StreamTap(kinesis, stream);
        List<StreamTap.Received> received = new ArrayList<>();
        // When a poll of the bucket first saw each event: Firehose's latency as a reader of S3 sees it.
        // The bucket is polled during the feed too, or an early object would look as late as the feed is long.
        Map<Integer, Long> landedAt = new HashMap<>();
        Set<String> seenObjects = new HashSet<>();
        long feedStart = System.currentTimeMillis();

        ctx.step("Send 3,000 events to both, 500 at a time, reading the stream after each batch", () -> {
            for (int first = 0; first < EVENTS; first += BATCH) {
                List<FeedEvent> batch = new ArrayList<>();
                for (int id = first; id < first + BATCH; id++) {
                    batch.add(new FeedEvent(id, "device-" + (id % 50), System.currentTimeMillis()));
                }
                putIntoStream(kinesis, stream, batch);
                received.addAll(consumer.poll());
                putIntoFirehose(firehose, deliveryStream(ctx), batch);
                pollBucket(ctx, seenObjects, landedAt);
                // A shard allows 5 GetRecords calls per second: one poll per 250 ms stays under it.
                sleep(250);
            }
            received.addAll(consumer.readToEnd());
        });
        long feedEnd = System.currentTimeMillis();

        ctx.waitFor("all 3,000 events in S3", Duration.ofMinutes(10), Duration.ofMillis(200), () -> {
            pollBucket(ctx, seenObjects, landedAt);
            return landedAt.size() >= EVENTS ? Optional.of(true) : Optional.empty();
        });

        List<Long> streamLatency = received.stream().map(r -> r.receivedAtMs() - r.event().sentAtMs()).sorted().toList();
        Map<Integer, Long> sentAt = new HashMap<>();
        received.forEach(r -> sentAt.put(r.event().id(), r.event().sentAtMs()));
        List<Long> firehoseLatency = landedAt.entrySet().stream()
                .map(e -> e.getValue() - sentAt.getOrDefault(e.getKey(), feedStart)).sorted().toList();
        List<Deliveries.Delivered> objects = Deliveries.readAll(ctx.s3(), bucket(ctx));
        int replayed = new StreamTap(kinesis, stream).readToEnd().size();

        ctx.note(String.format("feed took %,d ms; stream consumer: p50 %,d ms, max %,d ms after the put",
                feedEnd - feedStart, median(streamLatency), max(streamLatency)));
        ctx.note(String.format("Firehose to S3: p50 %,d ms, max %,d ms; %d objects of %s bytes",
                median(firehoseLatency), max(firehoseLatency), objects.size(),
                objects.stream().map(o -> String.format("%,d", o.size())).toList()));
        ctx.note("replay from TRIM_HORIZON read " + replayed + " events again; Firehose has no read API to replay from");

        ctx.step("Write the measurements to s3://" + bucket(ctx) + "/" + REPORT_KEY, () ->
                ctx.s3().putObject(r -> r.bucket(bucket(ctx)).key(REPORT_KEY),
                        RequestBody.fromString("streamP50Ms=" + median(streamLatency) + "\nstreamMaxMs=" + max(streamLatency)
                                + "\nfirehoseP50Ms=" + median(firehoseLatency) + "\nfirehoseMaxMs=" + max(firehoseLatency)
                                + "\nobjects=" + objects.size() + "\nreplayed=" + replayed + "\n")));
    }

    /** Notes when each event first shows up in an object not seen before. */
    private static void pollBucket(LabContext ctx, Set<String> seenObjects, Map<Integer, Long> landedAt) {
        for (S3Object object : Deliveries.list(ctx.s3(), bucket(ctx))) {
            if (seenObjects.add(object.key())) {
                long seen = System.currentTimeMillis();
                Deliveries.read(ctx.s3(), bucket(ctx), object).events().forEach(e -> landedAt.putIfAbsent(e.id(), seen));
            }
        }
    }

    /** PutRecords, resending the entries a shard refused until none is left. */
    private static void putIntoStream(KinesisClient kinesis, String stream, List<FeedEvent> batch) {
        List<FeedEvent> pending = batch;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            List<FeedEvent> sending = pending;
            PutRecordsResponse response = kinesis.putRecords(r -> r.streamName(stream).records(sending.stream()
                    .map(e -> PutRecordsRequestEntry.builder().partitionKey(e.device())
                            .data(SdkBytes.fromUtf8String(e.toJsonLine())).build())
                    .toList()));
            List<FeedEvent> failed = new ArrayList<>();
            for (int i = 0; i < sending.size(); i++) {
                if (response.records().get(i).errorCode() != null) {
                    failed.add(sending.get(i));
                }
            }
            pending = failed;
            if (!failed.isEmpty()) {
                sleep(Math.min(1000, 50L << attempt));
            }
        }
    }

    /** PutRecordBatch answers per record too: resend the ones with an ErrorCode. */
    private static void putIntoFirehose(FirehoseClient firehose, String name, List<FeedEvent> batch) {
        List<FeedEvent> pending = batch;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            List<FeedEvent> sending = pending;
            PutRecordBatchResponse response = firehose.putRecordBatch(r -> r.deliveryStreamName(name).records(
                    sending.stream().map(e -> software.amazon.awssdk.services.firehose.model.Record.builder()
                            .data(SdkBytes.fromUtf8String(e.toJsonLine())).build()).toList()));
            List<FeedEvent> failed = new ArrayList<>();
            for (int i = 0; i < sending.size(); i++) {
                if (response.requestResponses().get(i).errorCode() != null) {
                    failed.add(sending.get(i));
                }
            }
            pending = failed;
            if (!failed.isEmpty()) {
                sleep(Math.min(1000, 50L << attempt));
            }
        }
    }

    /** One round of checks reads the bucket and the stream once (see {@link DeliveryChecks}). */
    @Override
    public List<Check> checks() {
        DeliveryChecks checks = new DeliveryChecks();
        return List.of(
                Check.of("Every event landed in S3 once, each object within the buffer interval", checks::everyEventLanded),
                Check.of("Object count and sizes follow the buffering hints", checks::objectsFollowHints),
                Check.of("The stream replays every event from TRIM_HORIZON", checks::streamReplays),
                Check.of("S3 got each event later than the stream did, and your measurement agrees with S3's own times",
                        checks::streamWasFaster));
    }

    private static String createBucket(S3Client s3, String bucket) {
        Region region = s3.serviceClientConfiguration().region();
        s3.createBucket(r -> {
            r.bucket(bucket);
            if (!Region.US_EAST_1.equals(region)) {
                r.createBucketConfiguration(c -> c.locationConstraint(region.id()));
            }
        });
        s3.waiter().waitUntilBucketExists(r -> r.bucket(bucket));
        return bucket;
    }

    static long median(List<Long> sorted) {
        return sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2);
    }

    static long max(List<Long> sorted) {
        return sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
