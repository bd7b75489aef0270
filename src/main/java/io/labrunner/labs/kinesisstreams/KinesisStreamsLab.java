package io.labrunner.labs.kinesisstreams;

import io.labrunner.core.Capability;
import io.labrunner.core.Check;
import io.labrunner.core.Lab;
import io.labrunner.core.LabContext;
import io.labrunner.core.LabInfo;
import io.labrunner.core.Resource;
import io.labrunner.core.RunNames;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A Kinesis data stream end to end: a producer spreads device events over shards by partition key
 * and retries what the shards throttle; the stream is resharded mid-feed; a consumer reads every
 * shard from TRIM_HORIZON, parents before children, and writes what it consumed to S3 for the checks.
 */
public final class KinesisStreamsLab implements Lab {
    static final String ID = "kinesis-streams";
    static final int DEVICES = 500;
    /** Events per phase: 3,000 × 2 KB is about 3 MB per shard pair, more than two shards take in a second (1 MiB/s each). */
    static final int EVENTS_PER_PHASE = 3_000;
    static final String CONSUMED_KEY = "consumer/consumed.csv";
    static final String PRODUCER_KEY = "producer/stats.properties";
    static final String REPORT_HEADER = "shard_id,partition_key,sequence_number,id,device,device_seq";

    @Override
    public LabInfo info() {
        return new LabInfo(
                ID,
                "Produce to and consume from a Kinesis data stream, through throttling and a reshard",
                "Send 6,000 device events over a two-shard stream by partition key, retry what the shards throttle,"
                        + " split a shard mid-feed, and consume every shard from TRIM_HORIZON, parents before children:"
                        + " nothing lost, nothing twice, each device in order.",
                "1 Data Preparation for Machine Learning",
                "1.1 Ingest and store data",
                List.of("Amazon Kinesis Data Streams", "Amazon S3"),
                30,
                "< $0.05",
                Set.of(Capability.KINESIS, Capability.S3));
    }

    static String stream(RunNames run) {
        return run.name("events");
    }

    static String bucket(RunNames run) {
        return run.name("reports");
    }

    /** The guide's {@code $STREAM} and {@code $BUCKET}. */
    @Override
    public Map<String, String> names(RunNames run) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("STREAM", stream(run));
        names.put("BUCKET", bucket(run));
        return names;
    }

    @Override
    public void setup(LabContext ctx) throws Exception {
        String stream = stream(ctx);
        String bucket = bucket(ctx);
        ctx.step("Create bucket " + bucket + " for the consumer's report", () ->
                ctx.create(Resource.bucket(bucket), () -> createBucket(ctx.s3(), bucket)));
        ctx.step("Create stream " + stream + " with 2 shards and wait for ACTIVE", () ->
                ctx.create(Resource.stream(stream), () -> {
                    ctx.kinesis().createStream(r -> r.streamName(stream).shardCount(2)
                            .streamModeDetails(m -> m.streamMode("PROVISIONED")));
                    waitForActive(ctx.kinesis(), stream);
                    ctx.kinesis().addTagsToStream(r -> r.streamName(stream).tags(ctx.tags()));
                    return stream;
                }));
    }

    @Override
    public void solve(LabContext ctx) throws Exception {
        KinesisClient kinesis = ctx.kinesis();
        String stream = stream(ctx);
        List<Event> feed = feed();
        Producer producer = new Producer(kinesis, stream);

        ctx.step("Produce the first 3,000 events over 2 shards, retrying throttled records", () ->
                producer.send(feed.subList(0, EVENTS_PER_PHASE)));
        ctx.note(producer.throttledEntries() + " records throttled and resent, " + producer.calls()
                + " PutRecords calls, " + producer.backoffMillis() + " ms backing off");

        ctx.step("Split the first shard in two and wait for ACTIVE", () -> splitFirstShard(kinesis, stream));

        ctx.step("Produce the next 3,000 events over the 3 open shards", () ->
                producer.send(feed.subList(EVENTS_PER_PHASE, feed.size())));
        ctx.note(producer.throttledEntries() + " records throttled in all, " + producer.calls() + " PutRecords calls");

        ShardReader reader = new ShardReader(kinesis, stream);
        List<ShardReader.Consumed> consumed = new ArrayList<>();
        ctx.step("Consume every shard from TRIM_HORIZON, parents before children", () ->
                consumed.addAll(reader.readAll()));
        Map<String, Long> perShard = consumed.stream()
                .collect(Collectors.groupingBy(ShardReader.Consumed::shardId, java.util.TreeMap::new, Collectors.counting()));
        perShard.forEach((shard, count) -> ctx.note(String.format("%-22s %,6d records", shard, count)));

        ctx.step("Write the consumer's report and the producer's counters to S3", () -> {
            S3Client s3 = ctx.s3();
            s3.putObject(r -> r.bucket(bucket(ctx)).key(CONSUMED_KEY).contentType("text/csv"),
                    RequestBody.fromString(toCsv(consumed)));
            s3.putObject(r -> r.bucket(bucket(ctx)).key(PRODUCER_KEY).contentType("text/plain"),
                    RequestBody.fromString("events=" + feed.size() + "\ncalls=" + producer.calls()
                            + "\nthrottledEntries=" + producer.throttledEntries()
                            + "\nbackoffMillis=" + producer.backoffMillis()
                            + "\nthrottledReads=" + reader.throttledReads() + "\n"));
        });
    }

    /** One round of checks reads the stream once (see {@link StreamChecks}), so each call makes a new one. */
    @Override
    public List<Check> checks() {
        StreamChecks checks = new StreamChecks();
        return List.of(
                Check.of("The stream holds every event of the feed once", checks::streamHoldsTheFeedOnce),
                Check.of("The producer met the shards' write limit and still delivered every event", checks::throttlingMet)
                        .needing(Capability.KINESIS_SHARD_LIMITS),
                Check.of("The partition keys spread the records across the shards", checks::spreadAcrossShards),
                Check.of("A shard was split mid-feed and read parent first, then its children", checks::reshardReadInOrder),
                // Both rely on records following the shards' hash-key ranges through the split, and on
                // GetRecords telling the end of a shard: a backend that does neither fails a right consumer.
                Check.of("Every event was consumed exactly once", checks::consumedOnce)
                        .needing(Capability.KINESIS_RESHARD_LINEAGE),
                Check.of("Each device's events were consumed in the order they were produced", checks::orderPerKey)
                        .needing(Capability.KINESIS_RESHARD_LINEAGE));
    }

    /** 6,000 events from 500 devices, each device numbering its own events: full 500-record batches, one event per device. */
    static List<Event> feed() {
        List<Event> events = new ArrayList<>();
        Map<String, Integer> perDevice = new HashMap<>();
        for (int id = 0; id < 2 * EVENTS_PER_PHASE; id++) {
            String device = String.format("device-%03d", (id * 37) % DEVICES);
            int seq = perDevice.merge(device, 1, Integer::sum) - 1;
            events.add(new Event(id, device, seq));
        }
        return events;
    }

    /**
     * Splits the shard covering hash key 0 at the middle of its range. The stream is UPDATING until
     * the two children are open; the parent closes and keeps its records until retention drops them.
     */
    private static void splitFirstShard(KinesisClient kinesis, String stream) {
        Shard parent = kinesis.listShards(r -> r.streamName(stream)).shards().stream()
                .filter(s -> s.hashKeyRange().startingHashKey().equals("0"))
                .findFirst().orElseThrow();
        BigInteger start = new BigInteger(parent.hashKeyRange().startingHashKey());
        BigInteger end = new BigInteger(parent.hashKeyRange().endingHashKey());
        BigInteger middle = start.add(end).shiftRight(1).add(BigInteger.ONE);
        kinesis.splitShard(r -> r.streamName(stream).shardToSplit(parent.shardId())
                .newStartingHashKey(middle.toString()));
        waitForActive(kinesis, stream);
    }

    /**
     * The SDK's waiter polls DescribeStream every 10 s by default: fine on AWS, where a stream takes
     * tens of seconds, slow against an emulator. A 250 ms poll stays well within DescribeStream's
     * 10 calls per second.
     */
    static void waitForActive(KinesisClient kinesis, String stream) {
        kinesis.waiter().waitUntilStreamExists(r -> r.streamName(stream),
                w -> w.backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(250)))
                        .waitTimeout(Duration.ofMinutes(5)));
    }

    /** The consumer's report: one line per feed event read; other records (the one sent by hand) are skipped. */
    static String toCsv(List<ShardReader.Consumed> consumed) {
        StringBuilder csv = new StringBuilder(REPORT_HEADER + "\n");
        for (ShardReader.Consumed c : consumed) {
            Event.tryParse(c.data()).ifPresent(e -> csv.append(c.shardId()).append(',').append(c.partitionKey())
                    .append(',').append(c.sequenceNumber()).append(',').append(e.toKey()).append('\n'));
        }
        return csv.toString();
    }

    private static String createBucket(S3Client s3, String bucket) {
        Region region = s3.serviceClientConfiguration().region();
        s3.createBucket(r -> {
            r.bucket(bucket);
            if (!Region.US_EAST_1.equals(region)) {
                // Outside us-east-1, S3 wants the bucket's region named in the request.
                r.createBucketConfiguration(c -> c.locationConstraint(region.id()));
            }
        });
        s3.waiter().waitUntilBucketExists(r -> r.bucket(bucket));
        return bucket;
    }
}
